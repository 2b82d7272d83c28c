// The decisions' SQL for a network's overview (decision 0014): what waits for the council's
// consent and the latest decisions as activity (reviews due: repository.ts).
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { decisionConsentKinds, decisionConsents, decisions } from './tables.js';

export function decisionsOverviewRepository(db: Executor) {
  /**
   * A proposal that needs the council's consent: the coordinator asked for it, or the
   * network requires it for its kind (the same rule as the service's consent state).
   */
  const needsConsent = (networkId: number) =>
    and(
      eq(decisions.networkId, networkId),
      eq(decisions.status, 'proposed'),
      or(
        eq(decisions.consentRequested, true),
        sql`exists (select 1 from ${decisionConsentKinds} k where k.network_id = ${decisions.networkId} and k.kind = ${decisions.kind})`,
      ),
    );

  return {
    /**
     * Proposals waiting for the council's consent, and how many of them still lack the
     * consent of `personId` to their current version.
     */
    async countAwaitingConsent(networkId: number, personId: number) {
      const rows = await db
        .select({
          all: sql<number>`count(*)::int`,
          withoutYou: sql<number>`count(*) filter (where not exists (select 1 from ${decisionConsents} c where c.decision_id = ${decisions.id} and c.person_id = ${personId} and c.version = ${decisions.version}))::int`,
        })
        .from(decisions)
        .where(needsConsent(networkId));
      return rows[0] ?? { all: 0, withoutYou: 0 };
    },

    /**
     * The latest decisions of the network (withdrawn ones left out), by when they happened:
     * the day they were taken (its start in Amsterdam), or for a proposal when it was
     * recorded.
     */
    async listRecentDecisions(networkId: number, limit: number) {
      const at = sql`coalesce((${decisions.decidedOn}::timestamp at time zone 'Europe/Amsterdam'), ${decisions.createdAt})`;
      return db
        .select({
          id: decisions.id,
          title: decisions.title,
          at: sql<Date>`${at}`.mapWith((v: string | Date) => new Date(v)),
        })
        .from(decisions)
        .where(and(eq(decisions.networkId, networkId), sql`${decisions.status} <> 'withdrawn'`))
        .orderBy(desc(at), desc(decisions.id))
        .limit(limit);
    },
  };
}
