// Signals by the many: the list of a network (person-bound ones only for who may see them)
// and the counts of the pattern view and the dashboards.
import { and, count, desc, eq, exists, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { inSummaryMonths, summed } from '../../../platform/month-summaries.js';
import { signalFollowers, signalMonthCounts, signals } from '../tables.js';
import type { SignalListFilter } from './index.js';
import { waitingCondition } from './overview.js';

/** The list shows this many signals per page, newest first. */
export const SIGNAL_LIST_LIMIT = 50;

export function listRepository(db: Executor) {
  const pulse = {
    /**
     * For the pulse: signals raised in the period [from, to) (first days of months, Amsterdam
     * calendar dates, YYYY-MM-01) in any of these networks, by month ("YYYY-MM"), theme and
     * who raised them: read from the monthly summary `signal_month_counts`, which triggers
     * keep current with every change of a signal (decision 0017). Person-bound signals count
     * as numbers only; public submissions still waiting for the coordinator do not count.
     * Throws an Error for a bound that is not a month's first day.
     */
    async countForPulse(networkIds: readonly number[], from: string, to: string) {
      if (networkIds.length === 0) return [];
      const c = signalMonthCounts;
      return db
        .select({
          month: c.month,
          theme: c.theme,
          raisedBy: c.raisedBy,
          n: summed(c.n),
        })
        .from(c)
        .where(inSummaryMonths(c, networkIds, from, to))
        .groupBy(c.month, c.theme, c.raisedBy)
        .having(sql`${summed(c.n)} > 0`);
    },

    /**
     * A subquery of the ids of signals raised by residents in these networks, for another
     * module's pulse count
     * to use inside its own SQL (a decision that follows up such a signal came from residents).
     */
    residentSignalIds(networkIds: readonly number[]) {
      if (networkIds.length === 0) return sql`select null::int where false`;
      return sql`select ${signals.id} from ${signals} where ${signals.raisedBy} = 'resident' and ${inArray(signals.networkId, [...networkIds])}`;
    },
  };

  /** Person-bound signals are left out unless the viewer follows them or sees them all. */
  const visibleTo = (viewerId: number, all: boolean) =>
    all
      ? sql`true`
      : or(
          eq(signals.personBound, false),
          exists(
            db
              .select({ one: sql`1` })
              .from(signalFollowers)
              .where(
                and(
                  eq(signalFollowers.signalId, signals.id),
                  eq(signalFollowers.personId, viewerId),
                ),
              ),
          ),
        );

  /** The list's conditions: the network, no pending ones, what the viewer may see, the filter. */
  const listConditions = (networkId: number, filter: SignalListFilter) => {
    const conditions = [
      eq(signals.networkId, networkId),
      ne(signals.status, 'pending'),
      visibleTo(filter.viewerId, filter.allPersonBound),
    ];
    if (filter.status) conditions.push(eq(signals.status, filter.status));
    if (filter.theme) conditions.push(eq(signals.theme, filter.theme));
    if (filter.waiting) {
      const waiting = waitingCondition(db, filter.waiting.kind, filter.waiting.quietSince);
      if (waiting) conditions.push(waiting);
    }
    return conditions;
  };

  return {
    ...pulse,
    /** How many signals the list has with this filter (for its pages). */
    async countSignals(networkId: number, filter: SignalListFilter): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signals)
        .where(and(...listConditions(networkId, filter)));
      return Number(rows[0]?.n ?? 0);
    },

    /** One page of the list (`limit` from `offset`), newest first. */
    async listSignals(
      networkId: number,
      filter: SignalListFilter,
      limit = SIGNAL_LIST_LIMIT,
      offset = 0,
    ) {
      return db
        .select({
          id: signals.id,
          title: signals.title,
          theme: signals.theme,
          place: signals.place,
          status: signals.status,
          personBound: signals.personBound,
          raisedBy: signals.raisedBy,
          createdAt: signals.createdAt,
          anonymisedAt: signals.anonymisedAt,
          followers: sql<number>`(select count(*)::int from ${signalFollowers} f where f.signal_id = ${signals.id})`,
        })
        .from(signals)
        .where(and(...listConditions(networkId, filter)))
        .orderBy(desc(signals.createdAt), desc(signals.id))
        .limit(limit)
        .offset(offset);
    },

    /** Person-bound signals the viewer may not see: shown as a number only. */
    async countHiddenPersonBound(networkId: number, viewerId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            eq(signals.personBound, true),
            sql`not exists (select 1 from ${signalFollowers} f where f.signal_id = ${signals.id} and f.person_id = ${viewerId})`,
          ),
        );
      return rows[0]?.n ?? 0;
    },

    /** Signals per theme and month (Europe/Amsterdam), person-bound ones included as numbers. */
    async countByThemeAndMonth(networkId: number, since: Date) {
      const month = sql<string>`to_char(date_trunc('month', ${signals.createdAt} at time zone 'Europe/Amsterdam'), 'YYYY-MM')`;
      return db
        .select({ month, theme: signals.theme, n: count() })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            gte(signals.createdAt, since),
          ),
        )
        .groupBy(month, signals.theme);
    },

    async countPerNetwork(networkIds: number[]) {
      if (networkIds.length === 0) return [];
      return db
        .select({
          networkId: signals.networkId,
          total: count(),
          open: sql<number>`count(*) filter (where ${signals.status} <> 'closed')::int`,
          closed: sql<number>`count(*) filter (where ${signals.status} = 'closed')::int`,
          personBound: sql<number>`count(*) filter (where ${signals.personBound})::int`,
        })
        .from(signals)
        .where(and(inArray(signals.networkId, networkIds), ne(signals.status, 'pending')))
        .groupBy(signals.networkId);
    },
  };
}
