// All SQL of the meetings module. Every query is scoped by its network or by a meeting
// found within its network. Names of people come from the people module's face.
import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  type AgendaOrigin,
  agendaItems,
  type MeetingKind,
  meetingAttendance,
  meetings,
} from './tables.js';

export interface MeetingRow {
  id: number;
  networkId: number;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  place: string;
  isPublic: boolean;
  minutes: string;
  otherResidents: number;
  otherProfessionals: number;
}

export interface AgendaItemRow {
  position: number;
  origin: AgendaOrigin;
  title: string;
}

const meetingColumns = {
  id: meetings.id,
  networkId: meetings.networkId,
  kind: meetings.kind,
  title: meetings.title,
  startsAt: meetings.startsAt,
  place: meetings.place,
  isPublic: meetings.isPublic,
  minutes: meetings.minutes,
  otherResidents: meetings.otherResidents,
  otherProfessionals: meetings.otherProfessionals,
};

export function meetingsRepository(db: Executor) {
  return {
    /**
     * For the pulse: agenda items of meetings in the period [from, to) (Amsterdam calendar
     * dates) by their origin, counted in SQL — listening (from residents) or sending.
     */
    async countAgendaForPulse(networkId: number, from: string, to: string) {
      const day = sql`(${meetings.startsAt} at time zone 'Europe/Amsterdam')::date`;
      return db
        .select({ origin: agendaItems.origin, n: count() })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(
          and(
            eq(meetings.networkId, networkId),
            sql`${day} >= ${from}::date and ${day} < ${to}::date`,
          ),
        )
        .groupBy(agendaItems.origin);
    },

    async insertMeeting(
      meeting: Omit<MeetingRow, 'id' | 'minutes' | 'otherResidents' | 'otherProfessionals'>,
    ): Promise<number> {
      const rows = await db.insert(meetings).values(meeting).returning({ id: meetings.id });
      return rows[0]!.id;
    },

    async updateMeeting(
      networkId: number,
      meetingId: number,
      values: Partial<Omit<MeetingRow, 'id' | 'networkId'>>,
    ): Promise<void> {
      await db
        .update(meetings)
        .set(values)
        .where(and(eq(meetings.networkId, networkId), eq(meetings.id, meetingId)));
    },

    async findMeeting(networkId: number, meetingId: number): Promise<MeetingRow | undefined> {
      const rows = await db
        .select(meetingColumns)
        .from(meetings)
        .where(and(eq(meetings.networkId, networkId), eq(meetings.id, meetingId)))
        .limit(1);
      return rows[0];
    },

    async listMeetings(networkId: number, onlyPublic = false): Promise<MeetingRow[]> {
      return db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            onlyPublic ? eq(meetings.isPublic, true) : undefined,
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetings.id));
    },

    async listUpcomingPublic(networkId: number, from: Date, limit: number): Promise<MeetingRow[]> {
      return db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            eq(meetings.isPublic, true),
            gt(meetings.startsAt, from),
          ),
        )
        .orderBy(asc(meetings.startsAt))
        .limit(limit);
    },

    /** The meeting of this network that started last before `before`. */
    async findPreviousMeeting(
      networkId: number,
      before: Date,
      exceptId: number,
    ): Promise<MeetingRow | undefined> {
      const rows = await db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            lt(meetings.startsAt, before),
            sql`${meetings.id} <> ${exceptId}`,
          ),
        )
        .orderBy(desc(meetings.startsAt))
        .limit(1);
      return rows[0];
    },

    async listAgenda(meetingId: number): Promise<AgendaItemRow[]> {
      return db
        .select({
          position: agendaItems.position,
          origin: agendaItems.origin,
          title: agendaItems.title,
        })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position));
    },

    async listAgendaFor(meetingIds: number[]) {
      if (meetingIds.length === 0) return [];
      return db
        .select({
          meetingId: agendaItems.meetingId,
          position: agendaItems.position,
          origin: agendaItems.origin,
          title: agendaItems.title,
        })
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, meetingIds))
        .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
    },

    async replaceAgenda(
      meetingId: number,
      items: { origin: AgendaOrigin; title: string }[],
    ): Promise<void> {
      await db.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
      if (items.length === 0) return;
      await db
        .insert(agendaItems)
        .values(items.map((item, i) => ({ meetingId, position: i + 1, ...item })));
    },

    /** The people named as present at a meeting (ids; names come from the people module). */
    async listAttendance(meetingId: number): Promise<number[]> {
      const rows = await db
        .select({ personId: meetingAttendance.personId })
        .from(meetingAttendance)
        .where(eq(meetingAttendance.meetingId, meetingId));
      return rows.map((r) => r.personId);
    },

    async replaceAttendance(meetingId: number, personIds: number[]): Promise<void> {
      await db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
      const unique = [...new Set(personIds)];
      if (unique.length === 0) return;
      await db
        .insert(meetingAttendance)
        .values(unique.map((personId) => ({ meetingId, personId })));
    },

    async attendanceOfPerson(personId: number) {
      return db
        .select({
          networkId: meetings.networkId,
          kind: meetings.kind,
          title: meetings.title,
          startsAt: meetings.startsAt,
        })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .where(eq(meetingAttendance.personId, personId))
        .orderBy(asc(meetings.startsAt));
    },

    /** The meetings a person is named at, with their network. */
    async listAttendedMeetings(personId: number) {
      return db
        .select({ meetingId: meetingAttendance.meetingId, networkId: meetings.networkId })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .where(eq(meetingAttendance.personId, personId));
    },

    /** Counts one more resident or professional among the unnamed attendance. */
    async addUnnamedAttendee(meetingId: number, professional: boolean): Promise<void> {
      await db
        .update(meetings)
        .set(
          professional
            ? { otherProfessionals: sql`${meetings.otherProfessionals} + 1` }
            : { otherResidents: sql`${meetings.otherResidents} + 1` },
        )
        .where(eq(meetings.id, meetingId));
    },

    async deleteAttendanceOf(personId: number): Promise<void> {
      await db.delete(meetingAttendance).where(eq(meetingAttendance.personId, personId));
    },
  };
}

export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
