// Runs the test files with node's own test runner (through tsx, so tests are TypeScript).
//   node scripts/run-tests.mjs          unit + integration tests on embedded PGlite
//   node scripts/run-tests.mjs --pg     the same suites against PostgreSQL (TEST_DATABASE_URL)
//   node scripts/run-tests.mjs --e2e    browser journeys in test/e2e
// Extra arguments that are paths narrow the run to those files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const pg = args.includes('--pg');
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

const env = { ...process.env, NODE_ENV: 'test' };
if (pg) {
  env.TEST_DB = 'pg';
  env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${e2e ? 1 : 2}`,
    // A test that hangs fails instead of holding up CI.
    `--test-timeout=${e2e ? 180_000 : 120_000}`,
    ...files.sort(),
  ],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
