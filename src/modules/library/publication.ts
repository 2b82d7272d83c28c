// Library items whose author asked for a wider visibility wait on the moderation page
// (decision 0009): the platform's moderation module lists them with every other waiting
// item and approves or refuses the request through this provider. Approved, the asked
// visibility becomes the item's; refused, the request is dropped and the item stays as it
// was. The state stays in `library_items` (`visibility`, `requested_visibility`).
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { PublicationProvider, WaitingItem } from '../../platform/module.js';
import { excerpt } from '../../platform/text.js';
import { peopleModule } from '../people/index.js';
import { type ItemRow, libraryRepository } from './repository.js';
import { refreshItem } from './service.js';
import { type ItemVisibility, itemVisibilities } from './tables.js';

/** The kind in the moderation page's URLs (`/moderatie?soort=library`). */
export const LIBRARY_KIND = 'library';

/** How many characters of an item's text the moderation page shows (whole words). */
export const EXCERPT_LENGTH = 400;

/** Waiting items as the moderation page shows them, with their authors' names. */
async function toWaiting(db: Executor, rows: ItemRow[], t: Translate): Promise<WaitingItem[]> {
  const names = await peopleModule.api
    .directory(db)
    .findNames(rows.flatMap((r) => (r.authorId === null ? [] : [r.authorId])));
  return rows.map((item) => {
    const author = item.authorId === null ? undefined : names.get(item.authorId);
    const asked = item.requestedVisibility!;
    return {
      kind: LIBRARY_KIND,
      id: item.id,
      networkId: item.networkId,
      title: item.title,
      text: [
        excerpt(item.body, EXCERPT_LENGTH),
        '',
        t('library.publication.asks', {
          kind: t(`library.kind.${item.kind}`),
          asked: t(`library.publication.level.${asked}`),
          now: t(`library.publication.level.${item.visibility}`),
        }),
      ].join('\n'),
      authorLabel: author && !author.erased ? author.name : t('library.publication.formerMember'),
      authorId: author && !author.erased ? item.authorId : null,
      createdAt: item.createdAt,
      path: `/bibliotheek/${item.id}`,
      // The decision is on what the coordinator saw: asked anew or written anew, it is
      // decided anew.
      version: versionOf(item, asked),
    };
  });
}

/**
 * What the coordinator saw of a request: the asked level and a digest of the item's texts
 * and themes (`region.3f9c…`, 16 hex digits of SHA-256), so that an author who changes the
 * text while the request waits does not have the new text approved unseen.
 */
function versionOf(item: ItemRow, asked: ItemVisibility): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([item.title, item.body, item.extra, item.themes]))
    .digest('hex')
    .slice(0, 16);
  return `${asked}.${digest}`;
}

/** The asked level a posted `version` names, or undefined for anything else. */
function askedIn(version: string | undefined): ItemVisibility | undefined {
  return itemVisibilities.find((v) => version?.startsWith(`${v}.`));
}

/**
 * Settles a request as the coordinator saw it (`change.version`: the asked level and the
 * texts, see versionOf), then
 * refreshes the search index and audits `library.approve` / `library.reject`. Gives the
 * item as it was, or undefined when nothing changed (no request, another network, or
 * another level asked or another text written by now).
 */
async function settle(
  db: Executor,
  networkId: number,
  id: number,
  approve: boolean,
  change: { by: number; origin: string; version?: string },
): Promise<ItemRow | undefined> {
  const asked = askedIn(change.version);
  if (asked === undefined) return undefined;
  const item = await libraryRepository(db).settleRequest(
    networkId,
    id,
    asked,
    approve,
    (before) => versionOf(before, asked) === change.version,
  );
  if (!item) return undefined;
  await refreshItem(db, item.kind, item.id);
  await recordAudit(db, {
    actorId: change.by,
    action: approve ? 'library.approve' : 'library.reject',
    result: 'ok',
    objectType: 'library_item',
    objectId: item.id,
    networkId,
    origin: change.origin,
    detail: asked,
  });
  return item;
}

/**
 * Library items waiting for a wider visibility (municipality, region or public) than they
 * have. Each carries the asked level and its texts' digest as its `version`, so a decision
 * on a request or text the author changed since the page was shown changes nothing.
 */
export const libraryPublication: PublicationProvider = {
  // Approving widens who sees an item that is already there: it is not "published".
  words: {
    approve: 'library.publication.approve',
    approved: 'library.publication.approved',
    rejectedSubject: 'library.publication.rejectedSubject',
    rejected: 'library.publication.rejected',
  },
  kind: LIBRARY_KIND,
  countWaiting: (db, networkId) => libraryRepository(db).countRequests(networkId),
  async listWaiting(db, networkId, limit, t) {
    return toWaiting(db, await libraryRepository(db).listRequests(networkId, limit), t);
  },
  async findWaiting(db, networkId, id, t) {
    const item = await libraryRepository(db).findItem(id);
    if (!item || item.networkId !== networkId || item.requestedVisibility === null) {
      return undefined;
    }
    return (await toWaiting(db, [item], t))[0];
  },
  async approve(db, networkId, id, change) {
    return (await settle(db, networkId, id, true, change)) !== undefined;
  },
  async reject(db, networkId, id, change) {
    const item = await settle(db, networkId, id, false, change);
    return item ? { authorId: item.authorId, text: `${item.title}\n${item.body}` } : undefined;
  },
};
