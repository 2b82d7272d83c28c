// Access: who is asking (the actor, resolved from the session by the people module) and the
// rule every route names in `config.policy`:
//   'public'   anyone;
//   'signedIn' anyone signed in (others are sent to the login page);
//   'check'    signed in, and the handler must call request.authorize(...) with its module's
//              policy before it answers — a response that skipped it is refused (500), so a
//              forgotten check fails loudly in every test instead of leaking data.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { type Actor, isMemberOf } from './actor.js';
import { recordAudit } from './audit.js';
import type { MessageKey } from './i18n/index.js';

export const policies = ['public', 'signedIn', 'check'] as const;
export type Policy = (typeof policies)[number];

export interface DeniedEvent {
  action: string;
  objectType?: string;
  objectId?: string | number;
  networkId?: number | null;
  /** 404 hides that the object exists (objects of other networks); 403 for known pages. */
  status?: 403 | 404;
  /**
   * A 403 for a page of the actor's own network that their role does not open: the error
   * page says so and links back to the network's start page.
   */
  ownNetworkId?: number;
  /**
   * For a 404 where the address may have worked a moment ago (an item someone else just
   * decided): what the error page says instead of "this page does not exist", and a way
   * back. It must read the same for an object that never was there (another network's).
   */
  gone?: { body: MessageKey; back: { href: string; label: MessageKey } };
}

/**
 * A refusal, answered by the error page. `ownNetworkId`: the actor is a member of that
 * network but lacks the role for the page (403 with a way back).
 */
export class AccessDenied extends Error {
  readonly statusCode: number;
  readonly ownNetworkId: number | undefined;
  readonly gone: DeniedEvent['gone'];
  constructor(status: 403 | 404, ownNetworkId?: number, gone?: DeniedEvent['gone']) {
    super(status === 404 ? 'Not Found' : 'Forbidden');
    this.statusCode = status;
    this.ownNetworkId = status === 403 ? ownNetworkId : undefined;
    this.gone = status === 404 ? gone : undefined;
  }
}

/** A route as registered: what the route audit test checks (every route names a policy). */
export interface RouteRecord {
  method: string;
  url: string;
  policy: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after recordRoutes(app), with the policy it names. */
    routeList: readonly RouteRecord[];
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    authorized: boolean;
    /** Applies a policy decision; when refused, writes the audit log and answers 403/404. */
    authorize(allowed: boolean, event: DeniedEvent): Promise<void>;
    /**
     * Refuses: writes the audit log and answers 403/404 (it always throws). Its type lets a
     * handler write `if (!found) return request.deny(…)` and use `found` afterwards.
     */
    deny(event: DeniedEvent): Promise<never>;
  }
}

export interface AccessOptions {
  db: Database;
  resolveActor: (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | undefined>;
  loginPath: string;
}

/**
 * Keeps a list of every route and the policy it names, so a test can fail when a route names
 * none. Call it first, before any plugin or route is registered.
 */
export function recordRoutes(app: FastifyInstance): void {
  const list: RouteRecord[] = [];
  app.decorate('routeList', list);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      list.push({ method, url: route.url, policy: route.config?.policy });
    }
  });
}

