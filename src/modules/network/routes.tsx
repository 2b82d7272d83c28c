import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { networkRepository } from './repository.js';
import { networkService } from './service.js';
import { DirectoryPage, NetworkPage } from './views/pages.js';

export interface NetworkDeps {
  db: Database;
}

export async function networkRoutes(app: FastifyInstance, deps: NetworkDeps): Promise<void> {
  const service = networkService(networkRepository(deps.db));
  const open = { config: { policy: 'public' } };

  app.get('/buurten', open, async (_request, reply) => {
    const vm = await service.directory();
    return reply.page((ctx) => <DirectoryPage ctx={ctx} vm={vm} />);
  });

  app.get<{ Params: { slug: string } }>('/buurt/:slug', open, async (request, reply) => {
    const vm = await service.publicPage(request.params.slug);
    if (!vm) return reply.callNotFound();
    return reply.page((ctx) => <NetworkPage ctx={ctx} vm={vm} />);
  });
}
