// What the database benchmarks share: a throwaway database (PGlite in memory, or with `--pg`
// a new database on the PostgreSQL server at BENCH_DATABASE_URL, dropped afterwards) and the
// percentile of a sorted list of timings.
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';

/**
 * A fresh database for a benchmark: `name` (letters and underscores) names the PostgreSQL
 * database, suffixed with the process id. `cleanup` closes it and drops it on PostgreSQL.
 */
export async function openBenchDatabase(
  usePg: boolean,
  name: string,
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (!usePg) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    return { handle, cleanup: () => handle.close() };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
    },
  };
}

/** The p-th percentile (0–100) of timings sorted ascending, nearest-rank; 0 for none. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
