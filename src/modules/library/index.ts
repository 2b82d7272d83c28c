// The library (bibliotheek): stories, cases with responses from other networks, lessons,
// shared at network, municipality, region or public level (wider than the network after the
// coordinator approves on the moderation page); and private reflections.
import type { Executor } from '../../db/client.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { ModuleManifest } from '../../platform/module.js';
import { libraryMessages } from './messages.js';
import { libraryOverview } from './overview.js';
import { libraryPersonData } from './person-data.js';
import { questionLabel } from './presenters.js';
import { libraryPublication } from './publication.js';
import { libraryRepository } from './repository.js';
import { libraryRoutes } from './routes.js';
import { librarySearch } from './search.js';
import { seedLibraryDemo } from './seed.js';
import { createLessons, reflectionQuestions } from './service.js';
import * as tables from './tables.js';

export type { LessonSource } from './tables.js';

/** The functions other modules may call. */
const api = {
  /**
   * Lessons shared with these municipalities or regions, newest first (a leader's overview):
   * `{ id, title, createdAt }[]`; each opens at `/bibliotheek/:id` under the visibility rule.
   */
  listLessonsSharedTo: (db: Executor, municipalityIds: number[], regionIds: number[], limit = 10) =>
    libraryRepository(db).listLessonsSharedTo(municipalityIds, regionIds, limit),
  /** The reflection questions as the interface words them, without the free note (a leader's overview). */
  reflectionQuestionLabels: (t: Translate) =>
    reflectionQuestions.filter((q) => q !== 'free').map((q) => questionLabel(t, q)),
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

export const libraryModule: ModuleManifest<typeof libraryMessages, typeof api, typeof tables> = {
  name: 'library',
  tables,
  messages: libraryMessages,
  routes: libraryRoutes,
  seed: seedLibraryDemo,
  personData: libraryPersonData,
  search: librarySearch,
  /** Items asked to be shared wider wait on the moderation page (decision 0009). */
  publication: [libraryPublication],
  overview: [libraryOverview],
  api,
};
