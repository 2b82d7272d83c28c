// The pulse: parse the period → authorize (members, administrators, leaders of the
// network's municipality or region) → count in SQL → render the page or the CSV.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { networkFromUrl } from '../../platform/access.js';
import type { ModuleContext } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { networkModule } from '../network/index.js';
import { signalsModule } from '../signals/index.js';
import { can, type PulseResource, readsAsLeader } from './policy.js';
import { presentPulse, pulseCsv } from './presenters.js';
import { monthsBack, periodOf, pulseService } from './service.js';
import { PulsePage } from './views/pages.js';

const checked = { config: { policy: 'check' as const } };
/** The period filter offers this many months back; the default shows the last twelve. */
const MONTHS_OFFERED = 36;
const MONTHS_DEFAULT = 12;

export async function pulseRoutes(app: FastifyInstance, context: ModuleContext) {
  const service = pulseService(context.db);
  const networks = networkModule.api.networks(context.db);

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

  /** The months offered, the newest first, and the period asked for (else the default). */
  function periodFor(request: FastifyRequest) {
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

  async function viewModel(request: FastifyRequest) {
    const { network, asLeader } = await networkFor(request);
    const { today, offered, period } = periodFor(request);
    const pulse = await service.pulseOf([network.id], period, today);
    return presentPulse(request.t, request.lang, {
      scope: { kind: 'network', name: network.name, base: `/netwerk/${network.id}/puls` },
      period,
      pulse,
      asLeader,
      themeLabel: (theme) => signalsModule.api.themeLabel(request.t, theme),
      monthOptions: offered,
    });
  }

  app.get('/netwerk/:networkId/puls', checked, async (request, reply) => {
    const vm = await viewModel(request);
    return reply.page((ctx) => <PulsePage ctx={ctx} vm={vm} />);
  });

  app.get('/netwerk/:networkId/puls.csv', checked, async (request, reply) => {
    const vm = await viewModel(request);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${vm.scope.base.slice(1).replaceAll('/', '-')}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(pulseCsv(request.t, vm));
  });
}
