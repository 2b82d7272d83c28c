// Use cases of meetings (bijeenkomsten): plan, agenda, attendance, minutes, the sparks round
// and the iCalendar feeds. Transactions live here. Sparks and people are read through their
// modules' faces.
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Database } from '../../db/client.js';
import { peopleModule } from '../people/index.js';
import { type RoundSpark, sparksModule } from '../sparks/index.js';
import { type AgendaItemRow, type MeetingRow, meetingsRepository } from './repository.js';
import type { AgendaOrigin, MeetingKind } from './tables.js';

/** After a meeting's start, sparks added within this time still belong to its round (ms). */
export const ROUND_WINDOW_MS = 24 * 3_600_000;
/** A meeting is planned for two hours unless said otherwise (ms). */
export const MEETING_LENGTH_MS = 2 * 3_600_000;
/** The most agenda items a meeting can have (stated on the form, checked on saving). */
export const AGENDA_MAX = 100;
/** The longest title of a meeting, an agenda item, or a place, in characters. */
export const MEETING_TEXT_MAX = 200;
/** The longest minutes, in characters. */
export const MINUTES_MAX = 20_000;
/** Meetings are planned or recorded within these years (a typo like 0024 is refused). */
export const MEETING_YEARS = { from: 2000, to: 2100 } as const;

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  place: string;
  isPublic: boolean;
  agenda: { origin: AgendaOrigin; title: string }[];
}

export interface MeetingDetail {
  meeting: MeetingRow;
  agenda: AgendaItemRow[];
  /** Named attendance, by name; `erased` people are shown as "oud-lid". */
  attendance: { personId: number; name: string; erased: boolean }[];
}

/** Splits meetings into those still to come (from `now` on) and those past, newest first. */
export function splitByTime(
  all: MeetingRow[],
  now: Date,
): { upcoming: MeetingRow[]; past: MeetingRow[] } {
  const t = now.getTime();
  return {
    upcoming: all.filter((m) => m.startsAt.getTime() >= t),
    past: all.filter((m) => m.startsAt.getTime() < t).reverse(),
  };
}

export function meetingsService(db: Database) {
  const repo = meetingsRepository(db);
  const directory = peopleModule.api.directory(db);

  return {
    listMeetings: (networkId: number) => repo.listMeetings(networkId),
    listUpcomingPublic: (networkId: number, limit = 3) =>
      repo.listUpcomingPublic(networkId, new Date(), limit),
    /** Members of the network, for the attendance form. */
    listMembers: (networkId: number) => directory.listMembers(networkId),

    /** The meeting alone, without reading its agenda and attendance. */
    findMeetingRow: (networkId: number, meetingId: number) =>
      repo.findMeeting(networkId, meetingId),

    async findMeeting(networkId: number, meetingId: number): Promise<MeetingDetail | undefined> {
      const meeting = await repo.findMeeting(networkId, meetingId);
      if (!meeting) return undefined;
      const present = await repo.listAttendance(meeting.id);
      const names = await directory.findNames(present);
      const attendance = present
        .map((personId) => ({
          personId,
          name: names.get(personId)?.name ?? '',
          erased: names.get(personId)?.erased ?? true,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      return { meeting, agenda: await repo.listAgenda(meeting.id), attendance };
    },

    async createMeeting(networkId: number, input: MeetingInput): Promise<number> {
      return db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const { agenda, ...fields } = input;
        const id = await r.insertMeeting({ networkId, ...fields });
        await r.replaceAgenda(id, agenda);
        return id;
      });
    },

    async updateMeeting(networkId: number, meetingId: number, input: MeetingInput): Promise<void> {
      await db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const { agenda, ...fields } = input;
        await r.updateMeeting(networkId, meetingId, fields);
        await r.replaceAgenda(meetingId, agenda);
      });
    },

    /** Only members of the network can be named as present. */
    async saveAttendance(
      networkId: number,
      meetingId: number,
      input: { present: number[]; otherResidents: number; otherProfessionals: number },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const members = new Set(
          (await peopleModule.api.directory(tx).listMembers(networkId)).map((m) => m.personId),
        );
        await r.replaceAttendance(
          meetingId,
          [...new Set(input.present)].filter((id) => members.has(id)),
        );
        await r.updateMeeting(networkId, meetingId, {
          otherResidents: input.otherResidents,
          otherProfessionals: input.otherProfessionals,
        });
      });
    },

    saveMinutes: (networkId: number, meetingId: number, minutes: string) =>
      repo.updateMeeting(networkId, meetingId, { minutes }),

    findPreviousMeeting: (meeting: MeetingRow) =>
      repo.findPreviousMeeting(meeting.networkId, meeting.startsAt, meeting.id),

    /**
     * The sparks round: published sparks since the previous meeting started, up to now (or,
     * for a meeting long past, up to a day after it started), oldest first.
     */
    async listRound(meeting: MeetingRow, now = new Date()): Promise<RoundSpark[]> {
      const previous = await repo.findPreviousMeeting(
        meeting.networkId,
        meeting.startsAt,
        meeting.id,
      );
      const end = Math.min(now.getTime(), meeting.startsAt.getTime() + ROUND_WINDOW_MS);
      return sparksModule.api.listPublishedBetween(
        db,
        meeting.networkId,
        previous?.startsAt ?? null,
        new Date(end),
      );
    },

    /** The iCalendar feed of a network: public meetings only, or all for members. */
    async buildCalendar(input: {
      networkId: number;
      networkName: string;
      onlyPublic: boolean;
      baseUrl: string;
      kindLabel: (kind: MeetingKind) => string;
    }): Promise<string> {
      const rows = await repo.listMeetings(input.networkId, input.onlyPublic);
      const agenda = await repo.listAgendaFor(rows.map((m) => m.id));
      const calendar = ical({
        name: input.networkName,
        method: ICalCalendarMethod.PUBLISH,
        prodId: { company: 'Buurtkracht', product: 'bijeenkomsten', language: 'NL' },
      });
      for (const m of rows) {
        const items = agenda.filter((a) => a.meetingId === m.id).map((a) => `- ${a.title}`);
        calendar.createEvent({
          id: `meeting-${m.id}@buurtkracht`,
          start: m.startsAt,
          end: new Date(m.startsAt.getTime() + MEETING_LENGTH_MS),
          summary:
            m.title === '' ? input.kindLabel(m.kind) : `${input.kindLabel(m.kind)}: ${m.title}`,
          location: m.place === '' ? null : m.place,
          description: items.length > 0 ? items.join('\n') : null,
          url: input.onlyPublic
            ? null
            : `${input.baseUrl}/netwerk/${m.networkId}/bijeenkomsten/${m.id}`,
        });
      }
      return calendar.toString();
    },
  };
}

export type MeetingsService = ReturnType<typeof meetingsService>;
