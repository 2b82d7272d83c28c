import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { networkRepository } from './repository.js';
import { type NetworkPageSection, networkService } from './service.js';
import { DirectoryPage, NetworkPage } from './views/pages.js';

/** A later module's block on the public page (public sparks, upcoming public meetings…). */
export type PublicSectionProvider = (
  networkId: number,
  request: FastifyRequest,
) => Promise<NetworkPageSection | null>;

export interface NetworkDeps {
  db: Database;
  sections?: PublicSectionProvider[];
}

export async function networkRoutes(app: FastifyInstance, deps: NetworkDeps): Promise<void> {
  const service = networkService(networkRepository(deps.db));
  const open = { config: { policy: 'public' } };

  app.get('/buurten', open, async (_request, reply) => {
    const vm = await service.directory();
    return reply.page((ctx) => <DirectoryPage ctx={ctx} vm={vm} />);
  });

  app.get<{ Params: { slug: string } }>('/buurt/:slug', open, async (request, reply) => {
    const found = await service.publicPage(request.params.slug);
    if (!found) return reply.callNotFound();
    const sections = await Promise.all(
      (deps.sections ?? []).map((s) => s(found.networkId, request)),
    );
    const vm = { ...found, sections: sections.filter((s) => s !== null) };
    return reply.page((ctx) => <NetworkPage ctx={ctx} vm={vm} />);
  });
}
