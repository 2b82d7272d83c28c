// Absolute links (in mail, letters and calendar feeds): the one place that decides the
// site's own address.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * The site's address without a trailing slash, for absolute links: always the configured
 * PUBLIC_URL (in development the listening address), never the request's Host or
 * X-Forwarded-Host header — those are chosen by whoever sends the request (issue 9, item 1).
 * `request` is kept in the signature for the callers; it is not read.
 */
export function baseUrl(config: Pick<Config, 'publicUrl'>, _request?: FastifyRequest): string {
  return config.publicUrl.replace(/\/+$/, '');
}
