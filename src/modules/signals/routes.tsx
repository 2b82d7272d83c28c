// Signals pages: parse → authorize → service → render or redirect. The routes live in
// routes/ along their seams; this file puts them together.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.js';
import { registerDetailRoutes } from './routes/detail.js';
import { registerEditRoutes } from './routes/edit.js';
import { signalRouteKit } from './routes/kit.js';
import { registerListRoutes } from './routes/list.js';
import { registerPublicAndModerationRoutes } from './routes/moderation.js';
import { registerPatternAndThemeRoutes } from './routes/themes.js';

export { PUBLIC_FORM_LIMIT } from './routes/moderation.js';

export async function signalsRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const kit = signalRouteKit(context);
  registerListRoutes(app, kit);
  registerPatternAndThemeRoutes(app, kit);
  registerPublicAndModerationRoutes(app, kit);
  registerDetailRoutes(app, kit);
  registerEditRoutes(app, kit);
}
