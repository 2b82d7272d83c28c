// Turns meeting rows into the plain view models of the meetings pages. Pure.
import { formatDateTime, type Lang, type Translate } from '../../platform/i18n/index.js';
import type { MeetingRow } from './repository.js';
import type { MeetingDetail } from './service.js';
import type { AgendaOrigin, MeetingKind } from './tables.js';
import type { MeetingSummary } from './views/list.js';
import type { MeetingViewModel } from './views/meeting.js';

export function kindLabel(t: Translate, kind: MeetingKind): string {
  return t(`meetings.kind.${kind}`);
}

export function originLabel(t: Translate, origin: AgendaOrigin): string {
  return t(`meetings.origin.${origin}`);
}

/** "Netwerkbijeenkomst" or "Netwerkbijeenkomst: Zomeravond". */
export function meetingLabel(t: Translate, m: Pick<MeetingRow, 'kind' | 'title'>): string {
  return m.title === '' ? kindLabel(t, m.kind) : `${kindLabel(t, m.kind)}: ${m.title}`;
}

export function presentSummary(t: Translate, lang: Lang, m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    label: meetingLabel(t, m),
    when: formatDateTime(lang, m.startsAt),
    place: m.place,
    isPublic: m.isPublic,
  };
}

/** Minutes as paragraphs: split on blank lines. */
export function minutesParagraphs(minutes: string): string[] {
  return minutes
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function presentMeeting(
  t: Translate,
  lang: Lang,
  network: { id: number; name: string },
  detail: MeetingDetail,
  canManage: boolean,
): MeetingViewModel {
  const m = detail.meeting;
  return {
    network,
    meeting: {
      id: m.id,
      label: meetingLabel(t, m),
      when: formatDateTime(lang, m.startsAt),
      place: m.place,
      isPublic: m.isPublic,
      minutes: minutesParagraphs(m.minutes),
      otherResidents: m.otherResidents,
      otherProfessionals: m.otherProfessionals,
    },
    agenda: detail.agenda.map((a) => ({ title: a.title, originLabel: originLabel(t, a.origin) })),
    attendance: detail.attendance.map((a) => (a.erased ? t('meetings.formerMember') : a.name)),
    canManage,
  };
}
