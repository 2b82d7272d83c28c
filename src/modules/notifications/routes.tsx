// Notifications: parse → authorize → service → render or redirect.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.js';

export async function notificationsRoutes(
  _app: FastifyInstance,
  _context: ModuleContext,
): Promise<void> {}
