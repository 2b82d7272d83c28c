// The administration's pages, in three parts: places and networks, people and leaders, and
// the start page with the mail check and the settings (plus a network's own settings).
import type { FastifyInstance } from 'fastify';
import { peopleRoutes } from './people.js';
import { placeRoutes } from './places.js';
import { settingsRoutes } from './settings.js';
import type { AdminDeps } from './shared.js';

export type { AdminDeps } from './shared.js';

export async function adminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await settingsRoutes(app, deps);
  await placeRoutes(app, deps);
  await peopleRoutes(app, deps);
}
