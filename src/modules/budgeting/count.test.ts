import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { parsePabulib, RULES, tally } from '#src/pb/index.js';
import { auditLog } from '#src/platform/tables.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { offeredRules } from './ballot.js';
import { budgetingRepository } from './repository.js';

describe('the count and the results page', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  const a = () => world.networks.a;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  // Nine voters, four proposals, a budget that does not fit everything: greedy and MES differ.
  const patterns = [[0], [0, 1], [0, 1], [0], [2], [2, 3], [3], [2], [1, 0]];

  test('for every rule offered, the stored outcome equals pb tally on the downloaded file', async () => {
    const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
      codes: patterns.length,
      budgetCents: 900_000,
      proposals: [
        { title: 'Speeltuin <b>vernieuwen</b>', costCents: 600_000 },
        { title: 'Moestuin', costCents: 250_000 },
        { title: 'Buurtfeest', costCents: 300_000 },
        { title: 'Bankjes', costCents: 150_050 },
      ],
    });
    for (const [k, code] of codes.entries()) {
      const r = await service.castBallot(
        a().id,
        roundId,
        { code },
        new Map(patterns[k]!.map((i) => [ids[i]!, 1])),
        `count-${k}-0123456789`,
      );
      assert.ok(r.ok, `ballot ${k}`);
    }
    const base = `/netwerk/${a().id}/wijkbudget/${roundId}`;
    const pub = `/buurt/${a().slug}/wijkbudget/${roundId}`;
    assert.equal((await new TestClient(t.app).get(`${pub}/uitslag`)).statusCode, 404);
    assert.equal((await new TestClient(t.app).get(`${pub}/uitslag.pb`)).statusCode, 404);
    // Counting only in the counting phase; the coordinator counts, audited.
    assert.equal((await coordinator.post(`${base}/tellen`, {}, { from: base })).statusCode, 409);
    assert.equal(
      (await coordinator.post(`${base}/fase`, { phase: 'counting' }, { from: base })).statusCode,
      303,
    );
    assert.equal((await coordinator.post(`${base}/tellen`, {}, { from: base })).statusCode, 303);
    // Counted: the vote cannot open again (409 with the reason), the phase stays.
    const reopen = await coordinator.post(`${base}/fase`, { phase: 'voting' }, { from: base });
    assert.equal(reopen.statusCode, 409);
    assert.match(reopen.body, /Daarna kan de stemming niet meer open/);
    assert.equal(
      (await budgetingRepository(t.database.db).findRound(a().id, roundId))!.phase,
      'results',
    );
    const page = await new TestClient(t.app).get(`${pub}/uitslag`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /9 bewoners hebben gestemd/);
    assert.ok(!page.body.includes('<b>vernieuwen'), 'a title is not escaped');
    const file = await new TestClient(t.app).get(`${pub}/uitslag.pb`);
    assert.equal(file.statusCode, 200);
    for (const code of codes) assert.ok(!file.body.includes(code), 'the file holds a code');
    const instance = parsePabulib(file.body).instance;
    assert.equal(instance.ballots.length, 9);
    const repo = budgetingRepository(t.database.db);
    const differs = new Set<string>();
    // Every rule a round can have: the same ballots counted again under that rule (the test
    // sets the rule straight in the table; the app refuses that once there are ballots).
    for (const rule of offeredRules()) {
      await repo.updateRound(a().id, roundId, { rule, phase: 'counting' });
      const round = (await repo.findRound(a().id, roundId))!;
      await service.countVotes(round, a(), { personId: null, origin: 'test' });
      const counted = (await repo.findRound(a().id, roundId))!;
      const stored = counted.result as {
        outcome: { selected: string[] };
        greedy: { selected: string[] };
      };
      const fileNow = parsePabulib(
        (await new TestClient(t.app).get(`${pub}/uitslag.pb`)).body,
      ).instance;
      assert.equal(fileNow.meta.rule, rule);
      assert.deepEqual(stored.outcome.selected, tally(fileNow, rule).selected, rule);
      // The file's selected column is what `buurtkracht pb check` compares with its own count.
      assert.deepEqual(
        fileNow.projects
          .filter((p) => p.fields.selected === '1')
          .map((p) => p.id)
          .sort(),
        [...stored.outcome.selected].sort(),
        rule,
      );
      assert.deepEqual(stored.greedy.selected, tally(fileNow, 'greedy').selected, rule);
      differs.add(stored.outcome.selected.join(','));
      const shown = await new TestClient(t.app).get(`${pub}/uitslag`);
      // The page shows exactly the engine's outcome of the file: funded and not funded.
      const fromFile = tally(fileNow, rule).selected;
      for (const p of fileNow.projects) {
        // Sentences name a plan by its title in quotes (escaped on the page), never by its id.
        const title = p.fields.name!.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const funded = shown.body.includes(`&quot;${title}&quot; krijgt geld.`);
        assert.equal(funded, fromFile.includes(p.id), `${rule}: project ${p.id} on the page`);
      }
      // How it was counted: this rule's own Dutch description, never another family's
      // (the page called every rule but greedy "de methode van gelijke delen").
      if (!rule.startsWith('equalshares'))
        assert.doesNotMatch(shown.body, /gelijke delen|Equal Shares/i, rule);
      const description = RULES.get(rule)!.description.nl;
      assert.ok(
        shown.body.includes(`De stemmen zijn geteld met de regel ${rule}. ${description}`),
        `${rule}: its description on the page`,
      );
    }
    assert.ok(differs.size > 1, 'the example should tell some rules apart');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'budget.round.count'), eq(auditLog.objectId, String(roundId))),
      );
    assert.equal(audits.length, offeredRules().length + 1);
  });

  /**
   * A round of network a (budget € 7,000) where code k votes for project k mod `spread`,
   * moved to counting and counted: its public path and the receipts, in code order.
   */
  async function countedRound(
    options: { codes: number; rule?: string },
    spread: number,
    label: string,
  ) {
    const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a().id, {
      ...options,
      budgetCents: 700_000,
    });
    const receipts: string[] = [];
    for (const [k, code] of codes.entries()) {
      const r = await service.castBallot(
        a().id,
        roundId,
        { code },
        new Map([[ids[k % spread]!, 1]]),
        `${label}-${k}-0123456789`,
      );
      assert.ok(r.ok, `ballot ${k}`);
      receipts.push(r.receipt);
    }
    const base = `/netwerk/${a().id}/wijkbudget/${roundId}`;
    await coordinator.post(`${base}/fase`, { phase: 'counting' }, { from: base });
    await coordinator.post(`${base}/tellen`, {}, { from: base });
    return { pub: `/buurt/${a().slug}/wijkbudget/${roundId}`, receipts };
  }

  test('a round counted with phragmen: the results page describes Phragmén, not equal shares', async () => {
    const { pub } = await countedRound({ codes: 4, rule: 'phragmen' }, 3, 'phragmen');
    const page = await new TestClient(t.app).get(`${pub}/uitslag`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /gelijke delen/i);
    const { nl, en } = RULES.get('phragmen')!.description;
    assert.ok(page.body.includes(nl), 'the Dutch description of phragmen');
    assert.ok(!page.body.includes(en), 'not the English one');
    const english = new TestClient(t.app);
    english.setCookie('lang', 'en');
    const inEnglish = await english.get(`${pub}/uitslag`);
    assert.ok(inEnglish.body.includes(`counted with the rule phragmen. ${en}`));
    assert.doesNotMatch(inEnglish.body, /Equal Shares/i);
  });

  test('the results page explains, compares with greedy and checks a receipt', async () => {
    const { pub, receipts } = await countedRound({ codes: 6 }, 2, 'results');
    const page = await new TestClient(t.app).get(`${pub}/uitslag?bewijs=${receipts[0]}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Uw stem is meegeteld/);
    assert.match(page.body, /meeste stemmen eerst/);
    assert.match(page.body, /<table/);
    assert.match(page.body, /&quot;Buurtfeest&quot; krijgt geen geld/);
    // What is left of the budget is said once, in the summary.
    assert.equal(page.body.match(/blijft( [^<.]*)? over/g)?.length, 1);
    const unknown = await new TestClient(t.app).get(`${pub}/uitslag?bewijs=AAAAA-BBBBB`);
    assert.match(unknown.body, /kennen we niet/);
    // The public network page links to the results.
    const network = await new TestClient(t.app).get(`/buurt/${a().slug}`);
    assert.ok(network.body.includes(`${pub}/uitslag`));
  });
});
