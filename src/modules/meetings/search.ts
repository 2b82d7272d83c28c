// What meetings offer to search: each meeting (what, where, its description and agenda) and
// its minutes. A public meeting of a public network is public (its public page shows these
// very texts); other meetings are for the members of its network. Minutes are always for the
// members only: the public page does not show them.
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { searchModule } from '../search/index.js';
import { meetingsMessages } from './messages.js';
import { meetingsRepository } from './repository.js';

/** The meeting's name in Dutch, as the pages show it ("Bewonersavond: Samen koken"). */
function labelOf(m: { kind: string; title: string }): string {
  const kinds = meetingsMessages.nl as Record<string, string>;
  const kind = kinds[`meetings.kind.${m.kind}`] ?? kinds['meetings.kind.other']!;
  return m.title === '' ? kind : `${kind}: ${m.title}`;
}

export const meetingsSearch: SearchProvider = {
  types: ['meeting', 'minutes'],
  async listDocuments(db: Executor, type, ids) {
    if ((type !== 'meeting' && type !== 'minutes') || (ids && ids.length === 0)) return [];
    const repo = meetingsRepository(db);
    const placeOf = searchModule.api.placeFinder(db);
    const rows = await repo.listMeetingsForIndex(ids);
    const agendas = new Map<number, string[]>();
    if (type === 'meeting') {
      for (const a of await repo.listAgendaFor(rows.map((m) => m.id))) {
        agendas.set(a.meetingId, [...(agendas.get(a.meetingId) ?? []), a.title]);
      }
    }
    const out: SearchDocument[] = [];
    for (const m of rows) {
      const place = await placeOf(m.networkId);
      if (!place) continue;
      const memberPath = `/netwerk/${m.networkId}/bijeenkomsten/${m.id}`;
      const common = {
        type,
        sourceId: m.id,
        networkId: m.networkId,
        municipalityId: place.municipalityId,
        regionId: place.regionId,
        themes: [],
        occurredAt: m.startsAt,
      };
      if (type === 'minutes') {
        if (m.minutes.trim() === '') continue;
        const title = meetingsMessages.nl['meetings.minutes.title'].replace(
          '{meeting}',
          labelOf(m),
        );
        out.push({
          ...common,
          visibility: 'network',
          title,
          body: m.minutes,
          path: `${memberPath}#verslag`,
        });
        continue;
      }
      const isPublic = m.isPublic && place.isPublic;
      out.push({
        ...common,
        visibility: isPublic ? 'public' : 'network',
        title: labelOf(m),
        body: [m.description, m.place, ...(agendas.get(m.id) ?? [])]
          .filter((x) => x !== '')
          .join('\n\n'),
        path: isPublic ? `/buurt/${place.slug}/bijeenkomsten/${m.id}` : memberPath,
      });
    }
    return out;
  },
};

/** Tells the search index that a meeting changed, with its minutes (in the change's transaction). */
export async function refreshMeetingIndex(db: Executor, ids: readonly number[]): Promise<void> {
  await searchModule.api.refresh(db, meetingsSearch, 'meeting', ids);
  await searchModule.api.refresh(db, meetingsSearch, 'minutes', ids);
}
