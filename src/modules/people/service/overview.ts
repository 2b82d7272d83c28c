// The network overview (/netwerk/:id, decision 0014): every module's provider asked at once,
// the people module's own part (open invitations) among them.
import type {
  OverviewActivity,
  OverviewBlock,
  OverviewProvider,
  OverviewRequest,
} from '../../../platform/module.js';
import { peopleRepository } from '../repository/index.js';

/**
 * Asks every provider for its part of the overview, in parallel, and hands back their blocks
 * in the module list's order and their activity as given (the presenter merges it). A
 * provider that fails makes the page fail (a 500 is logged): a silently missing count would
 * be worse than an error.
 */
export async function gatherOverview(
  providers: readonly OverviewProvider[],
  request: OverviewRequest,
): Promise<{ blocks: OverviewBlock[]; activity: OverviewActivity[] }> {
  const parts = await Promise.all(providers.map((provide) => provide(request)));
  return {
    blocks: parts.flatMap((p) => p.blocks),
    activity: parts.flatMap((p) => p.activity ?? []),
  };
}

/** The people module's part: open invitations, for whoever manages the network. */
export const peopleOverview: OverviewProvider = async ({ db, network, role, t }) => {
  if (role !== 'coordinator' && role !== 'admin') return { blocks: [] };
  const open = await peopleRepository(db).countOpenInvitations(network.id);
  return {
    blocks: [
      {
        part: 'waiting',
        title: t('overview.people.title'),
        items: [
          {
            label: t('overview.people.invitations'),
            count: open,
            href: `/netwerk/${network.id}/uitnodigingen`,
          },
        ],
      },
    ],
  };
};
