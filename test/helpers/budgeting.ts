// Budget rounds for tests: built straight into the tables (createVotingRound), for tests
// that need a round in its voting phase quickly; or through the pages (setUpBudgetPages),
// with signed-in clients and the forms of rounds, proposals, reviews, phases and ballots.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Database } from '#src/db/client.js';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import { budgetingService } from '#src/modules/budgeting/service.js';
import type { BallotType } from '#src/modules/budgeting/tables.js';
import { DEFAULT_RULE, type Lang, RULES } from '#src/pb/index.js';
import { createTestApp, csrfTokenIn, type TestApp, TestClient, testConfig } from './app.js';
import { createWorld, TEST_PASSWORD } from './factories.js';

export async function createVotingRound(
  db: Database,
  networkId: number,
  options: {
    codes?: number;
    rule?: string;
    budgetCents?: number;
    ballotType?: BallotType;
    maxSelections?: number;
    proposals?: { title: string; costCents: number }[];
  } = {},
) {
  const repo = budgetingRepository(db);
  const service = budgetingService(db, testConfig().cookieSecret!);
  const roundId = await repo.insertRound(networkId, {
    title: 'Wijkbudget Testwijk',
    description: '',
    budgetCents: options.budgetCents ?? 1_000_000,
    submissionUntil: null,
    reviewUntil: null,
    votingFrom: null,
    votingUntil: null,
    ballotType: options.ballotType ?? 'approval-budget',
    minSelections: 1,
    maxSelections: options.maxSelections ?? 0,
    pointsTotal: 10,
    rule: options.rule ?? DEFAULT_RULE,
    ties: 'default',
    voteByCode: true,
    voteByAccount: true,
    minAge: 0,
  });
  const ids: number[] = [];
  for (const p of options.proposals ?? [
    { title: 'Speeltuin', costCents: 400_000 },
    { title: 'Moestuin', costCents: 300_000 },
    { title: 'Buurtfeest', costCents: 500_000 },
  ]) {
    ids.push(
      await repo.insertProposal({
        roundId,
        networkId,
        authorId: null,
        title: p.title,
        description: `Over ${p.title}`,
        place: '',
        costCents: p.costCents,
        status: 'accepted',
      }),
    );
  }
  await repo.updateRound(networkId, roundId, { phase: 'voting' });
  const round = (await repo.findRound(networkId, roundId))!;
  const doer = { personId: null, origin: 'test' };
  if (options.codes) await service.generateCodes(round, options.codes, doer);
  const codes = options.codes ? await service.listCodesForPrint(round, doer, 'test') : [];
  return { roundId, ids, codes, service };
}

/** What setUpBudgetPages fills in before the tests of its suite. */
export interface BudgetPagesState {
  t: TestApp;
  world: Awaited<ReturnType<typeof createWorld>>;
  coordinator: TestClient;
  resident: TestClient;
  council: TestClient;
}

/**
 * The budget pages' set-up of a suite (call it inside describe): an app with the test world,
 * the coordinator, a resident and a council member signed in, closed after the suite; and
 * the forms the tests post through. `state` is filled in by the suite's first before hook.
 */
