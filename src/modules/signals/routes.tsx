// Signals pages: parse → authorize → service → render or redirect.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam, networkFromUrl } from '../../platform/access.js';
import { formValues, parseForm } from '../../platform/forms.js';
import { formatDate, formatDateTime, type Translate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { checkFormStamp, formStamp, honeypotFilled } from '../../platform/spam-guard.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import {
  can,
  nextStatus,
  type SignalAction,
  type SignalStatus,
  seesAllPersonBound,
  signalStatuses,
} from './policy.js';
import { personalDetails } from './privacy.js';
import { type LoadedSignal, signalsService } from './service.js';
import { defaultThemes, isDefaultTheme } from './themes.js';
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
/** The public form may be sent this many seconds after it was shown, not sooner. */

const raisedByValues = ['resident', 'professional'] as const;
const originValues = ['meeting', 'street', 'public_page', 'other'] as const;
const listedStatuses = signalStatuses.filter((s) => s !== 'pending');

export function themeLabel(t: Translate, theme: string): string {
  return isDefaultTheme(theme) ? t(`signals.theme.${theme}`) : theme;
}

const fingerprint = (...texts: string[]) =>
  createHash('sha256').update(texts.join('\u0000')).digest('base64url').slice(0, 22);

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
    request.authorized = false;
    const parsed = idParam.safeParse((request.params as { signalId?: string }).signalId);
    const loaded = parsed.success ? await service.findSignal(network.id, parsed.data) : undefined;
    const allowed =
      loaded !== undefined &&
      can(request.actor, action, {
        networkId: network.id,
        signal: {
          personBound: loaded.signal.personBound,
          status: loaded.signal.status,
          followerIds: loaded.followers.map((f) => f.personId),
        },
      });
    await request.authorize(allowed, {
      action,
      objectType: 'signal',
      objectId: parsed.success ? parsed.data : undefined,
      networkId: network.id,
      status: 404,
    });
    return { network, loaded: loaded! };
  }

  const options = (t: Translate) => ({
    raisedBy: raisedByValues.map((v) => ({ value: v, label: t(`signals.raisedBy.${v}`) })),
    origin: originValues.map((v) => ({ value: v, label: t(`signals.origin.${v}`) })),
    status: listedStatuses.map((v) => ({ value: v, label: t(`signals.status.${v}`) })),
  });
  const themeOptions = (t: Translate, themes: string[]) =>
    themes.map((v) => ({ value: v, label: themeLabel(t, v) }));

  // The list, with filters checked against the known values (unknown ones are ignored).

  app.get('/netwerk/:networkId/signalen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.view');
    const actor = request.actor!;
    const t = request.t;
    const themes = await service.listThemes(network.id);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const status = z
      .enum(listedStatuses as [SignalStatus, ...SignalStatus[]])
      .safeParse(query.status);
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
    const vm = {
      network,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        theme: themeLabel(t, r.theme),
        place: r.place,
        status: t(`signals.status.${r.status}`),
        personBound: r.personBound,
        followers: r.followers,
        date: formatDate(request.lang, r.createdAt),
      })),
      hiddenPersonBound: hidden,
      filter: {
        status: status.success ? status.data : '',
        theme: theme.success ? theme.data : '',
      },
      statusOptions: options(t).status,
      themeOptions: themeOptions(t, themes),
      canCreate: can(actor, 'signals.create', { networkId: network.id }),
      canModerate: can(actor, 'signals.moderate', { networkId: network.id }),
    };
    return reply.page((ctx) => <SignalListPage ctx={ctx} vm={vm} />);
  });

  // A new signal.

  async function newView(request: FastifyRequest, network: { id: number; name: string }) {
    const o = options(request.t);
    return {
      network,
      themeOptions: themeOptions(request.t, await service.listThemes(network.id)),
      raisedByOptions: o.raisedBy,
      originOptions: o.origin.filter((x) => x.value !== 'public_page'),
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
    const found = personalDetails(d.title, d.description, d.place, d.trigger);
    const print = fingerprint(d.title, d.description, d.place, d.trigger);
    if (found.length > 0 && d.bevestigd !== print) {
      // A warning, not an error: the same text sent again is saved.
      const vm = {
        ...(await newView(request, network)),
        values: formValues(request.body),
        warnings: found.map((f) => request.t(`signals.warning.${f}`)),
        fingerprint: print,
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
    const t = request.t;
    const pattern = await service.summarisePattern(network.id);
    const rows = pattern.rows.map((r) => ({ ...r, theme: themeLabel(t, r.theme) }));
    const vm = { network, ...pattern, rows };
    return reply.page((ctx) => <PatternPage ctx={ctx} vm={vm} />);
  });

  // Moderation of public submissions.

  app.get('/netwerk/:networkId/signalen/moderatie', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const t = request.t;
    const items = await service.listPending(network.id);
    const vm = {
      network,
      themeOptions: themeOptions(t, await service.listThemes(network.id)),
      items: items.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        place: s.place,
        contact: s.contactEmail ?? t('signals.moderation.noContact'),
        date: formatDateTime(request.lang, s.createdAt),
      })),
    };
    return reply.page((ctx) => <ModerationPage ctx={ctx} vm={vm} />);
  });

  async function pendingId(request: FastifyRequest, networkId: number): Promise<number> {
    const parsed = idParam.safeParse((request.params as { signalId?: string }).signalId);
    const pending = parsed.success ? await service.findSignal(networkId, parsed.data) : undefined;
    if (pending?.signal.status !== 'pending') {
      await request.authorize(false, {
        action: 'signals.moderate',
        objectType: 'signal',
        objectId: parsed.success ? parsed.data : undefined,
        networkId,
        status: 404,
      });
    }
    return pending!.signal.id;
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
    return {
      network,
      defaults: defaultThemes.map((d) => t(`signals.theme.${d}`)),
      extras: await service.listExtraThemes(network.id),
    };
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
    state: { errors?: Record<string, string>; values?: Record<string, string> } = {},
  ) {
    const t = request.t;
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
    const updates = await service.listUpdates(network.id, signal.id);
    const next = nextStatus[signal.status];
    const members = canManage ? await service.listMembers(network.id) : [];
    const formerMember = t('people.formerMember');
    return {
      network,
      signal: {
        id: signal.id,
        title: signal.title,
        description: signal.description,
        theme: themeLabel(t, signal.theme),
        place: signal.place,
        trigger: signal.trigger,
        raisedBy: t(`signals.raisedBy.${signal.raisedBy}`),
        origin: t(`signals.origin.${signal.origin}`),
        status: t(`signals.status.${signal.status}`),
        outcome: signal.outcome,
        personBound: signal.personBound,
        anonymised: signal.anonymisedAt !== null,
        created: formatDate(request.lang, signal.createdAt),
      },
      followers: followers.map((f) => ({
        name: f.erased ? formerMember : f.name,
        role: peopleModule.api.roleLabel(t, f.role),
      })),
      updates: updates.map((u) => ({
        id: u.id,
        when: formatDateTime(request.lang, u.createdAt),
        author:
          u.author === undefined
            ? t('signals.updates.unknownAuthor')
            : u.author.erased
              ? formerMember
              : u.author.name,
        text:
          u.kind === 'status' && u.status
            ? t('signals.updates.status', { status: t(`signals.status.${u.status}`) })
            : u.text,
        isStatus: u.kind === 'status',
      })),
      canJoin: can(actor, 'signal.join', resource),
      canPost: can(actor, 'signal.post', resource),
      canManage,
      next: next && {
        status: next,
        label: t('signals.status.move', { status: t(`signals.status.${next}`) }),
        needsOutcome: next === 'closed',
      },
      memberOptions: members
        .filter((m) => !followers.some((f) => f.personId === m.personId))
        .map((m) => ({
          value: String(m.personId),
          label: `${m.name} (${peopleModule.api.roleLabel(t, m.role)})`,
        })),
      ...state,
    };
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

  const publicLimit = {
    config: { policy: 'public' as const, rateLimit: { max: 5, timeWindow: 15 * 60_000 } },
  };

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
