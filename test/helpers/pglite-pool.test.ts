// The kept PGlite test databases (decision 0019): after a file closes one, the next file
// must find exactly what the template holds — rows, sequences, triggers — whatever the
// first file wrote, rewrote or deleted. Runs on PGlite in both suites (the pool is PGlite's).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DatabaseHandle } from '#src/db/client.js';
import { pgliteDemoTemplate } from './database.js';
import { pgliteClientOf, pooledPglite } from './pglite-pool.js';

/** Every table's rows (a digest in a fixed order) and every sequence's state. */
async function state(h: DatabaseHandle): Promise<Record<string, string>> {
  const c = pgliteClientOf(h);
  const tables = await c.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await c.query<{ d: string | null; n: number }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as d, count(*)::int as n from "${name}" t`,
    );
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.d ?? ''}`;
  }
  const seqs = await c.query<{ name: string; v: string | null }>(
    `select sequencename as name, last_value::text as v from pg_sequences where schemaname = 'public'`,
  );
  for (const s of seqs.rows) out[`sequence ${s.name}`] = s.v ?? 'unused';
  return out;
}

describe('kept PGlite test databases', () => {
  test('a file sees the template again after another wrote, rewrote and deleted rows', async () => {
    const first = await pooledPglite('demo', pgliteDemoTemplate);
    const template = await state(first);
    assert.ok(Number(template.networks?.split(':')[0]) > 0, 'the demo has networks');
    const c = pgliteClientOf(first);
    // A new row (and a sequence moved), a row rewritten in place (same count), a row
    // deleted, an audit entry, a sequence moved without a row.
    await c.exec(`insert into regions (name, slug) values ('Proefregio', 'proefregio')`);
    await c.exec(
      `update networks set name = name || ' (gewijzigd)' where id = (select min(id) from networks)`,
    );
    await c.exec(`delete from memberships where id = (select max(id) from memberships)`);
    await c.exec(`insert into audit_log (action, result) values ('test.pool', 'ok')`);
    const seq = (
      await c.query<{ s: string }>(
        `select sequencename as s from pg_sequences where schemaname = 'public' and sequencename like 'people%' limit 1`,
      )
    ).rows[0]?.s;
    assert.ok(seq, 'people has a sequence');
    await c.query(`select nextval('"${seq}"')`);
    assert.notDeepEqual(await state(first), template, 'the first file changed the database');
    await first.close();

    const second = await pooledPglite('demo', pgliteDemoTemplate);
    assert.equal(pgliteClientOf(second), c, 'the same database is handed out again');
    assert.deepEqual(await state(second), template);
    // Triggers are on again: the audit log is still append-only.
    await assert.rejects(pgliteClientOf(second).exec('delete from audit_log'), /append-only/);
    await second.close();
  });
});
