// Signals pages: parse → authorize → service → render or redirect.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404, idParam, networkFromUrl } from '../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../platform/forms.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { checkFormStamp, formStamp, honeypotFilled } from '../../platform/spam-guard.js';
import { networkModule } from '../network/index.js';
import { can, type SignalAction, seesAllPersonBound, signalStatuses } from './policy.js';
import {
  listedStatuses,
  originOptions,
  presentDetail,
  presentList,
  presentModeration,
  presentPattern,
  presentThemes,
  raisedByOptions,
  raisedByValues,
  themeOptions,
} from './presenters.js';
import { type LoadedSignal, reviewPersonalDetails, signalsService } from './service.js';
import {
  ModerationPage,
  NewSignalPage,
  PatternPage,
  PublicSignalPage,
  SignalDetailPage,
  SignalListPage,
  ThemesPage,
} from './views/pages.js';

const checked = { config: { policy: 'check' as const } };
/** Public submissions per address: this many per window, then 429. */
export const PUBLIC_FORM_LIMIT = { max: 5, timeWindow: 15 * 60_000 };

export async function signalsRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = signalsService(context.db);
  const networks = networkModule.api.networks(context.db);

  /** The network of a member page, with the signals policy applied; otherwise 404. */
  const networkFor = (request: FastifyRequest, action: SignalAction) =>
    networkFromUrl(request, action, networks.findNetworkById, (networkId) =>
      can(request.actor, action, { networkId }),
    );

  /** A signal of this network the actor may act on, or 404 (never one of another network). */
  async function signalFor(
    request: FastifyRequest,
    action: SignalAction,
  ): Promise<{ network: { id: number; name: string }; loaded: LoadedSignal }> {
    const network = await networkFor(request, 'signals.view');
    const event = { action, objectType: 'signal', networkId: network.id };
    const loaded = await findInNetworkOr404(
      request,
      'signalId',
      (id) => service.findSignal(network.id, id),
      event,
    );
    const allowed = can(request.actor, action, {
      networkId: network.id,
      signal: {
        personBound: loaded.signal.personBound,
        status: loaded.signal.status,
        followerIds: loaded.followers.map((f) => f.personId),
      },
    });
    await request.authorize(allowed, { ...event, objectId: loaded.signal.id, status: 404 });
    return { network, loaded };
  }

  // The list, with filters checked against the known values (unknown ones are ignored).

  app.get('/netwerk/:networkId/signalen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.view');
    const actor = request.actor!;
    const themes = await service.listThemes(network.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const status = z.enum(listedStatuses).safeParse(query.status);
    const theme = z
      .string()
      .refine((v) => themes.includes(v))
      .safeParse(query.thema);
    const all = seesAllPersonBound(actor, network.id);
    const [rows, hidden] = await Promise.all([
      service.listSignals(network.id, {
        status: status.success ? status.data : undefined,
        theme: theme.success ? theme.data : undefined,
        viewerId: actor.personId,
        allPersonBound: all,
      }),
      all ? Promise.resolve(0) : service.countHiddenPersonBound(network.id, actor.personId),
    ]);
    const vm = presentList(request.t, request.lang, {
      network,
      rows,
      hiddenPersonBound: hidden,
      filter: {
        status: status.success ? status.data : '',
        theme: theme.success ? theme.data : '',
      },
      themes,
      canCreate: can(actor, 'signals.create', { networkId: network.id }),
      canModerate: can(actor, 'signals.moderate', { networkId: network.id }),
    });
    return reply.page((ctx) => <SignalListPage ctx={ctx} vm={vm} />);
  });

  // A new signal.

  async function newView(request: FastifyRequest, network: { id: number; name: string }) {
    return {
      network,
      themeOptions: themeOptions(request.t, await service.listThemes(network.id)),
      raisedByOptions: raisedByOptions(request.t),
      originOptions: originOptions(request.t),
    };
  }

  app.get('/netwerk/:networkId/signalen/nieuw', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.create');
    const vm = await newView(request, network);
    return reply.page((ctx) => <NewSignalPage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/signalen/nieuw', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.create');
    const themes = await service.listThemes(network.id);
    const schema = z.object({
      title: z.string().trim().min(1).max(120),
      description: z.string().trim().max(4000).default(''),
      theme: z.string().refine((v) => themes.includes(v), 'form.choose'),
      place: z.string().trim().max(120).default(''),
      trigger: z.string().trim().max(1000).default(''),
      raisedBy: z.enum(raisedByValues),
      origin: z.enum(['meeting', 'street', 'other']),
      personBound: z.literal('on').optional(),
      bevestigd: z.string().max(50).optional(),
    });
    const form = parseForm(schema, request.body, request.t);
    if (!form.ok) {
      const vm = { ...(await newView(request, network)), errors: form.errors, values: form.values };
      return reply.page((ctx) => <NewSignalPage ctx={ctx} vm={vm} />, 400);
    }
    const d = form.data;
    const warning = reviewPersonalDetails(
      [d.title, d.description, d.place, d.trigger],
      d.bevestigd,
    );
    if (warning) {
      // A warning, not an error: the same text sent again is saved.
      const vm = {
        ...(await newView(request, network)),
        values: formValues(request.body),
        warnings: warning.found.map((f) => request.t(`signals.warning.${f}`)),
        fingerprint: warning.fingerprint,
      };
      return reply.page((ctx) => <NewSignalPage ctx={ctx} vm={vm} />);
    }
    const id = await service.createSignal(request.actor!, network.id, {
      title: d.title,
      description: d.description,
      theme: d.theme,
      place: d.place,
      trigger: d.trigger,
      raisedBy: d.raisedBy,
      origin: d.origin,
      personBound: d.personBound === 'on',
    });
    return reply
      .flash('ok', 'signals.created')
      .redirect(`/netwerk/${network.id}/signalen/${id}`, 303);
  });

  // The pattern: counts per theme and month (person-bound signals as numbers only).

  app.get('/netwerk/:networkId/signalen/patroon', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.view');
    const vm = presentPattern(request.t, network, await service.summarisePattern(network.id));
    return reply.page((ctx) => <PatternPage ctx={ctx} vm={vm} />);
  });

  // Moderation of public submissions.

  app.get('/netwerk/:networkId/signalen/moderatie', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const [pending, themes] = await Promise.all([
      service.listPending(network.id),
      service.listThemes(network.id),
    ]);
    const vm = presentModeration(request.t, request.lang, network, pending, themes);
    return reply.page((ctx) => <ModerationPage ctx={ctx} vm={vm} />);
  });

  /** The id of a submission of this network that waits for moderation; otherwise 404. */
  async function pendingId(request: FastifyRequest, networkId: number): Promise<number> {
    const pending = await findInNetworkOr404(
      request,
      'signalId',
      async (id) => {
        const found = await service.findSignal(networkId, id);
        return found?.signal.status === 'pending' ? found.signal : undefined;
      },
      { action: 'signals.moderate', objectType: 'signal', networkId },
    );
    return pending.id;
  }

  app.post('/netwerk/:networkId/signalen/:signalId/goedkeuren', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const id = await pendingId(request, network.id);
    const themes = await service.listThemes(network.id);
    const theme = z
      .string()
      .refine((v) => themes.includes(v))
      .safeParse(formValues(request.body).theme);
    await service.approvePending(
      request.actor!,
      network.id,
      id,
      theme.success ? theme.data : 'other',
      request.ip,
    );
    return reply
      .flash('ok', 'signals.moderation.approved')
      .redirect(`/netwerk/${network.id}/signalen/moderatie`, 303);
  });

  app.post('/netwerk/:networkId/signalen/:signalId/afwijzen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const id = await pendingId(request, network.id);
    await service.rejectPending(request.actor!, network.id, id, request.ip);
    return reply
      .flash('ok', 'signals.moderation.rejected')
      .redirect(`/netwerk/${network.id}/signalen/moderatie`, 303);
  });

  // The network's extra themes.

  async function themesView(network: { id: number; name: string }, t: Translate) {
    return presentThemes(t, network, await service.listExtraThemes(network.id));
  }

  app.get('/netwerk/:networkId/signalen/themas', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const vm = await themesView(network, request.t);
    return reply.page((ctx) => <ThemesPage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/signalen/themas', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const form = parseForm(
      z.object({ theme: z.string().trim().min(2).max(40) }),
      request.body,
      request.t,
    );
    let errors = form.ok ? undefined : form.errors;
    if (form.ok) {
      const result = await service.addTheme(network.id, form.data.theme);
      if (result === 'ok') {
        return reply
          .flash('ok', 'signals.themes.added')
          .redirect(`/netwerk/${network.id}/signalen/themas`, 303);
      }
      errors = {
        theme: request.t(result === 'exists' ? 'signals.themes.exists' : 'signals.themes.full'),
      };
    }
    const vm = {
      ...(await themesView(network, request.t)),
      errors,
      values: formValues(request.body),
    };
    return reply.page((ctx) => <ThemesPage ctx={ctx} vm={vm} />, 400);
  });

  app.post('/netwerk/:networkId/signalen/themas/verwijderen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const theme = formValues(request.body).theme ?? '';
    await service.removeTheme(network.id, theme);
    return reply
      .flash('ok', 'signals.themes.removed')
      .redirect(`/netwerk/${network.id}/signalen/themas`, 303);
  });

  // One signal: details, duo, status, updates.

  async function detailView(
    request: FastifyRequest,
    network: { id: number; name: string },
    loaded: LoadedSignal,
    state: FormState = {},
  ) {
    const actor = request.actor!;
    const { signal, followers } = loaded;
    const resource = {
      networkId: network.id,
      signal: {
        personBound: signal.personBound,
        status: signal.status,
        followerIds: followers.map((f) => f.personId),
      },
    };
    const canManage = can(actor, 'signal.manage', resource);
    const [updates, members] = await Promise.all([
      service.listUpdates(network.id, signal.id),
      canManage ? service.listMembers(network.id) : Promise.resolve([]),
    ]);
    return presentDetail(
      request.t,
      request.lang,
      {
        network,
        loaded,
        updates,
        members,
        canJoin: can(actor, 'signal.join', resource),
        canPost: can(actor, 'signal.post', resource),
        canManage,
      },
      state,
    );
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
      z.object({ text: z.string().trim().min(1).max(4000) }),
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
      z.object({ to: z.enum(signalStatuses), outcome: z.string().trim().max(4000).optional() }),
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

  // The public page: anyone may tell the network what is going on.

  const publicLimit = { config: { policy: 'public' as const, rateLimit: PUBLIC_FORM_LIMIT } };

  app.get<{ Params: { slug: string } }>(
    '/buurt/:slug/signaal',
    { config: { policy: 'public' } },
    async (request, reply) => {
      const network = await networks.findNetworkBySlug(String(request.params.slug).slice(0, 100));
      if (!network) return reply.callNotFound();
      const vm = { network: { name: network.name, slug: network.slug }, token: formStamp(reply) };
      return reply.page((ctx) => <PublicSignalPage ctx={ctx} vm={vm} />);
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/buurt/:slug/signaal',
    publicLimit,
    async (request, reply) => {
      const network = await networks.findNetworkBySlug(String(request.params.slug).slice(0, 100));
      if (!network) return reply.callNotFound();
      const ref = { name: network.name, slug: network.slug };
      const values = formValues(request.body);
      // A filled-in honeypot is a robot: thank it, keep nothing.
      if (honeypotFilled(request.body)) {
        return reply.page((ctx) => (
          <PublicSignalPage ctx={ctx} vm={{ network: ref, token: '', sent: true }} />
        ));
      }
      const schema = z.object({
        what: z.string().trim().min(1).max(2000),
        where: z.string().trim().max(120).default(''),
        email: z.union([z.literal(''), z.string().trim().email().max(200)]).optional(),
        token: z.string().max(200),
      });
      const form = parseForm(schema, request.body, request.t);
      const tooFast = checkFormStamp(request, values.token) !== 'ok';
      if (!form.ok || tooFast) {
        const errors = form.ok ? { what: request.t('signals.public.tooFast') } : form.errors;
        const vm = { network: ref, token: formStamp(reply), errors, values };
        return reply.page((ctx) => <PublicSignalPage ctx={ctx} vm={vm} />, 400);
      }
      await service.submitPublic(network.id, {
        description: form.data.what,
        place: form.data.where,
        email: form.data.email || undefined,
      });
      return reply.page((ctx) => (
        <PublicSignalPage ctx={ctx} vm={{ network: ref, token: '', sent: true }} />
      ));
    },
  );
}
