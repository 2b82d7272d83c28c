// Sparks under moderation after publication (decision 0009): the platform's moderation
// module reports, hides and records withdrawals of sparks through this provider.
import type { ModerationProvider } from '../../platform/module.js';
import { sparksRepository } from './repository.js';

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
  hide: (db, id, change) => sparksRepository(db).takeDown(id, { state: 'hidden', ...change }),
  withdraw: (db, id, change) =>
    sparksRepository(db).takeDown(id, { state: 'withdrawn', reason: null, ...change }),
};
