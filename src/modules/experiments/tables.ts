// Tables of the experiments module: small experiments at the edge, their team (residents
// and professionals side by side), the signals they came from, and their logbook. Every
// experiment carries its network; team, signal links and logbook entries hang from it.
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { photoColumns } from '../../platform/columns.js';
// Foreign keys only: tables.ts may name another module's tables (see decision 0005).
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

/** idea → running → evaluated; an idea or a running experiment can also be stopped. */
export const experimentStatuses = ['idea', 'running', 'evaluated', 'stopped'] as const;
export type ExperimentStatus = (typeof experimentStatuses)[number];

export const experiments = pgTable(
  'experiments',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    title: text('title').notNull(),
    /** The question the network wants to learn about. */
    question: text('question').notNull(),
    approach: text('approach').notNull().default(''),
    /** Planned or actual start and end (calendar dates, Amsterdam); optional for an idea. */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    status: text('status', { enum: experimentStatuses }).notNull().default('idea'),
    evaluation: text('evaluation').notNull().default(''),
    /** Null once the person who proposed it erased their account. */
    createdBy: integer('created_by').references(() => peopleModule.tables.people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experiments_network_status').on(t.networkId, t.status)],
);

export const experimentTeam = pgTable(
  'experiment_team',
  {
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.personId] }),
    index('experiment_team_person').on(t.personId),
  ],
);

/**
 * Signals an experiment came from, by id. No foreign key to the signals module's table:
 * signals are read only through their page, which applies their own access rules.
 */
export const experimentSignals = pgTable(
  'experiment_signals',
  {
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    signalId: integer('signal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.signalId] })],
);

export const logKinds = ['observation', 'surprise', 'success', 'setback'] as const;
export type LogKind = (typeof logKinds)[number];

export const experimentLogEntries = pgTable(
  'experiment_log_entries',
  {
    id: serial('id').primaryKey(),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: logKinds }).notNull(),
    /** The day it happened (Amsterdam calendar date). */
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    /** Null once the author erased their account; the entry stays. */
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experiment_log_entries_experiment').on(t.experimentId, t.happenedOn)],
);

/**
 * A logbook entry's optional photo (one at most), re-encoded by the sparks module's photo
 * handling (no location or camera data). Goes with its entry; served only to those who may
 * see the experiment. `description` is its alt text, required with a photo.
 */
export const experimentLogPhotos = pgTable('experiment_log_photos', {
  entryId: integer('entry_id')
    .primaryKey()
    .references(() => experimentLogEntries.id, { onDelete: 'cascade' }),
  ...photoColumns(),
});
