// The library (bibliotheek): stories, cases with responses from other networks, lessons,
// shared at network, municipality, region or public level; and private reflections.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { libraryMessages } from './messages.js';
import { libraryPersonData } from './person-data.js';
import { libraryRepository } from './repository.js';
import { libraryRoutes } from './routes.js';
import { librarySearch } from './search.js';
import { seedLibraryDemo } from './seed.js';
import { createLessons } from './service.js';
import * as tables from './tables.js';

export type { LessonSource } from './tables.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only. */
  pulse(db: Executor) {
    return {
      /** `{ visibility, n }[]` of lessons written in these networks in [from, to). */
      countLessons: libraryRepository(db).countLessonsForPulse,
    };
  },
  /** Writes lessons (an experiment's evaluation); in the caller's transaction. */
  createLessons,
  /** Lessons drawn from an experiment or a case: `{ id, title }[]`. */
  listLessonsFrom: (db: Executor, source: 'experiment' | 'case', id: number) =>
    libraryRepository(db).listLessonsFrom(source, id),
};

export const libraryModule: ModuleManifest<typeof libraryMessages, typeof api> = {
  name: 'library',
  tables,
  messages: libraryMessages,
  routes: libraryRoutes,
  seed: seedLibraryDemo,
  personData: libraryPersonData,
  search: librarySearch,
  api,
};
