import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';

export interface SparksDeps {
  db: Database;
  config: Config;
}

export async function sparksRoutes(_app: FastifyInstance, _deps: SparksDeps): Promise<void> {}
