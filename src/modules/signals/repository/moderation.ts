// Public submissions waiting for moderation: the queue, approval with a theme, rejection.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signals } from '../tables.js';

export function moderationRepository(db: Executor) {
  return {
    async listPending(networkId: number) {
      return db
        .select()
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.status, 'pending')))
        .orderBy(asc(signals.createdAt));
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
