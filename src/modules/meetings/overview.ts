// The meetings' part of a network's overview (decision 0014): the next meeting and whether
// the person said "ik kom" (a resident: the next public one), and past meetings as activity.
import type { OverviewProvider } from '../../platform/module.js';
import { OVERVIEW_ACTIVITY_LIMIT } from '../../platform/module.js';
import { meetingLabel, whenLabel } from './presenters.js';
import { meetingsOverviewRepository } from './repository-overview.js';

export const meetingsOverview: OverviewProvider = async ({
  db,
  network,
  actor,
  role,
  t,
  lang,
  now,
}) => {
  if (role === 'admin') return { blocks: [] };
  const repo = meetingsOverviewRepository(db);
  const base = `/netwerk/${network.id}/bijeenkomsten`;
  const [next, recent] = await Promise.all([
    repo.findNextMeeting(network.id, actor.personId, now, role === 'resident'),
    role === 'coordinator' ? repo.listRecentMeetings(network.id, now, OVERVIEW_ACTIVITY_LIMIT) : [],
  ]);
  const answer =
    next?.places == null
      ? t('meetings.overview.noAnswer')
      : next.places === 1
        ? t('meetings.rsvp.youComeOne')
        : t('meetings.rsvp.youCome', { places: next.places });
  return {
    blocks: [
      {
        part: 'next',
        title: t(role === 'resident' ? 'meetings.overview.nextPublic' : 'meetings.overview.next'),
        items: next
          ? [
              {
                label: meetingLabel(t, next),
                href: `${base}/${next.id}`,
                detail: [whenLabel(t, lang, next), next.place, answer]
                  .filter((s) => s !== '')
                  .join(' · '),
              },
            ]
          : [{ label: t('meetings.overview.none'), href: base }],
      },
    ],
    activity: recent.map((m) => ({
      at: m.startsAt,
      label: t('meetings.overview.held', { meeting: meetingLabel(t, m) }),
      href: `${base}/${m.id}`,
    })),
  };
};
