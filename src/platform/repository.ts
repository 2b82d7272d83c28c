// The platform's own SQL: generated settings and rate-limit counters.
import { eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { appSettings, rateLimits } from './tables.js';

export function platformRepository(db: Executor) {
  return {
    async findSetting(key: string): Promise<string | undefined> {
      const rows = await db.select().from(appSettings).where(eq(appSettings.key, key));
      return rows[0]?.value;
    },

    /** Stores the value unless one is there already; returns the one that won. */
    async insertSettingOnce(key: string, value: string): Promise<string> {
      await db.insert(appSettings).values({ key, value }).onConflictDoNothing();
      const stored = await this.findSetting(key);
      return stored ?? value;
    },

    /** Counts one hit in the current window, atomically, and returns the count and reset time. */
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

    async deleteExpiredRateLimits(): Promise<void> {
      await db.delete(rateLimits).where(lt(rateLimits.resetAt, sql`now()`));
    },
  };
}

export type PlatformRepository = ReturnType<typeof platformRepository>;
