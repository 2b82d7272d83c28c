import type { FastifyInstance } from 'fastify';
import type { Database, DatabaseHandle } from '../../db/client.js';
import { staticView } from '../../platform/pages.js';
import { readLegalSettings, readPlatformSettings } from '../../platform/settings.js';
import { presentLegal } from './presenters.js';
import { AccessibilityPage, HomePage, PrivacyPage } from './views/pages.js';

export interface SiteDeps {
  database: Pick<DatabaseHandle, 'ping'>;
  db: Database;
}

// The home page shows nothing but its text: rendered once per language and visitor kind.
const home = staticView((ctx) => <HomePage ctx={ctx} />);

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const open = { config: { policy: 'public' } };
  app.get('/', open, (_request, reply) => reply.page(home));

  // The statements are the platform's text with the organisation's settings (/beheer).
  async function legal(lang: 'nl' | 'en') {
    const [settings, statements] = await Promise.all([
      readPlatformSettings(deps.db),
      readLegalSettings(deps.db),
    ]);
    return presentLegal(settings, statements, lang);
  }
  app.get('/toegankelijkheid', open, async (request, reply) => {
    const vm = (await legal(request.lang)).accessibility;
    return reply.page((ctx) => <AccessibilityPage ctx={ctx} vm={vm} />);
  });
  app.get('/privacy', open, async (request, reply) => {
    const vm = (await legal(request.lang)).privacy;
    return reply.page((ctx) => <PrivacyPage ctx={ctx} vm={vm} />);
  });

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
