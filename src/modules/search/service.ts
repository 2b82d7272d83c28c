// Use cases of search: keep the index in step with the modules' providers, and search it
// within what the searcher may see.
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { SearchProvider } from '../../platform/module.js';
import { type ViewerScope, viewerScope } from '../../platform/visibility.js';
import { networkModule } from '../network/index.js';
import { type SearchHit, type SearchQuery, searchRepository } from './repository.js';

/** Hits per page. */
export const PAGE_SIZE = 10;

/** Where a network stands, as a search document needs it (see SearchDocument). */
export interface DocumentPlace {
  municipalityId: number;
  regionId: number;
  /** The public page's slug (/buurt/:slug). */
  slug: string;
  /** Whether the network has public pages; a network that has none offers nothing public. */
  isPublic: boolean;
}

/**
 * For providers: the place of a network by id (undefined when it does not exist), looked
 * up once per network through the network module's face.
 */
export function createPlaceFinder(db: Executor) {
  const networks = networkModule.api.networks(db);
  const cache = new Map<number, Promise<DocumentPlace | undefined>>();
  return (networkId: number): Promise<DocumentPlace | undefined> => {
    let found = cache.get(networkId);
    if (!found) {
      found = networks.findNetworkById(networkId).then((n) =>
        n
          ? {
              municipalityId: n.municipalityId,
              regionId: n.regionId,
              slug: n.slug,
              isPublic: n.isPublic,
            }
          : undefined,
      );
      cache.set(networkId, found);
    }
    return found;
  };
}

/** The scope of an actor, with their networks' places looked up through the network module. */
export async function findScope(db: Executor, actor: Actor | undefined): Promise<ViewerScope> {
  if (!actor) return viewerScope(undefined, []);
  const networks = networkModule.api.networks(db);
  const places = [];
  for (const m of actor.memberships) {
    const n = await networks.findNetworkById(m.networkId);
    if (n) places.push({ networkId: n.id, municipalityId: n.municipalityId, regionId: n.regionId });
  }
  return viewerScope(actor, places);
}

/**
 * Re-reads these documents from their provider and replaces them in the index (documents
 * the provider no longer returns, such as one made private, leave the index). Call it in
 * the same transaction as the change.
 */
export async function refreshDocuments(
  db: Executor,
  provider: SearchProvider,
  type: string,
  sourceIds: readonly number[],
): Promise<void> {
  if (sourceIds.length === 0) return;
  const documents = await provider.listDocuments(db, type, sourceIds);
  await searchRepository(db).replaceDocuments(type, sourceIds, documents);
}

/** Builds the index of every type again, from scratch (demo, benchmarks, repairs). */
export async function rebuildIndex(db: Database, providers: readonly SearchProvider[]) {
  for (const provider of providers) {
    for (const type of provider.types) {
      await db.transaction(async (tx) => {
        const repo = searchRepository(tx);
        await repo.deleteType(type);
        await repo.insertDocuments(await provider.listDocuments(tx, type));
        await repo.markBuilt(type);
      });
    }
  }
}

/**
 * Builds the types that were never built (on the first search after the demo was loaded
 * or a module was added). One process builds a type; others wait for it, then skip it.
 */
export async function buildMissing(db: Database, providers: readonly SearchProvider[]) {
  const built = new Set(await searchRepository(db).listBuiltTypes());
  for (const provider of providers) {
    for (const type of provider.types) {
      if (built.has(type)) continue;
      await db.transaction(async (tx) => {
        const repo = searchRepository(tx);
        if (!(await repo.claimBuild(type))) return;
        await repo.deleteType(type);
        await repo.insertDocuments(await provider.listDocuments(tx, type));
      });
    }
  }
}

export interface SearchResult {
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
}

export function searchService(db: Database, providers: readonly SearchProvider[]) {
  const repo = searchRepository(db);
  return {
    /** Every type the modules offer, for the type filter. */
    types: providers.flatMap((p) => [...p.types]),

    /** One page (1-based) of what `actor` may see that matches; never more. */
    async search(
      actor: Actor | undefined,
      query: Omit<SearchQuery, 'limit' | 'offset'>,
      page: number,
    ): Promise<SearchResult> {
      await buildMissing(db, providers);
      const scope = await findScope(db, actor);
      const { total, hits } = await repo.searchDocuments(
        { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        scope,
      );
      return { total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), hits };
    },

    async listThemes(actor: Actor | undefined): Promise<string[]> {
      await buildMissing(db, providers);
      return repo.listThemes(await findScope(db, actor));
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
