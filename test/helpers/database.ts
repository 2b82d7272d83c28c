// A fresh, migrated database for each test file: a copy of a migrated PGlite template
// (kept in .tmp/, rebuilt when the migrations change), or with TEST_DB=pg a new database on
// the PostgreSQL server at TEST_DATABASE_URL, created from a migrated template database.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '#src/db/client.js';
import { migrationsFolder, runMigrations } from '#src/db/migrate.js';

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

async function pgliteTemplate(): Promise<Blob> {
  const path = join('.tmp', `pglite-template-${migrationsHash()}.tar.gz`);
  if (!existsSync(path)) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(handle);
    // biome-ignore lint/suspicious/noExplicitAny: the PGlite client behind the Drizzle handle
    const client = (handle.db as any).$client as PGlite;
    const dump = await client.dumpDataDir('gzip');
    await handle.close();
    mkdirSync('.tmp', { recursive: true });
    const temporary = `${path}.${process.pid}`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, path);
  }
  return new Blob([readFileSync(path)]);
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

/** A new, migrated database on the PostgreSQL server; drop() removes it. */
export async function createPostgresTestDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const template = `bk_template_${migrationsHash()}`;
  const name = `bk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(4242)');
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount === 0) {
        // Built under another name and renamed when complete, so a crash leaves no half template.
        const building = `${template}_building`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const handle = await openDatabase({
          databaseUrl: databaseUrl(adminUrl, building),
          poolSize: 2,
        });
        await runMigrations(handle);
        await handle.close();
        await admin.query(`alter database ${building} rename to ${template}`);
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(4242)');
    }
  });
  return {
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      await withAdmin(adminUrl, (admin) =>
        admin.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function postgresDatabase(adminUrl: string): Promise<DatabaseHandle> {
  const created = await createPostgresTestDatabase(adminUrl);
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

/** A new database with every migration applied; close it when the test file is done. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (usingPostgres) {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=pg needs TEST_DATABASE_URL');
    return postgresDatabase(url);
  }
  return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
}
