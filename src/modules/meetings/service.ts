// Use cases of meetings (bijeenkomsten): plan, agenda, attendance, minutes, the sparks round
// and the iCalendar feeds. Transactions live here. Sparks and people are read through their
// modules' faces.
import { createHmac, randomBytes } from 'node:crypto';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Database, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { fromLocal, toLocal } from '../../platform/time.js';
import { notificationsModule } from '../notifications/index.js';
import { peopleModule } from '../people/index.js';
import { type RoundSpark, sparksModule } from '../sparks/index.js';
import { DEFAULT_LENGTH_MS } from './length.js';
import {
  type ActionRow,
  type AgendaItemRow,
  type MeetingRow,
  meetingsRepository,
} from './repository.js';
import { refreshMeetingIndex } from './search.js';
import type { AgendaOrigin, MeetingKind } from './tables.js';

/** After a meeting's start, sparks added within this time still belong to its round (ms). */
/**
 * Tells those who said "ik kom" that the meeting moved, is cancelled, goes ahead after all or
 * is tomorrow (issue 11
 * item 5), inside the caller's transaction; `at` is the (new) start.
 */
export async function tellAttendees(
  tx: Executor,
  meeting: { id: number; networkId: number; title: string },
  event: 'moved' | 'cancelled' | 'reopened' | 'tomorrow',
  at: Date,
  exceptPersonId?: number,
): Promise<void> {
  const rsvps = await meetingsRepository(tx).listRsvps(meeting.id);
  await notificationsModule.api.notify(tx, {
    kind: 'meeting',
    event,
    personIds: rsvps.filter((r) => r.places > 0).map((r) => r.personId),
    exceptPersonId: exceptPersonId ?? null,
    networkId: meeting.networkId,
    params: { title: meeting.title || `#${meeting.id}`, at: at.toISOString() },
    link: `/netwerk/${meeting.networkId}/bijeenkomsten/${meeting.id}`,
  });
}

/**
 * The daily reminder: those who said "ik kom" to a meeting that starts tomorrow (Amsterdam
 * date) are told, each meeting in its own transaction. Run once a day by the job runner.
 */
export async function remindTomorrow(db: Database, now: Date): Promise<number> {
  const [y, m, d] = toLocal(now).date.split('-').map(Number) as [number, number, number];
  const dayAfter = (days: number) =>
    new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const from = fromLocal(dayAfter(1), '00:00')!;
  const to = fromLocal(dayAfter(2), '00:00')!;
  const meetings = await meetingsRepository(db).listStartingBetween(from, to);
  for (const meeting of meetings) {
    await db.transaction((tx) => tellAttendees(tx, meeting, 'tomorrow', meeting.startsAt));
  }
  return meetings.length;
}

export const ROUND_WINDOW_MS = 24 * 3_600_000;
/** A meeting is planned for two hours unless said otherwise (ms). */
export const MEETING_LENGTH_MS = DEFAULT_LENGTH_MS;
/** The longest description of a meeting, in characters. */
export const DESCRIPTION_MAX = 2_000;
/** The most places one person can claim with "ik kom" (themselves and who they bring). */
export const PLACES_PER_PERSON_MAX = 10;
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
  endsAt: Date;
  description: string;
  place: string;
  isPublic: boolean;
  maxPlaces: number | null;
  agenda: { origin: AgendaOrigin; title: string }[];
}

/** Why "ik kom" was refused. */
export type RsvpRefusal = 'full' | 'closed';

/** A feed token's keyed hash: only this is stored, so a leaked table gives no feed addresses. */
export function feedTokenHash(secret: string, token: string): string {
  return createHmac('sha256', `${secret}:meeting-feed`).update(token).digest('base64url');
}

/** Whether a meeting is over at `now` (it counts as current until its end). */
export function hasEnded(m: Pick<MeetingRow, 'endsAt'>, now: Date): boolean {
  return m.endsAt.getTime() <= now.getTime();
}

export interface MeetingDetail {
  meeting: MeetingRow;
  agenda: AgendaItemRow[];
  /** Named attendance, by name; `erased` people are shown as "oud-lid". */
  attendance: { personId: number; name: string; erased: boolean }[];
}

/**
 * Splits meetings into those not yet ended at `now` (under way or to come) and those past,
 * newest first.
 */
export function splitByTime(
  all: MeetingRow[],
  now: Date,
): { upcoming: MeetingRow[]; past: MeetingRow[] } {
  return {
    upcoming: all.filter((m) => !hasEnded(m, now)),
    past: all.filter((m) => hasEnded(m, now)).reverse(),
  };
}

