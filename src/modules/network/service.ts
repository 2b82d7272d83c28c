// The public side of networks: the directory (/buurten) and a network's public page
// (/buurt/:slug), with the members who chose to be listed (from the people module's face).
import type { PeopleDirectory } from '../people/index.js';
import {
  type DirectoryModel,
  groupNetworks,
  type NetworkPageModel,
  presentNetworkPage,
} from './presenters.js';
import type { NetworkRepository } from './repository.js';

/**
 * The directory and public pages. `people` is the people module's directory (through its
 * face): the members who chose to be listed.
 */
export function networkService(
  repo: NetworkRepository,
  people: Pick<PeopleDirectory, 'listListedMembers'>,
) {
  return {
    async directory(): Promise<DirectoryModel> {
      const listed = (await repo.listNetworksWithPlaces()).filter((n) => n.isPublic);
      return { regions: groupNetworks(listed) };
    },

    /** The public page of the network at /buurt/:slug; undefined when there is none. */
    async publicPage(slug: string): Promise<NetworkPageModel | undefined> {
      const network = await repo.findNetworkBySlug(slug);
      // A network that is not public has no public page (its members use /netwerk/:id).
      if (!network?.isPublic) return undefined;
      const [organisations, listed] = await Promise.all([
        repo.listNetworkOrganisations(network.id),
        people.listListedMembers(network.id),
      ]);
      // Members' organisations are nearly always the network's own; others are looked up.
      const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
      const others = await repo.findOrganisationNames(
        listed.flatMap((m) =>
          m.organisationId === null || organisationNames.has(m.organisationId)
            ? []
            : [m.organisationId],
        ),
      );
      for (const [id, name] of others) organisationNames.set(id, name);
      const members = listed.map((m) => ({
        ...m,
        organisationName:
          m.organisationId === null ? null : (organisationNames.get(m.organisationId) ?? null),
      }));
      return presentNetworkPage(network, organisations, members);
    },
  };
}
