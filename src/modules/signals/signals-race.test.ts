// Signals' check-then-change rules under concurrency (issue 9, item 5): a status step is
// taken once even when both duo members click at the same moment, and joining a duo twice at
// once leaves one follower. On PostgreSQL the two requests run on two connections:
// node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
  TEST_PASSWORD,
} from '#test/helpers/factories.js';

async function count(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await t.database.db.execute(query)) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

describe('signals under concurrency', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A new network with a resident and a professional, signed in, and a signal of theirs. */
  async function duoWithSignal() {
    const db = t.database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const network = await createNetwork(db, municipality.id);
    const signIn = async (role: 'resident' | 'professional', ip: string) => {
      const person = await createPerson(db, { memberOf: [{ networkId: network.id, role }] });
      const client = new TestClient(t.app, ip);
      await client.login(person.email!, TEST_PASSWORD);
      return client;
    };
    const resident = await signIn('resident', '10.8.0.1');
    const professional = await signIn('professional', '10.8.0.2');
    const base = `/netwerk/${network.id}/signalen`;
    await professional.get(`${base}/nieuw`);
    const created = await professional.post(`${base}/nieuw`, {
      title: 'Bankje bij de vijver is weg',
      description: 'Ouderen missen hun rustpunt.',
      theme: 'elderly',
      place: 'De vijver',
      trigger: 'Het bankje is weggehaald',
      raisedBy: 'resident',
      origin: 'street',
    });
    assert.equal(created.statusCode, 303);
    const detail = String(created.headers.location);
    const id = Number(/(\d+)$/.exec(detail)![1]);
    await resident.get(detail);
    await professional.get(detail);
    return { id, detail, resident, professional };
  }

  test('both duo members take the same step at once: it is taken once, in one thread entry (5 tries)', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await duoWithSignal();
      assert.equal((await s.resident.post(`${s.detail}/duo`, {})).statusCode, 303);
      await s.resident.get(s.detail);
      const responses = await Promise.all([
        s.resident.post(`${s.detail}/status`, { to: 'taken_up' }),
        s.professional.post(`${s.detail}/status`, { to: 'taken_up' }),
      ]);
      assert.deepEqual(responses.map((r) => r.statusCode).sort(), [303, 400]);
      const steps = await count(
        t,
        sql`select count(*)::int as n from signal_updates where signal_id = ${s.id} and kind = 'status' and status = 'taken_up'`,
      );
      assert.equal(steps, 1);
    }
  });

  test('joining a duo twice at once leaves one follower row, never a 500', async () => {
    const s = await duoWithSignal();
    const responses = await Promise.all([
      s.resident.post(`${s.detail}/duo`, {}),
      s.resident.post(`${s.detail}/duo`, {}),
    ]);
    for (const r of responses) assert.ok(r.statusCode < 500, String(r.statusCode));
    const followers = await count(
      t,
      sql`select count(*)::int as n from signal_followers where signal_id = ${s.id}`,
    );
    assert.equal(followers, 2, 'the professional and the resident, once each');
  });
});
