import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { DEFAULT_RULE } from '#src/pb/index.js';
import { auditLog } from '#src/platform/tables.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import {
  type BudgetPagesState,
  createVotingRound,
  setUpBudgetPages,
} from '#test/helpers/budgeting.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';

describe('voting: codes, accounts, the freeze', () => {
  const bed = setUpBudgetPages();
  const { a, base, pub, roundForm, review, votingRound, submit } = bed;
  let t: TestApp;
  let world: BudgetPagesState['world'];
  let coordinator: TestClient;
  let resident: TestClient;
  before(() => {
    ({ t, world, coordinator, resident } = bed.state);
  });

  test('voting with a code: ballot, review, receipt; rules checked on the server; a code votes once', async () => {
    const { roundId, ids, codes } = await votingRound(2);
    const voter = new TestClient(t.app, '10.0.0.1');
    const start = await voter.get(`${pub(roundId)}/stemmen`);
    assert.equal(start.statusCode, 200);
    const ballot = await voter.post(`${pub(roundId)}/stemmen`, { code: codes[0]!.toLowerCase() });
    assert.equal(ballot.statusCode, 200, ballot.body.slice(0, 500));
    assert.match(ballot.body, /type="checkbox"/);
    // The budget meter helps with JavaScript; the page works the same without it.
    assert.match(ballot.body, /<script src="\/assets\/budget-meter\.[0-9a-f]+\.js" defer/);
    assert.match(ballot.body, /data-cost-cents="400000"/);
    const key = /name="key" value="([^"]+)"/.exec(ballot.body)![1]!;
    // Over the budget (4000 + 3000 + 5000 > 10000): refused by the server.
    const over = await voter.post(`${pub(roundId)}/stemmen/controle`, {
      code: codes[0]!,
      key,
      choice: ids.map(String),
    });
    assert.equal(over.statusCode, 400);
    assert.match(over.body, /meer dan het budget/);
    const check = await voter.post(`${pub(roundId)}/stemmen/controle`, {
      code: codes[0]!,
      key,
      choice: [String(ids[0]), String(ids[1])],
    });
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /Controleer uw stem/);
    assert.match(check.body, /Samen: €\s7\.000/);
    const sent = await voter.post(`${pub(roundId)}/stemmen/insturen`, {
      code: codes[0]!,
      key,
      choice: [String(ids[0]), String(ids[1])],
    });
    assert.equal(sent.statusCode, 303);
    const receiptPage = await voter.get(String(sent.headers.location));
    assert.equal(receiptPage.statusCode, 200);
    assert.match(receiptPage.body, /Uw bewijsnummer/);
    // Again with the same code and a new form: refused.
    const again = await voter.post(`${pub(roundId)}/stemmen`, { code: codes[0]! });
    assert.equal(again.statusCode, 409);
    const other = await submit(voter, roundId, {
      code: codes[0]!,
      key: 'another-key-1234567890',
      choice: String(ids[2]),
    });
    assert.equal(other.statusCode, 409);
    assert.equal(await budgetingRepository(t.database.db).countBallots(roundId), 1);
  });

  test('a change after the first ballot is refused with 409 and audited', async () => {
    const { roundId, ids, codes } = await votingRound(1);
    const before = await coordinator.post(
      `${base()}/${roundId}/bewerken`,
      roundForm({ budget: '12.000' }),
      { from: `${base()}/${roundId}/bewerken` },
    );
    assert.equal(before.statusCode, 303, 'changes are allowed before the first ballot');
    const voter = new TestClient(t.app, '10.0.0.2');
    await voter.get(`${pub(roundId)}/stemmen`);
    assert.equal(
      (
        await submit(voter, roundId, {
          code: codes[0]!,
          key: 'k-freeze-1234567890',
          choice: String(ids[0]),
        })
      ).statusCode,
      303,
    );
    const edit = await coordinator.post(
      `${base()}/${roundId}/bewerken`,
      roundForm({ budget: '50.000', rule: 'greedy' }),
      { from: `${base()}/${roundId}/bewerken` },
    );
    assert.equal(edit.statusCode, 409);
    assert.match(edit.body, /Er is al gestemd/);
    const rev = await review(roundId, ids[1]!, {
      decision: 'rejected',
      reason: 'Toch niet',
      cost: '3000',
      costReason: '',
    });
    assert.equal(rev.statusCode, 409);
    const back = await coordinator.post(
      `${base()}/${roundId}/fase`,
      { phase: 'submission' },
      { from: `${base()}/${roundId}` },
    );
    assert.equal(back.statusCode, 409);
    const round = (await budgetingRepository(t.database.db).findRound(a().id, roundId))!;
    assert.equal(round.budgetCents, 1_200_000);
    assert.equal(round.rule, DEFAULT_RULE);
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, String(roundId)), eq(auditLog.result, 'denied')));
    assert.deepEqual(denied.map((d) => d.action).sort(), [
      'budget.proposal.review',
      'budget.round.update',
    ]);
    const phases = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.objectId, String(roundId)), eq(auditLog.action, 'budget.round.phase')),
      );
    assert.equal(phases.length, 1);
    assert.equal(phases[0]!.detail, 'submission -> voting');
  });

  test('wrong codes are counted per address, refused with 429 after ten, and audited', async () => {
    const { roundId } = await createVotingRound(t.database.db, a().id, { codes: 1 });
    const guesser = new TestClient(t.app, '10.0.0.66');
    await guesser.get(`${pub(roundId)}/stemmen`);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await guesser.post(`${pub(roundId)}/stemmen`, {
            code: `AAAA-BBBB-CCCC-DDD${'EFGHJKMNPQR'[i]}`,
          })
        ).statusCode,
      );
    }
    assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'budget.code.wrong'), eq(auditLog.objectId, String(roundId))));
    assert.equal(audits.length, 11);
  });

  test('a resident votes with their account once; professionals cannot', async () => {
    const { roundId, ids, service } = await createVotingRound(t.database.db, a().id);
    const start = await resident.get(`${pub(roundId)}/stemmen`);
    assert.match(start.body, /Stemmen met mijn account/);
    const ballot = await resident.post(`${pub(roundId)}/stemmen/stembiljet`, { via: 'account' });
    assert.equal(ballot.statusCode, 200);
    const key = /name="key" value="([^"]+)"/.exec(ballot.body)![1]!;
    const sent = await resident.post(`${pub(roundId)}/stemmen/insturen`, {
      via: 'account',
      key,
      choice: String(ids[0]),
    });
    assert.equal(sent.statusCode, 303);
    const again = await resident.post(`${pub(roundId)}/stemmen/insturen`, {
      via: 'account',
      key: 'fresh-key-abcdefghijk',
      choice: String(ids[1]),
    });
    assert.equal(again.statusCode, 409);
    assert.equal(await service.countBallots(roundId), 1);
    const professional = new TestClient(t.app);
    await professional.login(world.people.professional.email!, TEST_PASSWORD);
    await professional.get(`${pub(roundId)}/stemmen`);
    const refused = await professional.post(`${pub(roundId)}/stemmen/stembiljet`, {
      via: 'account',
    });
    assert.equal(refused.statusCode, 403);
  });
});

