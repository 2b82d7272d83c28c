import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_RULE } from '#src/pb/index.js';
import { auditLog } from '#src/platform/tables.js';
import {
  createTestApp,
  csrfTokenIn,
  type TestApp,
  TestClient,
  testConfig,
} from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';
import { budgetingService } from './service.js';

const xss = '<img src=x onerror=alert(1)>';

describe('neighbourhood budget: rounds, proposals, codes, secret ballots, the count', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  let resident: TestClient;
  let council: TestClient;
  const a = () => world.networks.a;
  const base = () => `/netwerk/${a().id}/wijkbudget`;
  const pub = (roundId: number) => `/buurt/${a().slug}/wijkbudget/${roundId}`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    council = new TestClient(t.app);
    await council.login(world.people.council.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  const roundForm = (fields: Record<string, string> = {}) => ({
    title: 'Wijkbudget 2027',
    description: '',
    budget: '10.000',
    submissionUntil: '',
    reviewUntil: '',
    votingFrom: '',
    votingUntil: '',
    ballotType: 'approval-budget',
    minSelections: '1',
    maxSelections: '0',
    pointsTotal: '10',
    rule: DEFAULT_RULE,
    ties: 'default',
    voteByCode: 'on',
    voteByAccount: 'on',
    minAge: '16',
    ...fields,
  });

  async function createRound(fields: Record<string, string> = {}): Promise<number> {
    const response = await coordinator.post(`${base()}/nieuw`, roundForm(fields), {
      from: `${base()}/nieuw`,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    return Number(/wijkbudget\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  async function propose(
    roundId: number,
    title: string,
    cost: string,
    client = resident,
  ): Promise<number> {
    const response = await client.post(
      `${base()}/${roundId}/voorstellen/nieuw`,
      { title, description: `Beschrijving van ${title}`, place: 'Bij het plein', cost },
      { from: `${base()}/${roundId}/voorstellen/nieuw` },
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    const proposals = await budgetingRepository(t.database.db).listProposals(roundId);
    return proposals.find((p) => p.title === title)!.id;
  }

  async function review(roundId: number, proposalId: number, fields: Record<string, string>) {
    return council.post(`${base()}/${roundId}/voorstellen/${proposalId}/beoordelen`, fields, {
      from: `${base()}/${roundId}`,
    });
  }

  async function setPhase(roundId: number, phase: string) {
    const response = await coordinator.post(
      `${base()}/${roundId}/fase`,
      { phase },
      { from: `${base()}/${roundId}` },
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
  }

  /** A round in voting with three accepted proposals (€4.000, €3.000, €5.000) and codes. */
  async function _votingRound(codes: number, fields: Record<string, string> = {}) {
    const roundId = await createRound(fields);
    const ids = [
      await propose(roundId, 'Speeltuin', '4000'),
      await propose(roundId, 'Moestuin', '3000'),
      await propose(roundId, 'Buurtfeest', '5000'),
    ];
    for (const id of ids) {
      const r = await review(roundId, id, {
        decision: 'accepted',
        reason: '',
        cost: '',
        costReason: '',
      });
      // Cost '' is invalid: keep the proposal's own cost instead.
      assert.equal(r.statusCode, 400);
      const p = (await budgetingRepository(t.database.db).findProposal(roundId, id))!;
      const ok = await review(roundId, id, {
        decision: 'accepted',
        reason: 'Kan.',
        cost: String(p.costCents / 100),
        costReason: '',
      });
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    }
    await setPhase(roundId, 'voting');
    const service = budgetingService(t.database.db, testConfig().cookieSecret!);
    const round = (await service.findRound(a().id, roundId))!;
    if (codes > 0) await service.generateCodes(round, codes, { personId: null, origin: 'test' });
    const list =
      codes > 0
        ? await service.listCodesForPrint(round, { personId: null, origin: 'test' }, 'test')
        : [];
    return { roundId, ids, codes: list, service };
  }

  /** Sends a ballot straight to the submit step, as the review page's form does. */
  function _submit(client: TestClient, roundId: number, fields: Record<string, string | string[]>) {
    return client.post(`${pub(roundId)}/stemmen/insturen`, {
      _csrf: csrfTokenIn(client.lastHtml) ?? '',
      ...fields,
    });
  }

  test('a round: bad input is refused with the input kept; names are escaped everywhere', async () => {
    const bad = await coordinator.post(
      `${base()}/nieuw`,
      roundForm({ title: `Ronde ${xss}`, budget: 'veel' }),
      { from: `${base()}/nieuw` },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul een bedrag in euro in/);
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
