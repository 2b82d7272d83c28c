// A network's signal settings: its own themes and the retention period of person-bound
// signals.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signalSettings, signalThemes } from '../tables.js';

export function settingsRepository(db: Executor) {
  return {
    /** The network's own themes, in the order they were added. */
    async listThemes(networkId: number): Promise<string[]> {
      const rows = await db
        .select({ name: signalThemes.name })
        .from(signalThemes)
        .where(eq(signalThemes.networkId, networkId))
        .orderBy(asc(signalThemes.position), asc(signalThemes.name));
      return rows.map((r) => r.name);
    },

    /** Adds a theme after the others; false when the name exists already (any case). */
    async insertTheme(networkId: number, name: string): Promise<boolean> {
      const rows = await db
        .insert(signalThemes)
        .values({
          networkId,
          name,
          position: sql`(select coalesce(max(${signalThemes.position}), 0) + 1 from ${signalThemes} where ${signalThemes.networkId} = ${networkId})`,
        })
        .onConflictDoNothing()
        .returning({ name: signalThemes.name });
      return rows.length === 1;
    },

    async deleteTheme(networkId: number, name: string): Promise<void> {
      await db
        .delete(signalThemes)
        .where(and(eq(signalThemes.networkId, networkId), eq(signalThemes.name, name)));
    },

    async countThemes(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signalThemes)
        .where(eq(signalThemes.networkId, networkId));
      return rows[0]?.n ?? 0;
    },

    /** The network's retention period in months, or undefined when it uses the default. */
    async findRetentionMonths(networkId: number): Promise<number | undefined> {
      const rows = await db
        .select({ months: signalSettings.retentionMonths })
        .from(signalSettings)
        .where(eq(signalSettings.networkId, networkId));
      return rows[0]?.months;
    },

    async upsertRetentionMonths(networkId: number, months: number): Promise<void> {
      await db
        .insert(signalSettings)
        .values({ networkId, retentionMonths: months })
        .onConflictDoUpdate({
          target: signalSettings.networkId,
          set: { retentionMonths: months },
        });
    },
  };
}
