// The SQL of the meetings module (its pulse counts are in repository-pulse.ts, its overview
// in repository-overview.ts). Every query is scoped by its network or by a meeting found
// within its network. Names of people come from the people module's face.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { DEFAULT_LENGTH_MS } from './length.js';
import {
  type AgendaOrigin,
  agendaItems,
  type MeetingKind,
  meetingActions,
  meetingAttendance,
  meetingFeedTokens,
  meetingRsvps,
  meetings,
} from './tables.js';

export { DEFAULT_LENGTH_MS } from './length.js';

export interface MeetingRow {
  id: number;
  networkId: number;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  description: string;
  place: string;
  isPublic: boolean;
  maxPlaces: number | null;
  cancelledAt: Date | null;
  sequence: number;
  updatedAt: Date;
  minutes: string;
  otherResidents: number;
  otherProfessionals: number;
}

export interface ActionRow {
  id: number;
  what: string;
  who: string;
  dueOn: string | null;
  signalId: number | null;
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
  endsAt: meetings.endsAt,
  description: meetings.description,
  place: meetings.place,
  isPublic: meetings.isPublic,
  maxPlaces: meetings.maxPlaces,
  cancelledAt: meetings.cancelledAt,
  sequence: meetings.sequence,
  updatedAt: meetings.updatedAt,
  minutes: meetings.minutes,
  otherResidents: meetings.otherResidents,
  otherProfessionals: meetings.otherProfessionals,
};

