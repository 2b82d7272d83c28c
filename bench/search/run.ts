/**
 * Search benchmark (issue 14, item 4): a generated corpus of Dutch-language documents across
 * types, networks, municipalities and regions, and the latency of typical searches with the
 * permission filter applied (the same repository call the search page makes: count + one
 * ranked page with highlighted snippets).
 *
 *   npm run bench:search                 PGlite in memory, 100,000 documents
 *   npm run bench:search -- --pg         PostgreSQL (BENCH_DATABASE_URL, default
 *                                        postgres://postgres@127.0.0.1:5432/postgres): a fresh
 *                                        database is created and dropped afterwards
 *   BENCH_DOCUMENTS=20000 …              a smaller corpus
 *
 * Prints p50/p95/p99 in milliseconds per query and for all queries together.
 */
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../src/db/migrate.js';
import { searchRepository } from '../../src/modules/search/repository.js';
import { publicScope, type ViewerScope } from '../../src/platform/visibility.js';
import { openBenchDatabase, percentile } from '../database.js';

const usePg = process.argv.includes('--pg');
const total = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 30);

const SUBJECTS = [
  'De buurtbewoners',
  'Een bewoner van de flat',
  'De wijkagent',
  'Twee buurvrouwen',
  'De jongerenwerker',
  'Oudere bewoners',
  'Nieuwe huurders',
  'De coördinator',
  'Een vrijwilliger',
  'Ouders van de school',
  'De woningcorporatie',
  'Kinderen uit de straat',
];
const VERBS = [
  'organiseerden',
  'spraken over',
  'maakten zich zorgen over',
  'waren blij met',
  'vroegen naar',
  'kookten samen voor',
  'ruimden samen op bij',
  'ontmoetten elkaar bij',
  'luisterden naar verhalen over',
  'bedachten een plan voor',
];
const OBJECTS = [
  'het bankje op het plein',
  'de speeltuin achter de school',
  'eenzaamheid onder ouderen',
  'de moestuin',
  'zwerfafval bij de flat',
  'het straatfeest in de zomer',
  'de buurtkamer',
  'overlast van jongeren bij het winkelcentrum',
  'de koffieochtend op dinsdag',
  'verkeer bij de basisschool',
  'een ruilkast in de hal',
  'de maaltijd voor nieuwe bewoners',
  'het groen in de wijk',
  'de bibliotheek in het dorpshuis',
];
const ENDINGS = [
  'Het was een kleine verrassing.',
  'Volgende keer nodigen we meer mensen uit.',
  'Dat gaf veel energie.',
  'Het liep anders dan gedacht.',
  'We leerden dat luisteren eerst komt.',
  'Niemand had dat verwacht.',
  'De gemeente kijkt mee.',
  'Er kwamen meer mensen dan vorige keer.',
];
const TYPES = [
  'signal',
  'spark',
  'experiment',
  'logbook_entry',
  'meeting',
  'story',
  'case',
  'lesson',
];
const THEMES = [
  'eenzaamheid',
  'jongeren',
  'groen',
  'verkeer',
  'ontmoeting',
  'veiligheid',
  'armoede',
];

const REGIONS = 3;
const MUNICIPALITIES_PER_REGION = 5;
const NETWORKS_PER_MUNICIPALITY = 4;
const NETWORKS = REGIONS * MUNICIPALITIES_PER_REGION * NETWORKS_PER_MUNICIPALITY;
const placeOf = (networkId: number) => {
  const municipalityId = Math.ceil(networkId / NETWORKS_PER_MUNICIPALITY);
  return {
    networkId,
    municipalityId,
    regionId: Math.ceil(municipalityId / MUNICIPALITIES_PER_REGION),
  };
};