describe('voting: the rate-limited path answers cleanly', () => {
  test('every voting form answers 429 once an address is limited, and nothing errors after the reply', async () => {
    // A logging app whose log lines are caught: an error after the reply was sent (the
    // handler reading its voter from a reply) is only visible there.
    const t = await createTestApp({ LOG_LEVEL: 'error' });
    const lines: string[] = [];
    const stream = (t.app.log as unknown as Record<symbol, { write: (s: string) => void }>)[
      pino.symbols.streamSym
    ]!;
    stream.write = (line: string) => {
      lines.push(line);
    };
    try {
      const world = await createWorld(t.database.db);
      const { roundId } = await createVotingRound(t.database.db, world.networks.a.id, {
        codes: 1,
      });
      const pub = `/buurt/${world.networks.a.slug}/wijkbudget/${roundId}`;
      const guesser = new TestClient(t.app, '10.0.0.67');
      await guesser.get(`${pub}/stemmen`);
      const wrong = (i: number) => `AAAA-BBBB-CCCC-DDD${'EFGHJKMNPQRSTUVW'[i]}`;
      for (let i = 0; i < 10; i++) {
        assert.equal((await guesser.post(`${pub}/stemmen`, { code: wrong(i) })).statusCode, 400);
      }
      for (const path of ['/stemmen', '/stemmen/stembiljet', '/stemmen/controle']) {
        const limited = await guesser.post(`${pub}${path}`, { code: wrong(10) });
        assert.equal(limited.statusCode, 429, path);
        assert.match(limited.body, /te veel verkeerde codes/, path);
      }
      assert.deepEqual(
        lines.filter((l) => l.includes('"level":50')),
        [],
        'no error was logged after the replies',
      );
    } finally {
      await t.close();
    }
  });
});
