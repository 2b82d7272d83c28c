// Use cases of sparks (vonkjes) and meetings (bijeenkomsten). Transactions live here.
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { processPhoto } from './photos.js';
import {
  type AgendaItemRow,
  type MeetingRow,
  type SparkRow,
  sparksRepository,
} from './repository.js';
import type { AgendaOrigin, MeetingKind } from './tables.js';

export const SPARK_MAX = 280;
/** After a meeting's start, sparks added within this time still belong to its round. */
const ROUND_WINDOW_MS = 24 * 3_600_000;

export type AddSparkResult =
  | { ok: true; id: number }
  | { ok: false; reason: 'photoTooLarge' | 'photoType' };

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
  attendance: { personId: number; name: string; erased: boolean }[];
}

export function sparksService(db: Database) {
  const repo = sparksRepository(db);

  return {
    async addSpark(input: {
      networkId: number;
      authorId: number;
      text: string;
      isPublic: boolean;
      photo?: { data: Buffer; truncated: boolean } | undefined;
    }): Promise<AddSparkResult> {
      let photo: Awaited<ReturnType<typeof processPhoto>> | undefined;
      if (input.photo && (input.photo.data.length > 0 || input.photo.truncated)) {
        if (input.photo.truncated) return { ok: false, reason: 'photoTooLarge' };
        photo = await processPhoto(input.photo.data);
        if (!photo.ok) {
          return { ok: false, reason: photo.reason === 'tooLarge' ? 'photoTooLarge' : 'photoType' };
        }
      }
      const id = await db.transaction(async (tx) => {
        const r = sparksRepository(tx);
        const photoId =
          photo?.ok === true
            ? await r.insertPhoto({
                networkId: input.networkId,
                contentType: photo.contentType,
                width: photo.width,
                height: photo.height,
                data: photo.data,
              })
            : null;
        return r.insertSpark({
          networkId: input.networkId,
          authorId: input.authorId,
          text: input.text,
          isPublic: input.isPublic,
          status: 'published',
          photoId,
        });
      });
      return { ok: true, id };
    },

    wall: (networkId: number) => repo.listWall(networkId),
    publicSparks: (networkId: number, limit = 6) => repo.listPublic(networkId, limit),
    pending: (networkId: number) => repo.listPending(networkId),
    photo: (photoId: number) => repo.findPhoto(photoId),

    /** A spark sent from the public page: waits in the moderation queue. */
    async submitFromPublic(networkId: number, text: string, name: string): Promise<number> {
      return repo.insertSpark({
        networkId,
        authorId: null,
        visitorName: name === '' ? null : name,
        text,
        isPublic: true,
        status: 'pending',
      });
    },

    async moderate(input: {
      networkId: number;
      sparkId: number;
      approve: boolean;
      actorId: number;
      origin: string;
    }): Promise<boolean> {
      return db.transaction(async (tx) => {
        const r = sparksRepository(tx);
        const done = input.approve
          ? await r.publishPending(input.networkId, input.sparkId)
          : await r.deletePending(input.networkId, input.sparkId);
        if (done) {
          await recordAudit(tx, {
            actorId: input.actorId,
            action: input.approve ? 'sparks.approve' : 'sparks.reject',
            result: 'ok',
            objectType: 'spark',
            objectId: input.sparkId,
            networkId: input.networkId,
            origin: input.origin,
          });
        }
        return done;
      });
    },

    // Meetings

    listMeetings: (networkId: number) => repo.listMeetings(networkId),
    upcomingPublic: (networkId: number, limit = 3) =>
      repo.listUpcomingPublic(networkId, new Date(), limit),
    members: (networkId: number) => repo.listMembers(networkId),

    /** The meeting alone (its agenda and attendance are not read). */
    findMeeting: (networkId: number, meetingId: number) => repo.findMeeting(networkId, meetingId),

    async meeting(networkId: number, meetingId: number): Promise<MeetingDetail | undefined> {
      const meeting = await repo.findMeeting(networkId, meetingId);
      if (!meeting) return undefined;
      return {
        meeting,
        agenda: await repo.listAgenda(meeting.id),
        attendance: await repo.listAttendance(meeting.id),
      };
    },

    async createMeeting(networkId: number, input: MeetingInput): Promise<number> {
      return db.transaction(async (tx) => {
        const r = sparksRepository(tx);
        const { agenda, ...fields } = input;
        const id = await r.insertMeeting({ networkId, ...fields });
        await r.replaceAgenda(id, agenda);
        return id;
      });
    },

    async updateMeeting(networkId: number, meetingId: number, input: MeetingInput): Promise<void> {
      await db.transaction(async (tx) => {
        const r = sparksRepository(tx);
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
        const r = sparksRepository(tx);
        const members = new Set((await r.listMembers(networkId)).map((m) => m.personId));
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

    /**
     * The sparks round: published sparks since the previous meeting started, up to now (or,
     * for a meeting long past, up to a day after it started), oldest first.
     */
    previousMeeting: (meeting: MeetingRow) =>
      repo.findPreviousMeeting(meeting.networkId, meeting.startsAt, meeting.id),

    async round(meeting: MeetingRow, now = new Date()): Promise<SparkRow[]> {
      const previous = await repo.findPreviousMeeting(
        meeting.networkId,
        meeting.startsAt,
        meeting.id,
      );
      const end = Math.min(now.getTime(), meeting.startsAt.getTime() + ROUND_WINDOW_MS);
      return repo.listBetween(meeting.networkId, previous?.startsAt ?? null, new Date(end));
    },

    /** The iCalendar feed of a network: public meetings only, or all for members. */
    async calendar(input: {
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
          end: new Date(m.startsAt.getTime() + 2 * 3_600_000),
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

export type SparksService = ReturnType<typeof sparksService>;
