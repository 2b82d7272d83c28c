// Signals (signalen): what is going on in a neighbourhood, by theme and place, followed up
// by a duo of a resident and a professional; person-bound signals under strict privacy.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { signalsMessages } from './messages.js';
import { themeLabel } from './presenters.js';
import { signalsPublicSection } from './public.js';
import { signalsRepository } from './repository/index.js';
import { signalsRoutes } from './routes.js';
import { seedSignalsDemo } from './seed.js';
import { runSignalRetention, signalsPersonData } from './service/index.js';
import * as tables from './tables.js';

export { DEFAULT_RETENTION_MONTHS } from './service/index.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only, never texts or names. */
  pulse(db: Executor) {
    return {
      /** `{ theme, raisedBy, n }[]` of signals raised in [from, to). */
      countSignals: signalsRepository(db).countForPulse,
    };
  },
  /** A theme code (or a network's own theme) as the interface names it. */
  themeLabel,
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
  api,
};
