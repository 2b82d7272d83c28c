// Places and networks: regions, municipalities, areas, their neighbourhood networks and
// organisations, and each network's public page with the blocks other modules add to it.
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client.js';
import { networkFromUrl, notFound } from '../../platform/access.js';
import type { Actor } from '../../platform/actor.js';
import type { ModuleManifest } from '../../platform/module.js';
import { networkMessages } from './messages.js';
import { type NetworkDetails, networkRepository, placesAdminRepository } from './repository.js';
import { networkRoutes } from './routes.js';
import { seedNetworkDemo } from './seed.js';
import * as tables from './tables.js';

export type {
  AreaKind,
  AreaRow,
  MunicipalityRow,
  NetworkDetails,
  NetworkEdit,
  NetworkSummary,
  OrganisationRow,
  OrganisationType,
  RegionRow,
} from './repository.js';

/** The functions other modules may call. */
const api = {
  /** Finds networks (with their area's slug and place) by id or by public slug. */
  networks(db: Executor) {
    const repo = networkRepository(db);
    return { findNetworkById: repo.findNetworkById, findNetworkBySlug: repo.findNetworkBySlug };
  },
  /**
   * The network a request names, for every module's routes.
   * - `inUrl(request, action, can)`: the network of the URL's `:networkId`, if the module's
   *   own policy `can(actor, action, { networkId })` allows `action` there; refused by the
   *   platform's one rule otherwise (404 outside the actor's networks, 403 inside, audited;
   *   see platform/access.ts `refusalFor`).
   * - `bySlug(request)`: the network of the URL's public `:slug`, or a plain 404 (also for a
   *   network that is not public).
   */
  fromRequest(db: Executor) {
    const repo = networkRepository(db);
    return {
      inUrl<A extends string>(
        request: FastifyRequest,
        action: A,
        can: (actor: Actor | undefined, action: A, resource: { networkId: number }) => boolean,
      ): Promise<NetworkDetails> {
        return networkFromUrl(request, action, repo.findNetworkById, (networkId) =>
          can(request.actor, action, { networkId }),
        );
      },
      async bySlug(request: FastifyRequest): Promise<NetworkDetails> {
        const slug = (request.params as { slug?: unknown }).slug;
        const network =
          typeof slug === 'string' && /^[a-z0-9-]{1,100}$/.test(slug)
            ? await repo.findNetworkBySlug(slug)
            : undefined;
        // A network that is not public has no public pages at all (decision 0010).
        return network?.isPublic ? network : notFound();
      },
    };
  },
  /**
   * Names and places of networks, for modules that show or scope them (the people module's
   * memberships, leaders' scopes and invitations; the demo's people).
   */
  places(db: Executor) {
    const repo = networkRepository(db);
    return {
      /** `{ id, name, slug, municipalityId, regionId }` of each known id, in no order. */
      listNetworkSummaries: repo.listNetworkSummaries,
      /** Networks in any of these municipalities or regions, by name. */
      listNetworksInScope: repo.listNetworksInScope,
      /** The organisations of a network, by name: `{ id, name, type, website }[]`. */
      listOrganisationsOf: repo.listNetworkOrganisations,
      /** Organisation names by id, of any network. */
      findOrganisationNames: repo.findOrganisationNames,
      findRegionBySlug: repo.findRegionBySlug,
      findMunicipalityBySlug: repo.findMunicipalityBySlug,
      /** A region by id: `{ id, name, slug }`, or undefined. */
      findRegion: placesAdminRepository(db).findRegion,
      /** A municipality by id: `{ id, name, slug, regionId }`, or undefined. */
      findMunicipality: placesAdminRepository(db).findMunicipality,
    };
  },
  /**
   * Lists, inserts and updates of regions, municipalities, areas, networks and organisations,
   * for the administration screens and the command line's import (the admin module). Takes a
   * transaction too, so an import is saved whole or not at all.
   */
  admin(db: Executor) {
    const repo = networkRepository(db);
    return {
      ...placesAdminRepository(db),
      findNetworkById: repo.findNetworkById,
      insertRegion: repo.insertRegion,
      insertMunicipality: repo.insertMunicipality,
      insertArea: repo.insertArea,
      insertNetwork: repo.insertNetwork,
      insertOrganisation: repo.insertOrganisation,
    };
  },
};

export const networkModule: ModuleManifest<typeof networkMessages, typeof api, typeof tables> = {
  name: 'network',
  tables,
  messages: networkMessages,
  routes: networkRoutes,
  seed: seedNetworkDemo,
  api,
};
