import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';

export interface NetworkDeps {
  db: Database;
}

export async function networkRoutes(_app: FastifyInstance, _deps: NetworkDeps): Promise<void> {}
