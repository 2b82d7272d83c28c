// A voting code and an account of the same resident share one vote (issue 13, item 3;
// decision 0011): the resident types the code of their letter once while signed in, and from
// then on only one of the two can ever be used. On PostgreSQL the races below run at the same
// moment on separate connections: node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '#src/platform/tables.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';
import { AccountVotesError } from './service.js';
import { budgetCodes, budgetVoters } from './tables.js';

describe('a code and an account of one resident: one vote', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  const a = () => world.networks.a;
  const pub = (roundId: number) => `/buurt/${a().slug}/wijkbudget/${roundId}`;
  const doer = { personId: null, origin: 'test' };
  /** The database's own refusal, named by its constraint (Drizzle wraps it in `cause`). */
  const refusedBy = (name: string) => (error: unknown) => {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.cause?.message ?? ''} ${e.message ?? ''}`.includes(name);
  };

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app, '10.0.9.1');
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  test('a bound code and its account race (10 tries): exactly one ballot each time', async () => {
    const outcomes: string[] = [];
    for (let k = 0; k < 10; k++) {
      const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
        codes: 2,
      });
      const round = (await service.findRound(a().id, roundId))!;
      const personId = world.people.resident.id;
      assert.equal(await service.bindCode(round, personId, codes[0]!, 'test'), 'ok');
      const choice = new Map([[ids[0]!, 1]]);
      const results = await Promise.all([
        service.castBallot(a().id, roundId, { code: codes[0]! }, choice, `race-code-${k}-abcdef`),
        service.castBallot(a().id, roundId, { personId }, choice, `race-account-${k}-abcdef`),
      ]);
      outcomes.push(
        results
          .map((r) => (r.ok ? 'ok' : r.reason))
          .sort()
          .join(','),
      );
      assert.equal(await service.countBallots(roundId), 1);
      assert.equal(await service.countVoters(roundId), 1);
      assert.equal(await service.hasVoted(roundId, personId), true);
    }
    assert.deepEqual(outcomes, Array(10).fill('ok,used'));
  });

  test('binding and voting with the code at once (10 tries): never two ballots', async () => {
    for (let k = 0; k < 10; k++) {
      const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
        codes: 1,
      });
      const round = (await service.findRound(a().id, roundId))!;
      const personId = world.people.resident.id;
      const choice = new Map([[ids[1]!, 1]]);
      const [bound, byCode] = await Promise.all([
        service.bindCode(round, personId, codes[0]!, 'test'),
        service.castBallot(a().id, roundId, { code: codes[0]! }, choice, `bind-race-${k}-abcdef`),
      ]);
      assert.equal(byCode.ok, true);
      assert.ok(bound === 'ok' || bound === 'used', bound);
      const byAccount = await service.castBallot(
        a().id,
        roundId,
        { personId },
        choice,
        `bind-race-account-${k}-abcdef`,
      );
      assert.equal(byAccount.ok, false);
      assert.equal(await service.countBallots(roundId), 1);
    }
  });

  test('the database itself refuses a second vote of a bound pair and a pair that does not match the binding', async () => {
    const { roundId, codes, service } = await createVotingRound(t.database.db, a().id, {
      codes: 2,
    });
    const round = (await service.findRound(a().id, roundId))!;
    const db = t.database.db;
    const personId = world.people.resident.id;
    await service.bindCode(round, personId, codes[0]!, 'test');
    const [bound] = await db
      .select({ id: budgetCodes.id })
      .from(budgetCodes)
      .where(and(eq(budgetCodes.roundId, roundId), eq(budgetCodes.personId, personId)));
    const [other] = await db
      .select({ id: budgetCodes.id })
      .from(budgetCodes)
      .where(and(eq(budgetCodes.roundId, roundId), sql`${budgetCodes.personId} is null`));
    // A pair that is not the code's binding: refused by the foreign key budget_voters_binding.
    await assert.rejects(
      db.insert(budgetVoters).values({ roundId, codeId: other!.id, personId }),
      refusedBy('budget_voters_binding'),
    );
    await db.insert(budgetVoters).values({ roundId, codeId: bound!.id, personId });
    // The same code or the same account a second time: refused by the unique indexes.
    await assert.rejects(
      db.insert(budgetVoters).values({ roundId, codeId: bound!.id, personId: null }),
      refusedBy('budget_voters_code'),
    );
    await assert.rejects(
      db.insert(budgetVoters).values({ roundId, codeId: null, personId }),
      refusedBy('budget_voters_person'),
    );
    // One code per account per round.
    await assert.rejects(
      db.update(budgetCodes).set({ personId }).where(eq(budgetCodes.id, other!.id)),
      refusedBy('budget_codes_person'),
    );
  });

  test('binding refuses a used code, a code of another account and a second code', async () => {
    const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
      codes: 3,
    });
    const round = (await service.findRound(a().id, roundId))!;
    const me = world.people.resident.id;
    const other = world.people.council.id;
    await service.castBallot(
      a().id,
      roundId,
      { code: codes[0]! },
      new Map([[ids[0]!, 1]]),
      'used-first-abcdefgh',
    );
    assert.equal(await service.bindCode(round, me, codes[0]!, 'test'), 'used');
    assert.equal(await service.bindCode(round, other, codes[1]!, 'test'), 'ok');
    assert.equal(await service.bindCode(round, me, codes[1]!, 'test'), 'taken');
    assert.equal(await service.bindCode(round, me, codes[2]!, 'test'), 'ok');
    assert.equal(await service.bindCode(round, me, codes[2]!, 'test'), 'ok', 'again: no change');
    assert.equal(await service.bindCode(round, other, codes[2]!, 'test'), 'taken');
    assert.equal(await service.bindCode(round, me, 'AAAA-BBBB-CCCC-DDDD', 'test'), 'wrong');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'budget.code.bind'), eq(auditLog.objectId, String(roundId))));
    assert.ok(audits.some((x) => x.result === 'ok'));
    assert.ok(audits.some((x) => x.result === 'denied'));
    for (const x of audits) for (const c of codes) assert.ok(!JSON.stringify(x).includes(c));
  });

  test('a round without codes: accounts vote alone, and then no codes can be added (409, audited)', async () => {
    const { roundId, ids, service } = await createVotingRound(t.database.db, a().id);
    const round = (await service.findRound(a().id, roundId))!;
    const cast = await service.castBallot(
      a().id,
      roundId,
      { personId: world.people.resident.id },
      new Map([[ids[0]!, 1]]),
      'no-codes-account-abcdef',
    );
    assert.equal(cast.ok, true);
    await assert.rejects(service.generateCodes(round, 5, doer), AccountVotesError);
    assert.equal((await service.countCodes(roundId)).total, 0);
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'budget.codes.generate'),
          eq(auditLog.objectId, String(roundId)),
          eq(auditLog.result, 'denied'),
        ),
      );
    assert.equal(denied.length, 1);
  });

  test('pages: the account asks for the code once (400 with the field named and the input kept, escaped), then votes; the code is then used', async () => {
    const { roundId, ids, codes } = await createVotingRound(t.database.db, a().id, { codes: 2 });
    const start = await resident.get(`${pub(roundId)}/stemmen`);
    assert.match(start.body, /name="accountCode"/);
    const missing = await resident.post(`${pub(roundId)}/stemmen/stembiljet`, { via: 'account' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Stemcode uit uw brief/);
    assert.match(missing.body, /Vul eerst één keer de stemcode/);
    const xss = '<script>alert(1)</script>';
    const wrong = await resident.post(`${pub(roundId)}/stemmen/stembiljet`, {
      via: 'account',
      accountCode: xss,
    });
    assert.equal(wrong.statusCode, 400);
    assert.ok(!wrong.body.includes(xss));
    assert.match(
      wrong.body,
      /name="accountCode" type="text" value="&lt;script>alert\(1\)&lt;\/script>"/,
    );
    const ballot = await resident.post(`${pub(roundId)}/stemmen/stembiljet`, {
      via: 'account',
      accountCode: codes[0]!.toLowerCase(),
    });
    assert.equal(ballot.statusCode, 200, ballot.body.slice(0, 400));
    const key = /name="key" value="([^"]+)"/.exec(ballot.body)![1]!;
    const sent = await resident.post(`${pub(roundId)}/stemmen/insturen`, {
      via: 'account',
      key,
      choice: String(ids[0]),
    });
    assert.equal(sent.statusCode, 303);
    // The same resident's letter, used by anyone: refused, the code belongs to the account.
    const stranger = new TestClient(t.app, '10.0.9.2');
    const byCode = await stranger.post(`${pub(roundId)}/stemmen`, { code: codes[0]! });
    assert.equal(byCode.statusCode, 409);
    const again = await resident.get(`${pub(roundId)}/stemmen`);
    assert.match(again.body, /al gestemd/);
    const rows = await budgetingRepository(t.database.db).countVoters(roundId);
    assert.equal(rows, 1);
  });
});
