// Turns the network module's rows into the plain view models of the directory (/buurten)
// and a network's public page (/buurt/:slug). Pure.
import type { MemberRole } from '../../platform/actor.js';
import type { PublicSection } from '../../platform/module.js';
import type {
  AreaKind,
  NetworkDetails,
  NetworkOrganisation,
  NetworkWithPlace,
  OrganisationType,
} from './repository.js';

export interface DirectoryNetwork {
  name: string;
  summary: string;
  areaName: string;
  areaKind: AreaKind;
  href: string;
}

export interface DirectoryMunicipality {
  name: string;
  networks: DirectoryNetwork[];
}

export interface DirectoryRegion {
  name: string;
  municipalities: DirectoryMunicipality[];
}

export interface DirectoryModel {
  regions: DirectoryRegion[];
}

/** A block that another module adds to a network's public page (see platform/module.ts). */
export type NetworkPageSection = PublicSection;

export interface NetworkPageModel {
  networkId: number;
  name: string;
  /** The description, split into paragraphs on blank lines. */
  paragraphs: string[];
  areaName: string;
  areaKind: AreaKind;
  municipalityName: string;
  regionName: string;
  contact: {
    /** href is left out when the stored value does not look like an address or a number. */
    email: { text: string; href: string | undefined } | undefined;
    phone: { text: string; href: string | undefined } | undefined;
    /** The address, one entry per line. */
    address: string[] | undefined;
  };
  organisations: Array<{ name: string; type: OrganisationType }>;
  members: Array<{ displayName: string; role: MemberRole; organisation: string | undefined }>;
  sections: NetworkPageSection[];
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const roleOrder: Record<MemberRole, number> = {
  coordinator: 0,
  council: 1,
  professional: 2,
  resident: 3,
};

/** The first paragraph of a description, cut at a word before `max` characters. */
export function summarise(description: string, max = 200): string {
  const first =
    description
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ') ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A phone number as a tel: address: digits and a leading plus only. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

const plausibleEmail = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/;
const plausiblePhone = /^\+?[\d\s().-]{6,}$/;

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Groups networks by region and municipality, each level in Dutch alphabetical order. */
export function groupNetworks(rows: NetworkWithPlace[]): DirectoryRegion[] {
  const regions = new Map<
    number,
    { name: string; municipalities: Map<number, DirectoryMunicipality> }
  >();
  for (const row of rows) {
    let region = regions.get(row.regionId);
    if (!region) {
      region = { name: row.regionName, municipalities: new Map() };
      regions.set(row.regionId, region);
    }
    let municipality = region.municipalities.get(row.municipalityId);
    if (!municipality) {
      municipality = { name: row.municipalityName, networks: [] };
      region.municipalities.set(row.municipalityId, municipality);
    }
    municipality.networks.push({
      name: row.name,
      summary: summarise(row.description),
      areaName: row.areaName,
      areaKind: row.areaKind,
      href: `/buurt/${encodeURIComponent(row.slug)}`,
    });
  }
  return [...regions.values()]
    .map((region) => ({
      name: region.name,
      municipalities: [...region.municipalities.values()]
        .map((m) => ({
          name: m.name,
          networks: m.networks.sort((a, b) => collator.compare(a.areaName, b.areaName)),
        }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A listed member as the public page needs them: never an email address. */
export interface PublicMember {
  displayName: string;
  role: MemberRole;
  organisationName: string | null;
}

/** The public page of a network; `sections` are filled in by the route from other modules. */
export function presentNetworkPage(
  network: NetworkDetails,
  organisations: NetworkOrganisation[],
  members: PublicMember[],
): NetworkPageModel {
  const email = nonEmpty(network.contactEmail);
  const phone = nonEmpty(network.contactPhone);
  const address = nonEmpty(network.contactAddress);
  return {
    networkId: network.id,
    name: network.name,
    paragraphs: network.description
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    areaName: network.areaName,
    areaKind: network.areaKind,
    municipalityName: network.municipalityName,
    regionName: network.regionName,
    contact: {
      email: email
        ? { text: email, href: plausibleEmail.test(email) ? `mailto:${email}` : undefined }
        : undefined,
      phone: phone
        ? { text: phone, href: plausiblePhone.test(phone) ? telHref(phone) : undefined }
        : undefined,
      address: address ? address.split(/\r?\n/).map((line) => line.trim()) : undefined,
    },
    organisations: organisations
      .map((o) => ({ name: o.name, type: o.type }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    members: members
      .map((m) => ({
        displayName: m.displayName,
        role: m.role,
        organisation: m.organisationName ?? undefined,
      }))
      .sort(
        (a, b) =>
          roleOrder[a.role] - roleOrder[b.role] || collator.compare(a.displayName, b.displayName),
      ),
    // Filled by later modules (meetings, sparks, budgeting); empty until then.
    sections: [],
  };
}
