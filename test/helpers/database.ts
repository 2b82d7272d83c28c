// A fresh, migrated database for each test file: a copy of a migrated PGlite template
// (kept in .tmp/, rebuilt when the migrations change; a process keeps its copies and resets
// them between files, test/helpers/pglite-pool.ts), or with TEST_DB=pg a new database on
// the PostgreSQL server at TEST_DATABASE_URL, created from a migrated template database.
// Files that need the demo get a copy of a second template that holds it: the demo is
// seeded once per test run (its dates are relative to today), not once per test file.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type DatabaseHandle, openDatabase } from '#src/db/client.js';
import { migrationsFolder, runMigrations } from '#src/db/migrate.js';
import { seedDemo } from '#src/db/seed.js';
import { pgliteClientOf, pooledPglite } from './pglite-pool.js';

function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else hash.update(name.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/**
 * One test run: scripts/run-tests.mjs sets BK_TEST_RUN for all its files and removes the
 * run's demo templates afterwards. A file started on its own seeds the demo itself.
 */
const testRun = process.env.BK_TEST_RUN?.replace(/[^a-z0-9]/gi, '').toLowerCase();

/** The demo template's name: the migrations and the test run. */
function demoKey(run: string): string {
  return `${migrationsHash()}_${run}`;
}

async function migrateAndSeed(handle: DatabaseHandle): Promise<void> {
  await runMigrations(handle);
  await seedDemo(handle);
}

/** Waits for a lock folder (mkdir is atomic), so that one test file builds a template. */
async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync('.tmp', { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    rmdirSync(path);
  }
}

async function dumpOf(fill: (handle: DatabaseHandle) => Promise<void>): Promise<Blob> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await fill(handle);
  const client = pgliteClientOf(handle);
  // Not compressed: each test file loads a copy, and unpacking gzip cost ~0.3 s of CPU each.
  const dump = await client.dumpDataDir('none');
  await handle.close();
  return dump;
}

async function buildPgliteTemplate(
  path: string,
  fill: (handle: DatabaseHandle) => Promise<void>,
): Promise<Blob> {
  if (!existsSync(path)) {
    await withFileLock(`${path}.lock`, async () => {
      if (existsSync(path)) return;
      const dump = await dumpOf(fill);
      const temporary = `${path}.${process.pid}`;
      writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      renameSync(temporary, path);
    });
  }
  return new Blob([readFileSync(path)]);
}

/**
 * The migrated PGlite template (a tar dump of a data folder), built once per migration set:
 * a new data folder, on disk or in memory, starts from it instead of running every migration.
 */
export function pgliteTemplate(): Promise<Blob> {
  return buildPgliteTemplate(
    join('.tmp', `pglite-template-${migrationsHash()}.tar`),
    runMigrations,
  );
}

let ownDemo: Promise<Blob> | undefined;

/** The migrated template with the demo seeded into it, built once per test run. */
export function pgliteDemoTemplate(): Promise<Blob> {
  if (!testRun) {
    ownDemo ??= dumpOf(migrateAndSeed);
    return ownDemo;
  }
  return buildPgliteTemplate(join('.tmp', `pglite-demo-${demoKey(testRun)}.tar`), migrateAndSeed);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Makes `template` on the server unless it is there; the caller holds the advisory lock. */
async function ensurePostgresTemplate(
  admin: pg.Client,
  adminUrl: string,
  template: string,
  fill: (handle: DatabaseHandle) => Promise<void>,
  from?: string,
): Promise<void> {
  const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
  if (found.rowCount !== 0) return;
  // Built under another name and renamed when complete, so a crash leaves no half template.
  const building = `${template}_building`;
  await admin.query(`drop database if exists ${building} with (force)`);
  await admin.query(`create database ${building}${from ? ` template ${from}` : ''}`);
  const handle = await openDatabase({
    databaseUrl: databaseUrl(adminUrl, building),
    poolSize: 2,
  });
  await fill(handle);
  await handle.close();
  await admin.query(`alter database ${building} rename to ${template}`);
}

/**
 * A new, migrated database on the PostgreSQL server (with the demo in it when `demo`);
 * drop() removes it.
 */
export async function createPostgresTestDatabase(
  adminUrl: string,
  options: { demo?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const migrated = `bk_template_${migrationsHash()}`;
  // This run's demo template; run-tests.mjs drops bk_demo_*_<run> when the run ends.
  const template = options.demo && testRun ? `bk_demo_${demoKey(testRun)}` : migrated;
  const name = `bk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(4242)');
    try {
      await ensurePostgresTemplate(admin, adminUrl, migrated, runMigrations);
      if (template !== migrated) {
        await ensurePostgresTemplate(admin, adminUrl, template, seedDemo, migrated);
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(4242)');
    }
  });
  if (options.demo && template === migrated) {
    // A file run on its own: the demo goes straight into its database.
    const handle = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name), poolSize: 2 });
    try {
      await seedDemo(handle);
    } finally {
      await handle.close();
    }
  }
  return {
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      await withAdmin(adminUrl, (admin) =>
        admin.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function postgresDatabase(adminUrl: string, demo: boolean): Promise<DatabaseHandle> {
  const created = await createPostgresTestDatabase(adminUrl, { demo });
  const handle = await openDatabase({ databaseUrl: created.url, poolSize: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

export const usingPostgres = process.env.TEST_DB === 'pg';

export interface TestDatabaseOptions {
  /** Start from a copy of the seeded demo (src/db/seed.ts), as a first start in demo mode. */
  demo?: boolean;
}

/**
 * A database with every migration applied and nothing else (or the demo), as if new; close
 * it when the test file is done (on PGlite that resets it for the next file).
 */
export async function createTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const demo = options.demo ?? false;
  if (usingPostgres) {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=pg needs TEST_DATABASE_URL');
    return postgresDatabase(url, demo);
  }
  return demo ? pooledPglite('demo', pgliteDemoTemplate) : pooledPglite('migrated', pgliteTemplate);
}

/**
 * The rows of a raw SQL query on a test app's database, typed as `T` (the caller's promise:
 * column names as PostgreSQL returns them, snake_case).
 */
export async function rows<T>(t: { database: { db: Database } }, query: SQL): Promise<T[]> {
  const result = await t.database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Two handles on one database, as two app processes would have them. */
export interface HandlePair {
  readonly one: DatabaseHandle;
  readonly two: DatabaseHandle;
}

/**
 * Opens one migrated test database before the file's tests with two handles on it (two pools
 * on PostgreSQL, like two processes; on PGlite, which serves one process, the same handle
 * twice) and closes and drops it after them. Call it at the top of the file.
 */
export function useHandlePair(): HandlePair {
  let one: DatabaseHandle | undefined;
  let two: DatabaseHandle | undefined;
  let drop = async () => {};
  before(async () => {
    if (usingPostgres) {
      const created = await createPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
      one = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
      two = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
      drop = created.drop;
    } else {
      one = await createTestDatabase();
      two = one;
    }
  });
  after(async () => {
    if (two !== one) await two?.close();
    await one?.close();
    await drop();
  });
  const ready = (handle: DatabaseHandle | undefined) => {
    if (!handle) throw new Error('the database pair is read before its before hook ran');
    return handle;
  };
  return {
    get one() {
      return ready(one);
    },
    get two() {
      return ready(two);
    },
  };
}
