// Test data built straight into the tables: places, networks and people with roles.
import { randomBytes } from 'node:crypto';
import type { Database } from '#src/db/client.js';
import {
  areas,
  municipalities,
  networkOrganisations,
  networks,
  organisations,
  regions,
} from '#src/modules/network/tables.js';
import { peopleModule } from '#src/modules/people/index.js';
import { leaderScopes, memberships, people } from '#src/modules/people/tables.js';
import type { MemberRole } from '#src/platform/actor.js';

export const TEST_PASSWORD = 'lang-genoeg-wachtwoord-42';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function createRegion(db: Database, name = `Regio ${unique()}`) {
  return (
    await db
      .insert(regions)
      .values({ name, slug: `regio-${unique()}` })
      .returning()
  )[0]!;
}

export async function createMunicipality(
  db: Database,
  regionId: number,
  name = `Gemeente ${unique()}`,
) {
  return (
    await db
      .insert(municipalities)
      .values({ regionId, name, slug: `gemeente-${unique()}` })
      .returning()
  )[0]!;
}

export async function createNetwork(
  db: Database,
  municipalityId: number,
  name = `Buurtnetwerk ${unique()}`,
) {
  const area = (
    await db
      .insert(areas)
      .values({ municipalityId, name: `Wijk ${unique()}`, kind: 'wijk', slug: `wijk-${unique()}` })
      .returning()
  )[0]!;
  const network = (await db.insert(networks).values({ areaId: area.id, name }).returning())[0]!;
  const organisation = (
    await db
      .insert(organisations)
      .values({ name: `Welzijn ${unique()}`, type: 'welfare' })
      .returning()
  )[0]!;
  await db
    .insert(networkOrganisations)
    .values({ networkId: network.id, organisationId: organisation.id });
  return { ...network, slug: area.slug, municipalityId, organisationId: organisation.id };
}

export async function createPerson(
  db: Database,
  options: {
    name?: string;
    email?: string | null;
    username?: string | null;
    isAdmin?: boolean;
    memberOf?: Array<{ networkId: number; role: MemberRole; listed?: boolean }>;
    leaderOf?: { municipalityId?: number; regionId?: number };
  } = {},
) {
  passwordHash ??= peopleModule.api.hashPassword(TEST_PASSWORD);
  const id = unique();
  const person = (
    await db
      .insert(people)
      .values({
        email: options.email === undefined ? `persoon-${id}@test.example` : options.email,
        username: options.username ?? null,
        displayName: options.name ?? `Persoon ${id}`,
        passwordHash: await passwordHash,
        isAdmin: options.isAdmin ?? false,
      })
      .returning()
  )[0]!;
  for (const m of options.memberOf ?? []) {
    await db.insert(memberships).values({
      personId: person.id,
      networkId: m.networkId,
      role: m.role,
      listed: m.listed ?? false,
    });
  }
  if (options.leaderOf) {
    await db.insert(leaderScopes).values({
      personId: person.id,
      municipalityId: options.leaderOf.municipalityId ?? null,
      regionId: options.leaderOf.regionId ?? null,
    });
  }
  return person;
}

/**
 * Four networks for tenancy tests: A (home), B in the same municipality, C in another
 * municipality of the same region, D in another region; and people in every role of A.
 */
export async function createWorld(db: Database) {
  const region = await createRegion(db);
  const otherRegion = await createRegion(db);
  const municipality = await createMunicipality(db, region.id);
  const otherMunicipality = await createMunicipality(db, region.id);
  const farMunicipality = await createMunicipality(db, otherRegion.id);
  const a = await createNetwork(db, municipality.id, 'Netwerk A');
  const b = await createNetwork(db, municipality.id, 'Netwerk B');
  const c = await createNetwork(db, otherMunicipality.id, 'Netwerk C');
  const d = await createNetwork(db, farMunicipality.id, 'Netwerk D');
  const role = (r: MemberRole) => createPerson(db, { memberOf: [{ networkId: a.id, role: r }] });
  const people = {
    resident: await role('resident'),
    professional: await role('professional'),
    coordinator: await role('coordinator'),
    council: await role('council'),
    leader: await createPerson(db, { leaderOf: { municipalityId: municipality.id } }),
    admin: await createPerson(db, { isAdmin: true }),
    // Coordinators elsewhere, whose data must stay out of reach.
    coordinatorB: await createPerson(db, { memberOf: [{ networkId: b.id, role: 'coordinator' }] }),
    coordinatorC: await createPerson(db, { memberOf: [{ networkId: c.id, role: 'coordinator' }] }),
    coordinatorD: await createPerson(db, { memberOf: [{ networkId: d.id, role: 'coordinator' }] }),
  };
  return { region, otherRegion, municipality, networks: { a, b, c, d }, people };
}
