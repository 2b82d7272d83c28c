// The decisions' part of a network's overview (decision 0014): for the coordinator and the
// council what waits (consent, reviews due), and the latest decisions as activity.
import type { OverviewProvider } from '../../platform/module.js';
import { OVERVIEW_ACTIVITY_LIMIT } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { decisionsRepository } from './repository.js';
import { decisionsOverviewRepository } from './repository-overview.js';

export const decisionsOverview: OverviewProvider = async ({ db, network, actor, role, t, now }) => {
  if (role !== 'coordinator' && role !== 'council') return { blocks: [] };
  const repo = decisionsOverviewRepository(db);
  const base = `/netwerk/${network.id}/besluiten`;
  const [consent, due, recent] = await Promise.all([
    repo.countAwaitingConsent(network.id, actor.personId),
    decisionsRepository(db).countDueForReview([network.id], toLocal(now).date),
    role === 'coordinator' ? repo.listRecentDecisions(network.id, OVERVIEW_ACTIVITY_LIMIT) : [],
  ]);
  const consentItems =
    role === 'council'
      ? [
          { label: t('decisions.overview.awaitingConsent'), count: consent.all, href: base },
          { label: t('decisions.overview.awaitingYou'), count: consent.withoutYou, href: base },
        ]
      : [{ label: t('decisions.overview.awaitingConsent'), count: consent.all, href: base }];
  return {
    blocks: [
      {
        part: role === 'council' ? 'council' : 'waiting',
        title: t('decisions.overview.title'),
        items: [
          ...consentItems,
          { label: t('decisions.overview.dueForReview'), count: due, href: `${base}/te-herzien` },
        ],
      },
    ],
    activity: recent.map((d) => ({
      at: d.at,
      label: t('decisions.overview.new', { title: d.title }),
      href: `${base}/${d.id}`,
    })),
  };
};
