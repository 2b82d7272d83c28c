// The demo: a fictional region with two municipalities, three neighbourhood networks, their
// organisations and about forty fictional people in every role. All names, addresses and
// numbers are made up. Phone numbers are not real: Dutch subscriber numbers never start
// with 0 after the area code.
import { type Algorithm, hash } from '@node-rs/argon2';
import type { Database } from '../../db/client.js';
import type { AreaKind, MemberRole, OrganisationType } from './repository.js';
import { networkRepository } from './repository.js';

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
  roleLabel: `network.demoRole.${DemoRole}`;
  /** The network the account belongs to; for a leader the municipality or region they oversee. */
  network?: string;
}

/** The demo password every demo account shares (listed on the login page in demo mode). */
export const DEMO_PASSWORD = 'buurtkracht-demo';

// Algorithm.Argon2id: a const enum, which verbatimModuleSyntax does not let us read as a value.
const ARGON2ID = 2 as Algorithm;
const EMAIL_DOMAIN = 'demo.buurtkracht.example';
const REGION = { name: 'Regio Heuvelrand-Oost', slug: 'heuvelrand-oost' };

type MunicipalityKey = 'wilgendaal' | 'veenhorst';
type NetworkKey = 'zonnehoek' | 'maalderveld' | 'heggerlo';
type OrganisationKey =
  | 'gemeenteWilgendaal'
  | 'gemeenteVeenhorst'
  | 'welzijn'
  | 'linde'
  | 'anker'
  | 'klimboom'
  | 'politie'
  | 'bewonersMaalderveld'
  | 'dorpsbelang'
  | 'moestuin';

const MUNICIPALITIES: Record<MunicipalityKey, { name: string; slug: string }> = {
  wilgendaal: { name: 'Wilgendaal', slug: 'wilgendaal' },
  veenhorst: { name: 'Veenhorst', slug: 'veenhorst' },
};

interface DemoNetwork {
  municipality: MunicipalityKey;
  area: { name: string; kind: AreaKind; slug: string };
  name: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
}

const NETWORKS: Record<NetworkKey, DemoNetwork> = {
  zonnehoek: {
    municipality: 'wilgendaal',
    area: { name: 'Zonnehoek', kind: 'wijk', slug: 'zonnehoek' },
    name: 'Buurtnetwerk Zonnehoek',
    description:
      'In Zonnehoek werken bewoners en professionals samen aan een wijk waar mensen elkaar kennen. We luisteren eerst naar wat er speelt. Daarna proberen we samen kleine dingen uit.\n\n' +
      'We komen elke maand bij elkaar in buurthuis De Zonnewijzer. Iedereen is welkom. We beginnen altijd met vonkjes: wat ging er goed in de wijk?',
    contactEmail: 'info@zonnehoek.buurtnetwerk.example',
    contactPhone: '0343 000 101',
    contactAddress: 'Buurthuis De Zonnewijzer\nZonnebloemstraat 12\n3999 ZH Wilgendaal',
  },
  maalderveld: {
    municipality: 'veenhorst',
    area: { name: 'Maalderveld', kind: 'wijk', slug: 'maalderveld' },
    name: 'Netwerk Maalderveld Samen',
    description:
      'Maalderveld is een wijk met veel jonge gezinnen en veel ouderen. Niet iedereen kent zijn buren. Daar willen we iets aan doen, samen met de bewoners.\n\n' +
      'Een groep bewoners, de programmaraad, beslist mee over het wijkbudget. Heeft u een idee voor de wijk? Kom langs op het spreekuur in De Molenhal, elke dinsdagochtend.',
    contactEmail: 'info@maalderveld.buurtnetwerk.example',
    contactPhone: '0318 000 202',
    contactAddress: 'De Molenhal\nMolenweg 4\n3998 MV Veenhorst',
  },
  heggerlo: {
    municipality: 'veenhorst',
    area: { name: 'Heggerlo', kind: 'dorp', slug: 'heggerlo' },
    name: 'Dorpsnetwerk Heggerlo',
    description:
      'Heggerlo is een klein dorp. Mensen helpen elkaar hier al lang. Maar de bus rijdt minder vaak en de winkel is dicht. Daarom zoeken we samen naar oplossingen: vervoer, ontmoeting en een plek voor jongeren.\n\n' +
      'Twee keer per jaar houden we een dorpsgesprek in het dorpshuis. Iedereen uit Heggerlo kan meepraten.',
    contactEmail: 'dorpsnetwerk@heggerlo.example',
    contactPhone: '0318 000 303',
    contactAddress: 'Dorpshuis De Hoeksteen\nKerkpad 1\n3997 HG Heggerlo',
  },
};

