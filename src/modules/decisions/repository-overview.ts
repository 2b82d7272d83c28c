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

    /** The latest recorded decisions of the network (withdrawn ones left out). */
    async listRecentDecisions(networkId: number, limit: number) {
      return db
        .select({ id: decisions.id, title: decisions.title, createdAt: decisions.createdAt })
        .from(decisions)
        .where(and(eq(decisions.networkId, networkId), sql`${decisions.status} <> 'withdrawn'`))
        .orderBy(desc(decisions.createdAt), desc(decisions.id))
        .limit(limit);
    },
  };
}
