// All SQL of the network module: places (regions, municipalities, areas), networks and their
// organisations. Also the inserts the demo needs.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  type areaKind,
  areas,
  municipalities,
  networkOrganisations,
  networks,
  organisations,
  type organisationType,
  regions,
} from './tables.js';

export type AreaKind = (typeof areaKind.enumValues)[number];
export type OrganisationType = (typeof organisationType.enumValues)[number];

/** A network with the places it belongs to: what a directory or a page header needs. */
export interface NetworkWithPlace {
  id: number;
  name: string;
  description: string;
  areaId: number;
  areaName: string;
  areaKind: AreaKind;
  /** The area's slug is the network's address: /buurt/:slug. */
  slug: string;
  municipalityId: number;
  municipalityName: string;
  regionId: number;
  regionName: string;
}

export interface NetworkDetails extends NetworkWithPlace {
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  /** Listed in /buurten with a public page; otherwise for its members only. */
  isPublic: boolean;
}

export interface NetworkOrganisation {
  id: number;
  name: string;
  type: OrganisationType;
  website: string | null;
}

/** A network's name, address and place: what another module needs to show or scope it. */
export interface NetworkSummary {
  id: number;
  name: string;
  /** The area's slug: the network's public address /buurt/:slug. */
  slug: string;
  municipalityId: number;
  regionId: number;
}

const placeColumns = {
  id: networks.id,
  name: networks.name,
  description: networks.description,
  areaId: areas.id,
  areaName: areas.name,
  areaKind: areas.kind,
  slug: areas.slug,
  municipalityId: municipalities.id,
  municipalityName: municipalities.name,
  regionId: regions.id,
  regionName: regions.name,
};

const detailColumns = {
  ...placeColumns,
  contactEmail: networks.contactEmail,
  contactPhone: networks.contactPhone,
  contactAddress: networks.contactAddress,
  isPublic: networks.isPublic,
};

export function networkRepository(db: Executor) {
  const withPlaces = () =>
    db
      .select(detailColumns)
      .from(networks)
      .innerJoin(areas, eq(networks.areaId, areas.id))
      .innerJoin(municipalities, eq(areas.municipalityId, municipalities.id))
      .innerJoin(regions, eq(municipalities.regionId, regions.id));

  return {
    /** Every network with its area, municipality and region, by region, municipality, area. */
    async listNetworksWithPlaces(): Promise<NetworkDetails[]> {
      return withPlaces().orderBy(asc(regions.name), asc(municipalities.name), asc(areas.name));
    },

    /** The network of the area with this slug. */
    async findNetworkBySlug(slug: string): Promise<NetworkDetails | undefined> {
      const rows = await withPlaces().where(eq(areas.slug, slug)).limit(1);
      return rows[0];
    },

    async findNetworkById(id: number): Promise<NetworkDetails | undefined> {
      const rows = await withPlaces().where(eq(networks.id, id)).limit(1);
      return rows[0];
    },

    async listNetworkOrganisations(networkId: number): Promise<NetworkOrganisation[]> {
      return db
        .select({
          id: organisations.id,
          name: organisations.name,
          type: organisations.type,
          website: organisations.website,
        })
        .from(networkOrganisations)
        .innerJoin(organisations, eq(networkOrganisations.organisationId, organisations.id))
        .where(eq(networkOrganisations.networkId, networkId))
        .orderBy(asc(organisations.name));
    },

    /** Networks by id, with their slug and place; unknown ids are left out. */
    async listNetworkSummaries(ids: number[]): Promise<NetworkSummary[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      return db
        .select({
          id: networks.id,
          name: networks.name,
          slug: areas.slug,
          municipalityId: areas.municipalityId,
          regionId: municipalities.regionId,
        })
        .from(networks)
        .innerJoin(areas, eq(networks.areaId, areas.id))
        .innerJoin(municipalities, eq(areas.municipalityId, municipalities.id))
        .where(inArray(networks.id, unique));
    },

    /** Networks in any of these municipalities or regions, by name: `{ id, name }[]`. */
    async listNetworksInScope(
      municipalityIds: number[],
      regionIds: number[],
    ): Promise<Array<{ id: number; name: string }>> {
      if (municipalityIds.length === 0 && regionIds.length === 0) return [];
      return db
        .select({ id: networks.id, name: networks.name })
        .from(networks)
        .innerJoin(areas, eq(networks.areaId, areas.id))
        .innerJoin(municipalities, eq(areas.municipalityId, municipalities.id))
        .where(
          or(
            municipalityIds.length > 0 ? inArray(areas.municipalityId, municipalityIds) : undefined,
            regionIds.length > 0 ? inArray(municipalities.regionId, regionIds) : undefined,
          ),
        )
        .orderBy(asc(networks.name));
    },

    /** Organisation names by id (any network's); unknown ids are left out. */
    async findOrganisationNames(ids: number[]): Promise<Map<number, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async findMunicipalityBySlug(slug: string): Promise<{ id: number; name: string } | undefined> {
      const rows = await db
        .select({ id: municipalities.id, name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.slug, slug))
        .limit(1);
      return rows[0];
    },

    async findRegionBySlug(slug: string): Promise<{ id: number; name: string } | undefined> {
      const rows = await db
        .select({ id: regions.id, name: regions.name })
        .from(regions)
        .where(eq(regions.slug, slug))
        .limit(1);
      return rows[0];
    },

    async insertRegion(values: { name: string; slug: string }): Promise<number> {
      const [row] = await db.insert(regions).values(values).returning({ id: regions.id });
      return row!.id;
    },

    async insertMunicipality(values: {
      regionId: number;
      name: string;
      slug: string;
    }): Promise<number> {
      const [row] = await db
        .insert(municipalities)
        .values(values)
        .returning({ id: municipalities.id });
      return row!.id;
    },

    async insertArea(values: {
      municipalityId: number;
      name: string;
      kind: AreaKind;
      slug: string;
    }): Promise<number> {
      const [row] = await db.insert(areas).values(values).returning({ id: areas.id });
      return row!.id;
    },

    async insertNetwork(values: {
      areaId: number;
      name: string;
      description: string;
      contactEmail?: string | null;
      contactPhone?: string | null;
      contactAddress?: string | null;
      isPublic?: boolean;
    }): Promise<number> {
      const [row] = await db.insert(networks).values(values).returning({ id: networks.id });
      return row!.id;
    },

    async insertOrganisation(values: {
      name: string;
      type: OrganisationType;
      website?: string | null;
    }): Promise<number> {
      const [row] = await db
        .insert(organisations)
        .values(values)
        .returning({ id: organisations.id });
      return row!.id;
    },

    async insertNetworkOrganisation(networkId: number, organisationId: number): Promise<void> {
      await db.insert(networkOrganisations).values({ networkId, organisationId });
    },
  };
}

