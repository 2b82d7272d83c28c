import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RULE, parsePabulib, RULES, tally, writePabulib } from '#src/pb/index.js';
import { type BallotRules, buildInstance, checkBallot, offeredRules } from './ballot.js';
import { CODE_ALPHABET, codeKeys, newVotingCode, normaliseVotingCode } from './codes.js';
import { parseEuroCents } from './service.js';

const costs = new Map([
  [1, 400_000],
  [2, 300_000],
  [3, 500_000],
]);
const rules = (r: Partial<BallotRules>): BallotRules => ({
  ballotType: 'approval-budget',
  budgetCents: 1_000_000,
  minSelections: 1,
  maxSelections: 0,
  pointsTotal: 10,
  ...r,
});

test('euros as people type them become whole cents; anything else is refused', () => {
  assert.equal(parseEuroCents('25.000'), 2_500_000);
  assert.equal(parseEuroCents('1250,50'), 125_050);
  assert.equal(parseEuroCents('€ 300'), 30_000);
  assert.equal(parseEuroCents('1.250,5'), 125_050);
  for (const bad of ['', 'veel', '-5', '12,345', '1.25', '1,2,3', '100000001', '1e5'])
    assert.equal(parseEuroCents(bad), undefined, bad);
});

test('approval within the budget: bounds and the budget are checked', () => {
  const one = (ids: number[]) => new Map(ids.map((id) => [id, 1]));
  assert.equal(checkBallot(rules({}), costs, one([1, 2])), null);
  assert.deepEqual(checkBallot(rules({}), costs, one([1, 2, 3])), {
    key: 'budget.ballot.overBudget',
  });
  assert.deepEqual(checkBallot(rules({}), costs, one([])), { key: 'budget.ballot.tooFew', min: 1 });
  assert.deepEqual(checkBallot(rules({}), costs, one([9])), { key: 'budget.ballot.unknown' });
  assert.deepEqual(checkBallot(rules({ maxSelections: 1 }), costs, one([1, 2])), {
    key: 'budget.ballot.tooMany',
    max: 1,
  });
  assert.deepEqual(checkBallot(rules({}), costs, new Map([[1, 2]])), {
    key: 'budget.ballot.pointsInvalid',
  });
});

test('approval of at most k ignores the budget; points ballots count points', () => {
  const all = new Map([
    [1, 1],
    [2, 1],
    [3, 1],
  ]);
  assert.equal(
    checkBallot(rules({ ballotType: 'approval-k', maxSelections: 3 }), costs, all),
    null,
  );
  assert.deepEqual(checkBallot(rules({ ballotType: 'approval-k', maxSelections: 2 }), costs, all), {
    key: 'budget.ballot.tooMany',
    max: 2,
  });
  const points = rules({ ballotType: 'points', pointsTotal: 10 });
  assert.equal(
    checkBallot(
      points,
      costs,
      new Map([
        [1, 6],
        [3, 4],
      ]),
    ),
    null,
  );
  assert.deepEqual(
    checkBallot(
      points,
      costs,
      new Map([
        [1, 6],
        [3, 5],
      ]),
    ),
    {
      key: 'budget.ballot.points',
      total: 10,
    },
  );
  assert.deepEqual(checkBallot(points, costs, new Map([[1, -1]])), {
    key: 'budget.ballot.pointsInvalid',
  });
  assert.deepEqual(checkBallot(points, costs, new Map([[1, 0]])), {
    key: 'budget.ballot.tooFew',
    min: 1,
  });
});

test('voting codes: 16 characters without look-alikes, typed any way; hashes and seals keyed', () => {
  const code = newVotingCode();
  assert.match(code, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  for (const c of 'O0I1L') assert.ok(!CODE_ALPHABET.includes(c), c);
  assert.equal(
    normaliseVotingCode(` ${code.toLowerCase().replace(/-/g, ' ')} `),
    code.replace(/-/g, ''),
  );
  assert.equal(normaliseVotingCode('AAAA-BBBB-CCCC-DDD0'), '');
  assert.equal(normaliseVotingCode('short'), '');
  const keys = codeKeys('a'.repeat(32));
  const other = codeKeys('b'.repeat(32));
  assert.equal(keys.hash(code), keys.hash(code.toLowerCase()));
  assert.notEqual(keys.hash(code), other.hash(code));
  assert.equal(keys.unseal(keys.seal(code)), code);
  assert.throws(() => other.unseal(keys.seal(code)));
  assert.equal(keys.receipt('form-key-1'), keys.receipt('form-key-1'));
  assert.notEqual(keys.receipt('form-key-1'), keys.receipt('form-key-2'));
  assert.match(keys.receipt('x'), /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
});

test('a points round becomes a cumulative pabulib file that reads back and counts', () => {
  const instance = buildInstance(
    {
      id: 7,
      title: 'Punten',
      budgetCents: 900_000,
      ballotType: 'points',
      rule: 'equalshares/add1',
      pointsTotal: 10,
      maxSelections: 0,
      minSelections: 1,
    },
    'Buurt',
    [
      { id: 1, title: 'A', costCents: 400_000 },
      { id: 2, title: 'B; "quoted"', costCents: 300_050 },
    ],
    [
      { id: 'b', choices: { '2': 4, '1': 6 } },
      { id: 'a', choices: { '1': 10 } },
    ],
  );
  assert.equal(instance.meta.vote_type, 'cumulative');
  assert.deepEqual(
    instance.ballots.map((b) => b.voterId),
    ['a', 'b'],
  );
  const back = parsePabulib(writePabulib(instance)).instance;
  assert.equal(back.projects[1]!.cost, 3000.5);
  assert.equal(back.projects[1]!.fields.name, 'B; "quoted"');
  assert.deepEqual(back.ballots[1]!.points, [6, 4]);
  assert.deepEqual(
    tally(back, 'equalshares/add1').selected,
    tally(instance, 'equalshares/add1').selected,
  );
});

test('a round is offered every rule it can count: the default first, none that needs META it lacks', () => {
  // greedy-threshold needs min_project_score_threshold, which a round's file never has: a
  // round counted with it would be refused at the count.
  const offered = offeredRules();
  assert.equal(offered[0], DEFAULT_RULE);
  assert.ok(!offered.includes('greedy-threshold'));
  assert.deepEqual(
    [...offered].sort(),
    [...RULES.values()]
      .filter((s) => !s.needs?.length)
      .map((s) => s.name)
      .sort(),
  );
});
