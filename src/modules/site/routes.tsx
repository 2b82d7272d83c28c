import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/client.js';
import { staticView } from '../../platform/pages.js';
import { AccessibilityPage, HomePage, PrivacyPage } from './views/pages.js';

export interface SiteDeps {
  database: Pick<DatabaseHandle, 'ping'>;
}

// These pages show nothing but their text: rendered once per language and visitor kind.
const home = staticView((ctx) => <HomePage ctx={ctx} />);
const accessibility = staticView((ctx) => <AccessibilityPage ctx={ctx} />);
const privacy = staticView((ctx) => <PrivacyPage ctx={ctx} />);

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const open = { config: { policy: 'public' } };
  app.get('/', open, (_request, reply) => reply.page(home));
  app.get('/toegankelijkheid', open, (_request, reply) => reply.page(accessibility));
  app.get('/privacy', open, (_request, reply) => reply.page(privacy));

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
