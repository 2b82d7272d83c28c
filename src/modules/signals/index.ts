// Signals (signalen): what is going on in a neighbourhood, by theme and place, followed up
// by a duo of a resident and a professional; person-bound signals under strict privacy.
import type { ModuleManifest } from '../../platform/module.js';
import { signalsMessages } from './messages.js';
import { signalsPublicSection } from './public.js';
import { signalsRoutes } from './routes.js';
import { seedSignalsDemo } from './seed.js';
import { runSignalRetention, signalsPersonData } from './service/index.js';
import * as tables from './tables.js';

export { DEFAULT_RETENTION_MONTHS } from './service/index.js';

const api = {};

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
