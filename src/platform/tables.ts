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

/**
 * What a row of the outbox is waiting for: `waiting` to be sent through the mail server,
 * `sent`, `failed` (given up after MAX_ATTEMPTS), or `kept` (written while no mail server was
 * set: only for administrators to read and pass on; never sent later, as its links may be old).
 */
export const outboxStatuses = ['waiting', 'sent', 'failed', 'kept'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Every email, written in the transaction of the change it reports (so it is gone when that
 * rolls back), sent afterwards by the delivery worker (platform/mail-delivery.ts) when a mail
 * server is set: claimed with `FOR UPDATE SKIP LOCKED` and a lease, retried with back-off
 * (`attempts`, `lastError`, `nextAttemptAt`). The body of a sent or given-up mail is emptied:
 * it may hold a reset or invitation link, which the database otherwise keeps only as a hash.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    recipient: text('recipient').notNull(),
    personId: integer('person_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The absolute address of the page that changes or stops this kind of mail (List-Unsubscribe). */
    listUnsubscribe: text('list_unsubscribe'),
    status: text('status', { enum: outboxStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt)],
);
