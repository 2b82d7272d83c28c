// The directory of networks and each network's public page.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module.js';
import { peopleModule } from '../people/index.js';
import { networkRepository } from './repository.js';
import { networkService } from './service.js';
import { DirectoryPage, NetworkPage } from './views/pages.js';

export async function networkRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = networkService(
    networkRepository(context.db),
    peopleModule.api.directory(context.db),
  );
  const open = { config: { policy: 'public' } };

  app.get('/buurten', open, async (_request, reply) => {
    const vm = await service.directory();
    return reply.page((ctx) => <DirectoryPage ctx={ctx} vm={vm} />);
  });

  app.get<{ Params: { slug: string } }>('/buurt/:slug', open, async (request, reply) => {
    const found = await service.publicPage(request.params.slug);
    if (!found) return reply.callNotFound();
    const network = { id: found.networkId, name: found.name, slug: request.params.slug };
    const sections = await Promise.all(
      context.publicSections.map((section) => section(context.db, network, request)),
    );
    const vm = { ...found, sections: sections.filter((s) => s !== null) };
    return reply.page((ctx) => <NetworkPage ctx={ctx} vm={vm} />);
  });
}
