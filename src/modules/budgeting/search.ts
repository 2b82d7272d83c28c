// What the neighbourhood budget offers to search: each accepted proposal (title, what it is,
// where), public like the round's public page when the network is public, else for the
// members of its network. Submitted, rejected, withdrawn and hidden proposals are not
// indexed; hiding or withdrawing an accepted one takes it out at once (decision 0009).
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { searchModule } from '../search/index.js';
import { budgetingRepository } from './repository.js';

export const budgetingSearch: SearchProvider = {
  types: ['budget_proposal'],
  async listDocuments(db: Executor, type, ids) {
    if (type !== 'budget_proposal' || (ids && ids.length === 0)) return [];
    const placeOf = searchModule.api.placeFinder(db);
    const out: SearchDocument[] = [];
    for (const p of await budgetingRepository(db).listProposalsForIndex(ids)) {
      const place = await placeOf(p.networkId);
      if (!place) continue;
      out.push({
        type,
        sourceId: p.id,
        networkId: p.networkId,
        municipalityId: place.municipalityId,
        regionId: place.regionId,
        visibility: place.isPublic ? 'public' : 'network',
        title: p.title,
        body: [p.description, p.place, p.roundTitle].filter((x) => x !== '').join('\n\n'),
        themes: [],
        occurredAt: p.createdAt,
        path: place.isPublic
          ? `/buurt/${place.slug}/wijkbudget/${p.roundId}#voorstel-${p.id}`
          : `/netwerk/${p.networkId}/wijkbudget/${p.roundId}`,
      });
    }
    return out;
  },
};

/** Tells the search index that these proposals changed (in the change's transaction). */
export function refreshProposalIndex(db: Executor, ids: readonly number[]): Promise<void> {
  return searchModule.api.refresh(db, budgetingSearch, 'budget_proposal', ids);
}
