// The meetings' figures of the pulse, counted in SQL over a set of networks: agenda items by
// origin (listening or sending) and who attended (residents or professionals).
import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItems, meetingAttendance, meetings } from './tables.js';

/** Meetings of these networks, not cancelled, starting in [from, to) (Amsterdam dates). */
function inPulse(networkIds: readonly number[], from: string, to: string) {
  const day = sql`(${meetings.startsAt} at time zone 'Europe/Amsterdam')::date`;
  return and(
    inArray(meetings.networkId, [...networkIds]),
    isNull(meetings.cancelledAt),
    sql`${day} >= ${from}::date and ${day} < ${to}::date`,
  );
}

/** The pulse's counts of the meetings module (numbers only, never a name). */
export function meetingsPulseRepository(db: Executor) {
  return {
    /**
     * For the pulse: agenda items of meetings of these networks in the period [from, to)
     * (Amsterdam calendar dates) by their origin, counted in SQL — listening (from residents)
     * or sending. Cancelled meetings do not count.
     */
    async countAgendaForPulse(networkIds: readonly number[], from: string, to: string) {
      if (networkIds.length === 0) return [];
      return db
        .select({ origin: agendaItems.origin, n: count() })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(inPulse(networkIds, from, to))
        .groupBy(agendaItems.origin);
    },

    /**
     * For the pulse: attendance of the meetings of these networks in [from, to), counted in
     * SQL as `{ residents, professionals }`: named attendees by their role in the meeting's
     * network (`residentMembers`, the people module's subquery of `(person_id, network_id)`
     * of residents and council members) plus the unnamed counts on each meeting.
     */
    async countAttendanceForPulse(
      networkIds: readonly number[],
      from: string,
      to: string,
      residentMembers: SQL,
    ): Promise<{ residents: number; professionals: number }> {
      if (networkIds.length === 0) return { residents: 0, professionals: 0 };
      // Two one-row aggregates side by side: the unnamed counts on the meetings and the named
      // attendees. (Grouping the attendees per meeting and joining that back made PostgreSQL
      // sort the grouped rows again for every meeting: 20 ms on the public page.)
      const unnamed = db
        .select({
          residents: sql<number>`coalesce(sum(${meetings.otherResidents}), 0)`.as(
            'unnamed_residents',
          ),
          professionals: sql<number>`coalesce(sum(${meetings.otherProfessionals}), 0)`.as(
            'unnamed_professionals',
          ),
        })
        .from(meetings)
        .where(inPulse(networkIds, from, to))
        .as('unnamed');
      const named = db
        .select({
          residents:
            sql<number>`count(*) filter (where (${meetingAttendance.personId}, ${meetings.networkId}) in (${residentMembers}))`.as(
              'named_residents',
            ),
          all: count().as('named_all'),
        })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .where(inPulse(networkIds, from, to))
        .as('named');
      const rows = await db
        .select({
          residents: sql<number>`(${unnamed.residents} + ${named.residents})::int`,
          professionals: sql<number>`(${unnamed.professionals} + ${named.all} - ${named.residents})::int`,
        })
        .from(unnamed)
        .innerJoin(named, sql`true`);
      return rows[0] ?? { residents: 0, professionals: 0 };
    },
  };
}
