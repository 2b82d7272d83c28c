// The demo's fictional cast, as plain data: the region, its municipalities and neighbourhood
// networks, their organisations, and about forty people with their roles. The network seed
// makes the places and organisations; the people seed makes the people, their memberships
// and leader scopes. Both read this file. All names, addresses and numbers are made up.
// Phone numbers are not real: Dutch subscriber numbers never start with 0 after the area code.
import type { AreaKind, OrganisationType } from '../modules/network/index.js';
import type { MemberRole } from '../platform/actor.js';

/** The domain of every demo email address. */
export const DEMO_EMAIL_DOMAIN = 'demo.buurtkracht.example';

export const REGION = { name: 'Regio Heuvelrand-Oost', slug: 'heuvelrand-oost' };

export type MunicipalityKey = 'wilgendaal' | 'veenhorst';
export type NetworkKey = 'zonnehoek' | 'maalderveld' | 'heggerlo';
export type OrganisationKey =
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

export const MUNICIPALITIES: Record<MunicipalityKey, { name: string; slug: string }> = {
  wilgendaal: { name: 'Wilgendaal', slug: 'wilgendaal' },
  veenhorst: { name: 'Veenhorst', slug: 'veenhorst' },
};

export interface DemoNetwork {
  municipality: MunicipalityKey;
  area: { name: string; kind: AreaKind; slug: string };
  name: string;
  description: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
}

export const NETWORKS: Record<NetworkKey, DemoNetwork> = {
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

export const ORGANISATIONS: Record<
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

export interface DemoMembership {
  network: NetworkKey;
  role: MemberRole;
  organisation?: OrganisationKey;
  listed: boolean;
}

export interface DemoPerson {
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

export const PEOPLE: DemoPerson[] = [
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
  return `${local}@${DEMO_EMAIL_DOMAIN}`;
}