export type NetworkRepository = ReturnType<typeof networkRepository>;

export interface RegionRow {
  id: number;
  name: string;
  slug: string;
}
export interface MunicipalityRow extends RegionRow {
  regionId: number;
}
export interface AreaRow extends RegionRow {
  municipalityId: number;
  kind: AreaKind;
}
export interface OrganisationRow {
  id: number;
  name: string;
  type: OrganisationType;
  website: string | null;
  /** The networks it takes part in. */
  networkIds: number[];
}
/** What an administrator or coordinator edits of a network. */
export interface NetworkEdit {
  name: string;
  description: string;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  isPublic: boolean;
}

/**
 * The administration of places, networks and organisations (the admin module's screens and
 * the command line's import): lists, finds, inserts and updates. Slugs are unique per table.
 */
export function placesAdminRepository(db: Executor) {
  return {
    async listRegions(): Promise<RegionRow[]> {
      return db
        .select({ id: regions.id, name: regions.name, slug: regions.slug })
        .from(regions)
        .orderBy(asc(regions.name));
    },
    async listMunicipalities(): Promise<MunicipalityRow[]> {
      return db
        .select({
          id: municipalities.id,
          name: municipalities.name,
          slug: municipalities.slug,
          regionId: municipalities.regionId,
        })
        .from(municipalities)
        .orderBy(asc(municipalities.name));
    },
    async listAreas(): Promise<AreaRow[]> {
      return db
        .select({
          id: areas.id,
          name: areas.name,
          slug: areas.slug,
          kind: areas.kind,
          municipalityId: areas.municipalityId,
        })
        .from(areas)
        .orderBy(asc(areas.name));
    },
    async listOrganisations(): Promise<OrganisationRow[]> {
      const rows = await db
        .select({
          id: organisations.id,
          name: organisations.name,
          type: organisations.type,
          website: organisations.website,
          networkIds: sql<number[]>`coalesce((
            select json_agg(${networkOrganisations.networkId} order by ${networkOrganisations.networkId})
            from ${networkOrganisations}
            where ${networkOrganisations.organisationId} = ${organisations.id}), '[]'::json)`,
        })
        .from(organisations)
        .orderBy(asc(organisations.name));
      return rows.map((r) => ({ ...r, networkIds: r.networkIds.map(Number) }));
    },
    /** Every network with its place, public or not, by region, municipality and area. */
    listNetworks: () =>
      db
        .select(detailColumns)
        .from(networks)
        .innerJoin(areas, eq(networks.areaId, areas.id))
        .innerJoin(municipalities, eq(areas.municipalityId, municipalities.id))
        .innerJoin(regions, eq(municipalities.regionId, regions.id))
        .orderBy(asc(regions.name), asc(municipalities.name), asc(areas.name)),

    async findRegion(id: number): Promise<RegionRow | undefined> {
      return (await db.select().from(regions).where(eq(regions.id, id)))[0];
    },
    async findMunicipality(id: number): Promise<MunicipalityRow | undefined> {
      return (await db.select().from(municipalities).where(eq(municipalities.id, id)))[0];
    },
    async findArea(id: number): Promise<AreaRow | undefined> {
      return (await db.select().from(areas).where(eq(areas.id, id)))[0];
    },
    async findOrganisation(id: number): Promise<OrganisationRow | undefined> {
      return (await this.listOrganisations()).find((o) => o.id === id);
    },
    async findOrganisationByName(name: string): Promise<{ id: number } | undefined> {
      const rows = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(sql`lower(${organisations.name}) = lower(${name})`)
        .limit(1);
      return rows[0];
    },
    async findRegionIdBySlug(slug: string): Promise<number | undefined> {
      return (await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug)))[0]
        ?.id;
    },
    async findMunicipalityIdBySlug(slug: string): Promise<number | undefined> {
      return (
        await db
          .select({ id: municipalities.id })
          .from(municipalities)
          .where(eq(municipalities.slug, slug))
      )[0]?.id;
    },
    async findAreaIdBySlug(slug: string): Promise<number | undefined> {
      return (await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug)))[0]?.id;
    },
    /** The network of an area, if it has one. */
    async findNetworkIdOfArea(areaId: number): Promise<number | undefined> {
      return (
        await db.select({ id: networks.id }).from(networks).where(eq(networks.areaId, areaId))
      )[0]?.id;
    },
    /** Whether a slug is taken in a table by another row than `exceptId`. */
    async slugTaken(
      table: 'regions' | 'municipalities' | 'areas',
      slug: string,
      exceptId?: number,
    ): Promise<boolean> {
      const t = table === 'regions' ? regions : table === 'municipalities' ? municipalities : areas;
      const rows = await db
        .select({ id: t.id })
        .from(t)
        .where(
          and(eq(t.slug, slug), exceptId === undefined ? undefined : sql`${t.id} <> ${exceptId}`),
        );
      return rows.length > 0;
    },

    async updateRegion(id: number, values: { name: string; slug: string }): Promise<void> {
      await db.update(regions).set(values).where(eq(regions.id, id));
    },
    async updateMunicipality(
      id: number,
      values: { name: string; slug: string; regionId: number },
    ): Promise<void> {
      await db.update(municipalities).set(values).where(eq(municipalities.id, id));
    },
    async updateArea(
      id: number,
      values: { name: string; slug: string; kind: AreaKind; municipalityId: number },
    ): Promise<void> {
      await db.update(areas).set(values).where(eq(areas.id, id));
    },
    async updateNetwork(id: number, values: NetworkEdit): Promise<void> {
      await db.update(networks).set(values).where(eq(networks.id, id));
    },
    async updateOrganisation(
      id: number,
      values: { name: string; type: OrganisationType; website: string | null },
    ): Promise<void> {
      await db.update(organisations).set(values).where(eq(organisations.id, id));
    },
    /** Sets the networks an organisation takes part in to exactly `networkIds`. */
    async setOrganisationNetworks(organisationId: number, networkIds: number[]): Promise<void> {
      await db
        .delete(networkOrganisations)
        .where(eq(networkOrganisations.organisationId, organisationId));
      if (networkIds.length > 0) {
        await db
          .insert(networkOrganisations)
          .values([...new Set(networkIds)].map((networkId) => ({ networkId, organisationId })));
      }
    },
    /** Adds links that are not there yet (the import adds, it never removes). */
    async addOrganisationNetworks(organisationId: number, networkIds: number[]): Promise<void> {
      if (networkIds.length === 0) return;
      await db
        .insert(networkOrganisations)
        .values([...new Set(networkIds)].map((networkId) => ({ networkId, organisationId })))
        .onConflictDoNothing();
    },
  };
}

export type PlacesAdminRepository = ReturnType<typeof placesAdminRepository>;
