// All SQL of the network module: places (regions, municipalities, areas), networks and their
// organisations. Also the inserts the demo needs.
import { asc, eq, inArray, or } from 'drizzle-orm';
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
