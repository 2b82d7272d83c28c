// The meetings' figures of the pulse, counted in SQL over a set of networks: agenda items by
// origin (listening or sending) and who attended (residents or professionals). What is on the
// meeting rows comes from the monthly summary `meeting_month_counts` (decision 0017); the
// named attendance, which hangs on members' roles, is counted live.
import { and, type Column, count, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { wholeMonths } from '../../platform/time.js';
import { meetingAttendance, meetingMonthCounts, meetings } from './tables.js';

/**
 * Meetings of these networks, not cancelled, starting in [from, to) (Amsterdam dates): the
 * bounds turned into instants, so the index on (network_id, starts_at) can be used.
 */
function inPulse(networkIds: readonly number[], from: string, to: string) {
  const instant = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Amsterdam')`;
  return and(
    inArray(meetings.networkId, [...networkIds]),
    isNull(meetings.cancelledAt),
    gte(meetings.startsAt, instant(from)),
    lt(meetings.startsAt, instant(to)),
  );
}

/** The summary rows of these networks in the whole months [from, to). */
function summaryOf(networkIds: readonly number[], from: string, to: string) {
  const { first, end } = wholeMonths(from, to);
  const c = meetingMonthCounts;
  return and(inArray(c.networkId, [...networkIds]), gte(c.month, first), lt(c.month, end));
}

/** The sum of a summary column, 0 when there are no rows. */
const total = (column: Column) => sql<number>`coalesce(sum(${column}), 0)::int`;

/** The pulse's counts of the meetings module (numbers only, never a name). */
export function meetingsPulseRepository(db: Executor) {
  return {
    /**
     * For the pulse: agenda items of meetings of these networks in the period [from, to)
     * (first days of months, Amsterdam calendar dates) by their origin — listening (from
     * residents) or sending —, from the monthly summary. Cancelled meetings do not count;
     * an origin without items is left out. Throws an Error for a bound that is not a month's
     * first day.
     */
    async countAgendaForPulse(networkIds: readonly number[], from: string, to: string) {
      if (networkIds.length === 0) return [];
      const c = meetingMonthCounts;
      const rows = await db
        .select({
          resident: total(c.agendaFromResidents),
          professional: total(c.agendaFromProfessionals),
        })
        .from(c)
        .where(summaryOf(networkIds, from, to));
      const { resident = 0, professional = 0 } = rows[0] ?? {};
      return [
        { origin: 'resident' as const, n: resident },
        { origin: 'professional' as const, n: professional },
      ].filter((r) => r.n > 0);
    },

    /**
     * For the pulse: attendance of the meetings of these networks in [from, to) (first days
     * of months), counted in SQL as `{ residents, professionals }`: named attendees by their
     * role in the meeting's network (`residentMembers`, the people module's subquery of
     * `(person_id, network_id)` of residents and council members), counted live, plus the
     * unnamed counts on each meeting from the monthly summary. Throws an Error for a bound
     * that is not a month's first day.
     */
    async countAttendanceForPulse(
      networkIds: readonly number[],
      from: string,
      to: string,
      residentMembers: SQL,
    ): Promise<{ residents: number; professionals: number }> {
      if (networkIds.length === 0) return { residents: 0, professionals: 0 };
      const c = meetingMonthCounts;
      const [others, named] = await Promise.all([
        db
          .select({
            residents: total(c.otherResidents),
            professionals: total(c.otherProfessionals),
          })
          .from(c)
          .where(summaryOf(networkIds, from, to)),
        db
          .select({
            residents: sql<number>`(count(*) filter (where (${meetingAttendance.personId}, ${meetings.networkId}) in (${residentMembers})))::int`,
            all: count(),
          })
          .from(meetingAttendance)
          .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
          .where(inPulse(networkIds, from, to)),
      ]);
      const o = others[0] ?? { residents: 0, professionals: 0 };
      const n = named[0] ?? { residents: 0, all: 0 };
      return {
        residents: o.residents + n.residents,
        professionals: o.professionals + n.all - n.residents,
      };
    },
  };
}
