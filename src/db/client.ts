// Opens the database: embedded PGlite in a data folder by default, or a PostgreSQL server
// when DATABASE_URL is set. Both give the same Drizzle interface to the rest of the code.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './lock.js';
import { combinedSchema } from './schema.js';

/**
 * The database as every repository sees it. Repositories name their own tables, so the
 * type carries no schema (that keeps module types independent of the module list).
 */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  /** Runs fn while holding a database-wide lock (several app processes may start at once). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATION_LOCK = 7_311_402_019;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A dump (tar) of a PGlite data folder to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema: combinedSchema() }) as unknown as Database;
  await pool.query('select 1');
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    exclusive: async (fn) => {
      // A connection of its own, so the work inside can use the whole pool.
      const lockClient = new pg.Client({ connectionString: url });
      await lockClient.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        return await fn();
      } finally {
        await lockClient.end().catch(() => {});
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? dataDir : `${dataDir}/pgdata`, {
      ...(loadDataDir ? { loadDataDir } : {}),
      // Every acknowledged write must survive a crash of the process.
      relaxedDurability: false,
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema: combinedSchema() }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    // One process owns the folder (see lock.ts), so there is nobody to wait for.
    exclusive: (fn) => fn(),
    close: async () => {
      await client.close();
      release();
    },
  };
}
