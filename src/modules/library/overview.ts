// The library's part of a network's overview (decision 0014): for the coordinator, how many
// items wait for a decision on a wider visibility, linking to the moderation page.
import type { OverviewProvider } from '../../platform/module.js';
import { moderationModule } from '../moderation/index.js';
import { LIBRARY_KIND } from './publication.js';
import { libraryRepository } from './repository.js';

export const libraryOverview: OverviewProvider = async ({ db, network, role, t }) => {
  if (role !== 'coordinator') return { blocks: [] };
  const waiting = await libraryRepository(db).countRequests(network.id);
  return {
    blocks: [
      {
        part: 'waiting',
        title: t('library.overview.title'),
        items: [
          {
            label: t('library.overview.waiting'),
            count: waiting,
            href: moderationModule.api.queuePath(network.id, LIBRARY_KIND),
          },
        ],
      },
    ],
  };
};
