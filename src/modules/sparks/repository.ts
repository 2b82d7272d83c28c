// All SQL of the sparks and meetings module. Every query is scoped by its network.
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { memberships, people } from '../people/tables.js';
import {
  type AgendaOrigin,
  agendaItems,
  type MeetingKind,
  meetingAttendance,
  meetings,
  sparkPhotos,
  sparks,
} from './tables.js';

export interface SparkRow {
  id: number;
  networkId: number;
  text: string;
  isPublic: boolean;
  status: 'published' | 'pending';
  photoId: number | null;
  createdAt: Date;
  authorName: string | null;
  authorErased: boolean;
  visitorName: string | null;
}

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

const sparkColumns = {
  id: sparks.id,
  networkId: sparks.networkId,
  text: sparks.text,
  isPublic: sparks.isPublic,
  status: sparks.status,
  photoId: sparks.photoId,
  createdAt: sparks.createdAt,
  authorName: people.displayName,
  authorErased: sql<boolean>`${people.erasedAt} is not null`,
  visitorName: sparks.visitorName,
};

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

export function sparksRepository(db: Executor) {
  function sparkQuery() {
    return db.select(sparkColumns).from(sparks).leftJoin(people, eq(people.id, sparks.authorId));
  }

  return {
    // Photos

    async insertPhoto(photo: {
      networkId: number;
      contentType: string;
      width: number;
      height: number;
      data: Buffer;
    }): Promise<number> {
      const rows = await db.insert(sparkPhotos).values(photo).returning({ id: sparkPhotos.id });
      return rows[0]!.id;
    },

    /** The photo with the spark it belongs to (for the access decision). */
    async findPhoto(photoId: number) {
      const rows = await db
        .select({
          id: sparkPhotos.id,
          networkId: sparkPhotos.networkId,
          contentType: sparkPhotos.contentType,
          data: sparkPhotos.data,
          isPublic: sparks.isPublic,
          status: sparks.status,
        })
        .from(sparkPhotos)
        .innerJoin(sparks, eq(sparks.photoId, sparkPhotos.id))
        .where(eq(sparkPhotos.id, photoId))
        .limit(1);
      return rows[0];
    },

    async countPhotos(): Promise<number> {
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sparkPhotos);
      return rows[0]?.n ?? 0;
    },

    // Sparks

    async insertSpark(spark: {
      networkId: number;
      authorId: number | null;
      visitorName?: string | null;
      text: string;
      isPublic: boolean;
      status: 'published' | 'pending';
      photoId?: number | null;
      createdAt?: Date;
    }): Promise<number> {
      const rows = await db.insert(sparks).values(spark).returning({ id: sparks.id });
      return rows[0]!.id;
    },

    async listWall(networkId: number, limit = 200): Promise<SparkRow[]> {
      return sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'published')))
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
    },

    async listPublic(networkId: number, limit: number): Promise<SparkRow[]> {
      return sparkQuery()
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.status, 'published'),
            eq(sparks.isPublic, true),
          ),
        )
        .orderBy(desc(sparks.createdAt), desc(sparks.id))
        .limit(limit);
    },

    async listPending(networkId: number): Promise<SparkRow[]> {
      return sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.status, 'pending')))
        .orderBy(asc(sparks.createdAt), asc(sparks.id));
    },

    /** Published sparks of a network in (after, upTo], oldest first. */
    async listBetween(networkId: number, after: Date | null, upTo: Date): Promise<SparkRow[]> {
      return sparkQuery()
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.status, 'published'),
            after ? gt(sparks.createdAt, after) : undefined,
            lte(sparks.createdAt, upTo),
          ),
        )
        .orderBy(asc(sparks.createdAt), asc(sparks.id));
    },

    async findSpark(networkId: number, sparkId: number): Promise<SparkRow | undefined> {
      const rows = await sparkQuery()
        .where(and(eq(sparks.networkId, networkId), eq(sparks.id, sparkId)))
        .limit(1);
      return rows[0];
    },

    async publishPending(networkId: number, sparkId: number): Promise<boolean> {
      const rows = await db
        .update(sparks)
        .set({ status: 'published', isPublic: true })
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.id, sparkId),
            eq(sparks.status, 'pending'),
          ),
        )
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    async deletePending(networkId: number, sparkId: number): Promise<boolean> {
      const rows = await db
        .delete(sparks)
        .where(
          and(
            eq(sparks.networkId, networkId),
            eq(sparks.id, sparkId),
            eq(sparks.status, 'pending'),
          ),
        )
        .returning({ id: sparks.id });
      return rows.length > 0;
    },

    async sparksOfPerson(personId: number) {
      return db
        .select({
          networkId: sparks.networkId,
          text: sparks.text,
          isPublic: sparks.isPublic,
          createdAt: sparks.createdAt,
          photoId: sparks.photoId,
        })
        .from(sparks)
        .where(eq(sparks.authorId, personId))
        .orderBy(asc(sparks.createdAt));
    },

    /** Deletes the photos on a person's sparks (a photo may show them); the texts stay. */
    async deletePhotosOfPerson(personId: number): Promise<void> {
      const rows = await db
        .select({ photoId: sparks.photoId })
        .from(sparks)
        .where(and(eq(sparks.authorId, personId), isNotNull(sparks.photoId)));
      const ids = rows.map((r) => r.photoId!).filter((id) => id !== null);
      if (ids.length === 0) return;
      await db.update(sparks).set({ photoId: null }).where(inArray(sparks.photoId, ids));
      await db.delete(sparkPhotos).where(inArray(sparkPhotos.id, ids));
    },

    // Meetings

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

    /** Members of the network (for the attendance list), by name. */
    async listMembers(networkId: number) {
      return db
        .select({ personId: people.id, name: people.displayName, role: memberships.role })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(eq(memberships.networkId, networkId))
        .orderBy(asc(people.displayName));
    },

    async listAttendance(meetingId: number) {
      return db
        .select({
          personId: people.id,
          name: people.displayName,
          erased: sql<boolean>`${people.erasedAt} is not null`,
        })
        .from(meetingAttendance)
        .innerJoin(people, eq(people.id, meetingAttendance.personId))
        .where(eq(meetingAttendance.meetingId, meetingId))
        .orderBy(asc(people.displayName));
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

    /** Takes the person off every attendance list, counting them among the others instead. */
    async removeFromAttendance(personId: number): Promise<void> {
      const rows = await db
        .select({ meetingId: meetingAttendance.meetingId, role: memberships.role })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .leftJoin(
          memberships,
          and(eq(memberships.networkId, meetings.networkId), eq(memberships.personId, personId)),
        )
        .where(eq(meetingAttendance.personId, personId));
      for (const row of rows) {
        const professional = row.role === 'professional';
        await db
          .update(meetings)
          .set(
            professional
              ? { otherProfessionals: sql`${meetings.otherProfessionals} + 1` }
              : { otherResidents: sql`${meetings.otherResidents} + 1` },
          )
          .where(eq(meetings.id, row.meetingId));
      }
      await db.delete(meetingAttendance).where(eq(meetingAttendance.personId, personId));
    },
  };
}

export type SparksRepository = ReturnType<typeof sparksRepository>;
