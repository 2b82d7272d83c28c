import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, csrfTokenIn, type TestApp, TestClient } from '#test/helpers/app.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createWorld } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';
import { budgetBallots } from './tables.js';

describe('secret ballots under concurrency', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const a = () => world.networks.a;
  const pub = (roundId: number) => `/buurt/${a().slug}/wijkbudget/${roundId}`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  /** Sends a ballot straight to the submit step, as the review page's form does. */
  function submit(client: TestClient, roundId: number, fields: Record<string, string | string[]>) {
    return client.post(`${pub(roundId)}/stemmen/insturen`, {
      _csrf: csrfTokenIn(client.lastHtml) ?? '',
      ...fields,
    });
  }

  test('ballots and voted-records share no column, no order and no time finer than a day', async () => {
    const columns = async (table: string) =>
      (
        (await t.database.db.execute(
          sql`select column_name, data_type from information_schema.columns where table_name = ${table}`,
        )) as unknown as { rows: { column_name: string; data_type: string }[] }
      ).rows;
    const ballot = await columns('budget_ballots');
    const voter = await columns('budget_voters');
    assert.ok(ballot.length > 0 && voter.length > 0);
    const shared = ballot
      .map((c) => c.column_name)
      .filter((n) => voter.some((v) => v.column_name === n));
    assert.deepEqual(shared, ['round_id']);
    for (const c of [...ballot, ...voter]) {
      assert.ok(!/time/.test(c.data_type), `${c.column_name} holds a time: ${c.data_type}`);
    }
    assert.equal(ballot.find((c) => c.column_name === 'id')!.data_type, 'uuid');
    assert.equal(ballot.find((c) => c.column_name === 'cast_on')!.data_type, 'date');
    // Ballots come back in the order of their random ids, not in the order they were cast.
    const { roundId, ids, codes } = await createVotingRound(t.database.db, a().id, { codes: 12 });
    const voterClient = new TestClient(t.app, '10.0.1.3');
    await voterClient.get(`${pub(roundId)}/stemmen`);
    for (const [k, code] of codes.entries()) {
      const r = await submit(voterClient, roundId, {
        code,
        key: `order-key-${k}-123456789`,
        choice: String(ids[k % 3]),
      });
      assert.equal(r.statusCode, 303);
    }
    const listed = await budgetingRepository(t.database.db).listBallots(roundId);
    assert.equal(listed.length, 12);
    assert.deepEqual(
      listed.map((b) => b.id),
      listed.map((b) => b.id).sort(),
    );
    const cast = listed.map((b) => Number(Object.keys(b.choices)[0]));
    const inOrder = codes.map((_, k) => ids[k % 3]);
    assert.notDeepEqual(cast, inOrder, 'ballots read back in the order they were cast');
    const days = await t.database.db.select({ castOn: budgetBallots.castOn }).from(budgetBallots);
    for (const d of days) assert.match(d.castOn, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('one code submitted 50 times in parallel: exactly one ballot, the same receipt for all', async () => {
    const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
      codes: 1,
    });
    const voter = new TestClient(t.app, '10.0.1.4');
    await voter.get(`${pub(roundId)}/stemmen`);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        submit(voter, roundId, {
          code: codes[0]!,
          key: 'same-form-key-123456',
          choice: String(ids[1]),
        }),
      ),
    );
    assert.deepEqual([...new Set(responses.map((r) => r.statusCode))], [303]);
    assert.equal(new Set(responses.map((r) => r.headers.location)).size, 1);
    assert.equal(await service.countBallots(roundId), 1);
    assert.equal(await service.countVoters(roundId), 1);
    // The same code with another form (another key) is refused, and stores nothing.
    const other = await submit(voter, roundId, {
      code: codes[0]!,
      key: 'other-form-key-12345',
      choice: String(ids[0]),
    });
    assert.equal(other.statusCode, 409);
    assert.equal(await service.countBallots(roundId), 1);
  });

  test('one account casting 20 ballots in parallel: exactly one ballot, the other 19 refused as used', async () => {
    const { roundId, ids, service } = await createVotingRound(t.database.db, a().id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        service.castBallot(
          a().id,
          roundId,
          { personId: world.people.resident.id },
          new Map([[ids[0]!, 1]]),
          `account-race-${k}-0123456789`,
        ),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.reason === 'used').length, 19);
    assert.equal(await service.countBallots(roundId), 1);
  });
});
