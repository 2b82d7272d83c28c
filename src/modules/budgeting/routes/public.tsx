// The public pages of a round that are not voting: the round with its proposals, and the
// receipt of a cast ballot.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../platform/access.js';
import { formatDate, formatMoney } from '../../../platform/i18n/index.js';
import { phaseLabel, presentPublicProposal, roundDates } from '../presenters.js';
import type { ProposalRow } from '../repository.js';
import { PublicRoundPage } from '../views/public-round.js';
import { ReceiptPage } from '../views/vote.js';
import { type BudgetRouteKit, open } from './kit.js';

export function registerPublicRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const { service, loadPublicRound } = kit;

  app.get('/buurt/:slug/wijkbudget/:roundId', open, async (request, reply) => {
    const { network, round, base } = await loadPublicRound(request);
    const all = await service.listProposals(round.id);
    const pick = (s: ProposalRow['status']) =>
      all.filter((p) => p.status === s).map(presentPublicProposal);
    const vm = {
      base,
      network,
      title: round.title,
      description: round.description,
      budget: formatMoney(round.budgetCents),
      phaseLabel: phaseLabel(request.t, round.phase),
      dates: roundDates(request.t, request.lang, round),
      accepted: pick('accepted'),
      rejected: pick('rejected'),
      submitted: pick('submitted'),
      voting: round.phase === 'voting',
      hasResults: round.result !== null,
    };
    return reply.page((ctx) => <PublicRoundPage ctx={ctx} vm={vm} />);
  });

  app.get('/buurt/:slug/wijkbudget/:roundId/bewijs/:receipt', open, async (request, reply) => {
    const { round, base } = await loadPublicRound(request);
    const receipt = String((request.params as { receipt?: string }).receipt ?? '');
    const found = /^[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(receipt)
      ? await service.findBallotByReceipt(round.id, receipt)
      : undefined;
    if (!found) notFound();
    const vm = {
      base,
      title: round.title,
      receipt,
      castOn: formatDate(request.lang, new Date(`${found.castOn}T12:00:00Z`)),
    };
    return reply.page((ctx) => <ReceiptPage ctx={ctx} vm={vm} />);
  });
}
