// Moderation after publication: parse → authorize → service → render or redirect.
//   /melden/:kind/:id                          anyone who sees an item reports it
//   /intrekken/:kind/:id                       its author withdraws it
//   /netwerk/:networkId/moderatie              the coordinator's page (routes-waiting.tsx)
//   /netwerk/:networkId/moderatie/:kind/:id    one reported item: hide (with a reason) or keep
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { isMemberOf } from '../../platform/actor.js';
import { ErrorPage } from '../../platform/errors.js';
import { type FormState, formValues, parseForm } from '../../platform/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import {
  type ModeratedItem,
  ModerationRefused,
  type ModuleContext,
} from '../../platform/module.js';
import { formStamp, guardPublicForm } from '../../platform/spam-guard.js';
import { baseUrl } from '../../platform/urls.js';
import { networkModule } from '../network/index.js';
import { can, canSee } from './policy.js';
import { kindLabel } from './presenters.js';
import { registerWaitingRoutes } from './routes-waiting.js';
import { moderationService, REASON_MAX, REASON_MIN } from './service.js';
import { ItemPage, ReportPage } from './views/pages.js';

const open = { config: { policy: 'public' as const } };
const signedIn = { config: { policy: 'signedIn' as const } };
const checked = { config: { policy: 'check' as const } };
/** Reports per address: this many per quarter of an hour, then 429. */
export const REPORT_LIMIT = { max: 5, timeWindow: 15 * 60_000 };

const reasonSchema = z.object({
  reason: z.string().trim().min(REASON_MIN).max(REASON_MAX).describe('moderation.name.reason'),
});

/** 409: the item's module refuses the change (for example a budget proposal once voted on). */
function refused(reply: FastifyReply, error: ModerationRefused, back: string) {
  return reply.page(
    (ctx) => (
      <ErrorPage
        ctx={ctx}
        vm={{
          title: 'moderation.refused.title',
          body: error.messageKey,
          back: { href: back, label: 'moderation.refused.back' },
        }}
      />
    ),
    409,
  );
}

