// The signals list and the form for a new signal.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValues, parseForm } from '../../../platform/forms.js';
import { pageFromQuery, paginate } from '../../../platform/pagination.js';
import { can, QUIET_AFTER_DAYS, seesAllPersonBound } from '../policy.js';
import {
  listedStatuses,
  originOptions,
  presentList,
  raisedByOptions,
  raisedByValues,
  themeOptions,
} from '../presenters.js';
import { SIGNAL_LIST_LIMIT, type SignalWaiting } from '../repository/index.js';
import { reviewPersonalDetails } from '../service/index.js';
import { SignalListPage } from '../views/list.js';
import { NewSignalPage } from '../views/new-signal.js';
import { signalTextFields } from './fields.js';
import { checked, type SignalRouteKit } from './kit.js';

/** The `wacht` filter of the list in the address (Dutch) and what it means. */
const waitingValues = { duo: 'duo', stil: 'quiet', professional: 'professional' } as const;

/** The list (filtered) and a new signal, with the personal-details warning. */
export function registerListRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, networkFor } = kit;

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
    const wacht = z.enum(['duo', 'stil', 'professional']).safeParse(query.wacht);
    const waiting: SignalWaiting | undefined = wacht.success
      ? waitingValues[wacht.data]
      : undefined;
    const all = seesAllPersonBound(actor, network.id);
    const filter = {
      status: status.success ? status.data : undefined,
      theme: theme.success ? theme.data : undefined,
      waiting: waiting && {
        kind: waiting,
        quietSince: new Date(Date.now() - QUIET_AFTER_DAYS * 86_400_000),
      },
      viewerId: actor.personId,
      allPersonBound: all,
    };
    const paged = paginate(
      `/netwerk/${network.id}/signalen`,
      {
        status: filter.status ?? '',
        thema: filter.theme ?? '',
        wacht: wacht.success ? wacht.data : '',
      },
      pageFromQuery(query),
      await service.countSignals(network.id, filter),
      SIGNAL_LIST_LIMIT,
    );
    const [rows, hidden] = await Promise.all([
      service.listSignals(network.id, filter, paged.limit, paged.offset),
      all ? Promise.resolve(0) : service.countHiddenPersonBound(network.id, actor.personId),
    ]);
    const vm = presentList(request.t, request.lang, {
      network,
      rows,
      hiddenPersonBound: hidden,
      pages: paged.model,
      filter: {
        status: status.success ? status.data : '',
        theme: theme.success ? theme.data : '',
        waiting: wacht.success ? wacht.data : '',
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
      ...signalTextFields(themes),
      raisedBy: z.enum(raisedByValues).describe('signals.name.raisedBy'),
      origin: z.enum(['meeting', 'street', 'other']).describe('signals.name.origin'),
      personBound: z.literal('on').optional().describe('signals.name.personBound'),
      bevestigd: z.string().max(50).optional().describe('signals.name.confirmed'),
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
}
