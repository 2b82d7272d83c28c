// Sparks under moderation (decision 0009): the platform's moderation module reports, hides
// and records withdrawals of sparks, and approves or refuses the waiting ones, through these
// providers.
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Translate } from '../../platform/i18n/index.js';
import type {
  ModerationProvider,
  PublicationProvider,
  WaitingItem,
} from '../../platform/module.js';
import { type SparkRow, sparksRepository } from './repository.js';
import { refreshSparkIndex } from './search.js';
import { withAuthorNames } from './service.js';

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

/** A waiting spark of the network (a visitor's, or a member's meant for the public page). */
async function findWaiting(db: Executor, networkId: number, id: number) {
  const spark = await sparksRepository(db).findSpark(networkId, id);
  const waits =
    spark?.status === 'pending' || (spark?.status === 'published' && spark.publicRequested);
  return waits ? spark : undefined;
}

/** Waiting sparks as the moderation page lists them, with their authors' names. */
async function toWaiting(db: Executor, rows: SparkRow[], t: Translate): Promise<WaitingItem[]> {
  return (await withAuthorNames(db, rows)).map((s) => ({
    kind: 'spark',
    id: s.id,
    networkId: s.networkId,
    title: null,
    text: s.text,
    authorLabel: s.authorErased
      ? t('sparks.formerMember')
      : (s.authorName ?? s.visitorName ?? t('sparks.fromNeighbourhood')),
    authorId: s.authorErased ? null : s.authorId,
    createdAt: s.createdAt,
  }));
}

/**
 * Sparks that wait for publication: visitors' sparks (approved: published and public;
 * refused: deleted) and members' sparks meant for the public page (approved: public;
 * refused: they stay on the members' wall and the author is told). Audited as
 * `sparks.approve` / `sparks.reject`.
 */
export const sparkPublication: PublicationProvider = {
  kind: 'spark',
  countWaiting: (db, networkId) => sparksRepository(db).countWaiting(networkId),
  async listWaiting(db, networkId, limit, t) {
    return toWaiting(db, await sparksRepository(db).listPending(networkId, limit), t);
  },
  async findWaiting(db, networkId, id, t) {
    const spark = await findWaiting(db, networkId, id);
    return spark ? (await toWaiting(db, [spark], t))[0] : undefined;
  },
  async approve(db, networkId, id, change) {
    const done = await sparksRepository(db).publishPending(networkId, id);
    if (done) await decided(db, networkId, id, 'sparks.approve', change);
    return done;
  },
  async reject(db, networkId, id, change) {
    const spark = await findWaiting(db, networkId, id);
    if (!spark || !(await sparksRepository(db).rejectPending(networkId, id))) return undefined;
    await decided(db, networkId, id, 'sparks.reject', change);
    return { authorId: spark.authorId, text: spark.text };
  },
  async setting(db, networkId, t) {
    return {
      title: t('sparks.settings.title'),
      action: `/netwerk/${networkId}/vonkjes/instelling`,
      name: 'atOnce',
      label: t('sparks.settings.atOnce'),
      hint: t('sparks.settings.hint'),
      checked: await sparksRepository(db).findMembersPublicAtOnce(networkId),
    };
  },
};

/** Audits an approval or refusal and brings the search index up to date. */
async function decided(
  db: Executor,
  networkId: number,
  id: number,
  action: 'sparks.approve' | 'sparks.reject',
  change: { by: number; origin: string },
): Promise<void> {
  await recordAudit(db, {
    actorId: change.by,
    action,
    result: 'ok',
    objectType: 'spark',
    objectId: id,
    networkId,
    origin: change.origin,
  });
  await refreshSparkIndex(db, [id]);
}
