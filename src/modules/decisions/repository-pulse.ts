// The decisions' figures of the pulse, counted in SQL over a set of networks: decisions by
// month, effect, involvement and whether they came from residents (decision 0017).
import { and, count, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inSummaryMonths, summed } from '../../platform/month-summaries.js';
import { decisionMonthCounts, decisions } from './tables.js';

/** One group of the pulse's decisions count. */
export interface DecisionPulseCount {
  month: string;
  effect: string;
  involvement: string;
  fromResidents: boolean;
  n: number;
}

/** The pulse's counts of the decisions module (numbers only, never a title or a name). */
export function decisionsPulseRepository(db: Executor) {
  return {
    /**
     * For the pulse: decided and reviewed decisions of these networks by month of the
     * decision ("YYYY-MM"), effect, involvement and whether they came from residents, in the
     * period [from, to) (first days of months, Amsterdam calendar dates YYYY-MM-01).
     * The totals come from the monthly summary `decision_month_counts` (kept current by
     * triggers, decision 0017); which of them came from residents (they follow up a signal
     * among `residentSignalIds`, a subquery of the signals module, decision 0013) is counted
     * live over the few decisions that follow up a signal at all, since a signal's author may
     * change without the decision changing. Throws an Error for a bound that is not a month's
     * first day.
     */
    async countForPulse(
      networkIds: readonly number[],
      from: string,
      to: string,
      residentSignalIds: SQL,
    ): Promise<DecisionPulseCount[]> {
      if (networkIds.length === 0) return [];
      const c = decisionMonthCounts;
      const month = sql<string>`to_char(${decisions.decidedOn}, 'YYYY-MM')`;
      const [totals, fromResidents] = await Promise.all([
        db
          .select({
            month: c.month,
            effect: c.effect,
            involvement: c.involvement,
            n: summed(c.n),
          })
          .from(c)
          .where(inSummaryMonths(c, networkIds, from, to))
          .groupBy(c.month, c.effect, c.involvement)
          .having(sql`${summed(c.n)} > 0`),
        db
          .select({
            month,
            effect: decisions.effect,
            involvement: decisions.involvement,
            n: count(),
          })
          .from(decisions)
          .where(
            and(
              inArray(decisions.networkId, [...networkIds]),
              // The predicate of the partial index decisions_network_linked.
              sql`cardinality(${decisions.signalIds}) > 0`,
              inArray(decisions.status, ['decided', 'reviewed']),
              gte(decisions.decidedOn, from),
              lt(decisions.decidedOn, to),
              // Each decision's (short) list unnested and looked up in the hashed subquery.
              sql`exists (select 1 from unnest(${decisions.signalIds}) as linked(id) where linked.id in (${residentSignalIds}))`,
            ),
          )
          .groupBy(sql`1, 2, 3`),
      ]);
      const key = (r: { month: string; effect: string; involvement: string }) =>
        `${r.month}|${r.effect}|${r.involvement}`;
      const residents = new Map(fromResidents.map((r) => [key(r), r.n]));
      return totals.flatMap((t) => {
        const r = residents.get(key(t)) ?? 0;
        const groups: DecisionPulseCount[] = [];
        if (r > 0) groups.push({ ...t, fromResidents: true, n: r });
        if (t.n - r > 0) groups.push({ ...t, fromResidents: false, n: t.n - r });
        return groups;
      });
    },
  };
}
