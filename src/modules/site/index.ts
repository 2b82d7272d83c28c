// The site itself: home page, accessibility statement, privacy page and health check.
// The pages every visitor can read, whatever network they belong to.
import type { ModuleManifest } from '../../platform/module.js';
import { siteMessages } from './messages.js';
import { siteRoutes } from './routes.js';

const api = {};

export const siteModule: ModuleManifest<typeof siteMessages, typeof api> = {
  name: 'site',
  tables: {},
  messages: siteMessages,
  routes: (app, context) => siteRoutes(app, { database: context.database, db: context.db }),
  api,
};