const ORGANISATIONS: Record<
  OrganisationKey,
  { name: string; type: OrganisationType; networks: NetworkKey[] }
> = {
  gemeenteWilgendaal: {
    name: 'Gemeente Wilgendaal',
    type: 'municipality',
    networks: ['zonnehoek'],
  },
  gemeenteVeenhorst: {
    name: 'Gemeente Veenhorst',
    type: 'municipality',
    networks: ['maalderveld', 'heggerlo'],
  },
  welzijn: {
    name: 'Welzijn Heuvelrand',
    type: 'welfare',
    networks: ['zonnehoek', 'maalderveld', 'heggerlo'],
  },
  linde: {
    name: 'Woonstichting De Linde',
    type: 'housing',
    networks: ['zonnehoek', 'maalderveld'],
  },
  anker: { name: 'Zorggroep Het Anker', type: 'care', networks: ['maalderveld', 'heggerlo'] },
  klimboom: { name: 'Basisschool De Klimboom', type: 'education', networks: ['zonnehoek'] },
  politie: {
    name: 'Politie basisteam Heuvelrand-Oost',
    type: 'police',
    networks: ['zonnehoek', 'maalderveld'],
  },
  bewonersMaalderveld: {
    name: 'Bewonersvereniging Maalderveld',
    type: 'residents_organisation',
    networks: ['maalderveld'],
  },
  dorpsbelang: {
    name: 'Vereniging Dorpsbelang Heggerlo',
    type: 'residents_organisation',
    networks: ['heggerlo'],
  },
  moestuin: {
    name: 'Buurtmoestuin De Groene Hoek',
    type: 'resident_initiative',
    networks: ['zonnehoek'],
  },
};

interface DemoMembership {
  network: NetworkKey;
  role: MemberRole;
  organisation?: OrganisationKey;
  listed: boolean;
}

interface DemoPerson {
  name: string;
  /** Signs in with this username instead of an email address. */
  username?: string;
  isAdmin?: boolean;
  leaderOf?: { municipality: MunicipalityKey } | { region: true };
  memberships: DemoMembership[];
}

const member = (
  network: NetworkKey,
  role: MemberRole,
  listed: boolean,
  organisation?: OrganisationKey,
): DemoMembership[] => [{ network, role, listed, ...(organisation ? { organisation } : {}) }];

