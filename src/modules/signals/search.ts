// What signals offer to search: each signal that was recorded or approved (title, what
// happened, the trigger, the place, the outcome), for the members of its network. Never a
// person-bound signal and never a public submission still waiting (decision 0007).
import type { Executor } from '../../db/client.js';
import type { SearchDocument, SearchProvider } from '../../platform/module.js';
import { searchModule } from '../search/index.js';
import { signalsMessages } from './messages.js';
import { searchIndexRepository } from './repository/search.js';
import { isDefaultTheme } from './themes.js';

/** A theme as the theme filter lists it: the Dutch name of a default theme, in lower case. */
const themeName = (theme: string) =>
  (isDefaultTheme(theme) ? signalsMessages.nl[`signals.theme.${theme}`] : theme).toLowerCase();

export const signalsSearch: SearchProvider = {
  types: ['signal'],
  async listDocuments(db: Executor, type, ids) {
    if (type !== 'signal' || (ids && ids.length === 0)) return [];
    const placeOf = searchModule.api.placeFinder(db);
    const out: SearchDocument[] = [];
    for (const s of await searchIndexRepository(db).listSignalsForIndex(ids)) {
      const place = await placeOf(s.networkId);
      if (!place) continue;
      out.push({
        type,
        sourceId: s.id,
        networkId: s.networkId,
        municipalityId: place.municipalityId,
        regionId: place.regionId,
        visibility: 'network',
        title: s.title,
        body: [s.description, s.trigger, s.place, s.outcome ?? '']
          .filter((x) => x !== '')
          .join('\n\n'),
        themes: [themeName(s.theme)],
        occurredAt: s.createdAt,
        path: `/netwerk/${s.networkId}/signalen/${s.id}`,
      });
    }
    return out;
  },
};

/** Tells the search index that these signals changed (call it in the change's transaction). */
export function refreshSignalIndex(db: Executor, ids: readonly number[]): Promise<void> {
  return searchModule.api.refresh(db, signalsSearch, 'signal', ids);
}
