// What experiments offer to search: each experiment (title, question, approach, evaluation)
// and each logbook entry, visible to the members of its network only.
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { networkModule } from '../network/index.js';
import { experimentsRepository } from './repository.js';

/** Places of networks by id, looked up once per call through the network module's face. */
function placeFinder(db: Executor) {
  const networks = networkModule.api.networks(db);
  const cache = new Map<
    number,
    Promise<{ municipalityId: number; regionId: number } | undefined>
  >();
  return (networkId: number) => {
    let found = cache.get(networkId);
    if (!found) {
      found = networks
        .findNetworkById(networkId)
        .then((n) => (n ? { municipalityId: n.municipalityId, regionId: n.regionId } : undefined));
      cache.set(networkId, found);
    }
    return found;
  };
}

const dateOf = (day: string | null, fallback: Date) =>
  day ? new Date(`${day}T12:00:00Z`) : fallback;

export const experimentsSearch: SearchProvider = {
  types: ['experiment', 'logbook_entry'],
  async listDocuments(db, type, ids) {
    const repo = experimentsRepository(db);
    const placeOf = placeFinder(db);
    const out: SearchDocument[] = [];
    if (type === 'experiment') {
      for (const e of await repo.listExperimentsForIndex(ids)) {
        const place = await placeOf(e.networkId);
        if (!place) continue;
        out.push({
          type,
          sourceId: e.id,
          networkId: e.networkId,
          ...place,
          visibility: 'network',
          title: e.title,
          body: [e.question, e.approach, e.evaluation].filter((x) => x !== '').join('\n\n'),
          themes: [],
          occurredAt: dateOf(e.startsOn, e.updatedAt),
          path: `/netwerk/${e.networkId}/experimenten/${e.id}`,
        });
      }
    } else if (type === 'logbook_entry') {
      for (const entry of await repo.listLogEntriesForIndex(ids)) {
        const place = await placeOf(entry.networkId);
        if (!place) continue;
        out.push({
          type,
          sourceId: entry.id,
          networkId: entry.networkId,
          ...place,
          visibility: 'network',
          title: entry.title,
          body: entry.text,
          themes: [entry.kind],
          occurredAt: dateOf(entry.happenedOn, new Date()),
          path: `/netwerk/${entry.networkId}/experimenten/${entry.experimentId}#logboek-${entry.id}`,
        });
      }
    }
    return out;
  },
};
