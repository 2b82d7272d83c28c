// The neighbourhood budget (wijkbudget): rounds, residents' proposals and their review,
// voting codes, secret ballots, and a fair count (the voting engine) that explains itself.
import type { Executor } from '../../db/client.js';
import type { ModuleManifest } from '../../platform/module.js';
import { calculatorMessages } from './calculator-messages.js';
import { budgetingMessages } from './messages.js';
import { proposalModeration } from './moderation.js';
import { budgetingOverview } from './overview.js';
import { budgetingPersonData } from './person-data.js';
import { budgetingPublicSection } from './public.js';
import { pulseRepository } from './repository-pulse.js';
import { budgetingRoutes } from './routes/index.js';
import { budgetingSearch } from './search.js';
import { seedBudgetingDemo } from './seed.js';
import * as tables from './tables.js';

export type { BudgetPulse } from './repository-pulse.js';

/** The functions other modules may call. */
const api = {
  /** Aggregated figures for the pulse, counted in SQL: numbers only, never one round apart. */
  pulse(db: Executor) {
    return {
      /**
       * The rounds of these networks started in [from, to), added up (`BudgetPulse`);
       * `residentMembers` is the people module's subquery (decision 0013).
       */
      countRounds: pulseRepository(db).countRoundsForPulse,
    };
  },
};

/** The module's strings with the calculator's (rekenhulp) beside them. */
const messages = {
  nl: { ...budgetingMessages.nl, ...calculatorMessages.nl },
  en: { ...budgetingMessages.en, ...calculatorMessages.en },
};

export const budgetingModule: ModuleManifest<typeof messages, typeof api> = {
  name: 'budgeting',
  tables,
  messages,
  routes: budgetingRoutes,
  seed: seedBudgetingDemo,
  personData: budgetingPersonData,
  publicSections: [
    (db, network, request) => budgetingPublicSection(db, network, request.t, request.lang),
  ],
  moderation: [proposalModeration],
  overview: [budgetingOverview],
  search: budgetingSearch,
  api,
};
