// Export and import of places, networks and organisations as CSV (csv-parse and
// csv-stringify), for a municipality that sets up many neighbourhoods at once. One file per
// kind; the import finds rows by slug (organisations by name), so importing the same files
// twice changes nothing; every row is checked before anything is saved, and everything is
// saved in one transaction or nothing is.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { isMessageKey, type Translate } from '../../platform/i18n/index.js';
import { networkModule } from '../network/index.js';
import type { AdminOrigin } from '../people/index.js';
import {
  areaKindField,
  nameField,
  networkTextFields,
  optionalWebsite,
  organisationTypes,
  slugField,
} from './fields.js';

/** The files, in the order they are imported (each refers only to the ones before it). */
export const csvKinds = [
  'regions',
  'municipalities',
  'areas',
  'networks',
  'organisations',
] as const;
export type CsvKind = (typeof csvKinds)[number];

const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .refine((v) => !v || ['ja', 'nee', 'yes', 'no', 'true', 'false', '1', '0'].includes(v), {
    message: 'admin.csv.yesNo',
  })
  .transform((v) => !v || ['ja', 'yes', 'true', '1'].includes(v));

const schemas = {
  regions: z.object({ slug: slugField, name: nameField }),
  municipalities: z.object({ slug: slugField, name: nameField, region: slugField }),
  areas: z.object({
    slug: slugField,
    name: nameField,
    kind: z.string().trim().toLowerCase().pipe(areaKindField),
    municipality: slugField,
  }),
  networks: z.object({
    area: slugField,
    name: networkTextFields.name,
    description: networkTextFields.description,
    contact_email: networkTextFields.contactEmail,
    contact_phone: networkTextFields.contactPhone,
    contact_address: networkTextFields.contactAddress,
    public: yesNo,
  }),
  organisations: z.object({
    name: nameField,
    type: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(organisationTypes, { message: 'admin.csv.organisationType' })),
    website: optionalWebsite,
    networks: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/[;,\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      ),
  }),
} as const;

/** The columns of each file, in order; the first is the key (organisations: the name). */
export const csvColumns: Record<CsvKind, readonly string[]> = {
  regions: ['slug', 'name'],
  municipalities: ['slug', 'name', 'region'],
  areas: ['slug', 'name', 'kind', 'municipality'],
  networks: [
    'area',
    'name',
    'description',
    'contact_email',
    'contact_phone',
    'contact_address',
    'public',
  ],
  organisations: ['name', 'type', 'website', 'networks'],
};

/** Every region, municipality, area, network and organisation, as one CSV text per kind. */
export async function exportPlaces(db: Database): Promise<Record<CsvKind, string>> {
  const repo = networkModule.api.admin(db);
  const [regions, municipalities, areas, networks, organisations] = await Promise.all([
    repo.listRegions(),
    repo.listMunicipalities(),
    repo.listAreas(),
    repo.listNetworks(),
    repo.listOrganisations(),
  ]);
  const regionSlug = new Map(regions.map((r) => [r.id, r.slug]));
  const municipalitySlug = new Map(municipalities.map((m) => [m.id, m.slug]));
  const networkSlug = new Map(networks.map((n) => [n.id, n.slug]));
  const write = (kind: CsvKind, rows: unknown[][]) =>
    stringify([csvColumns[kind] as string[], ...rows], { bom: true });
  return {
    regions: write(
      'regions',
      regions.map((r) => [r.slug, r.name]),
    ),
    municipalities: write(
      'municipalities',
      municipalities.map((m) => [m.slug, m.name, regionSlug.get(m.regionId)]),
    ),
    areas: write(
      'areas',
      areas.map((a) => [a.slug, a.name, a.kind, municipalitySlug.get(a.municipalityId)]),
    ),
    networks: write(
      'networks',
      networks.map((n) => [
        n.slug,
        n.name,
        n.description,
        n.contactEmail ?? '',
        n.contactPhone ?? '',
        n.contactAddress ?? '',
        n.isPublic ? 'ja' : 'nee',
      ]),
    ),
    organisations: write(
      'organisations',
      organisations.map((o) => [
        o.name,
        o.type,
        o.website ?? '',
        o.networkIds.map((id) => networkSlug.get(id)).join(';'),
      ]),
    ),
  };
}

export type ImportCounts = Record<CsvKind, { created: number; updated: number }>;
export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; errors: string[] };

class RollBack extends Error {}

type Parsed = { [K in CsvKind]: Array<{ row: number; data: z.output<(typeof schemas)[K]> }> };

/**
 * Imports the given files (a kind → its CSV text; kinds left out are skipped). Every row is
 * checked first; then all rows are saved in one transaction. Any error — a bad field, a
 * slug used twice, a reference to a place that does not exist — saves nothing and is
 * reported as "file, row, field: message" in the translator's language.
 */
