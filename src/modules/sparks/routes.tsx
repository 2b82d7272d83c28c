// Sparks (vonkjes): parse → authorize → service → render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../platform/forms.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { pageFromQuery, paginate } from '../../platform/pagination.js';
import { sendPhoto, uploadedPhoto } from '../../platform/photos.js';
import { formStamp, guardPublicForm, MIN_FORM_MS } from '../../platform/spam-guard.js';
import { moderationModule } from '../moderation/index.js';
import { networkModule } from '../network/index.js';
import { MAX_PHOTO_PIXELS } from './photos.js';
import { can, canSeePhoto } from './policy.js';
import { presentSpark } from './presenters.js';
import { SPARK_MAX, type SparksService, sparksService } from './service.js';
import { PublicSparkPage, WallPage } from './views/sparks.js';

/** A person needs at least this long to read the form and type a spark; bots are faster. */
export const MIN_SUBMIT_MS = MIN_FORM_MS;
/** Sparks per page of the wall. */
export const WALL_PAGE_SIZE = 50;
const checked = { config: { policy: 'check' as const } };
const open = { config: { policy: 'public' as const } };

/** The spark's text, as every spark form checks it. */
export const sparkText = z
  .string({ required_error: 'sparks.error.empty' })
  .trim()
  .min(1, 'sparks.error.empty')
  .max(SPARK_MAX, `sparks.error.tooLong|max=${SPARK_MAX}`)
  .describe('sparks.name.text');

const sparkSchema = z.object({
  text: sparkText,
  isPublic: z.literal('on').optional().describe('sparks.name.isPublic'),
  photoDescription: z
    .string()
    .trim()
    .max(200, 'form.tooLong|max=200')
    .default('')
    .describe('sparks.name.photoDescription'),
});

/**
 * The add-a-spark form as posted (on the wall, and in a meeting's sparks round): parses the
 * text, the public choice and the optional photo, and stores the spark. On bad input gives
 * the form state (errors per field, the input kept) and stores nothing.
 */
export async function addSparkFromForm(
  service: SparksService,
  input: { networkId: number; authorId: number; body: unknown; t: Translate },
): Promise<{ ok: true; id: number } | { ok: false; state: FormState }> {
  const body = (input.body ?? {}) as Record<string, unknown>;
  const fields = {
    text: body.text,
    isPublic: body.isPublic,
    photoDescription: body.photoDescription,
  };
  const form = parseForm(sparkSchema, fields, input.t);
  if (!form.ok) return { ok: false, state: { errors: form.errors, values: form.values } };
  const result = await service.addSpark({
    networkId: input.networkId,
    authorId: input.authorId,
    text: form.data.text,
    isPublic: form.data.isPublic === 'on',
    photoDescription: form.data.photoDescription,
    photo: uploadedPhoto(body),
  });
  if (result.ok) return result;
  const message = input.t(`sparks.error.${result.reason}`, {
    megapixels: MAX_PHOTO_PIXELS / 1_000_000,
  });
  return { ok: false, state: { errors: { photo: message }, values: formValues(fields) } };
}

