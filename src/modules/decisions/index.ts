// Decisions (besluiten): what was decided, by whom and why, how residents were part of it,
// the community strength check, the dissent heard, the council's consent and the review.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { decisionsMessages } from './messages.js';
import { decisionsOverview } from './overview.js';
import { decisionsPersonData } from './person-data.js';
import { decisionsPublicSection } from './public.js';
import { decisionsRepository } from './repository.js';
import { decisionsPulseRepository } from './repository-pulse.js';
import { decisionsRoutes } from './routes.js';
import { decisionsSearch } from './search.js';
import { seedDecisionsDemo } from './seed.js';
import * as tables from './tables.js';

/** The functions other modules may call. */
const api = {
  /**
   * Decisions due for review in these networks, not internal (a leader's overview):
   * `{ id, networkId, title, reviewOn }[]`, the oldest review date first, at most `limit`.
   */
  listDueForReviewIn: (db: Executor, networkIds: readonly number[], today: string, limit = 20) =>
    decisionsRepository(db).listDueForReviewIn(networkIds, today, limit),
  /** Aggregated figures for the pulse, counted in SQL: numbers only, never names or texts. */
  pulse(db: Executor) {
    const repo = decisionsRepository(db);
    return {
      /**
       * `{ month, effect, involvement, fromResidents, n }[]` of decisions taken in these
       * networks in [from, to) (first days of months); `residentSignalIds` is the signals
       * module's subquery. Throws an Error for a bound that is not a month's first day.
       */
      countDecisions: decisionsPulseRepository(db).countForPulse,
      /** Decided decisions of these networks whose review date has come. */
      countDueForReview: repo.countDueForReview,
    };
  },
};

export const decisionsModule: ModuleManifest<typeof decisionsMessages, typeof api> = {
  name: 'decisions',
  tables,
  messages: decisionsMessages,
  routes: decisionsRoutes,
  seed: seedDecisionsDemo,
  personData: decisionsPersonData,
  search: decisionsSearch,
  publicSections: [
    (db, network, request) => decisionsPublicSection(db, network, request.t, request.lang),
  ],
  overview: [decisionsOverview],
  api,
};
