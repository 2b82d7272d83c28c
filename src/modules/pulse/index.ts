// Pulse (buurtpuls): a network's figures over a period — decisions by effect and resident
// involvement, listening vs sending, signals by theme, experiments, reviews due — counted in
// SQL by the modules that own the data; leaders see them with small groups hidden.
import type { ModuleManifest } from '../../platform/module.js';
import { pulseMessages } from './messages.js';
import { pulseRoutes } from './routes.js';

const api = {};

export const pulseModule: ModuleManifest<typeof pulseMessages, typeof api> = {
  name: 'pulse',
  tables: {},
  messages: pulseMessages,
  routes: pulseRoutes,
  api,
};
