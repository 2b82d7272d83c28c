// Tables of the moderation module: reports of published content, by anyone, and what a
// coordinator did with them. The content itself stays in its module's tables (decision 0009).
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

export const reportOutcomes = ['hidden', 'kept', 'gone'] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];

/**
 * A report of an item (`kind`, `objectId`: a module's ModerationProvider). Open while
 * `handledAt` is empty. `reporterId` is empty for visitors (and after the reporter's erasure).
 */
export const moderationReports = pgTable(
  'moderation_reports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    objectId: integer('object_id').notNull(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    reason: text('reason').notNull(),
    reporterId: integer('reporter_id').references(() => peopleModule.tables.people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: integer('handled_by').references(() => peopleModule.tables.people.id),
    outcome: text('outcome', { enum: reportOutcomes }),
  },
  (t) => [
    index('moderation_reports_open').on(t.networkId, t.handledAt),
    index('moderation_reports_object').on(t.kind, t.objectId),
    index('moderation_reports_reporter').on(t.reporterId),
  ],
);