export function meetingsRepository(db: Executor) {
  return {
    /** A new meeting; without an end it lasts DEFAULT_LENGTH_MS. */
    async insertMeeting(
      meeting: Pick<
        MeetingRow,
        'networkId' | 'kind' | 'title' | 'startsAt' | 'place' | 'isPublic'
      > &
        Partial<Pick<MeetingRow, 'endsAt' | 'description' | 'maxPlaces'>>,
    ): Promise<number> {
      const rows = await db
        .insert(meetings)
        .values({
          ...meeting,
          endsAt: meeting.endsAt ?? new Date(meeting.startsAt.getTime() + DEFAULT_LENGTH_MS),
        })
        .returning({ id: meetings.id });
      return rows[0]!.id;
    },

    /** The meeting, locked until the transaction ends (places are counted under this lock). */
    async lockMeeting(networkId: number, meetingId: number): Promise<MeetingRow | undefined> {
      const rows = await db
        .select(meetingColumns)
        .from(meetings)
        .where(and(eq(meetings.networkId, networkId), eq(meetings.id, meetingId)))
        .for('update');
      return rows[0];
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

    /** Meetings for the search index: every one, or those of `ids`. */
    async listMeetingsForIndex(ids?: readonly number[]): Promise<MeetingRow[]> {
      const query = db.select(meetingColumns).from(meetings);
      return ids ? query.where(inArray(meetings.id, [...ids])) : query;
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

    /** Meetings of every network starting in [from, to) that are not cancelled (reminders). */
    async listStartingBetween(from: Date, to: Date): Promise<MeetingRow[]> {
      return db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            gte(meetings.startsAt, from),
            lt(meetings.startsAt, to),
            isNull(meetings.cancelledAt),
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetings.id));
    },

    /** Public meetings that have not ended at `from` (a meeting under way is still listed). */
    async listUpcomingPublic(networkId: number, from: Date, limit: number): Promise<MeetingRow[]> {
      return db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            eq(meetings.isPublic, true),
            gt(meetings.endsAt, from),
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

    /** The public meeting with this id in this network, or undefined. */
    async findPublicMeeting(networkId: number, meetingId: number): Promise<MeetingRow | undefined> {
      const rows = await db
        .select(meetingColumns)
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            eq(meetings.id, meetingId),
            eq(meetings.isPublic, true),
          ),
        )
        .limit(1);
      return rows[0];
    },

    // ── "Ik kom" ──────────────────────────────────────────────────────────────────────────

    /** Who said they are coming, with their places, in the order they said so. */
    async listRsvps(meetingId: number): Promise<{ personId: number; places: number }[]> {
      return db
        .select({ personId: meetingRsvps.personId, places: meetingRsvps.places })
        .from(meetingRsvps)
        .where(eq(meetingRsvps.meetingId, meetingId))
        .orderBy(asc(meetingRsvps.createdAt), asc(meetingRsvps.personId));
    },

    /** Places claimed by everyone except `exceptPersonId`. */
    async placesTaken(meetingId: number, exceptPersonId: number): Promise<number> {
      const rows = await db
        .select({ total: sql<string>`coalesce(sum(${meetingRsvps.places}), 0)` })
        .from(meetingRsvps)
        .where(
          and(eq(meetingRsvps.meetingId, meetingId), ne(meetingRsvps.personId, exceptPersonId)),
        );
      return Number(rows[0]?.total ?? 0);
    },

    async upsertRsvp(meetingId: number, personId: number, places: number): Promise<void> {
      await db
        .insert(meetingRsvps)
        .values({ meetingId, personId, places })
        .onConflictDoUpdate({
          target: [meetingRsvps.meetingId, meetingRsvps.personId],
          set: { places },
        });
    },

    async deleteRsvp(meetingId: number, personId: number): Promise<void> {
      await db
        .delete(meetingRsvps)
        .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.personId, personId)));
    },

    /** A person's "ik kom" answers, for their data export. */
    async rsvpsOfPerson(personId: number) {
      return db
        .select({
          networkId: meetings.networkId,
          title: meetings.title,
          startsAt: meetings.startsAt,
          places: meetingRsvps.places,
        })
        .from(meetingRsvps)
        .innerJoin(meetings, eq(meetings.id, meetingRsvps.meetingId))
        .where(eq(meetingRsvps.personId, personId))
        .orderBy(asc(meetings.startsAt));
    },

    async deleteRsvpsOf(personId: number): Promise<void> {
      await db.delete(meetingRsvps).where(eq(meetingRsvps.personId, personId));
    },

    // ── Feed tokens ───────────────────────────────────────────────────────────────────────

    /** Stores the hash of a person's new feed token; the previous one stops working. */
    async replaceFeedToken(personId: number, tokenHash: string): Promise<void> {
      await db
        .insert(meetingFeedTokens)
        .values({ personId, tokenHash })
        .onConflictDoUpdate({
          target: meetingFeedTokens.personId,
          set: { tokenHash, createdAt: new Date() },
        });
    },

    async findFeedTokenOwner(tokenHash: string): Promise<number | undefined> {
      const rows = await db
        .select({ personId: meetingFeedTokens.personId })
        .from(meetingFeedTokens)
        .where(eq(meetingFeedTokens.tokenHash, tokenHash))
        .limit(1);
      return rows[0]?.personId;
    },

    async hasFeedToken(personId: number): Promise<boolean> {
      const rows = await db
        .select({ personId: meetingFeedTokens.personId })
        .from(meetingFeedTokens)
        .where(eq(meetingFeedTokens.personId, personId))
        .limit(1);
      return rows.length > 0;
    },

    async deleteFeedToken(personId: number): Promise<void> {
      await db.delete(meetingFeedTokens).where(eq(meetingFeedTokens.personId, personId));
    },

    // ── Action points ─────────────────────────────────────────────────────────────────────

    async listActions(meetingId: number): Promise<ActionRow[]> {
      return db
        .select({
          id: meetingActions.id,
          what: meetingActions.what,
          who: meetingActions.who,
          dueOn: meetingActions.dueOn,
          signalId: meetingActions.signalId,
        })
        .from(meetingActions)
        .where(eq(meetingActions.meetingId, meetingId))
        .orderBy(asc(meetingActions.id));
    },

    async insertAction(meetingId: number, action: Omit<ActionRow, 'id'>): Promise<number> {
      const rows = await db
        .insert(meetingActions)
        .values({ meetingId, ...action })
        .returning({ id: meetingActions.id });
      return rows[0]!.id;
    },

    async deleteAction(meetingId: number, actionId: number): Promise<boolean> {
      const rows = await db
        .delete(meetingActions)
        .where(and(eq(meetingActions.meetingId, meetingId), eq(meetingActions.id, actionId)))
        .returning({ id: meetingActions.id });
      return rows.length > 0;
    },
  };
}

export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
