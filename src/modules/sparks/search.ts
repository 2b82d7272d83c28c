// What sparks offer to search: each published spark (its text and the photo's description).
// A public spark of a public network is public; every other one is for the members of its
// network. Visitors' sparks count once the coordinator approved them (then they are
// published); hidden and withdrawn sparks leave the index (decision 0009).
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { searchModule } from '../search/index.js';
import { sparksRepository } from './repository.js';

/** The longest title of a spark in the results, in characters (the spark has no title). */
const TITLE_MAX = 80;

function titleOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line;
}

export const sparksSearch: SearchProvider = {
  types: ['spark'],
  async listDocuments(db: Executor, type, ids) {
    if (type !== 'spark' || (ids && ids.length === 0)) return [];
    const placeOf = searchModule.api.placeFinder(db);
    const out: SearchDocument[] = [];
    for (const s of await sparksRepository(db).listSparksForIndex(ids)) {
      const place = await placeOf(s.networkId);
      if (!place) continue;
      const isPublic = s.isPublic && place.isPublic;
      out.push({
        type,
        sourceId: s.id,
        networkId: s.networkId,
        municipalityId: place.municipalityId,
        regionId: place.regionId,
        visibility: isPublic ? 'public' : 'network',
        title: titleOf(s.text),
        body: [s.text, s.photoDescription ?? ''].filter((x) => x !== '').join('\n\n'),
        themes: [],
        occurredAt: s.createdAt,
        // Visitors find public sparks on the network's public page; members on the wall.
        path: isPublic ? `/buurt/${place.slug}` : `/netwerk/${s.networkId}/vonkjes#vonkje-${s.id}`,
      });
    }
    return out;
  },
};

/** Tells the search index that these sparks changed (call it in the change's transaction). */
export function refreshSparkIndex(db: Executor, ids: readonly number[]): Promise<void> {
  return searchModule.api.refresh(db, sparksSearch, 'spark', ids);
}
