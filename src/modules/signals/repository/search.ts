// The signals the search index may hold: recorded or approved ones (not a public submission
// still waiting), never a person-bound one (decision 0007).
import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signals } from '../tables.js';

export function searchIndexRepository(db: Executor) {
  return {
    /** Signals for the index: every one, or those of `ids`; never pending or person-bound. */
    async listSignalsForIndex(ids?: readonly number[]) {
      const where: SQL[] = [ne(signals.status, 'pending'), eq(signals.personBound, false)];
      if (ids) where.push(inArray(signals.id, [...ids]));
      return db
        .select({
          id: signals.id,
          networkId: signals.networkId,
          title: signals.title,
          description: signals.description,
          trigger: signals.trigger,
          place: signals.place,
          outcome: signals.outcome,
          theme: signals.theme,
          createdAt: signals.createdAt,
        })
        .from(signals)
        .where(and(...where));
    },
  };
}