const { handle, cleanup } = await openBenchDatabase(usePg, 'bench_search');
try {
  await runMigrations(handle);
  const repo = searchRepository(handle.db);
  const loadStart = performance.now();
  // The corpus is generated inside the database in batches (the GIN index built once at the
  // end, as for any bulk load); every row gets a fresh random network, level, type and text.
  const list = (xs: readonly string[]) =>
    `array[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(',')}]::text[]`;
  const one = (xs: readonly string[]) => `(${list(xs)})[1 + floor(random() * ${xs.length})::int]`;
  const sentence = () =>
    `${one(SUBJECTS)} || ' ' || ${one(VERBS)} || ' ' || ${one(OBJECTS)} || '.'`;
  await handle.db.execute(sql.raw('select setseed(0.2026)'));
  await handle.db.execute(sql.raw('drop index if exists search_documents_document'));
  const BATCH = 10_000;
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await handle.db.execute(
      sql.raw(`insert into search_documents
        (type, source_id, network_id, municipality_id, region_id, visibility, title, body, themes, occurred_at, path)
      select type, g, n, m, ceil(m / ${MUNICIPALITIES_PER_REGION}.0)::int, vis, title, body, array[theme],
             timestamptz '2024-01-01' + (floor(random() * 900)::int * interval '1 day'), '/bench/' || type || '/' || g
      from (
        select g, n, ceil(n / ${NETWORKS_PER_MUNICIPALITY}.0)::int as m,
          case when v < 0.7 then 'network' when v < 0.8 then 'municipality'
               when v < 0.9 then 'region' else 'public' end as vis,
          ${one(TYPES)} as type, initcap(${one(OBJECTS)}) as title,
          ${sentence()} || ' ' || ${sentence()} || ' ' || ${sentence()} || ' ' || ${one(ENDINGS)} as body,
          ${one(THEMES)} as theme
        from (select g, 1 + floor(random() * ${NETWORKS})::int as n, random() as v
              from generate_series(${from}, ${to}) g) base
      ) rows`),
    );
  }
  await handle.db.execute(
    sql.raw('create index search_documents_document on search_documents using gin (document)'),
  );
  await handle.db.execute(sql.raw('analyze search_documents'));
  const loadSeconds = (performance.now() - loadStart) / 1000;
  console.log(
    `${usePg ? 'PostgreSQL' : 'PGlite'}: ${total.toLocaleString('en')} documents in ${NETWORKS} networks loaded in ${loadSeconds.toFixed(1)} s`,
  );

  const member = (networkId: number): ViewerScope => {
    const p = placeOf(networkId);
    return {
      all: false,
      networkIds: [networkId],
      municipalityIds: [p.municipalityId],
      regionIds: [p.regionId],
    };
  };
  const scopes: { name: string; scope: ViewerScope }[] = [
    { name: 'member', scope: member(7) },
    { name: 'member of 2', scope: { ...member(23), networkIds: [23, 24] } },
    { name: 'anonymous', scope: publicScope },
  ];
  const queries = [
    'buurtbewoner',
    'eenzaamheid ouderen',
    'koffieochtend',
    '"samen voor"',
    'jongeren -winkelcentrum',
    'speeltuin school',
    'vuurtorenwachter',
  ];
  const all: number[] = [];
  const rows: string[][] = [['query', 'scope', 'hits', 'p50', 'p95', 'p99']];
  for (const text of queries) {
    for (const { name, scope } of scopes) {
      const times: number[] = [];
      let hits = 0;
      for (let r = 0; r < repeats; r++) {
        const page = r % 3;
        const start = performance.now();
        const result = await repo.searchDocuments({ text, limit: 10, offset: page * 10 }, scope);
        times.push(performance.now() - start);
        hits = result.total;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      rows.push([
        text,
        name,
        String(hits),
        percentile(times, 50).toFixed(1),
        percentile(times, 95).toFixed(1),
        percentile(times, 99).toFixed(1),
      ]);
    }
  }
  all.sort((a, b) => a - b);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(
    `all ${all.length} searches (ms): p50 ${percentile(all, 50).toFixed(1)}  p95 ${percentile(all, 95).toFixed(1)}  p99 ${percentile(all, 99).toFixed(1)}`,
  );
} finally {
  await cleanup();
}
