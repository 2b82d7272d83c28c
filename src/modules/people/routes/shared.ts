// What the people routes share: their dependencies, the route options, the session cookie's
// settings and the network of a member page.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../../config.js';
import { networkFromUrl } from '../../../platform/access.js';
import type { Actor } from '../../../platform/actor.js';
import type { ModuleContext } from '../../../platform/module.js';
import { can, type PeopleAction } from '../policy.js';
import type { PeopleService } from '../service/index.js';

export interface PeopleDeps {
  context: ModuleContext;
  /** The people service, built once per app (see index.ts). */
  service: PeopleService;
}

export const open = { config: { policy: 'public' as const } };
export const signedIn = { config: { policy: 'signedIn' as const } };
export const checked = { config: { policy: 'check' as const } };

/** Code entry and password reset: a limit per address, and their own in the service. */
export const loginLimited = {
  config: { policy: 'public' as const, rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
};

/**
 * Signing in: only a flood guard per address here (a community centre shares one address);
 * the service counts failed attempts per account and per address and account.
 */
export const signInLimited = {
  config: { policy: 'public' as const, rateLimit: { max: 600, timeWindow: 15 * 60_000 } },
};

export const passwordField = z.string().min(10, 'form.tooShort|min=10').max(200);

/** The session cookie: HttpOnly, SameSite=Lax, Secure over https, for the absolute timeout. */
export function sessionCookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl?.startsWith('https://') ?? false,
    maxAge: config.sessionAbsoluteHours * 3600,
  };
}

/** The network of a member page, with the people policy applied; otherwise 404. */
export function networkFor(service: PeopleService, request: FastifyRequest, action: PeopleAction) {
  return networkFromUrl(request, action, service.findNetwork, (networkId) =>
    can(request.actor, action, { networkId }),
  );
}

/**
 * The signed-in actor of a route whose policy requires one. The access hook has sent
 * visitors away already; this narrows the type without a `!` (and refuses, audited, if not).
 */
export async function actorOf(request: FastifyRequest): Promise<Actor> {
  if (!request.actor) return request.deny({ action: 'access.anonymous', status: 403 });
  return request.actor;
}
