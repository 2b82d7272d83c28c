// Rate limits with counters in the database (they hold across restarts and processes).
// Every form post is limited per address unless its route sets its own limit.
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { databaseRateLimitStore, rateLimitKeys } from '../rate-limit.js';
import type { PlatformRepository } from '../repository.js';

/** Posts per address per minute for routes without a limit of their own. */
export const DEFAULT_POST_LIMIT = { max: 60, timeWindow: 60_000 };

export async function registerRateLimits(
  app: FastifyInstance,
  options: { platform: PlatformRepository; keySecret: string },
): Promise<void> {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.includes('POST') && route.config?.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: DEFAULT_POST_LIMIT };
    }
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // The plugin's types describe child() differently from what it passes at run time.
    store: databaseRateLimitStore(
      options.platform,
      rateLimitKeys(options.keySecret),
    ) as unknown as FastifyRateLimitStoreCtor,
    skipOnError: false,
  });
}
