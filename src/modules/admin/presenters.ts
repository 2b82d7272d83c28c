// Rows → the administration's view models (tables and form specs), pure: translated labels,
// form values from a stored row, options for the select fields.
import type { FormValues } from '../../platform/forms.js';
import type { MessageKey, Translate } from '../../platform/i18n/index.js';
import { accessibilityStatuses, type LegalSettings } from '../../platform/settings.js';
import type {
  AreaRow,
  MunicipalityRow,
  NetworkDetails,
  OrganisationRow,
  RegionRow,
} from '../network/index.js';
import { areaKinds, organisationTypes } from './fields.js';
import type { PlatformSettings } from './service.js';
import type { FieldSpec, FormSpec, TableSpec } from './views/pages.js';

const areaKindKey = (kind: string) => `network.areaKind.${kind}` as MessageKey;
const organisationTypeKey = (type: string) => `network.organisationType.${type}` as MessageKey;

export const backToAdmin = (t: Translate) => ({ href: '/beheer', label: t('admin.back') });

export function regionFields(t: Translate): FieldSpec[] {
  return [
    { kind: 'text', name: 'name', label: t('admin.field.name'), required: true },
    {
      kind: 'text',
      name: 'slug',
      label: t('admin.field.slug'),
      description: t('admin.field.slug.hint'),
      required: true,
    },
  ];
}

export function municipalityFields(t: Translate, regions: RegionRow[]): FieldSpec[] {
  return [
    ...regionFields(t),
    {
      kind: 'select',
      name: 'regionId',
      label: t('admin.field.region'),
      options: regions.map((r) => ({ value: String(r.id), label: r.name })),
      placeholder: t('admin.choose'),
      required: true,
    },
  ];
}

export function areaFields(t: Translate, municipalities: MunicipalityRow[]): FieldSpec[] {
  return [
    ...regionFields(t),
    {
      kind: 'select',
      name: 'kind',
      label: t('admin.field.kind'),
      description: t('admin.field.kind.hint'),
      options: areaKinds.map((k) => ({ value: k, label: t(areaKindKey(k)) })),
      placeholder: t('admin.choose'),
      required: true,
    },
    {
      kind: 'select',
      name: 'municipalityId',
      label: t('admin.field.municipality'),
      options: municipalities.map((m) => ({ value: String(m.id), label: m.name })),
      placeholder: t('admin.choose'),
      required: true,
    },
  ];
}

/** The fields of a network; `areas` only for a new one (the area of a network stays). */
export function networkFields(
  t: Translate,
  options: { areas?: AreaRow[]; withName: boolean },
): FieldSpec[] {
  const fields: FieldSpec[] = [];
  if (options.areas) {
    fields.push({
      kind: 'select',
      name: 'areaId',
      label: t('admin.field.area'),
      description: t('admin.field.area.hint'),
      options: options.areas.map((a) => ({
        value: String(a.id),
        label: `${a.name} (${t(areaKindKey(a.kind))})`,
      })),
      placeholder: t('admin.choose'),
      required: true,
    });
  }
  if (options.withName) {
    fields.push({ kind: 'text', name: 'name', label: t('admin.field.name'), required: true });
  }
  fields.push(
    {
      kind: 'textarea',
      name: 'description',
      label: t('admin.field.description'),
      description: t('admin.field.description.hint'),
    },
    {
      kind: 'email',
      name: 'contactEmail',
      label: t('admin.field.contactEmail'),
      required: false,
      autocomplete: 'off',
    },
    {
      kind: 'tel',
      name: 'contactPhone',
      label: t('admin.field.contactPhone'),
      description: t('admin.field.contactPhone.hint'),
      required: false,
    },
    {
      kind: 'textarea',
      name: 'contactAddress',
      label: t('admin.field.contactAddress'),
      description: t('admin.field.contactAddress.hint'),
      rows: 3,
    },
    {
      kind: 'checkbox',
      name: 'isPublic',
      label: t('admin.field.isPublic'),
      description: t('admin.field.isPublic.hint'),
    },
  );
  return fields;
}

export function networkValues(n: NetworkDetails): FormValues {
  return {
    name: n.name,
    description: n.description,
    contactEmail: n.contactEmail ?? '',
    contactPhone: n.contactPhone ?? '',
    contactAddress: n.contactAddress ?? '',
    ...(n.isPublic ? { isPublic: 'on' } : {}),
  };
}

export function organisationFields(t: Translate, networks: NetworkDetails[]): FieldSpec[] {
  return [
    { kind: 'text', name: 'name', label: t('admin.field.name'), required: true },
    {
      kind: 'select',
      name: 'type',
      label: t('admin.field.organisationType'),
      options: organisationTypes.map((o) => ({ value: o, label: t(organisationTypeKey(o)) })),
      placeholder: t('admin.choose'),
      required: true,
    },
    {
      kind: 'text',
      name: 'website',
      label: t('admin.field.website'),
      description: t('admin.field.website.hint'),
      required: false,
    },
    {
      kind: 'checkboxes',
      name: 'networkIds',
      label: t('admin.field.networks'),
      description: t('admin.field.networks.hint'),
      options: networks.map((n) => ({ value: String(n.id), label: n.name })),
    },
  ];
}

export function organisationValues(o: OrganisationRow): FormValues {
  return {
    name: o.name,
    type: o.type,
    website: o.website ?? '',
    networkIds: o.networkIds.join(','),
  };
}

