import { bigserial, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform-wide values the app generates once and shares between its processes. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Rate-limit counters: in the database so they hold across processes and restarts. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Append-only (a trigger refuses updates and deletes): who did what, to what, with what result. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    networkId: integer('network_id'),
    result: text('result').notNull(),
    origin: text('origin'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_network').on(t.networkId, t.at), index('audit_log_actor').on(t.actorId)],
);

/** Emails: sent through SMTP when configured, otherwise kept here for administrators to read. */
export const outbox = pgTable('outbox', {
  id: serial('id').primaryKey(),
  recipient: text('recipient').notNull(),
  personId: integer('person_id'),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
