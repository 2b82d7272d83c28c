// The platform's own SQL: generated settings and rate-limit counters.
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { appSettings, auditLog, outbox, rateLimits } from './tables.js';

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;

export function platformRepository(db: Executor) {
  return {
    async findSetting(key: string): Promise<string | undefined> {
      const rows = await db.select().from(appSettings).where(eq(appSettings.key, key));
      return rows[0]?.value;
    },

    /** Stores a setting, replacing what was there. */
    async saveSetting(key: string, value: string): Promise<void> {
      await db
        .insert(appSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: appSettings.key, set: { value } });
    },

    /** The settings whose keys start with `prefix`, as a map. */
    async listSettings(prefix: string): Promise<Map<string, string>> {
      const rows = await db
        .select()
        .from(appSettings)
        .where(sql`starts_with(${appSettings.key}, ${prefix})`);
      return new Map(rows.map((r) => [r.key, r.value]));
    },

    /** Stores the value unless one is there already; returns the one that won. */
    async insertSettingOnce(key: string, value: string): Promise<string> {
      await db.insert(appSettings).values({ key, value }).onConflictDoNothing();
      const stored = await this.findSetting(key);
      return stored ?? value;
    },

    /**
     * Counts one hit in the current window, atomically, and returns the count and reset time.
     * Keys are passed through rateLimitKey first, so no address or account name is stored.
     */
    async incrementRateLimit(
      key: string,
      windowMs: number,
    ): Promise<{ count: number; resetAt: Date }> {
      const resetAt = new Date(Date.now() + windowMs);
      const rows = await db
        .insert(rateLimits)
        .values({ key, count: 1, resetAt })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
            resetAt: sql`case when ${rateLimits.resetAt} <= now() then excluded.reset_at else ${rateLimits.resetAt} end`,
          },
        })
        .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
      const row = rows[0]!;
      return { count: row.count, resetAt: row.resetAt };
    },

    /** A counter as it stands, without counting; undefined when none or its window is over. */
    async findRateLimit(key: string): Promise<{ count: number; resetAt: Date } | undefined> {
      const rows = await db
        .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
        .from(rateLimits)
        .where(and(eq(rateLimits.key, key), sql`${rateLimits.resetAt} > now()`));
      return rows[0];
    },

    /** Sets a counter outright (for a hold until `resetAt`), whatever it was before. */
    async setRateLimit(key: string, count: number, resetAt: Date): Promise<void> {
      await db
        .insert(rateLimits)
        .values({ key, count, resetAt })
        .onConflictDoUpdate({ target: rateLimits.key, set: { count, resetAt } });
    },

    /**
     * Deletes mail written before `before` that is done with (sent, given up, or kept
     * without a mail server); mail still waiting stays whatever its age. Returns how many.
     */
    async deleteOutboxBefore(before: Date): Promise<number> {
      const rows = await db
        .delete(outbox)
        .where(
          and(lt(outbox.createdAt, before), inArray(outbox.status, ['sent', 'failed', 'kept'])),
        )
        .returning({ id: outbox.id });
      return rows.length;
    },

    async deleteExpiredRateLimits(): Promise<void> {
      await db.delete(rateLimits).where(lt(rateLimits.resetAt, sql`now()`));
    },

    /**
     * Claims a periodic job's turn: true for exactly one caller per interval, across all
     * app processes (the last run time lives in app_settings, updated atomically).
     */
    async claimJobRun(name: string, now: Date, intervalMs: number): Promise<boolean> {
      const due = new Date(now.getTime() - intervalMs).toISOString();
      const rows = await db
        .insert(appSettings)
        .values({ key: `job:${name}`, value: now.toISOString() })
        .onConflictDoUpdate({
          target: appSettings.key,
          set: { value: now.toISOString() },
          setWhere: sql`${appSettings.value}::timestamptz <= ${due}::timestamptz`,
        })
        .returning({ key: appSettings.key });
      return rows.length > 0;
    },

    async insertAudit(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values(entry);
    },

    /** Newest first; one network's entries, or all of them for an administrator. */
    async listAudit(options: {
      networkId?: number;
      limit: number;
      offset: number;
    }): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(
          options.networkId === undefined ? undefined : eq(auditLog.networkId, options.networkId),
        )
        .orderBy(desc(auditLog.id))
        .limit(options.limit)
        .offset(options.offset);
    },

    async listAuditByActor(actorId: number): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(eq(auditLog.actorId, actorId)).orderBy(auditLog.id);
    },

    /** Erasure: the entries stay, but the addresses they came from are forgotten. */
    async forgetAuditOrigins(actorId: number): Promise<void> {
      await db
        .update(auditLog)
        .set({ origin: null })
        .where(and(eq(auditLog.actorId, actorId), sql`${auditLog.origin} is not null`));
    },

    async insertOutbox(mail: typeof outbox.$inferInsert): Promise<void> {
      await db.insert(outbox).values(mail);
    },

    /**
     * Claims mail that is due: locks `waiting` rows whose time has come (skipping rows another
     * process holds), counts the attempt and moves their next attempt to `leaseUntil`, so no
     * other process takes them while this one sends. Run inside a transaction.
     */
    async claimDueMail(now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
      const due = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'waiting'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    },

    /** A mail went out: `sent`, and its body (which may hold a link with a code) emptied. */
    async markMailSent(id: number, at: Date): Promise<void> {
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: at, lastError: null, body: '' })
        .where(eq(outbox.id, id));
    },

    /**
     * A failed attempt: try again at `next`, or (`next` undefined) give up: `failed`, body
     * emptied. The error is kept (at most 500 characters) for the administrator.
     */
    async markMailAttemptFailed(id: number, error: string, next: Date | undefined): Promise<void> {
      await db
        .update(outbox)
        .set(
          next
            ? { lastError: error.slice(0, 500), nextAttemptAt: next }
            : { lastError: error.slice(0, 500), status: 'failed', body: '' },
        )
        .where(eq(outbox.id, id));
    },

    async listOutbox(limit: number): Promise<OutboxRow[]> {
      return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
    },

    async listOutboxFor(personId: number, email: string | null): Promise<OutboxRow[]> {
      return db
        .select()
        .from(outbox)
        .where(
          email
            ? or(eq(outbox.personId, personId), eq(outbox.recipient, email))
            : eq(outbox.personId, personId),
        )
        .orderBy(outbox.id);
    },

    async deleteOutboxFor(personId: number, email: string | null): Promise<void> {
      await db
        .delete(outbox)
        .where(
          email
            ? or(eq(outbox.personId, personId), eq(outbox.recipient, email))
            : eq(outbox.personId, personId),
        );
    },
  };
}

export type PlatformRepository = ReturnType<typeof platformRepository>;
