// Absolute links (in mail, letters and calendar feeds): the one place that decides the
// site's own address.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * The site's address without a trailing slash, for absolute links: PUBLIC_URL when set,
 * else the address the request came in on (development only; see issue 9 for production).
 */
export function baseUrl(config: Pick<Config, 'publicUrl'>, request: FastifyRequest): string {
  return config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}
