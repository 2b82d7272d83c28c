// Signals (signalen): what is going on in a neighbourhood, by theme and place, followed up
// by a duo of a resident and a professional; person-bound signals under strict privacy.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { signalsMessages } from './messages.js';
import { signalPublication } from './moderation.js';
import { signalsOverview } from './overview.js';
import { themeLabel } from './presenters.js';
import { signalsPublicSection } from './public.js';
import { signalsRepository } from './repository/index.js';
import { signalRepository } from './repository/signals.js';
import { signalsRoutes } from './routes.js';
import { signalsSearch } from './search.js';
import { seedSignalsDemo } from './seed.js';
import { runSignalRetention, signalsPersonData } from './service/index.js';
import * as tables from './tables.js';

export { DEFAULT_RETENTION_MONTHS } from './service/index.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only, never texts or names. */
  pulse(db: Executor) {
    return {
      /**
       * `{ month, theme, raisedBy, n }[]` of signals raised in these networks in [from, to)
       * (first days of months; from the monthly summary, decision 0017).
       */
      countSignals: signalsRepository(db).countForPulse,
      /** SQL subquery: ids of signals raised by residents (see decision 0013). */
      residentSignalIds: signalsRepository(db).residentSignalIds,
    };
  },
  /** A theme code (or a network's own theme) as the interface names it. */
  themeLabel,
  /**
   * Whether a signal with this id exists in this network (for a link from elsewhere, such as
   * a meeting's action point). Gives no content: the signal's own page checks who may read it.
   */
  async existsInNetwork(db: Executor, networkId: number, signalId: number): Promise<boolean> {
    return (await signalRepository(db).findSignal(networkId, signalId)) !== undefined;
  },
};

export const signalsModule: ModuleManifest<typeof signalsMessages, typeof api> = {
  name: 'signals',
  tables,
  messages: signalsMessages,
  routes: signalsRoutes,
  seed: seedSignalsDemo,
  personData: signalsPersonData,
  publicSections: [async (_db, network, request) => signalsPublicSection(network.slug, request.t)],
  jobs: [{ name: 'signal-retention', run: runSignalRetention }],
  overview: [signalsOverview],
  publication: [signalPublication],
  search: signalsSearch,
  api,
};
