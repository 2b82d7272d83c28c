// Tables of the meetings module (bijeenkomsten): meetings, their agenda items and who came.
// Every meeting carries its network; agenda items and attendance hang from a meeting.
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
// Foreign keys only: tables.ts may name another module's tables (see decision 0005).
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

export const meetingKinds = [
  'network_meeting',
  'village_conversation',
  'residents_evening',
  'other',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    kind: text('kind', { enum: meetingKinds }).notNull(),
    title: text('title').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** When it ends; a meeting is current until then (existing rows: two hours after start). */
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    /** The most places residents can claim with "ik kom"; null: no maximum. */
    maxPlaces: integer('max_places'),
    /** Set when the coordinator cancels it: it stays in lists and feeds, marked cancelled. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** iCalendar SEQUENCE: one up with every change of time, place or cancellation. */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    minutes: text('minutes').notNull().default(''),
    /** Attendance of people without an account (or not named): counts only. */
    otherResidents: integer('other_residents').notNull().default(0),
    otherProfessionals: integer('other_professionals').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_network_starts').on(t.networkId, t.startsAt)],
);

export const agendaOrigins = ['resident', 'professional'] as const;
export type AgendaOrigin = (typeof agendaOrigins)[number];

export const agendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    origin: text('origin', { enum: agendaOrigins }).notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('meeting_agenda_items_meeting').on(t.meetingId)],
);

/** Members who came (named); others are counted on the meeting row. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index('meeting_attendance_person').on(t.personId),
  ],
);

/** "Ik kom": who says they are coming, with how many places (themselves included). */
export const meetingRsvps = pgTable(
  'meeting_rsvps',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id),
    places: integer('places').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index('meeting_rsvps_person').on(t.personId),
  ],
);

/**
 * A person's secret calendar feed address: only a keyed hash of the token is stored; a new
 * token replaces the old one, which then stops working.
 */
export const meetingFeedTokens = pgTable('meeting_feed_tokens', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => peopleModule.tables.people.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Action points from the minutes: what, who, by when, and optionally the signal it is about. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    who: text('who').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }),
    /** A signal of the same network (checked through the signals module on saving). */
    signalId: integer('signal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_actions_meeting').on(t.meetingId)],
);

/**
 * The pulse's monthly summary (decision 0017): per network and Amsterdam month ("YYYY-MM" of
 * `starts_at`) of meetings that are not cancelled, their agenda items by origin, the named
 * attendees (`meeting_attendance` rows) and the unnamed attendance counted on the meeting
 * rows. Kept current in the same transaction as
 * every change of `meetings`, `meeting_agenda_items` and `meeting_attendance` by the triggers of
 * drizzle/0021_pulse_summary_triggers.sql; never written by the application.
 */
export const meetingMonthCounts = pgTable(
  'meeting_month_counts',
  {
    networkId: integer('network_id').notNull(),
    month: text('month').notNull(),
    agendaFromResidents: integer('agenda_from_residents').notNull().default(0),
    agendaFromProfessionals: integer('agenda_from_professionals').notNull().default(0),
    /** Named attendees of every role; which are residents is counted live (roles change). */
    namedAttendees: integer('named_attendees').notNull().default(0),
    otherResidents: integer('other_residents').notNull().default(0),
    otherProfessionals: integer('other_professionals').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.month] })],
);
