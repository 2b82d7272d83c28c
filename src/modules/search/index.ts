// Search (zoeken): one Dutch full-text index of what the modules offer through their
// manifests' `search` providers, searched within what the searcher may see.
import type { ModuleManifest } from '../../platform/module.js';
import { searchMessages } from './messages.js';
import { searchRoutes } from './routes.js';
import {
  buildMissing,
  createPlaceFinder,
  findScope,
  rebuildIndex,
  refreshDocuments,
  searchService,
} from './service.js';
import * as tables from './tables.js';

export type { SearchHit } from './repository.js';
export type { DocumentPlace } from './service.js';

/** The functions other modules may call. */
const api = {
  /** After a change: re-read these documents from the provider, in the same transaction. */
  refresh: refreshDocuments,
  /** Builds every type again (demo, benchmark, repair). */
  rebuild: rebuildIndex,
  /** Builds the types never built yet. */
  buildMissing,
  /** For providers: a network's place (municipality, region, slug, public), cached per call. */
  placeFinder: createPlaceFinder,
  /** What an actor may see (networks, municipalities, regions): for pages that list shared items. */
  findScope,
  /** The search itself (for tests and the benchmark, with the same permission filter). */
  service: searchService,
};

export const searchModule: ModuleManifest<typeof searchMessages, typeof api> = {
  name: 'search',
  tables,
  messages: searchMessages,
  routes: searchRoutes,
  api,
};
