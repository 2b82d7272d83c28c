// The count (members) and what it gives (public): the results page with a receipt check,
// and the anonymised ballots as a pabulib file.
import type { FastifyInstance } from 'fastify';
import { writePabulib } from '../../../pb/index.js';
import { notFound } from '../../../platform/access.js';
import { can } from '../policy.js';
import { presentResults, recountPath } from '../presenters.js';
import type { StoredResult } from '../service.js';
import { ResultsPage } from '../views/results.js';
import { RoundPage } from '../views/round.js';
import { type BudgetRouteKit, checked, open } from './kit.js';

export function registerResultRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, networks, describeDoer, findRound, loadPublicRound, buildRoundVm } = kit;

  // ── The count ──────────────────────────────────────────────────────────────────────────

  app.post('/netwerk/:networkId/wijkbudget/:roundId/tellen', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'budget.manage', can);
    const round = await findRound(request, network.id);
    if (round.phase !== 'counting') {
      const vm = await buildRoundVm(request, network, round);
      return reply.page(
        (ctx) => <RoundPage ctx={ctx} vm={vm} phaseError={request.t('budget.error.notCounting')} />,
        409,
      );
    }
    await service.countVotes(round, network, describeDoer(request));
    return reply
      .flash('ok', 'budget.count.done')
      .redirect(`/buurt/${network.slug}/wijkbudget/${round.id}/uitslag`, 303);
  });

  app.get<{ Querystring: { bewijs?: string } }>(
    '/buurt/:slug/wijkbudget/:roundId/uitslag',
    open,
    async (request, reply) => {
      const { network, round, base } = await loadPublicRound(request);
      if (!round.result) notFound();
      const names = Object.fromEntries(
        (await service.listProposals(round.id)).map((p) => [String(p.id), p.title]),
      );
      const typed =
        typeof request.query.bewijs === 'string'
          ? request.query.bewijs.trim().toUpperCase().slice(0, 20)
          : '';
      const receiptCheck = typed
        ? {
            receipt: typed,
            found: (await service.findBallotByReceipt(round.id, typed)) !== undefined,
          }
        : null;
      const vm = presentResults(
        request.t,
        request.lang,
        base,
        round,
        round.result as StoredResult,
        names,
        receiptCheck,
        recountPath(network.slug, round.id),
      );
      return reply.page((ctx) => <ResultsPage ctx={ctx} vm={vm} />);
    },
  );

  app.get('/buurt/:slug/wijkbudget/:roundId/uitslag.pb', open, async (request, reply) => {
    const { network, round } = await loadPublicRound(request);
    if (!round.result) notFound();
    const text = writePabulib(await service.exportInstance(round, network.name));
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="wijkbudget-${network.slug}-${round.id}.pb"`,
      )
      .send(text);
  });
}