export async function importPlaces(
  db: Database,
  files: Partial<Record<CsvKind, string>>,
  t: Translate,
  by: AdminOrigin,
  /** dryRun: check and count everything, then roll back. */
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const errors: string[] = [];
  /** A file that could not be read at all: references into it would only mislead. */
  let fileError = false;
  const message = (key: string, params: Record<string, string | number> = {}) => {
    const [k, ...rest] = key.split('|');
    for (const pair of rest) {
      const [name, value] = pair.split('=');
      if (name && value !== undefined) params[name] = value;
    }
    return k && isMessageKey(k) ? t(k, params) : t('form.invalid');
  };
  const rowError = (kind: CsvKind, row: number, field: string, text: string) =>
    errors.push(t('admin.csv.rowError', { file: `${kind}.csv`, row, field, message: text }));

  const parsed = Object.fromEntries(csvKinds.map((k) => [k, []])) as unknown as Parsed;
  for (const kind of csvKinds) {
    const text = files[kind];
    if (text === undefined) continue;
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(text, {
        bom: true,
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        info: true,
        relax_column_count: false,
      });
    } catch (error) {
      // The parser's own words are English: say it in the reader's language, with the line.
      const line = (error as { lines?: number }).lines;
      errors.push(t('admin.csv.unreadable', { file: `${kind}.csv`, line: line ?? 1 }));
      fileError = true;
      continue;
    }
    const columns = ((parse(text, { bom: true, to_line: 1 }) as string[][])[0] ?? []).map((h) =>
      h.trim().toLowerCase(),
    );
    const missing = csvColumns[kind].filter((c) => !columns.includes(c));
    const unknown = columns.filter((c) => c && !csvColumns[kind].includes(c));
    if (missing.length > 0 || unknown.length > 0) {
      errors.push(
        t('admin.csv.columns', { file: `${kind}.csv`, columns: csvColumns[kind].join(', ') }),
      );
      fileError = true;
      continue;
    }
    const seen = new Map<string, number>();
    for (const { record, info } of records) {
      const row = info.lines;
      const result = schemas[kind].safeParse(record);
      if (!result.success) {
        for (const issue of result.error.issues) {
          rowError(kind, row, String(issue.path[0] ?? ''), message(issue.message));
        }
        continue;
      }
      // The key column (a slug; an organisation's name), compared as the import finds rows.
      const key = String(record[csvColumns[kind][0]!] ?? '')
        .trim()
        .toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        rowError(kind, row, csvColumns[kind][0]!, t('admin.csv.duplicate', { row: first }));
        continue;
      }
      seen.set(key, row);
      (parsed[kind] as Array<{ row: number; data: unknown }>).push({ row, data: result.data });
    }
  }
  // Rows with bad fields are left out; the others are still tried (and rolled back), so one
  // run reports references to places that do not exist as well.
  if (fileError) return { ok: false, errors };

  const counts = Object.fromEntries(
    csvKinds.map((k) => [k, { created: 0, updated: 0 }]),
  ) as ImportCounts;
  try {
    await db.transaction(async (tx) => {
      const repo = networkModule.api.admin(tx);
      const missingRef = (kind: CsvKind, row: number, field: string, slug: string) =>
        rowError(kind, row, field, t('admin.csv.unknownRef', { slug }));

      for (const { data } of parsed.regions) {
        const id = await repo.findRegionIdBySlug(data.slug);
        if (id === undefined) await repo.insertRegion(data);
        else await repo.updateRegion(id, data);
        counts.regions[id === undefined ? 'created' : 'updated']++;
      }
      for (const { row, data } of parsed.municipalities) {
        const regionId = await repo.findRegionIdBySlug(data.region);
        if (regionId === undefined) {
          missingRef('municipalities', row, 'region', data.region);
          continue;
        }
        const values = { slug: data.slug, name: data.name, regionId };
        const id = await repo.findMunicipalityIdBySlug(data.slug);
        if (id === undefined) await repo.insertMunicipality(values);
        else await repo.updateMunicipality(id, values);
        counts.municipalities[id === undefined ? 'created' : 'updated']++;
      }
      for (const { row, data } of parsed.areas) {
        const municipalityId = await repo.findMunicipalityIdBySlug(data.municipality);
        if (municipalityId === undefined) {
          missingRef('areas', row, 'municipality', data.municipality);
          continue;
        }
        const values = { slug: data.slug, name: data.name, kind: data.kind, municipalityId };
        const id = await repo.findAreaIdBySlug(data.slug);
        if (id === undefined) await repo.insertArea(values);
        else await repo.updateArea(id, values);
        counts.areas[id === undefined ? 'created' : 'updated']++;
      }
      for (const { row, data } of parsed.networks) {
        const areaId = await repo.findAreaIdBySlug(data.area);
        if (areaId === undefined) {
          missingRef('networks', row, 'area', data.area);
          continue;
        }
        const values = {
          name: data.name,
          description: data.description,
          contactEmail: data.contact_email,
          contactPhone: data.contact_phone,
          contactAddress: data.contact_address,
          isPublic: data.public,
        };
        const id = await repo.findNetworkIdOfArea(areaId);
        if (id === undefined) await repo.insertNetwork({ areaId, ...values });
        else await repo.updateNetwork(id, values);
        counts.networks[id === undefined ? 'created' : 'updated']++;
      }
      for (const { row, data } of parsed.organisations) {
        const networkIds: number[] = [];
        for (const slug of data.networks) {
          const areaId = await repo.findAreaIdBySlug(slug);
          const networkId =
            areaId === undefined ? undefined : await repo.findNetworkIdOfArea(areaId);
          if (networkId === undefined) missingRef('organisations', row, 'networks', slug);
          else networkIds.push(networkId);
        }
        const values = { name: data.name, type: data.type, website: data.website };
        const found = await repo.findOrganisationByName(data.name);
        const id = found?.id ?? (await repo.insertOrganisation(values));
        if (found) await repo.updateOrganisation(found.id, values);
        await repo.addOrganisationNetworks(id, networkIds);
        counts.organisations[found ? 'updated' : 'created']++;
      }
      if (errors.length > 0 || options.dryRun) throw new RollBack();
    });
  } catch (error) {
    if (error instanceof RollBack) {
      return errors.length > 0 ? { ok: false, errors } : { ok: true, counts };
    }
    throw error;
  }
  await recordAudit(db, {
    actorId: by.actorId,
    action: 'admin.import',
    result: 'ok',
    origin: by.origin,
    detail: csvKinds.map((k) => `${k} +${counts[k].created} ~${counts[k].updated}`).join(', '),
  });
  return { ok: true, counts };
}
