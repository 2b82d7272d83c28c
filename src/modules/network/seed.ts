// The demo's places: a fictional region with two municipalities, three neighbourhood
// networks and their organisations (the cast in src/demo/cast.ts). The people of the demo,
// their memberships and leader scopes come from the people module's seed, which runs after
// this one.
import type { Database } from '../../db/client.js';
import {
  type DemoNetwork,
  MUNICIPALITIES,
  type MunicipalityKey,
  NETWORKS,
  type NetworkKey,
  ORGANISATIONS,
  type OrganisationKey,
  REGION,
} from '../../demo/cast.js';
import { networkRepository } from './repository.js';

/**
 * Loads the demo's places and organisations into an empty database, in one transaction.
 * Calling it again does nothing: the demo region is there already.
 */
export async function seedNetworkDemo(db: Database): Promise<void> {
  if (await networkRepository(db).findRegionBySlug(REGION.slug)) return;
  await db.transaction(async (tx) => {
    const repo = networkRepository(tx);
    const regionId = await repo.insertRegion(REGION);

    const municipalityIds = {} as Record<MunicipalityKey, number>;
    for (const [key, m] of Object.entries(MUNICIPALITIES) as [
      MunicipalityKey,
      { name: string; slug: string },
    ][]) {
      municipalityIds[key] = await repo.insertMunicipality({ regionId, ...m });
    }

    const networkIds = {} as Record<NetworkKey, number>;
    for (const [key, n] of Object.entries(NETWORKS) as [NetworkKey, DemoNetwork][]) {
      const areaId = await repo.insertArea({
        municipalityId: municipalityIds[n.municipality],
        ...n.area,
      });
      networkIds[key] = await repo.insertNetwork({
        areaId,
        name: n.name,
        description: n.description,
        contactEmail: n.contactEmail,
        contactPhone: n.contactPhone,
        contactAddress: n.contactAddress,
      });
    }

    for (const [, o] of Object.entries(ORGANISATIONS) as [
      OrganisationKey,
      (typeof ORGANISATIONS)[OrganisationKey],
    ][]) {
      const organisationId = await repo.insertOrganisation({ name: o.name, type: o.type });
      for (const network of o.networks) {
        await repo.insertNetworkOrganisation(networkIds[network], organisationId);
      }
    }
  });
}
