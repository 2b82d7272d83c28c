// The signals' part of a network's overview (decision 0014): counts of what waits for the
// coordinator, a person's own signals and duos, and the latest signals, each a short list.
import { and, count, desc, eq, exists, inArray, isNull, ne, not, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signalFollowers, signals, signalUpdates } from '../tables.js';

/** Statuses of a signal that is still being followed up. */
const OPEN = ['new', 'taken_up', 'followed_up'] as const;

export function overviewRepository(db: Executor) {
  const follower = (roles: readonly ('resident' | 'professional' | 'coordinator' | 'council')[]) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(signalFollowers)
        .where(and(eq(signalFollowers.signalId, signals.id), inArray(signalFollowers.role, roles))),
    );
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
      const noDuo = not(
        and(follower(['resident', 'council']), follower(['professional', 'coordinator']))!,
      );
      const lastNews = sql`greatest(${signals.statusChangedAt}, coalesce((select max(u.created_at) from ${signalUpdates} u where u.signal_id = ${signals.id}), ${signals.createdAt}))`;
      const rows = await db
        .select({
          pending: sql<number>`count(*) filter (where ${signals.status} = 'pending')::int`,
          withoutDuo: sql<number>`count(*) filter (where ${signals.status} in ('new', 'taken_up', 'followed_up') and ${noDuo})::int`,
          quiet: sql<number>`count(*) filter (where ${signals.status} in ('new', 'taken_up', 'followed_up') and ${lastNews} < ${quietSince})::int`,
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
            not(follower(['professional', 'coordinator'])),
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