export function settingsFields(t: Translate): FieldSpec[] {
  return [
    {
      kind: 'text',
      name: 'organisationName',
      label: t('admin.settings.organisationName'),
      description: t('admin.settings.organisationName.hint'),
      required: false,
    },
    {
      kind: 'textarea',
      name: 'privacyContact',
      label: t('admin.settings.privacyContact'),
      description: t('admin.settings.privacyContact.hint'),
    },
    {
      kind: 'number',
      name: 'personalSignalMonths',
      label: t('admin.settings.personalSignalMonths'),
      description: t('admin.settings.personalSignalMonths.hint'),
      required: true,
    },
    {
      kind: 'number',
      name: 'closedAccountMonths',
      label: t('admin.settings.closedAccountMonths'),
      description: t('admin.settings.closedAccountMonths.hint'),
      required: true,
    },
  ];
}

export function settingsValues(s: PlatformSettings): FormValues {
  return {
    organisationName: s.organisationName,
    privacyContact: s.privacyContact,
    personalSignalMonths: String(s.personalSignalMonths),
    closedAccountMonths: String(s.closedAccountMonths),
  };
}

/** The fields of the privacy and accessibility statements' settings. */
export function legalFields(t: Translate): FieldSpec[] {
  const area = (
    name: string,
    key: 'address' | 'issues' | 'privacyNl' | 'privacyEn' | 'a11yNl' | 'a11yEn',
  ) =>
    ({
      kind: 'textarea',
      name,
      label: t(`admin.legal.${key}`),
      description: t(`admin.legal.${key}.hint`),
    }) as FieldSpec;
  return [
    area('organisationAddress', 'address'),
    {
      kind: 'select',
      name: 'accessibilityStatus',
      label: t('admin.legal.status'),
      options: accessibilityStatuses.map((s) => ({
        value: s,
        label: t(`admin.legal.status.${s}`),
      })),
      required: true,
    },
    {
      kind: 'text',
      name: 'accessibilityReviewedOn',
      label: t('admin.legal.reviewedOn'),
      description: t('admin.legal.reviewedOn.hint'),
    },
    area('accessibilityIssues', 'issues'),
    area('privacyNoteNl', 'privacyNl'),
    area('privacyNoteEn', 'privacyEn'),
    area('accessibilityNoteNl', 'a11yNl'),
    area('accessibilityNoteEn', 'a11yEn'),
  ];
}

export function legalValues(s: LegalSettings): FormValues {
  return { ...s };
}

/** A form spec with the platform's "optional" label and the given state. */
export function formSpec(t: Translate, spec: Omit<FormSpec, 'optionalLabel'>): FormSpec {
  return { ...spec, optionalLabel: t('admin.optional') };
}

export function regionTable(t: Translate, regions: RegionRow[]): TableSpec {
  return {
    caption: t('admin.regions.title'),
    columns: [t('admin.field.name'), t('admin.field.slug')],
    rows: regions.map((r) => ({
      key: String(r.id),
      cells: [r.name, r.slug],
      href: `/beheer/regios/${r.id}`,
    })),
    empty: t('admin.regions.empty'),
  };
}

export function municipalityTable(
  t: Translate,
  municipalities: MunicipalityRow[],
  regions: RegionRow[],
): TableSpec {
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  return {
    caption: t('admin.municipalities.title'),
    columns: [t('admin.field.name'), t('admin.field.slug'), t('admin.field.region')],
    rows: municipalities.map((m) => ({
      key: String(m.id),
      cells: [m.name, m.slug, regionName.get(m.regionId) ?? ''],
      href: `/beheer/gemeenten/${m.id}`,
    })),
    empty: t('admin.municipalities.empty'),
  };
}

export function areaTable(
  t: Translate,
  areas: AreaRow[],
  municipalities: MunicipalityRow[],
): TableSpec {
  const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
  return {
    caption: t('admin.areas.title'),
    columns: [
      t('admin.field.name'),
      t('admin.field.kind'),
      t('admin.field.slug'),
      t('admin.field.municipality'),
    ],
    rows: areas.map((a) => ({
      key: String(a.id),
      cells: [a.name, t(areaKindKey(a.kind)), a.slug, municipalityName.get(a.municipalityId) ?? ''],
      href: `/beheer/gebieden/${a.id}`,
    })),
    empty: t('admin.areas.empty'),
  };
}

export function networkTable(
  t: Translate,
  networks: NetworkDetails[],
  coordinators: Map<number, number>,
): TableSpec {
  return {
    caption: t('admin.networks.title'),
    columns: [
      t('admin.field.name'),
      t('admin.field.area'),
      t('admin.field.municipality'),
      t('admin.networks.public'),
      t('admin.networks.coordinators'),
    ],
    rows: networks.map((n) => ({
      key: String(n.id),
      cells: [
        n.name,
        n.areaName,
        n.municipalityName,
        n.isPublic ? t('admin.yes') : t('admin.no'),
        String(coordinators.get(n.id) ?? 0),
      ],
      href: `/beheer/netwerken/${n.id}`,
    })),
    empty: t('admin.networks.empty'),
  };
}

export function organisationTable(
  t: Translate,
  organisations: OrganisationRow[],
  networks: NetworkDetails[],
): TableSpec {
  const networkName = new Map(networks.map((n) => [n.id, n.name]));
  return {
    caption: t('admin.organisations.title'),
    columns: [t('admin.field.name'), t('admin.field.organisationType'), t('admin.field.networks')],
    rows: organisations.map((o) => ({
      key: String(o.id),
      cells: [
        o.name,
        t(organisationTypeKey(o.type)),
        o.networkIds.map((id) => networkName.get(id) ?? '').join(', '),
      ],
      href: `/beheer/organisaties/${o.id}`,
    })),
    empty: t('admin.organisations.empty'),
  };
}
