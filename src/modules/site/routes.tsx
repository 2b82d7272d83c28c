import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/client.js';
import { AccessibilityPage, HomePage, PrivacyPage } from './views/pages.js';

export interface SiteDeps {
  database: Pick<DatabaseHandle, 'ping'>;
}

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const open = { config: { policy: 'public' } };
  app.get('/', open, (_request, reply) => reply.page((ctx) => <HomePage ctx={ctx} />));
  app.get('/toegankelijkheid', open, (_request, reply) =>
    reply.page((ctx) => <AccessibilityPage ctx={ctx} />),
  );
  app.get('/privacy', open, (_request, reply) => reply.page((ctx) => <PrivacyPage ctx={ctx} />));

  // For load balancers and monitoring: answers 200 only when the database answers.
  app.get(
    '/healthz',
    { config: { policy: 'public' }, logLevel: 'warn' },
    async (request, reply) => {
      try {
        await deps.database.ping();
        return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
      } catch (error) {
        request.log.error({ err: error }, 'health check: database does not answer');
        return reply
          .code(503)
          .header('cache-control', 'no-store')
          .send({ status: 'error', database: 'unavailable' });
      }
    },
  );
}