const PEOPLE: DemoPerson[] = [
  // Across the platform.
  { name: 'Sanne Verbeek', isAdmin: true, memberships: [] },
  { name: 'Marieke Hofstra', leaderOf: { municipality: 'wilgendaal' }, memberships: [] },
  { name: 'Jeroen Takens', leaderOf: { region: true }, memberships: [] },

  // Buurtnetwerk Zonnehoek.
  { name: 'Anneke de Wit', memberships: member('zonnehoek', 'coordinator', true, 'welzijn') },
  { name: 'Youssef Amrani', memberships: member('zonnehoek', 'professional', true, 'welzijn') },
  { name: 'Petra Veenstra', memberships: member('zonnehoek', 'professional', true, 'linde') },
  { name: 'Kees Brouwer', memberships: member('zonnehoek', 'professional', false, 'politie') },
  { name: 'Fatma Yilmaz', memberships: member('zonnehoek', 'council', true) },
  { name: 'Henk Bosman', memberships: member('zonnehoek', 'council', true) },
  { name: 'Ria Kuipers', memberships: member('zonnehoek', 'council', false) },
  { name: 'Joyce Pinas', memberships: member('zonnehoek', 'resident', true, 'moestuin') },
  { name: 'Marek Nowak', memberships: member('zonnehoek', 'resident', true) },
  { name: 'Els van Dijk', memberships: member('zonnehoek', 'resident', false) },
  { name: 'Sander Hoekstra', memberships: member('zonnehoek', 'resident', false) },
  { name: 'Noor Haddou', memberships: member('zonnehoek', 'resident', true) },
  { name: 'Bram Jansen', memberships: member('zonnehoek', 'resident', false) },

  // Netwerk Maalderveld Samen.
  { name: 'Lotte Vermeulen', memberships: member('maalderveld', 'coordinator', true, 'welzijn') },
  {
    // Works in two networks: the person who is a member of both.
    name: 'Samira Bakkali',
    memberships: [
      ...member('maalderveld', 'professional', true, 'welzijn'),
      ...member('heggerlo', 'professional', true, 'welzijn'),
    ],
  },
  {
    name: 'Wim Korver',
    memberships: member('maalderveld', 'professional', true, 'gemeenteVeenhorst'),
  },
  { name: 'Esther Dekker', memberships: member('maalderveld', 'professional', false, 'anker') },
  { name: 'Ahmed Ouali', memberships: member('maalderveld', 'council', true) },
  { name: 'Gerda Postma', memberships: member('maalderveld', 'council', true) },
  {
    name: 'Tineke Schouten',
    memberships: member('maalderveld', 'resident', true, 'bewonersMaalderveld'),
  },
  { name: 'Rachid Benali', memberships: member('maalderveld', 'resident', false) },
  { name: 'Priya Ramdin', memberships: member('maalderveld', 'resident', true) },
  { name: 'Jan-Willem de Graaf', memberships: member('maalderveld', 'resident', false) },
  { name: 'Agnieszka Kowalska', memberships: member('maalderveld', 'resident', true) },
  { name: 'Mo van Leeuwen', memberships: member('maalderveld', 'resident', false) },
  { name: 'Lisa Timmer', memberships: member('maalderveld', 'resident', false) },

  // Dorpsnetwerk Heggerlo.
  { name: 'Hanneke Wolters', memberships: member('heggerlo', 'coordinator', true, 'dorpsbelang') },
  { name: 'Thomas Eefting', memberships: member('heggerlo', 'professional', true, 'anker') },
  { name: 'Jannie ter Horst', memberships: member('heggerlo', 'council', true) },
  { name: 'Berend Kamphuis', memberships: member('heggerlo', 'council', false) },
  {
    // No email address: signs in with a username the coordinator gave him on a letter.
    name: 'Gerrit-Jan Mulder',
    username: 'gerritjan',
    memberships: member('heggerlo', 'resident', true),
  },
  { name: 'Aaltje Brink', memberships: member('heggerlo', 'resident', false) },
  { name: 'Sven Lammers', memberships: member('heggerlo', 'resident', true) },
  { name: 'Dewi Santoso', memberships: member('heggerlo', 'resident', false) },
  { name: 'Klaas Veldkamp', memberships: member('heggerlo', 'resident', true) },
  { name: 'Marloes Hendriks', memberships: member('heggerlo', 'resident', false) },
  { name: 'Ilse Nijenhuis', memberships: member('heggerlo', 'resident', false) },
];

/** anneke.de.wit@demo.buurtkracht.example: plain letters, dots between the words. */
export function demoEmail(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}@${EMAIL_DOMAIN}`;
}

function account(name: string, role: DemoRole, network?: string): DemoAccount {
  const person = PEOPLE.find((p) => p.name === name);
  if (!person) throw new Error(`demo account for an unknown person: ${name}`);
  const login = person.username ?? demoEmail(name);
  return {
    login,
    ...(person.username ? { username: person.username } : { email: login }),
    role,
    roleLabel: `network.demoRole.${role}`,
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

/**
 * Loads the demo into an empty database, in one transaction. Calling it again does
 * nothing: the demo region is there already.
 */
export async function seedNetworkDemo(db: Database): Promise<void> {
  if (await networkRepository(db).findRegionBySlug(REGION.slug)) return;
  // One hash for every demo account: argon2id is slow on purpose, forty of them would slow
  // the first start down.
  const passwordHash = await hash(DEMO_PASSWORD, {
    algorithm: ARGON2ID,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });

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

    const organisationIds = {} as Record<OrganisationKey, number>;
    for (const [key, o] of Object.entries(ORGANISATIONS) as [
      OrganisationKey,
      (typeof ORGANISATIONS)[OrganisationKey],
    ][]) {
      organisationIds[key] = await repo.insertOrganisation({ name: o.name, type: o.type });
      for (const network of o.networks) {
        await repo.insertNetworkOrganisation(networkIds[network], organisationIds[key]);
      }
    }

    for (const p of PEOPLE) {
      const personId = await repo.insertPerson({
        displayName: p.name,
        email: p.username ? null : demoEmail(p.name),
        username: p.username ?? null,
        passwordHash,
        isAdmin: p.isAdmin ?? false,
      });
      for (const m of p.memberships) {
        await repo.insertMembership({
          personId,
          networkId: networkIds[m.network],
          role: m.role,
          organisationId: m.organisation ? organisationIds[m.organisation] : null,
          listed: m.listed,
        });
      }
      if (p.leaderOf) {
        await repo.insertLeaderScope(
          'region' in p.leaderOf
            ? { personId, regionId }
            : { personId, municipalityId: municipalityIds[p.leaderOf.municipality] },
        );
      }
    }
  });
}
