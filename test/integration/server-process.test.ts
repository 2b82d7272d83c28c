import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '#src/db/client.js';
import { createPostgresTestDatabase, usingPostgres } from '#test/helpers/database.js';
import { browserSession, startServer, waitForExit } from '#test/helpers/server-process.js';

describe('the server process', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  const env = () => ({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bk-server-'));
    if (usingPostgres) {
      const created = await createPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  });

  test('a second process on the same data folder is refused and the first keeps working', {
    skip: usingPostgres && 'PostgreSQL needs no folder lock',
  }, async () => {
    const first = await startServer(env());
    // No SMTP_URL: the administrator reads at start-up that mail only goes to the outbox.
    assert.match(first.output(), /No mail server is set \(SMTP_URL\)/);
    try {
      await assert.rejects(
        startServer(env()),
        (error: Error & { code?: number; output?: string }) => {
          assert.equal(error.code, 1);
          assert.match(error.output ?? '', /in use by another running process \(pid \d+\)/);
          return true;
        },
      );
      const health = await fetch(new URL('/healthz', first.url));
      assert.equal(health.status, 200);
    } finally {
      first.child.kill('SIGTERM');
      assert.equal(await waitForExit(first.child), 0, 'SIGTERM closes cleanly');
    }
  });

  test('killed with SIGKILL while writing, it starts again with every acknowledged write', async () => {
    const server = await startServer(env());
    const session = await browserSession(server.url);
    let acknowledged = 0;
    let stop = false;
    // Four writers post as fast as they can; each answered post counted one rate-limit hit.
    const writers = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          const res = await session.post('/taal', { lang: 'nl', back: '/' });
          if (res.status === 303 || res.status === 429) acknowledged++;
        } catch {
          return; // the connection died with the process
        }
      }
    });
    // Kill it mid-stream once enough writes went through (on a busy machine that takes longer).
    const deadline = Date.now() + 30_000;
    while (acknowledged < 30 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await waitForExit(server.child);
    assert.ok(acknowledged > 20, `only ${acknowledged} writes before the kill`);

    const again = await startServer(env());
    assert.equal((await fetch(new URL('/healthz', again.url))).status, 200);
    again.child.kill('SIGTERM');
    await waitForExit(again.child);

    const handle = await openDatabase({ databaseUrl, dataDir });
    try {
      const rows = await handle.db.execute<{ total: number }>(
        // Only the language posts were counted (keys are hashed, so all rows are summed).
        sql`select coalesce(sum(count), 0)::int as total from rate_limits`,
      );
      const total = Number((rows as unknown as { rows: Array<{ total: number }> }).rows[0]!.total);
      assert.ok(total >= acknowledged, `${total} stored < ${acknowledged} acknowledged`);
      const seeded = await handle.db.execute(
        sql`select count(*)::int as n from app_settings where key = 'demo_seeded_at'`,
      );
      assert.equal(Number((seeded as unknown as { rows: Array<{ n: number }> }).rows[0]!.n), 1);
    } finally {
      await handle.close();
    }
  });
});
