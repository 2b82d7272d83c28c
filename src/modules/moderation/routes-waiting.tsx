// The coordinator's moderation page and the decisions on what waits for publication:
//   /netwerk/:networkId/moderatie[?soort=kind&pagina=n]             both sections
//   /netwerk/:networkId/moderatie/wacht/:kind/:id/publiceren        approve (with its choice)
//   /netwerk/:networkId/moderatie/wacht/:kind/:id/afwijzen          reject (with a reason)
// Both decisions go through the owning module's PublicationProvider (decision 0009); an item
// with a `version` is decided only as it was shown (the form sends the version back).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../platform/forms.js';
import { pageFromQuery, paginate } from '../../platform/pagination.js';
import type { networkModule } from '../network/index.js';
import { can } from './policy.js';
import {
  KIND_PARAM,
  kindLabel,
  presentQueueEntry,
  presentWaiting,
  queuePath,
} from './presenters.js';
import { type ModerationService, REASON_MAX, REASON_MIN } from './service.js';
import { QueuePage } from './views/queue.js';

/**
 * The message after a decision: done, no longer waiting, or changed since it was shown (after
 * an approval, the kind's own words: see PublicationWords).
 */
const flashKey = {
  rejected: 'moderation.waiting.rejected',
  gone: 'moderation.waiting.gone',
  changed: 'moderation.waiting.changed',
} as const;

/** Items waiting for publication per page of the moderation page. */
export const WAITING_PAGE_SIZE = 20;
const checked = { config: { policy: 'check' as const } };

type NetworkDetails = Awaited<
  ReturnType<ReturnType<typeof networkModule.api.fromRequest>['inUrl']>
>;

export function registerWaitingRoutes(
  app: FastifyInstance,
  options: {
    service: ModerationService;
    networks: ReturnType<typeof networkModule.api.fromRequest>;
  },
): void {
  const { service, networks } = options;

  /** The kind filter of the query or form: a known kind, else every kind (''). */
  function kindFrom(source: unknown): string {
    const value = (source as Record<string, unknown> | undefined)?.[KIND_PARAM];
    return typeof value === 'string' && service.waitingKinds.includes(value) ? value : '';
  }

  async function showQueue(
    request: FastifyRequest,
    reply: FastifyReply,
    network: NetworkDetails,
    kind: string,
    failed?: { key: string; state: FormState },
  ) {
    const { t, lang } = request;
    const path = queuePath(network.id);
    const only = kind === '' ? undefined : kind;
    const paged = paginate(
      path,
      { [KIND_PARAM]: kind },
      pageFromQuery(request.query),
      await service.countWaiting(network.id, only),
      WAITING_PAGE_SIZE,
    );
    const [waiting, settings, reported] = await Promise.all([
      service.listWaiting(network.id, only, paged, t),
      service.listSettings(network.id, t),
      service.listQueue(network.id),
    ]);
    const vm = {
      network,
      path,
      waiting: waiting.map((item) =>
        presentWaiting(t, lang, item, service.wordsOf(item.kind).approve),
      ),
      waitingTotal: paged.model.total,
      pages: paged.model,
      kinds: [
        { value: '', label: t('moderation.waiting.allKinds') },
        ...service.waitingKinds.map((k) => ({ value: k, label: kindLabel(t, k) })),
      ],
      kind,
      settings,
      reports: reported.map((entry) => presentQueueEntry(t, lang, entry)),
      failed,
    };
    return reply.page((ctx) => <QueuePage ctx={ctx} vm={vm} />, failed ? 400 : 200);
  }

  app.get('/netwerk/:networkId/moderatie', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'moderation.handle', can);
    return showQueue(request, reply, network, kindFrom(request.query));
  });

  /** The network (coordinator only) and its waiting item in the URL; else 404 (audited). */
  async function deciding(request: FastifyRequest) {
    const network = await networks.inUrl(request, 'moderation.handle', can);
    const params = request.params as { kind?: string; id?: string };
    const id = idParam.safeParse(params.id);
    const kind = String(params.kind ?? '');
    const item =
      id.success && service.waitingKinds.includes(kind)
        ? await service.findWaiting(network.id, kind, id.data, request.t)
        : undefined;
    if (!item) {
      return request.deny({
        action: 'moderation.handle',
        objectType: kind.slice(0, 40),
        objectId: id.success ? id.data : undefined,
        networkId: network.id,
        status: 404,
        // Often another coordinator decided it a moment ago: say so, and lead back.
        gone: {
          body: 'moderation.waiting.goneBody',
          back: { href: queuePath(network.id), label: 'moderation.waiting.backToQueue' },
        },
      });
    }
    const back = queuePath(network.id, kindFrom(request.body) || undefined);
    return { network, kind, id: item.id, back };
  }

  app.post(
    '/netwerk/:networkId/moderatie/wacht/:kind/:id/publiceren',
    checked,
    async (request, reply) => {
      const { network, kind, id, back } = await deciding(request);
      const { choice, version } = formValues(request.body);
      const result = await service.approve({
        actorId: request.actor!.personId,
        networkId: network.id,
        kind,
        id,
        choice: choice === '' ? undefined : choice,
        version,
        origin: request.ip,
        t: request.t,
      });
      return reply
        .flash(
          result === 'approved' ? 'ok' : 'error',
          result === 'approved' ? service.wordsOf(kind).approved : flashKey[result],
        )
        .redirect(back, 303);
    },
  );

  /** A refusal's reason: empty (then the service decides whether one is needed) or 5–1000. */
  const reasonSchema = z.object({
    reason: z
      .union([z.literal(''), z.string().trim().min(REASON_MIN).max(REASON_MAX)])
      .default('')
      .describe('moderation.name.reason'),
  });

  app.post(
    '/netwerk/:networkId/moderatie/wacht/:kind/:id/afwijzen',
    checked,
    async (request, reply) => {
      const { network, kind, id, back } = await deciding(request);
      const fields = { reason: formValues(request.body).reason?.trim() ?? '' };
      const key = `${kind}-${id}`;
      const fail = (message: string) =>
        showQueue(request, reply, network, kindFrom(request.body), {
          key,
          state: { errors: { [`reason-${key}`]: message }, values: formValues(fields) },
        });
      const form = parseForm(reasonSchema, fields, request.t);
      if (!form.ok) return fail(form.errors.reason ?? request.t('form.invalid'));
      const result = await service.reject({
        actorId: request.actor!.personId,
        networkId: network.id,
        kind,
        id,
        reason: form.data.reason,
        version: formValues(request.body).version,
        origin: request.ip,
        t: request.t,
      });
      if (result === 'reasonRequired') return fail(request.t('moderation.error.reasonRequired'));
      return reply
        .flash(result === 'rejected' ? 'ok' : 'error', flashKey[result])
        .redirect(back, 303);
    },
  );
}
