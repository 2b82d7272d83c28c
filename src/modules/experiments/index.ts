// Experiments: small experiments at the edge, run by residents and professionals side by
// side — question, team, linked signals, logbook, evaluation into lessons, the board.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { experimentsMessages } from './messages.js';
import { experimentsPersonData } from './person-data.js';
import { experimentsRepository } from './repository.js';
import { experimentsRoutes } from './routes.js';
import { experimentsSearch } from './search.js';
import { seedExperimentsDemo } from './seed.js';
import * as tables from './tables.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only. */
  pulse(db: Executor) {
    return {
      /** `{ status, n }[]` of experiments of these networks proposed in [from, to). */
      countExperiments: experimentsRepository(db).countForPulse,
    };
  },
};

export const experimentsModule: ModuleManifest<typeof experimentsMessages, typeof api> = {
  name: 'experiments',
  tables,
  messages: experimentsMessages,
  routes: experimentsRoutes,
  seed: seedExperimentsDemo,
  personData: experimentsPersonData,
  search: experimentsSearch,
  api,
};
