// Tables of the notifications module: what people are told (the list in the header and the
// source of their mail), their choices per kind and the record of daily summaries made
// (decision 0012). Their mail goes into the platform's outbox (decision 0018).
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { deliveryChoices, notificationKinds } from './kinds.js';

/**
 * One thing told to one person. `delivery` is the person's choice when it was raised:
 * `immediate` rows get their own mail, `daily` rows go into the next daily summary
 * (`mailedAt` set when queued either way). `params` are the message's parameters: strings
 * and numbers; a parameter named `at` is an ISO instant, shown as a date and time in the
 * reader's language. `link` is a same-site path.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id, { onDelete: 'cascade' }),
    networkId: integer('network_id').references(() => networkModule.tables.networks.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    event: text('event').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    link: text('link').notNull(),
    delivery: text('delivery', { enum: deliveryChoices }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_person').on(t.personId, t.createdAt),
    index('notifications_unmailed').on(t.delivery, t.mailedAt),
  ],
);

/** A person's choice for one kind; no row: the kind's default (kinds.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    choice: text('choice', { enum: deliveryChoices }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

/**
 * The daily summaries made: one row per person per (Amsterdam) day. The unique key is what
 * makes the summary go out once, whichever process makes it first.
 */
export const notificationSummaries = pgTable(
  'notification_summaries',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notification_summaries_once').on(t.personId, t.day)],
);
