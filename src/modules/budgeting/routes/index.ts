// The neighbourhood budget (wijkbudget): parse → authorize → service → render or redirect.
// Member pages live under /netwerk/:networkId/wijkbudget; the public round, voting and
// results under /buurt/:slug/wijkbudget/:roundId; the calculator at /rekenhulp. Each part's file registers its routes.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../platform/module.js';
import { registerCalculatorRoutes } from './calculator.js';
import { registerCodeRoutes } from './codes.js';
import { budgetRouteKit } from './kit.js';
import { registerProposalRoutes } from './proposals.js';
import { registerPublicRoutes } from './public.js';
import { registerRealisationRoutes } from './realisation.js';
import { registerResultRoutes } from './results.js';
import { registerRoundRoutes } from './rounds.js';
import { registerVotingRoutes } from './voting.js';

export async function budgetingRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const kit = budgetRouteKit(context);
  registerRoundRoutes(app, kit);
  registerProposalRoutes(app, kit);
  registerCodeRoutes(app, kit);
  registerResultRoutes(app, kit);
  registerRealisationRoutes(app, kit);
  registerPublicRoutes(app, kit);
  registerVotingRoutes(app, kit);
  registerCalculatorRoutes(app, kit);
}