export function setUpBudgetPages() {
  const s = {} as BudgetPagesState;
  before(async () => {
    s.t = await createTestApp();
    s.world = await createWorld(s.t.database.db);
    s.coordinator = new TestClient(s.t.app);
    await s.coordinator.login(s.world.people.coordinator.email!, TEST_PASSWORD);
    s.resident = new TestClient(s.t.app);
    await s.resident.login(s.world.people.resident.email!, TEST_PASSWORD);
    s.council = new TestClient(s.t.app);
    await s.council.login(s.world.people.council.email!, TEST_PASSWORD);
  });
  after(() => s.t.close());

  const a = () => s.world.networks.a;
  const base = () => `/netwerk/${a().id}/wijkbudget`;
  const pub = (roundId: number) => `/buurt/${a().slug}/wijkbudget/${roundId}`;

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
    const response = await s.coordinator.post(`${base()}/nieuw`, roundForm(fields), {
      from: `${base()}/nieuw`,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    return Number(/wijkbudget\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  async function propose(
    roundId: number,
    title: string,
    cost: string,
    client = s.resident,
  ): Promise<number> {
    const response = await client.post(
      `${base()}/${roundId}/voorstellen/nieuw`,
      { title, description: `Beschrijving van ${title}`, place: 'Bij het plein', cost },
      { from: `${base()}/${roundId}/voorstellen/nieuw` },
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    const proposals = await budgetingRepository(s.t.database.db).listProposals(roundId);
    return proposals.find((p) => p.title === title)!.id;
  }

  async function review(roundId: number, proposalId: number, fields: Record<string, string>) {
    return s.council.post(`${base()}/${roundId}/voorstellen/${proposalId}/beoordelen`, fields, {
      from: `${base()}/${roundId}`,
    });
  }

  async function setPhase(roundId: number, phase: string) {
    const response = await s.coordinator.post(
      `${base()}/${roundId}/fase`,
      { phase },
      { from: `${base()}/${roundId}` },
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
  }

  /** A round in voting with three accepted proposals (€4.000, €3.000, €5.000) and codes. */
  async function votingRound(codes: number, fields: Record<string, string> = {}) {
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
      const p = (await budgetingRepository(s.t.database.db).findProposal(roundId, id))!;
      const ok = await review(roundId, id, {
        decision: 'accepted',
        reason: 'Kan.',
        cost: String(p.costCents / 100),
        costReason: '',
      });
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    }
    await setPhase(roundId, 'voting');
    const service = budgetingService(s.t.database.db, testConfig().cookieSecret!);
    const round = (await service.findRound(a().id, roundId))!;
    if (codes > 0) await service.generateCodes(round, codes, { personId: null, origin: 'test' });
    const list =
      codes > 0
        ? await service.listCodesForPrint(round, { personId: null, origin: 'test' }, 'test')
        : [];
    return { roundId, ids, codes: list, service };
  }

  /** Sends a ballot straight to the submit step, as the review page's form does. */
  function submit(client: TestClient, roundId: number, fields: Record<string, string | string[]>) {
    return client.post(`${pub(roundId)}/stemmen/insturen`, {
      _csrf: csrfTokenIn(client.lastHtml) ?? '',
      ...fields,
    });
  }

  return {
    state: s,
    a,
    base,
    pub,
    roundForm,
    createRound,
    propose,
    review,
    setPhase,
    votingRound,
    submit,
  };
}

/**
 * Asserts a form's rule choice (name="rule") in `lang`: one radio per rule of `rules`, in
 * that order, the default first; `chosen` checked; each labelled "{title} ({name})" and
 * described by its description (aria-describedby names the hint that holds it); the first
 * two in view, the others folded in a <details>, open only when one of them is chosen.
 */
export function assertRuleChoices(
  body: string,
  rules: readonly string[],
  lang: Lang,
  chosen = DEFAULT_RULE,
): void {
  const radios = [...body.matchAll(/<input[^>]*name="rule"[^>]*>/g)];
  const values = radios.map((m) => /value="([^"]+)"/.exec(m[0])?.[1]);
  assert.deepEqual(values, rules, 'one radio per rule, in order');
  assert.equal(values[0], DEFAULT_RULE);
  const checked = radios
    .filter((m) => /\schecked/.test(m[0]))
    .map((m) => /value="([^"]+)"/.exec(m[0])?.[1]);
  assert.deepEqual(checked, [chosen]);
  const details = /<details class="bk-more-options"( open(="")?)?>/.exec(body);
  assert.ok(details, 'the less usual rules are folded away');
  assert.equal(Boolean(details[1]), rules.indexOf(chosen) >= 2, 'open only for a folded choice');
  for (const [i, m] of radios.entries()) {
    assert.equal((m.index ?? 0) > details.index, i >= 2, `${values[i]}: folded or in view`);
    const spec = RULES.get(rules[i] as string);
    assert.ok(spec);
    const id = /\bid="([^"]+)"/.exec(m[0])?.[1];
    const hint = /aria-describedby="([^"]+)"/.exec(m[0])?.[1];
    assert.ok(body.includes(`for="${id}">${spec.title[lang]} (${spec.name})</label>`), spec.name);
    assert.ok(body.includes(`id="${hint}">${spec.description[lang]}</div>`), spec.name);
  }
}
