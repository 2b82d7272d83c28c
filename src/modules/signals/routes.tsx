import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';

export interface SignalsDeps {
  db: Database;
  config: Config;
}

export async function signalsRoutes(_app: FastifyInstance, _deps: SignalsDeps): Promise<void> {}