export async function sparksRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service: SparksService = sparksService(context.db);
  const networks = networkModule.api.fromRequest(context.db);

  // ── Sparks: the wall ──────────────────────────────────────────────────────────────────

  async function showWall(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    state: FormState = {},
    status = 200,
  ) {
    const path = `/netwerk/${network.id}/vonkjes`;
    const paged = paginate(
      path,
      {},
      pageFromQuery(request.query),
      await service.countWall(network.id),
      WALL_PAGE_SIZE,
    );
    const rows = await service.listWall(network.id, paged.limit, paged.offset);
    const canModerate = can(request.actor, 'sparks.moderate', { networkId: network.id });
    const moderation = canModerate
      ? {
          href: moderationModule.api.queuePath(network.id, 'spark'),
          count: await service.countWaiting(network.id),
        }
      : null;
    const vm = {
      network,
      sparks: rows.map((s) =>
        presentSpark(request.t, request.lang, s, {
          personId: request.actor?.personId ?? null,
          coordinator: canModerate,
        }),
      ),
      pages: paged.model,
      moderation,
    };
    return reply.page((ctx) => <WallPage ctx={ctx} vm={vm} state={state} />, status);
  }

  app.get('/netwerk/:networkId/vonkjes', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'sparks.view', can);
    return showWall(request, reply, network);
  });

  app.post('/netwerk/:networkId/vonkjes', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'sparks.create', can);
    const added = await addSparkFromForm(service, {
      networkId: network.id,
      authorId: request.actor!.personId,
      body: request.body,
      t: request.t,
    });
    if (!added.ok) return showWall(request, reply, network, added.state, 400);
    reply.flash('ok', 'sparks.added');
    return reply.redirect(`/netwerk/${network.id}/vonkjes`, 303);
  });

  // ── Photos ────────────────────────────────────────────────────────────────────────────

  app.get('/vonkjes/foto/:photoId', open, async (request, reply) => {
    const parsed = idParam.safeParse((request.params as { photoId?: string }).photoId);
    const photo = parsed.success ? await service.findPhoto(parsed.data) : undefined;
    if (!photo || !canSeePhoto(request.actor, photo)) {
      return request.deny({
        action: 'sparks.photo',
        objectType: 'spark_photo',
        objectId: parsed.success ? parsed.data : undefined,
        networkId: photo?.networkId ?? null,
        status: 404,
      });
    }
    // Revalidated on every view: a photo taken down stops being served at once.
    return sendPhoto(reply, photo, photo.isPublic && photo.status === 'published');
  });

  // ── Sparks waiting for publication: on the moderation module's page ─────────────────

  /** The old queue's address: the coordinator goes to the one moderation page. */
  app.get('/netwerk/:networkId/vonkjes/moderatie', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'sparks.moderate', can);
    return reply.redirect(moderationModule.api.queuePath(network.id, 'spark'), 301);
  });

  /** Whether members' public sparks show at once; the form is on the moderation page. */
  app.post('/netwerk/:networkId/vonkjes/instelling', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'sparks.moderate', can);
    const atOnce = (request.body as { atOnce?: unknown } | undefined)?.atOnce === 'on';
    await service.saveMembersPublicAtOnce({
      networkId: network.id,
      atOnce,
      actorId: request.actor!.personId,
      origin: request.ip,
    });
    return reply
      .flash('ok', 'sparks.settings.saved')
      .redirect(moderationModule.api.queuePath(network.id), 303);
  });

  // ── From the neighbourhood: the public spark form ─────────────────────────────────────

  /** The public form; `stamp` is the guard's stamp (kept when the form is shown again). */
  function showPublicForm(
    reply: FastifyReply,
    network: { name: string; slug: string },
    state: FormState,
    stamp: string,
    status = 200,
  ) {
    return reply.page(
      (ctx) => <PublicSparkPage ctx={ctx} vm={{ network, stamp }} state={state} />,
      status,
    );
  }

  app.get('/buurt/:slug/vonkje', open, async (request, reply) => {
    const network = await networks.bySlug(request);
    return showPublicForm(reply, network, {}, formStamp(reply));
  });

  const publicSchema = z.object({
    text: sparkText,
    name: z
      .string()
      .trim()
      .max(80, 'form.tooLong|max=80')
      .default('')
      .describe('sparks.name.visitorName'),
  });

  app.post(
    '/buurt/:slug/vonkje',
    { config: { policy: 'public', rateLimit: { max: 5, timeWindow: 15 * 60_000 } } },
    async (request, reply) => {
      const network = await networks.bySlug(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const thanks = () =>
        reply.flash('ok', 'sparks.public.thanks').redirect(`/buurt/${network.slug}/vonkje`, 303);
      const guard = guardPublicForm(request, reply, body, MIN_SUBMIT_MS);
      // A filled-in hidden field: a robot. Answer as if all went well; store nothing.
      if (guard.robot) return thanks();
      // What the person typed is checked first: an empty or too long text gets its own
      // message, not "that was fast".
      const fields = { text: body.text, name: body.name };
      const form = parseForm(publicSchema, fields, request.t);
      if (!form.ok) {
        const state = { errors: form.errors, values: form.values };
        return showPublicForm(reply, network, state, guard.stamp, 400);
      }
      if (guard.problem) {
        const state = { errors: { text: request.t(guard.problem) }, values: formValues(fields) };
        return showPublicForm(reply, network, state, guard.stamp, 400);
      }
      await service.submitFromPublic(network.id, form.data.text, form.data.name);
      return thanks();
    },
  );
}
