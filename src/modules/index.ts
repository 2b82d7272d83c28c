// Every module of Buurtkracht, in order: the app registers their routes, the schema gathers
// their tables, the catalogue their messages and the demo runs their seeds in this order.
// Adding a module: write its folder with an index.ts manifest, and add one line here.
import { adminModule } from './admin/index.js';
import { budgetingModule } from './budgeting/index.js';
import { decisionsModule } from './decisions/index.js';
import { experimentsModule } from './experiments/index.js';
import { libraryModule } from './library/index.js';
import { meetingsModule } from './meetings/index.js';
import { moderationModule } from './moderation/index.js';
import { networkModule } from './network/index.js';
import { notificationsModule } from './notifications/index.js';
import { peopleModule } from './people/index.js';
import { pulseModule } from './pulse/index.js';
import { searchModule } from './search/index.js';
import { signalsModule } from './signals/index.js';
import { siteModule } from './site/index.js';
import { sparksModule } from './sparks/index.js';

/**
 * The modules in order. A function, not a constant: modules import the platform, whose
 * catalogue reads this list, so the list may only be read once every module is loaded.
 */
export function listModules() {
  return [
    siteModule,
    networkModule,
    peopleModule,
    // Their blocks on the public network page come in this order too.
    meetingsModule,
    sparksModule,
    signalsModule,
    budgetingModule,
    experimentsModule,
    decisionsModule,
    pulseModule,
    libraryModule,
    searchModule,
    moderationModule,
    notificationsModule,
    adminModule,
  ] as const;
}

export type Modules = ReturnType<typeof listModules>;
