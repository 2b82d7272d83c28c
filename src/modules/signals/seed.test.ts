import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '#src/db/client.js';
import { networks } from '#src/modules/network/tables.js';
import { createTestDatabase } from '#test/helpers/database.js';
import { personalDetails } from './privacy.js';
import { seedSignalsDemo } from './seed.js';
import { runSignalRetention } from './service/index.js';
import { signals, signalUpdates } from './tables.js';

describe('the signals demo', () => {
  let database: DatabaseHandle;
  before(async () => {
    // A copy of the demo (seeded once for the whole test run); seeding again adds nothing.
    database = await createTestDatabase({ demo: true });
  });
  after(() => database.close());

  test('a year of signals per demo network, without personal details, loaded once', async () => {
    const db = database.db;
    await seedSignalsDemo(db);
    await seedSignalsDemo(db);
    const [zonnehoek] = await db
      .select()
      .from(networks)
      .where(eq(networks.name, 'Buurtnetwerk Zonnehoek'));
    const rows = await db.select().from(signals).where(eq(signals.networkId, zonnehoek!.id));
    assert.equal(rows.filter((r) => r.status !== 'pending').length, 25);
    assert.equal(rows.filter((r) => r.status === 'pending').length, 2);
    assert.equal(rows.filter((r) => r.personBound).length, 2);
    assert.ok(rows.filter((r) => r.status === 'closed').every((r) => r.outcome));
    for (const r of rows)
      assert.deepEqual(personalDetails(r.title, r.description, r.place, r.trigger), [], r.title);
    const notes = await db
      .select()
      .from(signalUpdates)
      .where(eq(signalUpdates.networkId, zonnehoek!.id));
    assert.ok(notes.some((n) => n.kind === 'note'));
    // The person-bound one closed 13 months ago is anonymised by the retention job (in each network).
    assert.equal(await runSignalRetention(db, new Date()), 3);
  });
});
