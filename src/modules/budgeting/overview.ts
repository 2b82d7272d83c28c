// The neighbourhood budget's part of a network's overview (decision 0014): proposals that
// wait for review, for those who review them (the coordinator and the council).
import type { OverviewProvider } from '../../platform/module.js';
import { budgetingOverviewRepository } from './repository-overview.js';

/** How many rounds the overview names (a network rarely has more than one open). */
const ROUNDS_SHOWN = 3;

export const budgetingOverview: OverviewProvider = async ({ db, network, role, t }) => {
  if (role !== 'coordinator' && role !== 'council') return { blocks: [] };
  const rounds = await budgetingOverviewRepository(db).countProposalsInReview(
    network.id,
    ROUNDS_SHOWN,
  );
  return {
    blocks: [
      {
        part: role === 'council' ? 'council' : 'waiting',
        title: t('budget.overview.title'),
        items: rounds.map((r) => ({
          label: t('budget.overview.inReview', { round: r.title }),
          count: r.n,
          href: `/netwerk/${network.id}/wijkbudget/${r.roundId}`,
        })),
      },
    ],
  };
};