export async function moderationRoutes(
  app: FastifyInstance,
  context: ModuleContext,
): Promise<void> {
  const service = moderationService({
    db: context.db,
    mailer: context.mailer,
    providers: context.moderationProviders,
    publication: context.publicationProviders,
    siteUrl: baseUrl(context.config),
  });
  const networks = networkModule.api.fromRequest(context.db);
  const names = networkModule.api.networks(context.db);

  /** The item in the URL if the actor may see it; otherwise 404 (audited). */
  async function itemFromUrl(request: FastifyRequest): Promise<ModeratedItem> {
    const params = request.params as { kind?: string; id?: string };
    const id = idParam.safeParse(params.id);
    const kind = String(params.kind ?? '');
    const item =
      id.success && service.kinds.includes(kind)
        ? await service.findItem(kind, id.data)
        : undefined;
    if (!item || !canSee(request.actor, item)) {
      return request.deny({
        action: 'moderation.view',
        objectType: kind.slice(0, 40),
        objectId: id.success ? id.data : undefined,
        status: 404,
      });
    }
    return item;
  }

  /** Back from a report: members to where the item stands, visitors to the public page. */
  async function backFor(request: FastifyRequest, item: ModeratedItem): Promise<string> {
    const actor = request.actor;
    if (actor && (actor.isAdmin || isMemberOf(actor, item.networkId))) return item.path;
    const network = await names.findNetworkById(item.networkId);
    return network ? `/buurt/${network.slug}` : '/';
  }

  async function showReport(
    request: FastifyRequest,
    reply: FastifyReply,
    item: ModeratedItem,
    state: FormState,
    stamp: string | undefined,
    status = 200,
  ) {
    const vm = {
      action: `/melden/${item.kind}/${item.id}`,
      back: await backFor(request, item),
      kind: kindLabel(request.t, item.kind),
      text: item.text,
      stamp,
    };
    return reply.page((ctx) => <ReportPage ctx={ctx} vm={vm} state={state} />, status);
  }

  async function reportable(request: FastifyRequest): Promise<ModeratedItem> {
    const item = await itemFromUrl(request);
    if (!can(request.actor, 'moderation.report', { networkId: item.networkId, item })) {
      return request.deny({
        action: 'moderation.report',
        objectType: item.kind,
        objectId: item.id,
        networkId: item.networkId,
        status: 404,
      });
    }
    return item;
  }

  app.get('/melden/:kind/:id', open, async (request, reply) => {
    const item = await reportable(request);
    return showReport(request, reply, item, {}, request.actor ? undefined : formStamp(reply));
  });

  app.post(
    '/melden/:kind/:id',
    { config: { policy: 'public', rateLimit: REPORT_LIMIT } },
    async (request, reply) => {
      const item = await reportable(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const back = await backFor(request, item);
      const thanks = () => reply.flash('ok', 'moderation.report.thanks').redirect(back, 303);
      // Visitors' reports pass the public form guard; members' carry their session.
      const guard = request.actor ? undefined : guardPublicForm(request, reply, body);
      if (guard?.robot) return thanks();
      const fields = { reason: body.reason };
      const form = parseForm(reasonSchema, fields, request.t);
      if (!form.ok) {
        const state = { errors: form.errors, values: form.values };
        return showReport(request, reply, item, state, guard?.stamp, 400);
      }
      if (guard?.problem) {
        const state = { errors: { reason: request.t(guard.problem) }, values: formValues(fields) };
        return showReport(request, reply, item, state, guard.stamp, 400);
      }
      await service.report(item, form.data.reason, request.actor?.personId ?? null, request.ip);
      return thanks();
    },
  );

  app.post('/intrekken/:kind/:id', signedIn, async (request, reply) => {
    const item = await itemFromUrl(request);
    const actor = request.actor;
    if (!actor || !can(actor, 'moderation.withdraw', { networkId: item.networkId, item })) {
      return request.deny({
        action: 'moderation.withdraw',
        objectType: item.kind,
        objectId: item.id,
        networkId: item.networkId,
        status: 403,
      });
    }
    let done: boolean;
    try {
      done = await service.withdraw(actor.personId, item, request.ip);
    } catch (error) {
      if (error instanceof ModerationRefused) return refused(reply, error, item.path);
      throw error;
    }
    return reply
      .flash(done ? 'ok' : 'error', done ? 'moderation.withdrawn' : 'moderation.gone')
      .redirect(item.path.replace(/#.*$/, ''), 303);
  });

  // ── The coordinator ───────────────────────────────────────────────────────────────────

  registerWaitingRoutes(app, { service, networks });

  /** The network (coordinator only) and the item of that network in the URL. */
  async function handling(request: FastifyRequest) {
    const network = await networks.inUrl(request, 'moderation.handle', can);
    const item = await itemFromUrl(request);
    if (item.networkId !== network.id) {
      return request.deny({
        action: 'moderation.handle',
        objectType: item.kind,
        objectId: item.id,
        networkId: network.id,
        status: 404,
      });
    }
    return { network, item };
  }

  async function showItem(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number },
    item: ModeratedItem,
    state: FormState,
    status = 200,
  ) {
    const reports = await service.listOpenReports(item);
    const vm = {
      kind: kindLabel(request.t, item.kind),
      text: item.text,
      state: request.t(`moderation.state.${item.state}`),
      published: item.state === 'published',
      reasons: reports.map((r) => ({ text: r.reason, at: formatDate(request.lang, r.createdAt) })),
      action: `/netwerk/${network.id}/moderatie/${item.kind}/${item.id}`,
      back: `/netwerk/${network.id}/moderatie`,
    };
    return reply.page((ctx) => <ItemPage ctx={ctx} vm={vm} state={state} />, status);
  }

  app.get('/netwerk/:networkId/moderatie/:kind/:id', checked, async (request, reply) => {
    const { network, item } = await handling(request);
    return showItem(request, reply, network, item, {});
  });

  app.post('/netwerk/:networkId/moderatie/:kind/:id/verbergen', checked, async (request, reply) => {
    const { network, item } = await handling(request);
    const fields = { reason: (request.body as Record<string, unknown> | undefined)?.reason };
    const form = parseForm(reasonSchema, fields, request.t);
    if (!form.ok) {
      return showItem(
        request,
        reply,
        network,
        item,
        { errors: form.errors, values: form.values },
        400,
      );
    }
    let done: boolean;
    try {
      done = await service.hide(request.actor!.personId, item, form.data.reason, request.ip);
    } catch (error) {
      if (error instanceof ModerationRefused)
        return refused(reply, error, `/netwerk/${network.id}/moderatie`);
      throw error;
    }
    return reply
      .flash(done ? 'ok' : 'error', done ? 'moderation.hidden' : 'moderation.gone')
      .redirect(`/netwerk/${network.id}/moderatie`, 303);
  });

  app.post(
    '/netwerk/:networkId/moderatie/:kind/:id/laten-staan',
    checked,
    async (request, reply) => {
      const { network, item } = await handling(request);
      await service.keep(request.actor!.personId, item, request.ip);
      return reply.flash('ok', 'moderation.kept').redirect(`/netwerk/${network.id}/moderatie`, 303);
    },
  );
}
