import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '#src/platform/tables.js';
import { type TestApp, TestClient } from '#test/helpers/app.js';
import {
  assertRuleChoices,
  type BudgetPagesState,
  setUpBudgetPages,
} from '#test/helpers/budgeting.js';
import { TEST_PASSWORD } from '#test/helpers/factories.js';
import { offeredRules } from './ballot.js';
import { budgetingRepository } from './repository.js';

const xss = '<img src=x onerror=alert(1)>';

describe('neighbourhood budget: rounds, proposals, codes, secret ballots, the count', () => {
  const bed = setUpBudgetPages();
  const { a, base, pub, roundForm, createRound, propose, review } = bed;
  let t: TestApp;
  let world: BudgetPagesState['world'];
  let coordinator: TestClient;
  let resident: TestClient;
  let council: TestClient;
  before(() => {
    ({ t, world, coordinator, resident, council } = bed.state);
  });

  test('a round: bad input is refused with the input kept; names are escaped everywhere', async () => {
    const bad = await coordinator.post(
      `${base()}/nieuw`,
      roundForm({ title: `Ronde ${xss}`, budget: 'veel' }),
      { from: `${base()}/nieuw` },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul bij het budget een bedrag in euro in/);
    // A choice left open is asked for as a choice ("Kies"), naming the field.
    const { rule: _rule, ...noRule } = roundForm();
    const open = await coordinator.post(`${base()}/nieuw`, noRule, { from: `${base()}/nieuw` });
    assert.equal(open.statusCode, 400);
    assert.match(open.body, /Kies de manier van tellen\./);
    assert.ok(!bad.body.includes(xss));
    assert.match(bad.body, /value="Ronde &lt;img/);
    const k = await coordinator.post(
      `${base()}/nieuw`,
      roundForm({ ballotType: 'approval-k', maxSelections: '0' }),
      { from: `${base()}/nieuw` },
    );
    assert.equal(k.statusCode, 400);
    const roundId = await createRound({ title: `Ronde ${xss}` });
    const page = await resident.get(`${base()}/${roundId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(xss));
    assert.match(page.body, /€\s?10\.000/);
    // Residents cannot manage rounds.
    assert.equal((await resident.get(`${base()}/${roundId}/bewerken`)).statusCode, 403);
    assert.equal(
      (
        await resident.post(
          `${base()}/${roundId}/fase`,
          { phase: 'voting' },
          { from: `${base()}/${roundId}` },
        )
      ).statusCode,
      403,
    );
  });

  test('the round form names and describes each rule it offers in Dutch', async () => {
    const form = await coordinator.get(`${base()}/nieuw`);
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, /Fund projects by score|Method of Equal Shares|Sequential/);
    assertRuleChoices(form.body, offeredRules(), 'nl');
    // A folded rule chosen on a form sent back with a fault is shown chosen, unfolded.
    const back = await coordinator.post(
      `${base()}/nieuw`,
      roundForm({ budget: 'veel', rule: 'phragmen' }),
      { from: `${base()}/nieuw` },
    );
    assert.equal(back.statusCode, 400);
    assertRuleChoices(back.body, offeredRules(), 'nl', 'phragmen');
  });

  test('proposals: XSS escaped; rejection needs a public reason; a cost change shows its reason; withdraw', async () => {
    const roundId = await createRound();
    const evil = await propose(roundId, `Bankjes ${xss}`, '1.500');
    const tooMuch = await resident.post(
      `${base()}/${roundId}/voorstellen/nieuw`,
      { title: 'Te duur', description: 'Heel duur', place: '', cost: '20000' },
      { from: `${base()}/${roundId}/voorstellen/nieuw` },
    );
    assert.equal(tooMuch.statusCode, 400);
    assert.match(tooMuch.body, /value="Te duur"/);
    const noReason = await review(roundId, evil, {
      decision: 'rejected',
      reason: '',
      cost: '1500',
      costReason: '',
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Schrijf waarom het plan is afgewezen/);
    const changed = await review(roundId, evil, {
      decision: 'accepted',
      reason: 'Goed plan.',
      cost: '1800',
      costReason: `Plaatsen kost extra ${xss}`,
    });
    assert.equal(changed.statusCode, 303);
    const other = await propose(roundId, 'Kunst op de muur', '2000');
    assert.equal(
      (
        await review(roundId, other, {
          decision: 'rejected',
          reason: 'De muur is niet van de gemeente.',
          cost: '2000',
          costReason: '',
        })
      ).statusCode,
      303,
    );
    const page = await new TestClient(t.app).get(pub(roundId));
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(xss));
    assert.match(page.body, /De indiener schatte €\s1\.500/);
    assert.match(page.body, /Plaatsen kost extra &lt;img/);
    assert.match(page.body, /De muur is niet van de gemeente/);
    // The author withdraws; someone else may not.
    const mine = await propose(roundId, 'Mijn plan', '100');
    assert.equal(
      (
        await council.post(
          `${base()}/${roundId}/voorstellen/${mine}/intrekken`,
          {},
          { from: `${base()}/${roundId}` },
        )
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await resident.post(
          `${base()}/${roundId}/voorstellen/${mine}/intrekken`,
          {},
          { from: `${base()}/${roundId}` },
        )
      ).statusCode,
      303,
    );
    assert.equal(
      (await budgetingRepository(t.database.db).findProposal(roundId, mine))!.status,
      'withdrawn',
    );
  });

  test('codes: CSV, print page and PDF for the coordinator only, audited; stored without the code', async () => {
    const roundId = await createRound();
    const made = await coordinator.post(
      `${base()}/${roundId}/codes`,
      { count: '3' },
      { from: `${base()}/${roundId}` },
    );
    assert.equal(made.statusCode, 303);
    const csv = await coordinator.get(`${base()}/${roundId}/codes.csv`);
    assert.equal(csv.statusCode, 200);
    const codes = csv.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';')[0]!);
    assert.equal(codes.length, 3);
    for (const c of codes) assert.match(c, /^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    const dump = JSON.stringify(await t.database.db.execute(sql`select * from budget_codes`));
    for (const c of codes) {
      assert.ok(!dump.includes(c), 'a code is stored readable');
      assert.ok(!dump.includes(c.replace(/-/g, '')), 'a code is stored readable');
    }
    const print = await coordinator.get(`${base()}/${roundId}/codes/print`);
    assert.equal(print.statusCode, 200);
    for (const c of codes) assert.ok(print.body.includes(c));
    const pdf = await coordinator.get(`${base()}/${roundId}/codes.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await resident.get(`${base()}/${roundId}/codes.csv`)).statusCode, 403);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'budget.codes.print'), eq(auditLog.objectId, String(roundId))),
      );
    assert.equal(audits.length, 3);
  });

  test('tenancy: rounds of another network answer 404; other networks cannot manage', async () => {
    const roundId = await createRound();
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    assert.equal((await other.get(`${base()}/${roundId}`)).statusCode, 404);
    assert.equal((await other.get(`${base()}/${roundId}/codes.csv`)).statusCode, 404);
    // The round through network B's own URL: not found there either.
    assert.equal(
      (await other.get(`/netwerk/${world.networks.b.id}/wijkbudget/${roundId}`)).statusCode,
      404,
    );
    assert.equal(
      (await other.get(`/buurt/${world.networks.b.slug}/wijkbudget/${roundId}`)).statusCode,
      404,
    );
    await other.get(`/netwerk/${world.networks.b.id}/wijkbudget`);
    assert.equal(
      (await other.post(`${base()}/${roundId}/fase`, { phase: 'voting' })).statusCode,
      404,
    );
    assert.equal(
      (await new TestClient(t.app).get(`/buurt/${a().slug}/wijkbudget/999999`)).statusCode,
      404,
    );
    assert.equal(
      (await new TestClient(t.app).get(`/buurt/${a().slug}/wijkbudget/abc`)).statusCode,
      404,
    );
  });
});
