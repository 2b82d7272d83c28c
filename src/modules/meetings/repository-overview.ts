// The meetings' SQL for a network's overview (decision 0014): the next meeting with the
// person's "ik kom", and the meetings that took place lately.
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { meetingRsvps, meetings } from './tables.js';

export function meetingsOverviewRepository(db: Executor) {
  return {
    /**
     * The first meeting of the network that has not ended at `now` and is not cancelled
     * (only public ones when `onlyPublic`), with the places the person said "ik kom" for
     * (null: no answer).
     */
    async findNextMeeting(networkId: number, personId: number, now: Date, onlyPublic: boolean) {
      const rows = await db
        .select({
          id: meetings.id,
          kind: meetings.kind,
          title: meetings.title,
          startsAt: meetings.startsAt,
          endsAt: meetings.endsAt,
          place: meetings.place,
          places: meetingRsvps.places,
        })
        .from(meetings)
        .leftJoin(
          meetingRsvps,
          and(eq(meetingRsvps.meetingId, meetings.id), eq(meetingRsvps.personId, personId)),
        )
        .where(
          and(
            eq(meetings.networkId, networkId),
            isNull(meetings.cancelledAt),
            gt(meetings.endsAt, now),
            onlyPublic ? eq(meetings.isPublic, true) : undefined,
          ),
        )
        .orderBy(meetings.startsAt, meetings.id)
        .limit(1);
      return rows[0];
    },

    /** Meetings of the network that started before `now` (not cancelled), latest first. */
    async listRecentMeetings(networkId: number, now: Date, limit: number) {
      return db
        .select({
          id: meetings.id,
          kind: meetings.kind,
          title: meetings.title,
          startsAt: meetings.startsAt,
        })
        .from(meetings)
        .where(
          and(
            eq(meetings.networkId, networkId),
            isNull(meetings.cancelledAt),
            lte(meetings.startsAt, now),
          ),
        )
        .orderBy(desc(meetings.startsAt), desc(meetings.id))
        .limit(limit);
    },
  };
}
