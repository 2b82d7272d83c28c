// Turns meeting rows into the plain view models of the meetings pages. Pure.
import {
  formatDate,
  formatDateTime,
  type Lang,
  type Translate,
} from '../../platform/i18n/index.js';
import { toLocal } from '../../platform/time.js';
import type { ActionRow, MeetingRow } from './repository.js';
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

/** "1 juli 2031 om 19:30, tot 21:30" (the end only as a time when it is the same day). */
export function whenLabel(t: Translate, lang: Lang, m: Pick<MeetingRow, 'startsAt' | 'endsAt'>) {
  const sameDay = toLocal(m.startsAt).date === toLocal(m.endsAt).date;
  const end = sameDay ? toLocal(m.endsAt).time : formatDateTime(lang, m.endsAt);
  return `${formatDateTime(lang, m.startsAt)}, ${t('meetings.until', { time: end })}`;
}

export function presentSummary(t: Translate, lang: Lang, m: MeetingRow): MeetingSummary {
  return {
    id: m.id,
    label: meetingLabel(t, m),
    when: whenLabel(t, lang, m),
    place: m.place,
    isPublic: m.isPublic,
    cancelled: m.cancelledAt !== null,
  };
}

/** A block of minutes: a paragraph of lines (shown with line breaks kept) or a list. */
export type MinutesBlock =
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; ordered: boolean; items: string[] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/**
 * Minutes as plain text in blocks: blank lines separate paragraphs, line breaks within one
 * are kept, and lines that start with "- ", "* " or "1. " become list items. No markup is
 * read from the text, so nothing in it can become HTML.
 */
export function minutesBlocks(minutes: string): MinutesBlock[] {
  const blocks: MinutesBlock[] = [];
  for (const lineOrBlank of minutes.replace(/\r\n?/g, '\n').split('\n')) {
    const line = lineOrBlank.trimEnd();
    const last = blocks.at(-1);
    if (line.trim() === '') {
      if (last && !(last.type === 'paragraph' && last.lines.length === 0)) {
        blocks.push({ type: 'paragraph', lines: [] });
      }
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined) {
      const ordered = numbered !== null;
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ type: 'list', ordered, items: [item] });
    } else if (last?.type === 'paragraph') last.lines.push(line.trim());
    else blocks.push({ type: 'paragraph', lines: [line.trim()] });
  }
  return blocks.filter((b) => b.type === 'list' || b.lines.length > 0);
}

/** Action points for the meeting page. */
export function presentActions(t: Translate, lang: Lang, networkId: number, rows: ActionRow[]) {
  return rows.map((a) => ({
    id: a.id,
    what: a.what,
    who: a.who,
    due: a.dueOn
      ? t('meetings.actions.byWhen', { date: formatDate(lang, new Date(`${a.dueOn}T12:00:00Z`)) })
      : '',
    signal:
      a.signalId === null
        ? null
        : {
            href: `/netwerk/${networkId}/signalen/${a.signalId}`,
            label: t('meetings.actions.signalLink', { id: a.signalId }),
          },
  }));
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
      when: whenLabel(t, lang, m),
      place: m.place,
      description: m.description,
      isPublic: m.isPublic,
      cancelled: m.cancelledAt !== null,
      minutes: minutesBlocks(m.minutes),
      otherResidents: m.otherResidents,
      otherProfessionals: m.otherProfessionals,
    },
    agenda: detail.agenda.map((a) => ({ title: a.title, originLabel: originLabel(t, a.origin) })),
    attendance: detail.attendance.map((a) => (a.erased ? t('meetings.formerMember') : a.name)),
    canManage,
  };
}
