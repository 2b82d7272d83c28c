// All SQL of the network module: places (regions, municipalities, areas), networks, their
// organisations, and the public side of memberships. Also the inserts the demo needs.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
// Known debt (issue 8, item 4): the demo's people and the listed members still go through
// the people module's tables here; they belong behind the people module's face.
import { leaderScopes, type memberRole, memberships, people } from '../people/tables.js';
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
export type MemberRole = (typeof memberRole.enumValues)[number];

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

/** A member who chose to be listed on the public page. Never holds an email address. */
export interface ListedMember {
  personId: number;
  displayName: string;
  role: MemberRole;
  organisationName: string | null;
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

    /** Members who chose to be listed, leaving out erased people. No emails are selected. */
    async listListedMembers(networkId: number): Promise<ListedMember[]> {
      return db
        .select({
          personId: people.id,
          displayName: people.displayName,
          role: memberships.role,
          organisationName: organisations.name,
        })
        .from(memberships)
        .innerJoin(people, eq(memberships.personId, people.id))
        .leftJoin(organisations, eq(memberships.organisationId, organisations.id))
        .where(
          and(
            eq(memberships.networkId, networkId),
            eq(memberships.listed, true),
            isNull(people.erasedAt),
          ),
        )
        .orderBy(asc(people.displayName));
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

    async insertPerson(values: {
      displayName: string;
      email?: string | null;
      username?: string | null;
      passwordHash?: string | null;
      isAdmin?: boolean;
    }): Promise<number> {
      const [row] = await db.insert(people).values(values).returning({ id: people.id });
      return row!.id;
    },

    async insertMembership(values: {
      personId: number;
      networkId: number;
      role: MemberRole;
      organisationId?: number | null;
      listed: boolean;
    }): Promise<number> {
      const [row] = await db.insert(memberships).values(values).returning({ id: memberships.id });
      return row!.id;
    },

    /** A leader's scope: exactly one of municipality or region. */
    async insertLeaderScope(
      values: { personId: number; municipalityId: number } | { personId: number; regionId: number },
    ): Promise<number> {
      const [row] = await db.insert(leaderScopes).values(values).returning({ id: leaderScopes.id });
      return row!.id;
    },
  };
}

export type NetworkRepository = ReturnType<typeof networkRepository>;
