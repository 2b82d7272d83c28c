import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
