// Decisions (besluiten): what was decided, by whom and why, how residents were part of it,
// the community strength check, the dissent heard, the council's consent and the review.
import type { ModuleManifest } from '../../platform/module.js';
import { decisionsMessages } from './messages.js';
import { decisionsPersonData } from './person-data.js';
import { decisionsPublicSection } from './public.js';
import { decisionsRoutes } from './routes.js';
import { seedDecisionsDemo } from './seed.js';
import * as tables from './tables.js';

const api = {};

export const decisionsModule: ModuleManifest<typeof decisionsMessages, typeof api> = {
  name: 'decisions',
  tables,
  messages: decisionsMessages,
  routes: decisionsRoutes,
  seed: seedDecisionsDemo,
  personData: decisionsPersonData,
  publicSections: [
    (db, network, request) => decisionsPublicSection(db, network, request.t, request.lang),
  ],
  api,
};
