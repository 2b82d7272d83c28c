// Sparks under moderation after publication (decision 0009): the platform's moderation
// module reports, hides and records withdrawals of sparks through this provider.
import type { Executor } from '../../db/client.js';
import type { ModerationProvider } from '../../platform/module.js';
import { sparksRepository } from './repository.js';
import { refreshSparkIndex } from './search.js';

/** Takes a spark down and takes it out of the search index, in the moderation transaction. */
async function takeDown(
  db: Executor,
  id: number,
  change: { state: 'hidden' | 'withdrawn'; reason: string | null; by: number; at: Date },
): Promise<boolean> {
  const done = await sparksRepository(db).takeDown(id, change);
  if (done) await refreshSparkIndex(db, [id]);
  return done;
}

export const sparkModeration: ModerationProvider = {
  kind: 'spark',
  async find(db, id) {
    const spark = await sparksRepository(db).findSparkById(id);
    if (!spark) return undefined;
    return {
      kind: 'spark',
      id: spark.id,
      networkId: spark.networkId,
      authorId: spark.authorId,
      text: spark.text,
      state: spark.status,
      public: spark.isPublic,
      path: `/netwerk/${spark.networkId}/vonkjes#vonkje-${spark.id}`,
    };
  },
  hide: (db, id, change) => takeDown(db, id, { state: 'hidden', ...change }),
  withdraw: (db, id, change) => takeDown(db, id, { state: 'withdrawn', reason: null, ...change }),
};
