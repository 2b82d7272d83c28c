// Tables of the signals module: signals (signalen), the duo that follows one up
// (signal_followers), its thread of updates (signal_updates), a network's own themes
// (signal_themes) and its signal settings (signal_settings). Every row carries its
// network, and every query of the module is scoped by it.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

/** pending = a public submission waiting for the coordinator; then new → … → closed. */
export const signalStatus = pgEnum('signal_status', [
  'pending',
  'new',
  'taken_up',
  'followed_up',
  'closed',
]);
export const signalRaisedBy = pgEnum('signal_raised_by', ['resident', 'professional']);
export const signalOrigin = pgEnum('signal_origin', ['meeting', 'street', 'public_page', 'other']);
export const signalUpdateKind = pgEnum('signal_update_kind', ['note', 'status']);

export const signals = pgTable(
  'signals',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A default theme code (social_isolation, …) or one of the network's extra themes. */
    theme: text('theme').notNull(),
    /** A street or a spot; never a house number (the form warns). */
    place: text('place').notNull().default(''),
    /** The practical trigger: what concretely happened ("de koelkast ging kapot"). */
    trigger: text('trigger').notNull().default(''),
    raisedBy: signalRaisedBy('raised_by').notNull(),
    origin: signalOrigin('origin').notNull(),
    status: signalStatus('status').notNull(),
    personBound: boolean('person_bound').notNull().default(false),
    outcome: text('outcome'),
    /** Only for public submissions, and only when the sender left it. */
    contactEmail: text('contact_email'),
    createdBy: integer('created_by').references(() => peopleModule.tables.people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** Reserved for the experiments module (a signal can lead to an experiment); no FK yet. */
    experimentId: integer('experiment_id'),
  },
  (t) => [
    index('signals_network_status').on(t.networkId, t.status),
    index('signals_network_created').on(t.networkId, t.createdAt),
  ],
);

/** The duo (or team) following a signal up; role is the member's role when they joined. */
/**
 * The role a follower had in the network when joining the duo (a copy of the member's role
 * in the people module, owned here so this table names no other module's type).
 */
export const followerRole = pgEnum('signal_follower_role', [
  'resident',
  'professional',
  'coordinator',
  'council',
]);

export const signalFollowers = pgTable(
  'signal_followers',
  {
    signalId: integer('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id),
    role: followerRole('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.signalId, t.personId] }),
    index('signal_followers_person').on(t.personId),
  ],
);

/** The thread of a signal: notes by members and automatic entries for status changes. */
export const signalUpdates = pgTable(
  'signal_updates',
  {
    id: serial('id').primaryKey(),
    signalId: integer('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    kind: signalUpdateKind('kind').notNull(),
    text: text('text').notNull().default(''),
    /** For status entries: the status the signal moved to. */
    status: signalStatus('status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signal_updates_signal').on(t.signalId, t.createdAt)],
);

/**
 * A network's own themes beside the default ones, in the order the coordinator added them
 * (`position`, ascending). Names are unique per network regardless of case.
 */
export const signalThemes = pgTable(
  'signal_themes',
  {
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.name] }),
    uniqueIndex('signal_themes_network_lower_name').on(t.networkId, sql`lower(${t.name})`),
  ],
);

/**
 * Per-network settings of the signals module. A network without a row uses the defaults
 * (retention: DEFAULT_RETENTION_MONTHS in service.ts).
 */
export const signalSettings = pgTable('signal_settings', {
  networkId: integer('network_id')
    .primaryKey()
    .references(() => networkModule.tables.networks.id),
  /** Months after closing before a person-bound signal is anonymised; a positive integer. */
  retentionMonths: integer('retention_months').notNull(),
});

/**
 * Earlier versions of a signal's texts: each edit stores what was there before, who changed
 * it and when. Anonymised together with the signal by the retention job.
 */
export const signalRevisions = pgTable(
  'signal_revisions',
  {
    id: serial('id').primaryKey(),
    signalId: integer('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    editorId: integer('editor_id').references(() => peopleModule.tables.people.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    theme: text('theme').notNull(),
    place: text('place').notNull(),
    trigger: text('trigger').notNull(),
  },
  (t) => [index('signal_revisions_signal').on(t.signalId, t.editedAt)],
);

/**
 * The pulse's monthly summary (decision 0017): signals per network, Amsterdam month
 * ("YYYY-MM" of `created_at`), theme and who raised them, `n` of them — public submissions
 * still pending left out. Kept current in the same transaction as every change of `signals`
 * by the triggers of drizzle/0021_pulse_summary_triggers.sql; never written by the application.
 */
export const signalMonthCounts = pgTable(
  'signal_month_counts',
  {
    networkId: integer('network_id').notNull(),
    month: text('month').notNull(),
    theme: text('theme').notNull(),
    raisedBy: signalRaisedBy('raised_by').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.month, t.theme, t.raisedBy] })],
);
