// The sparks' part of a network's overview (decision 0014): sparks waiting for the
// coordinator, a member's own sparks still waiting, and the latest sparks as activity.
import type { OverviewBlock, OverviewProvider } from '../../platform/module.js';
import { OVERVIEW_ACTIVITY_LIMIT } from '../../platform/module.js';
import { excerpt } from '../../platform/text.js';
import { moderationModule } from '../moderation/index.js';
import { sparksRepository } from './repository.js';

/** How many of a member's own waiting sparks the overview lists. */
const OWN_WAITING_SHOWN = 3;

/** How many characters of a spark's text a line of the overview shows (whole words). */
const LINE = 60;

export const sparksOverview: OverviewProvider = async ({ db, network, actor, role, t }) => {
  if (role === 'admin') return { blocks: [] };
  const repo = sparksRepository(db);
  const coordinator = role === 'coordinator';
  const wall = `/netwerk/${network.id}/vonkjes`;
  const [waiting, own, recent] = await Promise.all([
    coordinator ? repo.countWaiting(network.id) : undefined,
    repo.listWaitingOf(network.id, actor.personId, OWN_WAITING_SHOWN),
    coordinator ? repo.listRecentPublished(network.id, OVERVIEW_ACTIVITY_LIMIT) : [],
  ]);
  const blocks: OverviewBlock[] = [];
  if (waiting !== undefined) {
    blocks.push({
      part: 'waiting',
      title: t('sparks.overview.title'),
      items: [
        {
          label: t('sparks.overview.waiting'),
          count: waiting,
          href: moderationModule.api.queuePath(network.id, 'spark'),
        },
      ],
    });
  }
  blocks.push({
    part: 'mine',
    title: t('sparks.overview.mine'),
    items: own.map((s) => ({
      label: excerpt(s.text, LINE),
      href: wall,
      detail: t('sparks.overview.mineWaiting'),
    })),
  });
  return {
    blocks,
    activity: recent.map((s) => ({
      at: s.createdAt,
      label: t('sparks.overview.new', { text: excerpt(s.text, LINE) }),
      href: wall,
    })),
  };
};
