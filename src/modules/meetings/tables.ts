// Tables of the meetings module (bijeenkomsten): meetings, their agenda items and who came.
// Every meeting carries its network; agenda items and attendance hang from a meeting.
import {
  boolean,
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
    place: text('place').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
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
