// The list of one's notifications: /meldingen (routes come with the header list).
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.js';

export async function listRoutes(_app: FastifyInstance, _context: ModuleContext): Promise<void> {}
