// Pulse (buurtpuls): the figures of a network, municipality or region over a period — counted
// in SQL by the modules that own the data (decision 0013); leaders see them with small groups
// hidden, and have an overview; a network's public page shows the pulse in short.
import type { ModuleManifest } from '../../platform/module.js';
import { pulseMessages } from './messages.js';
import { pulsePublicSection } from './public.js';
import { pulseRoutes } from './routes.js';

const api = {};

export const pulseModule: ModuleManifest<typeof pulseMessages, typeof api> = {
  name: 'pulse',
  tables: {},
  messages: pulseMessages,
  routes: pulseRoutes,
  publicSections: [(db, network, request) => pulsePublicSection(db, network, request.t)],
  api,
};
