// The signals' part of a network's overview (decision 0014): what waits for the coordinator,
// open signals without a professional for professionals, every member's own signals and
// duos, and the latest signals as recent activity. Person-bound signals only for who may
// read them (their duo and the coordinators).
import type { OverviewBlock, OverviewProvider } from '../../platform/module.js';
import { OVERVIEW_ACTIVITY_LIMIT } from '../../platform/module.js';
import { moderationModule } from '../moderation/index.js';
import { QUIET_AFTER_DAYS, seesAllPersonBound } from './policy.js';
import { overviewRepository } from './repository/overview.js';

/** How many of a person's own signals the overview lists. */
const OWN_SIGNALS_SHOWN = 5;

export const signalsOverview: OverviewProvider = async ({ db, network, actor, role, t, now }) => {
  if (role === 'admin') return { blocks: [] };
  const repo = overviewRepository(db);
  const base = `/netwerk/${network.id}/signalen`;
  const all = seesAllPersonBound(actor, network.id);
  const coordinator = role === 'coordinator';
  const quietSince = new Date(now.getTime() - QUIET_AFTER_DAYS * 86_400_000);
  const [waiting, withoutProfessional, own, recent] = await Promise.all([
    coordinator ? repo.countSignalsWaiting(network.id, quietSince) : undefined,
    role === 'professional'
      ? repo.countWithoutProfessional(network.id, actor.personId, all)
      : undefined,
    repo.listSignalsOf(network.id, actor.personId, OWN_SIGNALS_SHOWN),
    coordinator
      ? repo.listRecentSignals(network.id, actor.personId, all, OVERVIEW_ACTIVITY_LIMIT)
      : [],
  ]);
  const blocks: OverviewBlock[] = [];
  if (waiting) {
    blocks.push({
      part: 'waiting',
      title: t('signals.overview.title'),
      items: [
        {
          label: t('signals.overview.pending'),
          count: waiting.pending,
          href: moderationModule.api.queuePath(network.id, 'signal'),
        },
        {
          label: t('signals.overview.withoutDuo'),
          count: waiting.withoutDuo,
          href: `${base}?wacht=duo`,
        },
        {
          label: t('signals.overview.quiet', { days: QUIET_AFTER_DAYS }),
          count: waiting.quiet,
          href: `${base}?wacht=stil`,
        },
      ],
    });
  }
  if (withoutProfessional !== undefined) {
    blocks.push({
      part: 'waiting',
      title: t('signals.overview.title'),
      items: [
        {
          label: t('signals.overview.withoutProfessional'),
          count: withoutProfessional,
          href: `${base}?wacht=professional`,
        },
      ],
    });
  }
  blocks.push({
    part: 'mine',
    title: t('signals.overview.mine'),
    items: own.map((s) => ({
      label: s.title,
      href: `${base}/${s.id}`,
      detail: s.follows
        ? t('signals.overview.inDuo', { status: t(`signals.status.${s.status}`) })
        : t(`signals.status.${s.status}`),
    })),
  });
  return {
    blocks,
    activity: recent.map((s) => ({
      at: s.createdAt,
      label: t('signals.overview.new', { title: s.title }),
      href: `${base}/${s.id}`,
    })),
  };
};
