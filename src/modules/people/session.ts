// The session cookie: a random id (256 bits); the database keeps only its hash.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import type { PeopleService } from './service/index.js';

export const SESSION_COOKIE = 'sid';

export function actorResolver(service: PeopleService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | undefined> => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return undefined;
    const actor = await service.resolveSession(sessionId);
    // An ended or unknown session: forget the cookie too.
    if (!actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return actor;
  };
}
