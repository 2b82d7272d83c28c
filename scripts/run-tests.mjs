// Runs the test files with node's own test runner (through tsx, so tests are TypeScript).
//   node scripts/run-tests.mjs          unit + integration tests on embedded PGlite
//   node scripts/run-tests.mjs --pg     the same suites against PostgreSQL (TEST_DATABASE_URL)
//   node scripts/run-tests.mjs --e2e    browser journeys in test/e2e
// Extra arguments that are paths narrow the run to those files.
// Unit and integration test files run in shards (scripts/test-shards.mjs): a few processes
// per core, each running its share of the files one after another, so that the application's
// modules are loaded once per shard rather than once per file. The time-out bounds each file
// (the slowest takes about 25 s on an idle 2-core machine): 240 s on 2 cores, 480 s on 1,
// 120 s from 4 up; browser journeys (one process per file) 1.5×. BK_TEST_NO_SHARDS=1 runs
// one process per file instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TIMINGS, useShards, writeShards } from './test-shards.mjs';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const usePg = args.includes('--pg');
const only = args.filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files =
  only.length > 0
    ? only
    : e2e
      ? walk('test/e2e')
      : [...walk('src'), ...walk('test').filter((f) => !f.startsWith(join('test', 'e2e')))];

const cores = availableParallelism();
const concurrency = e2e ? 1 : cores;
const timeout = Math.round((e2e ? 1.5 : 1) * 120_000 * (4 / Math.min(cores, 4)));

// One id for this run: test/helpers/database.ts seeds the demo once per run under it.
const run = `r${Date.now().toString(36)}${process.pid.toString(36)}`;
const env = { ...process.env, NODE_ENV: 'test', BK_TEST_RUN: run };
if (usePg) {
  env.TEST_DB = 'pg';
  env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}

const sharded = useShards(files, e2e);
const shardDir = join('.tmp', `shards-${run}`);
const timingsFile = join('.tmp', `timings-${run}.ndjson`);
// Two shards per core: the runner starts the next shard when one ends, which evens out
// what the estimate of each file's time got wrong.
const entries = sharded ? writeShards(files, concurrency * 2, shardDir, timeout) : files.sort();
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    ...(sharded
      ? [
          '--test-reporter=./scripts/test-timings-reporter.mjs',
          `--test-reporter-destination=${timingsFile}`,
        ]
      : []),
    `--test-concurrency=${concurrency}`,
    // A test that hangs fails instead of holding up CI: in a shard, each file has its own
    // time-out (its describe block), and the shard as a whole the sum of its files'.
    `--test-timeout=${sharded ? Math.min(timeout * files.length, 45 * 60_000) : timeout}`,
    ...entries,
  ],
  { stdio: 'inherit', env },
);

if (sharded) {
  rmSync(shardDir, { recursive: true, force: true });
  // Keep each file's time for the next run's shards.
  let timings = {};
  try {
    timings = JSON.parse(readFileSync(TIMINGS, 'utf8'));
  } catch {
    // The first run here.
  }
  for (const line of existsSync(timingsFile) ? readFileSync(timingsFile, 'utf8').split('\n') : []) {
    if (line.trim() === '') continue;
    const { file, ms } = JSON.parse(line);
    timings[file] = ms;
  }
  // Files since removed or renamed would otherwise stay in the estimate file for ever.
  for (const file of Object.keys(timings)) if (!existsSync(file)) delete timings[file];
  writeFileSync(TIMINGS, `${JSON.stringify(timings, null, 1)}\n`);
  rmSync(timingsFile, { force: true });
}

// This run's demo templates: the dump in .tmp/ and, on PostgreSQL, the template database.
for (const name of existsSync('.tmp') ? readdirSync('.tmp') : []) {
  if (name.startsWith('pglite-demo-') && name.includes(`_${run}`)) {
    rmSync(join('.tmp', name), { recursive: true, force: true });
  }
}
if (usePg) {
  const client = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
  try {
    await client.connect();
    const found = await client.query(
      "select datname from pg_database where datname like 'bk\\_demo\\_%' and datname like $1",
      [`%\\_${run}%`],
    );
    for (const { datname } of found.rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } catch (error) {
    console.error(`could not drop this run's demo template: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
process.exit(result.status ?? 1);