export function meetingsService(db: Database) {
  const repo = meetingsRepository(db);
  const directory = peopleModule.api.directory(db);

  async function describeMeeting(meeting: MeetingRow): Promise<MeetingDetail> {
    const [present, agenda] = await Promise.all([
      repo.listAttendance(meeting.id),
      repo.listAgenda(meeting.id),
    ]);
    const names = await directory.findNames(present);
    const attendance = present
      .map((personId) => ({
        personId,
        name: names.get(personId)?.name ?? '',
        erased: names.get(personId)?.erased ?? true,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

    return { meeting, agenda, attendance };
  }

  /** Cancels (`cancel`) or reopens a meeting under its row lock; see cancelMeeting. */
  function setCancelled(
    networkId: number,
    meetingId: number,
    by: { actorId: number; origin: string | null },
    cancel: boolean,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const r = meetingsRepository(tx);
      const current = await r.lockMeeting(networkId, meetingId);
      const now = new Date();
      if (!current || (current.cancelledAt !== null) === cancel) return false;
      if (!cancel && hasEnded(current, now)) return false;
      await r.updateMeeting(networkId, meetingId, {
        cancelledAt: cancel ? now : null,
        sequence: current.sequence + 1,
        updatedAt: now,
      });
      const event = cancel ? 'cancelled' : 'reopened';
      await tellAttendees(tx, current, event, current.startsAt, by.actorId);
      await recordAudit(tx, {
        actorId: by.actorId,
        action: cancel ? 'meetings.cancel' : 'meetings.reopen',
        result: 'ok',
        objectType: 'meeting',
        objectId: meetingId,
        networkId,
        origin: by.origin,
      });
      return true;
    });
  }

  return {
    listMeetings: (networkId: number) => repo.listMeetings(networkId),
    listUpcomingPublic: (networkId: number, limit = 3) =>
      repo.listUpcomingPublic(networkId, new Date(), limit),
    /** Members of the network, for the attendance form. */
    listMembers: (networkId: number) => directory.listMembers(networkId),

    /** The meeting alone, without reading its agenda and attendance. */
    findMeetingRow: (networkId: number, meetingId: number) =>
      repo.findMeeting(networkId, meetingId),

    /** The meeting in the network with its agenda and attendance; undefined when not there. */
    async findMeeting(networkId: number, meetingId: number): Promise<MeetingDetail | undefined> {
      const meeting = await repo.findMeeting(networkId, meetingId);
      return meeting && describeMeeting(meeting);
    },

    /** The agenda and attendance of a meeting row already found (no second read of the row). */
    describeMeeting,

    /** A meeting's agenda items in their order (the public page shows nothing else of it). */
    listAgenda: (meetingId: number) => repo.listAgenda(meetingId),

    async createMeeting(networkId: number, input: MeetingInput): Promise<number> {
      return db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const { agenda, ...fields } = input;
        const id = await r.insertMeeting({ networkId, ...fields });
        await r.replaceAgenda(id, agenda);
        await refreshMeetingIndex(tx, [id]);
        return id;
      });
    },

    /** Saves a change; calendars learn of it by a higher SEQUENCE and a new LAST-MODIFIED. */
    async updateMeeting(networkId: number, meetingId: number, input: MeetingInput): Promise<void> {
      await db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const current = await r.lockMeeting(networkId, meetingId);
        if (!current) return;
        const { agenda, ...fields } = input;
        await r.updateMeeting(networkId, meetingId, {
          ...fields,
          sequence: current.sequence + 1,
          updatedAt: new Date(),
        });
        await r.replaceAgenda(meetingId, agenda);
        if (!current.cancelledAt && fields.startsAt.getTime() !== current.startsAt.getTime())
          await tellAttendees(tx, current, 'moved', fields.startsAt);
        await refreshMeetingIndex(tx, [meetingId]);
      });
    },

    /**
     * Cancels a meeting: it stays in lists and feeds, marked cancelled (STATUS:CANCELLED with
     * a higher SEQUENCE, so calendars update it). Audited. False when it was cancelled already.
     */
    cancelMeeting: (networkId: number, meetingId: number, actorId: number, origin: string | null) =>
      setCancelled(networkId, meetingId, { actorId, origin }, true),

    /**
     * Undoes a cancellation (a meeting cancelled by mistake, or that goes ahead after all):
     * listed and in feeds as planned again, with a higher SEQUENCE so calendars update it;
     * those who said "ik kom" are told. Audited. False when the meeting is not cancelled or
     * has already ended (a past meeting stays as it was).
     */
    reopenMeeting: (networkId: number, meetingId: number, actorId: number, origin: string | null) =>
      setCancelled(networkId, meetingId, { actorId, origin }, false),

    /**
     * "Ik kom" with `places` places (0 takes the answer back). The meeting row is locked while
     * the places are counted, so two answers at once cannot both take the last place.
     */
    async respond(
      networkId: number,
      meetingId: number,
      personId: number,
      places: number,
      now = new Date(),
    ): Promise<{ ok: true } | { ok: false; reason: RsvpRefusal; left: number }> {
      return db.transaction(async (tx) => {
        const r = meetingsRepository(tx);
        const meeting = await r.lockMeeting(networkId, meetingId);
        if (!meeting || meeting.cancelledAt || hasEnded(meeting, now)) {
          return { ok: false as const, reason: 'closed' as const, left: 0 };
        }
        if (places === 0) {
          await r.deleteRsvp(meetingId, personId);
          return { ok: true as const };
        }
        if (meeting.maxPlaces !== null) {
          const left = meeting.maxPlaces - (await r.placesTaken(meetingId, personId));
          if (places > left) {
            return { ok: false as const, reason: 'full' as const, left: Math.max(left, 0) };
          }
        }
        await r.upsertRsvp(meetingId, personId, places);
        return { ok: true as const };
      });
    },

    /** Who is coming, by name, with their places; and the total. */
    async listComing(meetingId: number) {
      const rows = await repo.listRsvps(meetingId);
      const names = await directory.findNames(rows.map((r) => r.personId));
      return {
        total: rows.reduce((sum, r) => sum + r.places, 0),
        people: rows.map((r) => ({
          personId: r.personId,
          name: names.get(r.personId)?.erased ? '' : (names.get(r.personId)?.name ?? ''),
          places: r.places,
        })),
      };
    },

    /** A new secret feed address for a person; the old one stops working. Returns the token. */
    async renewFeedToken(personId: number, secret: string): Promise<string> {
      const token = randomBytes(24).toString('base64url');
      await repo.replaceFeedToken(personId, feedTokenHash(secret, token));
      return token;
    },

    hasFeedToken: (personId: number) => repo.hasFeedToken(personId),

    /** The person a feed token belongs to, if it is their current one. */
    findFeedTokenOwner: (secret: string, token: string) =>
      repo.findFeedTokenOwner(feedTokenHash(secret, token)),

    listActions: (meetingId: number): Promise<ActionRow[]> => repo.listActions(meetingId),
    addAction: (meetingId: number, action: Omit<ActionRow, 'id'>) =>
      repo.insertAction(meetingId, action),
    removeAction: (meetingId: number, actionId: number) => repo.deleteAction(meetingId, actionId),
    findPublicMeeting: (networkId: number, meetingId: number) =>
      repo.findPublicMeeting(networkId, meetingId),

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
      db.transaction(async (tx) => {
        await meetingsRepository(tx).updateMeeting(networkId, meetingId, { minutes });
        await refreshMeetingIndex(tx, [meetingId]);
      }),

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

    /**
     * The iCalendar feed of a network: public meetings only, or all for members. Each event
     * has a UID on the site's own host, its SEQUENCE and LAST-MODIFIED (so calendars take
     * changes), its address as URL and in the description, and STATUS:CANCELLED once
     * cancelled (cancelled meetings stay in the feed, so calendars remove or mark them).
     */
    async buildCalendar(input: {
      networkId: number;
      networkName: string;
      onlyPublic: boolean;
      baseUrl: string;
      /** The address of a meeting's page, absolute. */
      meetingUrl: (meetingId: number) => string;
      kindLabel: (kind: MeetingKind) => string;
      cancelledLabel: string;
      moreLabel: string;
    }): Promise<string> {
      const rows = await repo.listMeetings(input.networkId, input.onlyPublic);
      const agenda = await repo.listAgendaFor(rows.map((m) => m.id));
      const host = new URL(input.baseUrl).host;
      const calendar = ical({
        name: input.networkName,
        method: ICalCalendarMethod.PUBLISH,
        prodId: { company: 'Buurtkracht', product: 'bijeenkomsten', language: 'NL' },
      });
      for (const m of rows) {
        const items = agenda.filter((a) => a.meetingId === m.id).map((a) => `- ${a.title}`);
        const url = input.meetingUrl(m.id);
        const label =
          m.title === '' ? input.kindLabel(m.kind) : `${input.kindLabel(m.kind)}: ${m.title}`;
        const description = [
          m.cancelledAt ? input.cancelledLabel : '',
          m.description,
          items.join('\n'),
          `${input.moreLabel} ${url}`,
        ]
          .filter((p) => p !== '')
          .join('\n\n');
        calendar.createEvent({
          id: `meeting-${m.id}@${host}`,
          sequence: m.sequence,
          stamp: m.updatedAt,
          lastModified: m.updatedAt,
          start: m.startsAt,
          end: m.endsAt,
          summary: m.cancelledAt ? `${input.cancelledLabel}: ${label}` : label,
          location: m.place === '' ? null : m.place,
          description,
          url,
          status: m.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return calendar.toString();
    },
  };
}

export type MeetingsService = ReturnType<typeof meetingsService>;
