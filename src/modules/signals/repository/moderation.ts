// Public submissions waiting for moderation: the queue, approval with a theme, rejection.
import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signals } from '../tables.js';

export function moderationRepository(db: Executor) {
  return {
    /** The network's submissions waiting for moderation, oldest first (at most `limit`). */
    async listPending(networkId: number, limit?: number) {
      const query = db
        .select()
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.status, 'pending')))
        .orderBy(asc(signals.createdAt), asc(signals.id));
      return limit === undefined ? query : query.limit(limit);
    },

    /** How many submissions of the network wait for moderation. */
    async countPending(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.status, 'pending')));
      return rows[0]?.n ?? 0;
    },

    async approvePending(networkId: number, signalId: number, theme: string, at: Date) {
      const rows = await db
        .update(signals)
        .set({
          status: 'new',
          theme,
          raisedBy: 'resident',
          origin: 'public_page',
          statusChangedAt: at,
        })
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.id, signalId),
            eq(signals.status, 'pending'),
          ),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },

    async deletePending(networkId: number, signalId: number): Promise<boolean> {
      const rows = await db
        .delete(signals)
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.id, signalId),
            eq(signals.status, 'pending'),
          ),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },
  };
}
