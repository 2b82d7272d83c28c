// CSRF protection: every state-changing request carries a token from one of our own forms,
// in the form body (so forms work without JavaScript); GET never changes state.
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

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
    app.csrfProtection(request, reply, done);
  });
}
