// What the library offers to search: stories, cases and lessons at their current
// visibility (a wider sharing that waits for approval does not count). Reflections are
// never offered.
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { libraryRepository } from './repository.js';
import { type ItemKind, itemKinds } from './tables.js';

export const librarySearch: SearchProvider = {
  types: itemKinds,
  async listDocuments(db, type, ids): Promise<SearchDocument[]> {
    if (!(itemKinds as readonly string[]).includes(type)) return [];
    const rows = await libraryRepository(db).listItemsForIndex(type as ItemKind, ids);
    return rows.map((item) => ({
      type,
      sourceId: item.id,
      networkId: item.networkId,
      municipalityId: item.municipalityId,
      regionId: item.regionId,
      visibility: item.visibility,
      title: item.title,
      body: [item.body, item.extra].filter((x) => x !== '').join('\n\n'),
      themes: item.themes,
      occurredAt: item.createdAt,
      path: `/bibliotheek/${item.id}`,
    }));
  },
};
