// Reading the pulse's monthly summary tables (decision 0017): each module keeps its own table
// keyed by network and Amsterdam month ("YYYY-MM"), kept current by triggers; these are the
// two SQL pieces every module's pulse repository reads them with.
import { and, type Column, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { wholeMonths } from './time.js';

/**
 * The condition for the rows of a monthly summary table (its `network_id` and `month`
 * columns) of these networks in the whole months [from, to), given as Amsterdam calendar
 * dates that are first days of months ("2026-01-01"). Throws an Error for a bound that is not
 * a month's first day ({@link wholeMonths}).
 */
export function inSummaryMonths(
  table: { networkId: Column; month: Column },
  networkIds: readonly number[],
  from: string,
  to: string,
): SQL | undefined {
  const { first, end } = wholeMonths(from, to);
  return and(
    inArray(table.networkId, [...networkIds]),
    gte(table.month, first),
    lt(table.month, end),
  );
}

/** The sum of a summary column as an integer, 0 when there are no rows. */
export const summed = (column: Column) => sql<number>`coalesce(sum(${column}), 0)::int`;
