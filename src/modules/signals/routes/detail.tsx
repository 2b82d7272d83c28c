// One signal: details, duo, updates and status (the follow-up).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { experimentsModule } from '../../experiments/index.js';
import { can, signalResource, signalStatuses } from '../policy.js';
import { presentDetail } from '../presenters.js';
import type { LoadedSignal } from '../service/index.js';
import { SignalDetailPage } from '../views/detail.js';
import { checked, type SignalRouteKit } from './kit.js';

/** One signal: the page, joining and adding to the duo, updates, the next status. */
export function registerDetailRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, signalFor, db } = kit;

  // One signal: details, duo, status, updates.

  async function detailView(
    request: FastifyRequest,
    network: { id: number; name: string },
    loaded: LoadedSignal,
    state: FormState = {},
  ) {
    const actor = request.actor!;
    const { signal, followers } = loaded;
    const resource = signalResource(
      network.id,
      signal,
      followers.map((f) => f.personId),
    );
    const canManage = can(actor, 'signal.manage', resource);
    const [updates, members, revisions, linked] = await Promise.all([
      service.listUpdates(network.id, signal.id),
      canManage ? service.listMembers(network.id) : Promise.resolve([]),
      service.listRevisions(network.id, signal.id),
      experimentsModule.api.listForSignal(db, request.t, actor, network.id, signal.id),
    ]);
    // A person-bound signal is not a starting point for an experiment the network sees.
    const experiments = {
      ...linked,
      startPath: signal.personBound ? undefined : linked.startPath,
    };
    const vm = presentDetail(
      request.t,
      request.lang,
      {
        network,
        loaded,
        updates,
        members,
        revisions,
        canEdit: can(actor, 'signal.edit', resource),
        canJoin: can(actor, 'signal.join', resource),
        canPost: can(actor, 'signal.post', resource),
        canManage,
        canLeave: can(actor, 'signal.leave', resource),
      },
      state,
    );
    return { ...vm, experiments };
  }

  app.get('/netwerk/:networkId/signalen/:signalId', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.read');
    if (loaded.signal.personBound) {
      await service.recordPersonalRead(request.actor!, loaded.signal, request.ip);
    }
    const vm = await detailView(request, network, loaded);
    return reply.page((ctx) => <SignalDetailPage ctx={ctx} vm={vm} />);
  });

  const detailPath = (networkId: number, signalId: number) =>
    `/netwerk/${networkId}/signalen/${signalId}`;

  app.post('/netwerk/:networkId/signalen/:signalId/duo', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.join');
    await service.joinDuo(request.actor!, network.id, loaded.signal.id);
    return reply
      .flash('ok', 'signals.duo.joined')
      .redirect(detailPath(network.id, loaded.signal.id), 303);
  });

  app.post(
    '/netwerk/:networkId/signalen/:signalId/duo/toevoegen',
    checked,
    async (request, reply) => {
      const { network, loaded } = await signalFor(request, 'signal.manage');
      const person = idParam.safeParse(formValues(request.body).personId);
      const added =
        person.success && (await service.addFollower(network.id, loaded.signal.id, person.data));
      return reply
        .flash(added ? 'ok' : 'error', added ? 'signals.duo.added' : 'form.choose')
        .redirect(detailPath(network.id, loaded.signal.id), 303);
    },
  );

  app.post('/netwerk/:networkId/signalen/:signalId/bericht', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.post');
    const form = parseForm(
      z.object({ text: z.string().trim().min(1).max(4000).describe('signals.name.update') }),
      request.body,
      request.t,
    );
    if (!form.ok) {
      const vm = await detailView(request, network, loaded, {
        errors: form.errors,
        values: form.values,
      });
      return reply.page((ctx) => <SignalDetailPage ctx={ctx} vm={vm} />, 400);
    }
    await service.postUpdate(request.actor!, network.id, loaded.signal.id, form.data.text);
    return reply
      .flash('ok', 'signals.updates.posted')
      .redirect(detailPath(network.id, loaded.signal.id), 303);
  });

  app.post('/netwerk/:networkId/signalen/:signalId/status', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.manage');
    const t = request.t;
    const form = parseForm(
      z.object({
        to: z.enum(signalStatuses).describe('signals.name.status'),
        outcome: z.string().trim().max(4000).optional().describe('signals.name.outcome'),
      }),
      request.body,
      t,
    );
    const result = form.ok
      ? await service.changeStatus(request.actor!, loaded, form.data.to, form.data.outcome)
      : 'notAllowed';
    if (result === 'ok' && form.ok) {
      return reply
        .flash('ok', 'signals.status.changed', { status: t(`signals.status.${form.data.to}`) })
        .redirect(detailPath(network.id, loaded.signal.id), 303);
    }
    const field = result === 'outcomeRequired' ? 'outcome' : 'to';
    const message = t(`signals.status.${result === 'ok' ? 'notAllowed' : result}`);
    const fresh = (await service.findSignal(network.id, loaded.signal.id)) ?? loaded;
    const vm = await detailView(request, network, fresh, {
      errors: { [field]: message },
      values: formValues(request.body),
    });
    return reply.page((ctx) => <SignalDetailPage ctx={ctx} vm={vm} />, 400);
  });

  app.post(
    '/netwerk/:networkId/signalen/:signalId/status/terug',
    checked,
    async (request, reply) => {
      const { network, loaded } = await signalFor(request, 'signal.manage');
      const t = request.t;
      const form = parseForm(
        z.object({
          reason: z.string().trim().max(1000).optional().describe('signals.name.reason'),
        }),
        request.body,
        t,
      );
      const result = form.ok
        ? await service.stepBack(request.actor!, loaded, form.data.reason, request.ip)
        : 'reasonRequired';
      if (result === 'ok') {
        const fresh = await service.findSignal(network.id, loaded.signal.id);
        const status = fresh?.signal.status ?? loaded.signal.status;
        return reply
          .flash('ok', 'signals.status.changed', { status: t(`signals.status.${status}`) })
          .redirect(detailPath(network.id, loaded.signal.id), 303);
      }
      const message = form.ok
        ? t(
            result === 'reasonRequired'
              ? 'signals.status.back.required'
              : 'signals.status.back.none',
          )
        : (form.errors.reason ?? t('signals.status.back.required'));
      const fresh = (await service.findSignal(network.id, loaded.signal.id)) ?? loaded;
      const vm = await detailView(request, network, fresh, {
        errors: { reason: message },
        values: formValues(request.body),
      });
      return reply.page((ctx) => <SignalDetailPage ctx={ctx} vm={vm} />, 400);
    },
  );

  app.post(
    '/netwerk/:networkId/signalen/:signalId/duo/verlaten',
    checked,
    async (request, reply) => {
      const { network, loaded } = await signalFor(request, 'signal.leave');
      await service.leaveDuo(request.actor!, network.id, loaded.signal.id);
      return reply
        .flash('ok', 'signals.duo.left')
        .redirect(detailPath(network.id, loaded.signal.id), 303);
    },
  );
}
