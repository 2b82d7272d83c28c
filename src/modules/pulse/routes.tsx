// The pulse: parse the period → authorize → count in SQL → render the page or the CSV.
// A network's pulse for its members, administrators and leaders of its municipality or
// region; a municipality's or region's pulse (all its networks added up, small groups
// hidden) for its leaders and administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idParam, networkFromUrl } from '../../platform/access.js';
import type { ModuleContext } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { networkModule } from '../network/index.js';
import { signalsModule } from '../signals/index.js';
import { can, canViewScope, type PulseResource, readsAsLeader } from './policy.js';
import { presentPulse, pulseCsv } from './presenters.js';
import { overviewRoutes } from './routes-overview.js';
import { monthsBack, periodOf, pulseService } from './service.js';
import { PulsePage, type PulseScope, type PulseViewModel } from './views/pages.js';

const checked = { config: { policy: 'check' as const } };
/** The period filter offers this many months back; the default shows the last twelve. */
const MONTHS_OFFERED = 36;
const MONTHS_DEFAULT = 12;

/** The months offered, the newest first, and the period asked for (else the default). */
export function periodFor(request: FastifyRequest) {
  const today = toLocal(new Date()).date;
  const offered = Array.from({ length: MONTHS_OFFERED }, (_, i) => monthsBack(today, i));
  const query = request.query as { van?: unknown; tot?: unknown };
  const pick = (v: unknown, fallback: string) =>
    typeof v === 'string' && offered.includes(v) ? v : fallback;
  let from = pick(query.van, monthsBack(today, MONTHS_DEFAULT - 1));
  let to = pick(query.tot, monthsBack(today, 0));
  if (from > to) [from, to] = [to, from];
  return { today, offered, period: periodOf(from, to) };
}

export async function pulseRoutes(app: FastifyInstance, context: ModuleContext) {
  const service = pulseService(context.db);
  const networks = networkModule.api.networks(context.db);
  const places = networkModule.api.places(context.db);
  await overviewRoutes(app, context);

  /** The network of the URL, when the actor may read its pulse (404 outside, 403 inside). */
  async function networkFor(request: FastifyRequest) {
    let found: (PulseResource & { id: number; name: string }) | undefined;
    const network = await networkFromUrl(
      request,
      'pulse.view',
      async (id) => {
        const n = await networks.findNetworkById(id);
        found = n && { ...n, networkId: n.id };
        return found;
      },
      () => found !== undefined && can(request.actor, 'pulse.view', found),
    );
    return { network, asLeader: readsAsLeader(request.actor, network) };
  }

  /**
   * The municipality or region of the URL with the ids of its networks, when the actor may
   * read its pulse; a 404 (audited) otherwise, also for one that does not exist.
   */
  async function scopeFor(request: FastifyRequest, kind: 'municipality' | 'region') {
    const params = request.params as { municipalityId?: unknown; regionId?: unknown };
    const id = idParam.safeParse(kind === 'municipality' ? params.municipalityId : params.regionId);
    const deny = () =>
      request.deny({
        action: 'pulse.view',
        objectType: kind,
        objectId: id.success ? id.data : undefined,
        status: 404,
      });
    if (!id.success) return deny();
    if (kind === 'municipality') {
      const m = await places.findMunicipality(id.data);
      if (!m || !canViewScope(request.actor, { kind, municipalityId: m.id, regionId: m.regionId }))
        return deny();
      await request.authorize(true, { action: 'pulse.view' });
      const inScope = await places.listNetworksInScope([m.id], []);
      const scope: PulseScope = {
        kind,
        name: m.name,
        base: `/puls/gemeente/${m.id}`,
        csv: `/puls/gemeente/${m.id}/cijfers.csv`,
      };
      return { scope, networkIds: inScope.map((n) => n.id) };
    }
    const r = await places.findRegion(id.data);
    if (!r || !canViewScope(request.actor, { kind, regionId: r.id })) return deny();
    await request.authorize(true, { action: 'pulse.view' });
    const inScope = await places.listNetworksInScope([], [r.id]);
    const scope: PulseScope = {
      kind,
      name: r.name,
      base: `/puls/regio/${r.id}`,
      csv: `/puls/regio/${r.id}/cijfers.csv`,
    };
    return { scope, networkIds: inScope.map((n) => n.id) };
  }

  async function viewModel(
    request: FastifyRequest,
    target: { scope: PulseScope; networkIds: number[]; asLeader: boolean },
  ) {
    const { today, offered, period } = periodFor(request);
    const pulse = await service.pulseOf(target.networkIds, period, today);
    return presentPulse(request.t, request.lang, {
      scope: target.scope,
      period,
      pulse,
      asLeader: target.asLeader,
      themeLabel: (theme) => signalsModule.api.themeLabel(request.t, theme),
      monthOptions: offered,
    });
  }

  async function networkViewModel(request: FastifyRequest) {
    const { network, asLeader } = await networkFor(request);
    const scope: PulseScope = {
      kind: 'network',
      name: network.name,
      base: `/netwerk/${network.id}/puls`,
      csv: `/netwerk/${network.id}/puls.csv`,
    };
    return viewModel(request, { scope, networkIds: [network.id], asLeader });
  }

  /** A municipality's or region's pulse: always with small groups hidden, for everyone. */
  async function scopeViewModel(request: FastifyRequest, kind: 'municipality' | 'region') {
    const target = await scopeFor(request, kind);
    return viewModel(request, { ...target, asLeader: true });
  }

  function sendCsv(request: FastifyRequest, reply: FastifyReply, vm: PulseViewModel) {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="buurtpuls-${vm.scope.base.slice(1).replaceAll('/', '-')}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(pulseCsv(request.t, vm));
  }

  app.get('/netwerk/:networkId/puls', checked, async (request, reply) => {
    const vm = await networkViewModel(request);
    return reply.page((ctx) => <PulsePage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/puls.csv', checked, async (request, reply) =>
    sendCsv(request, reply, await networkViewModel(request)),
  );

  for (const [kind, path] of [
    ['municipality', '/puls/gemeente/:municipalityId'],
    ['region', '/puls/regio/:regionId'],
  ] as const) {
    app.get(path, checked, async (request, reply) => {
      const vm = await scopeViewModel(request, kind);
      return reply.page((ctx) => <PulsePage ctx={ctx} vm={vm} />);
    });
    app.get(`${path}/cijfers.csv`, checked, async (request, reply) =>
      sendCsv(request, reply, await scopeViewModel(request, kind)),
    );
  }
}
