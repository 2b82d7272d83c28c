// Test databases on PGlite, opened once per test process and reset between test files.
//
// Opening a PGlite copy of a template costs about 0.6–1.7 s of CPU (unpacking the 31 MB data
// folder into memory, then starting PostgreSQL in WebAssembly): with about a hundred test
// files that open one, that was a third of `npm test`'s CPU. A test process (a shard of
// scripts/test-shards.mjs runs many files one after another) now keeps each database it
// opened: when a file closes its handle, every table is put back as the template had it
// (its rows, with COPY, and every sequence), and the next file gets it as if it were new.
// See docs/decisions/0019-test-databases-reset-between-files.md.
import type { PGlite } from '@electric-sql/pglite';
import { type DatabaseHandle, openDatabase } from '#src/db/client.js';

/** What a template holds: its rows per table (COPY binary) and each sequence's state. */
interface Snapshot {
  /** Every table in the public schema, quoted, with its number of rows. */
  tables: { table: string; count: number }[];
  /** The tables with rows, with those rows. */
  rows: Map<string, Blob>;
  /** Each sequence: quoted name, last value, whether that value was handed out. */
  sequences: { name: string; value: string; called: boolean }[];
  /**
   * The transaction id after the snapshot or the last reset: a row written since has an
   * xmin at least this (a test database never comes near wraparound).
   */
  since: string;
}

interface Pooled {
  handle: DatabaseHandle;
  snapshot: Snapshot;
}

type Queries = Pick<PGlite, 'query'>;

/** The PGlite client behind a handle opened on PGlite (the Drizzle handle keeps it). */
export function pgliteClientOf(handle: DatabaseHandle): PGlite {
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's PGlite handle exposes its client untyped
  return (handle.db as any).$client as PGlite;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function sequenceStates(client: Queries): Promise<Snapshot['sequences']> {
  const found = await client.query<{ name: string; value: string | null; start: string }>(
    `select sequencename as name, last_value::text as value, start_value::text as start
       from pg_sequences where schemaname = 'public' order by 1`,
  );
  // A sequence never used has no last value: it hands out its start value next.
  return found.rows.map((s) => ({
    name: quote(s.name),
    value: s.value ?? s.start,
    called: s.value !== null,
  }));
}

async function nextTransaction(client: Queries): Promise<string> {
  return (await client.query<{ x: string }>('select txid_current()::text as x')).rows[0]!.x;
}

async function takeSnapshot(client: PGlite): Promise<Snapshot> {
  const names = (
    await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    )
  ).rows.map((t) => quote(t.name));
  const counts = await client.query<{ k: number; n: number }>(
    names.map((t, k) => `select ${k} as k, count(*)::int as n from ${t}`).join(' union all '),
  );
  const tables = counts.rows.map((r) => ({ table: names[r.k] as string, count: r.n }));
  const rows = new Map<string, Blob>();
  for (const { table, count } of tables) {
    if (count === 0) continue;
    const copied = await client.query(`copy ${table} to '/dev/blob' with (format binary)`);
    if (!copied.blob) throw new Error(`COPY of ${table} gave no data`);
    rows.set(table, copied.blob);
  }
  return {
    tables,
    rows,
    sequences: await sequenceStates(client),
    since: await nextTransaction(client),
  };
}

/**
 * The tables whose rows may differ from the snapshot: another number of rows, or a row
 * written (inserted or updated) since the snapshot or the last reset. One query.
 */
async function changedTables(client: Queries, snapshot: Snapshot): Promise<string[]> {
  const since = `'${snapshot.since}'::bigint`;
  const query = snapshot.tables
    .map(
      ({ table, count }, k) =>
        `select ${k} as k where (select count(*) from ${table}) <> ${count}` +
        (count === 0
          ? ''
          : ` or exists (select 1 from ${table} where xmin::text::bigint >= ${since})`),
    )
    .join(' union all ');
  return (await client.query<{ k: number }>(query)).rows.map(
    (r) => snapshot.tables[r.k]?.table as string,
  );
}

/**
 * Puts every table and sequence back as in `snapshot`: the tables that changed are emptied
 * and refilled from it. Triggers are off while it runs (session_replication_role =
 * replica): the audit log's append-only guard would refuse the delete, foreign keys would
 * be checked row by row, and the monthly summary triggers would count restored rows twice.
 */
async function restore(client: PGlite, snapshot: Snapshot): Promise<void> {
  const changed = await changedTables(client, snapshot);
  await client.exec('set session_replication_role = replica');
  try {
    await client.transaction(async (tx) => {
      for (const table of changed) {
        await tx.exec(`delete from ${table}`);
        const data = snapshot.rows.get(table);
        if (data)
          await tx.query(`copy ${table} from '/dev/blob' with (format binary)`, [], { blob: data });
      }
      const now = new Map((await sequenceStates(tx)).map((s) => [s.name, s]));
      for (const s of snapshot.sequences) {
        const current = now.get(s.name);
        if (current && current.value === s.value && current.called === s.called) continue;
        await tx.query('select setval($1::regclass, $2::bigint, $3)', [s.name, s.value, s.called]);
      }
    });
  } finally {
    await client.exec('reset session_replication_role');
  }
  snapshot.since = await nextTransaction(client);
}

const free = new Map<string, Pooled[]>();

/** A new copy of the template, with its snapshot. */
async function openCopy(template: () => Promise<Blob>): Promise<Pooled> {
  const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: await template() });
  return { handle, snapshot: await takeSnapshot(pgliteClientOf(handle)) };
}

/**
 * A PGlite database holding what `template` (a data folder dump) holds, named `key` in this
 * process's pool: a kept one, reset when its last user closed it, or a new copy. Closing
 * the handle puts the database back; one whose reset fails is closed for good.
 */
export async function pooledPglite(
  key: string,
  template: () => Promise<Blob>,
): Promise<DatabaseHandle> {
  const pooled = free.get(key)?.pop() ?? (await openCopy(template));
  const { handle, snapshot } = pooled;
  let closed = false;
  return {
    ...handle,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await restore(pgliteClientOf(handle), snapshot);
      } catch (error) {
        await handle.close();
        throw error;
      }
      const list = free.get(key) ?? [];
      list.push(pooled);
      free.set(key, list);
    },
  };
}
