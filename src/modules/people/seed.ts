// The demo's people (the cast in src/demo/cast.ts): about forty accounts in every role,
// their memberships and leader scopes, one shared password, and the accounts listed on the
// login page in demo mode. Runs after the network module's seed, whose places and
// organisations it finds through the network module's face.
import type { Database } from '../../db/client.js';
import {
  type DemoPerson,
  demoEmail,
  MUNICIPALITIES,
  NETWORKS,
  ORGANISATIONS,
  PEOPLE,
  REGION,
} from '../../demo/cast.js';
import { networkModule } from '../network/index.js';
import { peopleRepository } from './repository/index.js';
import { hashPassword } from './secrets.js';

/** The demo email address of a cast member (re-exported for the browser journeys). */
export { demoEmail };

export type DemoRole =
  | 'admin'
  | 'coordinator'
  | 'professional'
  | 'resident'
  | 'council'
  | 'leader'
  | 'usernameResident';

export interface DemoAccount {
  /** What to type in the sign-in field: the email address, or the username. */
  login: string;
  /** Set for everyone except the resident who signs in with a username. */
  email?: string;
  /** Set only for the resident without an email address. */
  username?: string;
  role: DemoRole;
  /** Catalogue key of the role in words, for the login page. */
  roleLabel: `login.demoRole.${DemoRole}`;
  /** The network the account belongs to; for a leader the municipality or region they oversee. */
  network?: string;
}

/** The demo password every demo account shares (listed on the login page in demo mode). */
export const DEMO_PASSWORD = 'buurtkracht-demo';

function account(name: string, role: DemoRole, network?: string): DemoAccount {
  const person = PEOPLE.find((p) => p.name === name);
  if (!person) throw new Error(`demo account for an unknown person: ${name}`);
  const login = person.username ?? demoEmail(name);
  return {
    login,
    ...(person.username ? { username: person.username } : { email: login }),
    role,
    roleLabel: `login.demoRole.${role}`,
    ...(network ? { network } : {}),
  };
}

/** One account per role, for the login page in demo mode. */
export const demoAccounts: DemoAccount[] = [
  account('Sanne Verbeek', 'admin'),
  account('Anneke de Wit', 'coordinator', NETWORKS.zonnehoek.name),
  account('Youssef Amrani', 'professional', NETWORKS.zonnehoek.name),
  account('Marek Nowak', 'resident', NETWORKS.zonnehoek.name),
  account('Fatma Yilmaz', 'council', NETWORKS.zonnehoek.name),
  account('Marieke Hofstra', 'leader', `Gemeente ${MUNICIPALITIES.wilgendaal.name}`),
  account('Jeroen Takens', 'leader', REGION.name),
  account('Gerrit-Jan Mulder', 'usernameResident', NETWORKS.heggerlo.name),
];

/** The login of a cast member: their username, or their demo email address. */
const loginOf = (p: DemoPerson) => p.username ?? demoEmail(p.name);

/**
 * Loads the demo's people into a database that holds the demo's places, in one transaction.
 * Calling it again does nothing: the demo's first person is there already.
 */
export async function seedPeopleDemo(db: Database): Promise<void> {
  const first = PEOPLE[0];
  if (!first || (await peopleRepository(db).findPersonByLogin(loginOf(first)))) return;
  const places = networkModule.api.places(db);
  const networks = networkModule.api.networks(db);
  const region = await places.findRegionBySlug(REGION.slug);
  if (!region) throw new Error('the people demo needs the network demo first');
  const municipalityIds = new Map<string, number>();
  for (const [key, m] of Object.entries(MUNICIPALITIES)) {
    const found = await places.findMunicipalityBySlug(m.slug);
    if (found) municipalityIds.set(key, found.id);
  }
  const networkIds = new Map<string, number>();
  const organisationIds = new Map<string, Map<string, number>>();
  for (const [key, n] of Object.entries(NETWORKS)) {
    const found = await networks.findNetworkBySlug(n.area.slug);
    if (!found) continue;
    networkIds.set(key, found.id);
    const organisations = await places.listOrganisationsOf(found.id);
    organisationIds.set(key, new Map(organisations.map((o) => [o.name, o.id])));
  }
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the people demo misses ${what}`);
    return value;
  };

  // One hash for every demo account: argon2id is slow on purpose, forty of them would slow
  // the first start down.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const repo = peopleRepository(tx);
    for (const p of PEOPLE) {
      const person = await repo.insertPerson({
        displayName: p.name,
        email: p.username ? null : demoEmail(p.name),
        username: p.username ?? null,
        passwordHash,
        isAdmin: p.isAdmin ?? false,
      });
      for (const m of p.memberships) {
        const networkId = need(networkIds.get(m.network), `network ${m.network}`);
        await repo.insertMembership({
          personId: person.id,
          networkId,
          role: m.role,
          organisationId: m.organisation
            ? need(
                organisationIds.get(m.network)?.get(ORGANISATIONS[m.organisation].name),
                `organisation ${m.organisation} in ${m.network}`,
              )
            : null,
          listed: m.listed,
        });
      }
      if (p.leaderOf) {
        await repo.insertLeaderScope(
          'region' in p.leaderOf
            ? { personId: person.id, regionId: region.id }
            : {
                personId: person.id,
                municipalityId: need(
                  municipalityIds.get(p.leaderOf.municipality),
                  `municipality ${p.leaderOf.municipality}`,
                ),
              },
        );
      }
    }
  });
}
