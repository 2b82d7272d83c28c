// The moderation queue's part of a network's overview (decision 0014): how many reported
// items wait for the coordinator.
import type { OverviewProvider } from '../../platform/module.js';
import { moderationRepository } from './repository.js';

export const moderationOverview: OverviewProvider = async ({ db, network, role, t }) => {
  if (role !== 'coordinator') return { blocks: [] };
  const reported = await moderationRepository(db).countReportedItems(network.id);
  return {
    blocks: [
      {
        part: 'waiting',
        title: t('moderation.overview.title'),
        items: [
          {
            label: t('moderation.overview.reported'),
            count: reported,
            href: `/netwerk/${network.id}/moderatie`,
          },
        ],
      },
    ],
  };
};
