// A store for @fastify/rate-limit that keeps its counters in the database, so limits hold
// across several app processes and survive a restart.
import { createHmac } from 'node:crypto';
import type { PlatformRepository } from './repository.js';

/**
 * Rate-limit keys hold addresses and account names; the table keeps only a keyed hash of
 * them, so it holds no personal data and an erased person leaves nothing there.
 */
export function rateLimitKeys(secret: string) {
  return (key: string) =>
    createHmac('sha256', `${secret}:rate-limit`).update(key).digest('base64url');
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface StoreOptions {
  timeWindow?: unknown;
  groupId?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

export function databaseRateLimitStore(
  repository: PlatformRepository,
  hashKey: (key: string) => string,
) {
  let calls = 0;
  return class DatabaseRateLimitStore {
    private readonly prefix: string;
    private readonly windowMs: number;

    constructor(options: StoreOptions = {}, prefix = '') {
      this.prefix = prefix;
      this.windowMs = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
    }

    incr(key: string, callback: Callback, timeWindow?: number): void {
      // Now and then, clear counters whose window has passed.
      if (++calls % 500 === 0) repository.deleteExpiredRateLimits().catch(() => {});
      repository
        .incrementRateLimit(hashKey(`${this.prefix}${key}`), timeWindow ?? this.windowMs)
        .then(({ count, resetAt }) =>
          callback(null, { current: count, ttl: Math.max(0, resetAt.getTime() - Date.now()) }),
        )
        .catch((error: Error) => callback(error));
    }

    /** Each route (or group of routes) counts on its own. */
    child(options: StoreOptions) {
      const route = options.groupId ?? `${options.routeInfo?.method} ${options.routeInfo?.url}`;
      return new DatabaseRateLimitStore(options, `${route}|`);
    }
  };
}
