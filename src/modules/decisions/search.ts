// What decisions offer to search: each decision (title, what and why, the reasoning of the
// check, the review), visible to the members of its network — its page is a member page;
// the public page shows the public ones without search.
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { networkModule } from '../network/index.js';
import { decisionsRepository } from './repository.js';

export const decisionsSearch: SearchProvider = {
  types: ['decision'],
  async listDocuments(db: Executor, type, ids) {
    if (type !== 'decision') return [];
    const rows = await decisionsRepository(db).listDecisionsForIndex(ids);
    const networks = networkModule.api.networks(db);
    const places = new Map<number, { municipalityId: number; regionId: number } | undefined>();
    const out: SearchDocument[] = [];
    for (const d of rows) {
      if (!places.has(d.networkId)) {
        const n = await networks.findNetworkById(d.networkId);
        places.set(d.networkId, n && { municipalityId: n.municipalityId, regionId: n.regionId });
      }
      const place = places.get(d.networkId);
      if (!place) continue;
      out.push({
        type,
        sourceId: d.id,
        networkId: d.networkId,
        ...place,
        visibility: 'network',
        title: d.title,
        body: [d.body, d.reasons, d.effectReasoning, d.reviewText]
          .filter((x) => x !== '')
          .join('\n\n'),
        themes: [d.kind, d.effect],
        occurredAt: d.decidedOn ? new Date(`${d.decidedOn}T12:00:00Z`) : d.createdAt,
        path: `/netwerk/${d.networkId}/besluiten/${d.id}`,
      });
    }
    return out;
  },
};
