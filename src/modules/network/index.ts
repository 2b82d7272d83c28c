// Places and networks: regions, municipalities, areas, their neighbourhood networks and
// organisations, and each network's public page with the blocks other modules add to it.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { networkMessages } from './messages.js';
import { networkRepository } from './repository.js';
import { networkRoutes } from './routes.js';
import { DEMO_PASSWORD, demoAccounts, seedNetworkDemo } from './seed.js';
import * as tables from './tables.js';

export type { AreaKind, NetworkDetails, OrganisationType } from './repository.js';
export type { DemoAccount, DemoRole } from './seed.js';

/** The functions other modules may call. */
const api = {
  /** Finds networks (with their area's slug and place) by id or by public slug. */
  networks(db: Executor) {
    const repo = networkRepository(db);
    return { findNetworkById: repo.findNetworkById, findNetworkBySlug: repo.findNetworkBySlug };
  },
  /** The demo's accounts and their shared password (listed on the login page in demo mode). */
  demo: { password: DEMO_PASSWORD, accounts: demoAccounts },
};

export const networkModule: ModuleManifest<typeof networkMessages, typeof api> = {
  name: 'network',
  tables,
  messages: networkMessages,
  routes: networkRoutes,
  seed: seedNetworkDemo,
  api,
};
