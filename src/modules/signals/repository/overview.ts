// The signals' part of a network's overview (decision 0014): counts of what waits for the
// coordinator, a person's own signals and duos, and the latest signals, each a short list.
import { and, count, desc, eq, exists, inArray, isNull, ne, not, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signalFollowers, signals, signalUpdates } from '../tables.js';

/** Statuses of a signal that is still being followed up. */
const OPEN = ['new', 'taken_up', 'followed_up'] as const;

/** What may wait on an open signal: no complete duo, no news lately, no professional. */
export type SignalWaiting = 'duo' | 'quiet' | 'professional';

type FollowerRole = 'resident' | 'professional' | 'coordinator' | 'council';

const follower = (db: Executor, roles: readonly FollowerRole[]) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(signalFollowers)
      .where(and(eq(signalFollowers.signalId, signals.id), inArray(signalFollowers.role, roles))),
  );

/**
 * The condition of an open signal that waits in this way, shared by the overview's counts
 * and the signal list's filter: `duo` lacks ≥1 resident (or council member) or ≥1
 * professional (or coordinator) among its followers (the duo rule of policy.ts); `quiet` had
 * no update and no status change since `quietSince`; `professional` has no professional or
 * coordinator following it.
 */
export function waitingCondition(db: Executor, waiting: SignalWaiting, quietSince: Date) {
  const open = inArray(signals.status, [...OPEN]);
  switch (waiting) {
    case 'duo':
      return and(
        open,
        not(
          and(
            follower(db, ['resident', 'council']),
            follower(db, ['professional', 'coordinator']),
          )!,
        ),
      );
    case 'quiet':
      return and(
        open,
        sql`greatest(${signals.statusChangedAt}, coalesce((select max(u.created_at) from ${signalUpdates} u where u.signal_id = ${signals.id}), ${signals.createdAt})) < ${quietSince}`,
      );
    case 'professional':
      return and(open, not(follower(db, ['professional', 'coordinator'])));
  }
}

export function overviewRepository(db: Executor) {
  const followedBy = (personId: number) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(signalFollowers)
        .where(
          and(eq(signalFollowers.signalId, signals.id), eq(signalFollowers.personId, personId)),
        ),
    );
  const open = (networkId: number) =>
    and(
      eq(signals.networkId, networkId),
      inArray(signals.status, [...OPEN]),
      isNull(signals.anonymisedAt),
    );
  const visibleTo = (viewerId: number, all: boolean) =>
    all ? sql`true` : or(eq(signals.personBound, false), followedBy(viewerId));

  return {
    /**
     * What waits for the coordinator, counted in one query: public submissions to check,
     * open signals without a complete duo (≥1 resident or council member and ≥1 professional
     * or coordinator), and open signals without any news — no update and no status change —
     * since `quietSince`.
     */
    async countSignalsWaiting(networkId: number, quietSince: Date) {
      const rows = await db
        .select({
          pending: sql<number>`count(*) filter (where ${signals.status} = 'pending')::int`,
          withoutDuo: sql<number>`count(*) filter (where ${waitingCondition(db, 'duo', quietSince)})::int`,
          quiet: sql<number>`count(*) filter (where ${waitingCondition(db, 'quiet', quietSince)})::int`,
        })
        .from(signals)
        .where(and(eq(signals.networkId, networkId), isNull(signals.anonymisedAt)));
      return rows[0] ?? { pending: 0, withoutDuo: 0, quiet: 0 };
    },

    /** Open signals without a professional (or coordinator) in the duo: for professionals. */
    async countWithoutProfessional(networkId: number, viewerId: number, all: boolean) {
      const rows = await db
        .select({ n: count() })
        .from(signals)
        .where(
          and(
            open(networkId),
            visibleTo(viewerId, all),
            waitingCondition(db, 'professional', new Date(0)),
          ),
        );
      return rows[0]?.n ?? 0;
    },

    /**
     * A person's signals on the overview, newest first: those they recorded and may read
     * (a person-bound one only when they follow it) and those whose duo they are in.
     */
    async listSignalsOf(networkId: number, personId: number, limit: number) {
      return db
        .select({
          id: signals.id,
          title: signals.title,
          status: signals.status,
          follows: sql<boolean>`${followedBy(personId)}`,
        })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            isNull(signals.anonymisedAt),
            or(
              followedBy(personId),
              and(eq(signals.createdBy, personId), eq(signals.personBound, false)),
            ),
          ),
        )
        .orderBy(desc(signals.createdAt), desc(signals.id))
        .limit(limit);
    },

    /** The latest signals the viewer may read, for recent activity. */
    async listRecentSignals(networkId: number, viewerId: number, all: boolean, limit: number) {
      return db
        .select({ id: signals.id, title: signals.title, createdAt: signals.createdAt })
        .from(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            ne(signals.status, 'pending'),
            isNull(signals.anonymisedAt),
            visibleTo(viewerId, all),
          ),
        )
        .orderBy(desc(signals.createdAt), desc(signals.id))
        .limit(limit);
    },
  };
}
