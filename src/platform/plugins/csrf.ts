// CSRF protection: every state-changing request carries a token from one of our own forms,
// in the form body (so forms work without JavaScript); GET never changes state.
// The secret (a signed cookie) is made only when a page shows a form that needs a token, so a
// visitor without cookies gets none on pages without such a form (decision 0016). A route
// whose post changes only a preference of this browser (the language switch) names
// `config.csrf: 'exempt'`; every other post is checked.
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'exempt': posts to this route need no CSRF token. Only for a post that changes nothing
     * but a preference of the browser itself (a cookie), never data on the server.
     */
    csrf?: 'exempt';
  }
}

export async function registerCsrf(
  app: FastifyInstance,
  options: { secure: boolean },
): Promise<void> {
  await app.register(fastifyCsrf, {
    cookieKey: 'csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      signed: true,
    },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  // No state changes without a valid token from one of our own forms.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
      return done();
    }
    if (request.routeOptions.config.csrf === 'exempt') return done();
    app.csrfProtection(request, reply, done);
  });
}