export function registerAccess(app: FastifyInstance, options: AccessOptions): void {
  async function deny(request: FastifyRequest, event: DeniedEvent): Promise<never> {
    await recordAudit(options.db, {
      actorId: request.actor?.personId ?? null,
      action: event.action,
      result: 'denied',
      objectType: event.objectType,
      objectId: event.objectId,
      networkId: event.networkId,
      origin: request.ip,
      detail: `${request.method} ${request.routeOptions.url ?? ''}`,
    });
    throw new AccessDenied(event.status ?? 403, event.ownNetworkId, event.gone);
  }
  app.decorateRequest('actor', undefined);
  app.decorateRequest('authorized', false);
  app.decorateRequest('authorize', async function (this: FastifyRequest, allowed, event) {
    if (allowed) {
      this.authorized = true;
      return;
    }
    await deny(this, event);
  });
  app.decorateRequest('deny', function (this: FastifyRequest, event: DeniedEvent) {
    return deny(this, event);
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = await options.resolveActor(request, reply);
  });

  app.addHook('preHandler', async (request, reply) => {
    const policy = request.routeOptions.config.policy;
    if (policy === 'public' || policy === undefined) return;
    if (!request.actor) {
      if (request.method === 'GET') {
        // The access decision is made: visitors go to the login page first.
        request.authorized = true;
        const back = encodeURIComponent(request.url);
        return reply.redirect(`${options.loginPath}?terug=${back}`, 303);
      }
      await recordAudit(options.db, {
        actorId: null,
        action: 'access.anonymous',
        result: 'denied',
        origin: request.ip,
        detail: `${request.method} ${request.routeOptions.url ?? ''}`,
      });
      throw new AccessDenied(403);
    }
    if (policy === 'signedIn') request.authorized = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.policy !== 'check') return payload;
    if (request.authorized || reply.statusCode >= 400) return payload;
    request.log.error({ route: request.routeOptions.url }, 'route answered without a policy check');
    reply.code(500).header('content-type', 'text/plain; charset=utf-8');
    return 'Internal Server Error';
  });
}

/**
 * Throws the plain 404 of a public page (nothing to audit: anyone may ask for any address).
 * The error page (errors.tsx) renders it.
 */
export function notFound(): never {
  throw Object.assign(new Error('Not Found'), { statusCode: 404 });
}

/** A database id in a URL: a positive 32-bit integer, or nothing. */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The one rule for refusals (issue 9, item 9), used by every member page:
 *   - an unknown network, or one the actor is not a member of → 404 (its existence, and
 *     what is in it, is not revealed);
 *   - a page of the actor's own network that their role does not open → 403, with a
 *     sentence on the error page that says so and a link back to the network.
 * Objects inside a network that the actor may not know exist (another network's, or a
 * person-bound signal) are answered 404 by findInNetworkOr404 / request.deny.
 */
export function refusalFor(actor: Actor | undefined, networkId: number): 403 | 404 {
  return isMemberOf(actor, networkId) ? 403 : 404;
}

/**
 * The network named by `:networkId` in the URL, when the actor may do `action` there; else
 * refused by the rule of `refusalFor` (404 outside the actor's networks, 403 with a helpful
 * sentence inside them), audited.
 */
export async function networkFromUrl<N extends { id: number }>(
  request: FastifyRequest,
  action: string,
  find: (id: number) => Promise<N | undefined>,
  allowed: (networkId: number) => boolean,
): Promise<N> {
  const parsed = idParam.safeParse((request.params as { networkId?: string }).networkId);
  const network = parsed.success ? await find(parsed.data) : undefined;
  if (!network) return request.deny({ action, objectType: 'network', status: 404 });
  const status = refusalFor(request.actor, network.id);
  await request.authorize(allowed(network.id), {
    action,
    objectType: 'network',
    objectId: network.id,
    networkId: network.id,
    status,
    ...(status === 403 ? { ownNetworkId: network.id } : {}),
  });
  return network;
}

/**
 * An object of the current network, by the id in URL parameter `param`; when the id is not a
 * valid id or `find` (which must look only within the network) finds nothing, the refusal
 * is audited and answered 404 — other networks' objects are not revealed to exist.
 */
export async function findInNetworkOr404<T>(
  request: FastifyRequest,
  param: string,
  find: (id: number) => Promise<T | undefined>,
  event: { action: string; objectType: string; networkId: number },
): Promise<T> {
  const raw = (request.params as Record<string, string | undefined>)[param];
  const parsed = idParam.safeParse(raw);
  const found = parsed.success ? await find(parsed.data) : undefined;
  if (found === undefined) {
    return request.deny({ ...event, objectId: String(raw ?? '').slice(0, 40), status: 404 });
  }
  return found;
}
