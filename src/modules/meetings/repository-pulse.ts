// The meetings' figures of the pulse, counted in SQL over a set of networks: agenda items by
// origin (listening or sending) and who attended (residents or professionals). What is on the
// meeting rows comes from the monthly summary `meeting_month_counts` (decision 0017); which
// named attendees are residents, which hangs on members' roles, is counted live.
import { and, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inSummaryMonths, summed } from '../../platform/month-summaries.js';
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
          resident: summed(c.agendaFromResidents),
          professional: summed(c.agendaFromProfessionals),
        })
        .from(c)
        .where(inSummaryMonths(c, networkIds, from, to));
      const { resident = 0, professional = 0 } = rows[0] ?? {};
      return [
        { origin: 'resident' as const, n: resident },
        { origin: 'professional' as const, n: professional },
      ].filter((r) => r.n > 0);
    },

    /**
     * For the pulse: attendance of the meetings of these networks in [from, to) (first days
     * of months), counted in SQL as `{ residents, professionals }`. From the monthly summary:
     * the named attendees and the unnamed counts on each meeting. Live, since roles change:
     * which named attendees are residents or council members of the meeting's network
     * (`residentMembers`, the people module's subquery of `(person_id, network_id)`, decision
     * 0013) — found from those members, who are few, through their attendance. Throws an
     * Error for a bound that is not a month's first day.
     */
    async countAttendanceForPulse(
      networkIds: readonly number[],
      from: string,
      to: string,
      residentMembers: SQL,
    ): Promise<{ residents: number; professionals: number }> {
      if (networkIds.length === 0) return { residents: 0, professionals: 0 };
      const c = meetingMonthCounts;
      const [summary, named] = await Promise.all([
        db
          .select({
            named: summed(c.namedAttendees),
            residents: summed(c.otherResidents),
            professionals: summed(c.otherProfessionals),
          })
          .from(c)
          .where(inSummaryMonths(c, networkIds, from, to)),
        db
          .select({ residents: sql<number>`count(*)::int` })
          .from(sql`(${residentMembers}) as resident_members(person_id, network_id)`)
          .innerJoin(
            meetingAttendance,
            sql`${meetingAttendance.personId} = resident_members.person_id`,
          )
          .innerJoin(
            meetings,
            and(
              eq(meetings.id, meetingAttendance.meetingId),
              sql`${meetings.networkId} = resident_members.network_id`,
            ),
          )
          .where(inPulse(networkIds, from, to)),
      ]);
      const s = summary[0] ?? { named: 0, residents: 0, professionals: 0 };
      const namedResidents = named[0]?.residents ?? 0;
      return {
        residents: s.residents + namedResidents,
        professionals: s.professionals + s.named - namedResidents,
      };
    },
  };
}
