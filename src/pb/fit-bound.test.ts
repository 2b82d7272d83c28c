/**
 * add1 starts its walk where the ballots alone show that every outcome fits (fitsUpTo,
 * mes-fit-bound.ts): a voter pays at most their budget and at most what their ballot's
 * projects cost in all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mesWithCompletion } from './mes.js';
import { fitsUpTo } from './mes-fit-bound.js';
import { exactCost, mesCandidates } from './mes-run.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { election, wide } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

test('the bound: one cheap ballot leaves the others the rest of the budget', () => {
  // Budget 100, 3 voters. Voter 1 approves only a (10): pays at most 10 whatever the
  // per-voter budget E. Voters 2 and 3 approve b (60) and c (70): at most min(E, 130).
  // f(E) = 10 + 2E ≤ 100 up to E = 45 (f(45) = 100, exactly the budget; f(46) = 102).
  // The walk starts at floor(100 / 3) + 1 = 34.
  const p = buildProfile(approval(100, { a: 10, b: 60, c: 70 }, [['a'], ['b', 'c'], ['b', 'c']]));
  const B = Rational.of(100n);
  assert.equal(fitsUpTo(p, B, 34n, 1), 45n);
  // In steps of 10 (a round in tens): the last whole step at or below 45 is 40.
  assert.equal(fitsUpTo(p, B, 40n, 10), 40n);
  assert.equal(fitsUpTo(p, B, 50n, 10), null);
  // From there the walk goes on: {a, b} (70) fits up to 64; at 65 voters 2 and 3 hold
  // 130, enough for c as well (140 in all). The walk's answer, 64.
  const jump = mesWithCompletion(p, 'add1');
  const walk = mesWithCompletion(p, 'add1', { walk: true });
  assert.deepEqual(jump.selected, walk.selected);
  assert.equal(jump.endowment.toString(), '64');
});

test('add1 skips the steps the bound covers, where each would change the outcome', () => {
  // Budget 400, 4 voters. Voter 1 approves only a (10). Voters 2 and 3 each approve 20
  // projects of their own (x: 5, 7, …, 43; y: 6, 8, …, 44), voter 4 ten of each: every
  // one of these ballots costs 480 or more. f(E) = 10 + 3E ≤ 400 up to E = 130. Bought
  // alone, a project costs its supporter all of it, so nearly every raise buys another:
  // from floor(400 / 4) + 1 = 101 the outcome changes at most steps, and the skip-ahead
  // proved little: 38 runs before this bound, 36 for the walk of every step.
  const costs: Record<string, number> = { a: 10 };
  const xs: string[] = [];
  const ys: string[] = [];
  for (let k = 0; k < 20; k++) {
    costs[`x${k}`] = 5 + 2 * k;
    costs[`y${k}`] = 6 + 2 * k;
    xs.push(`x${k}`);
    ys.push(`y${k}`);
  }
  const p = buildProfile(
    approval(400, costs, [['a'], xs, ys, [...xs.slice(0, 10), ...ys.slice(10)]]),
  );
  assert.equal(fitsUpTo(p, Rational.of(400n), 101n, 1), 130n);
  const jump = mesWithCompletion(p, 'add1');
  const walk = mesWithCompletion(p, 'add1', { walk: true });
  assert.deepEqual(jump.selected, walk.selected);
  assert.equal(jump.endowment.toString(), '134');
  assert.equal(walk.endowment.toString(), '134');
  assert.ok(jump.runs <= 10, `${jump.runs} runs`);
});

test('no bound where every ballot costs more than the first step', () => {
  // Each ballot costs 60 or more, above the walk's first step of 34: f(E) = 3E > 100.
  const p = buildProfile(approval(100, { a: 60, b: 70 }, [['a'], ['b'], ['a', 'b']]));
  assert.equal(fitsUpTo(p, Rational.of(100n), 34n, 1), null);
});

test('empty ballots pay nothing: the walk starts where the others have spent the budget', () => {
  // Issue 10, fault 2: one project (cost 60, budget 100) and two empty ballots. Only the
  // first voter can pay: f(E) = min(E, 60) ≤ 100 for every E, and all ballots together
  // cost 60 ≤ 100, where the walk ends by funding every candidate: no bound is claimed.
  const p = buildProfile(approval(100, { a: 60 }, [['a'], [], []]));
  assert.equal(fitsUpTo(p, Rational.of(100n), 34n, 1), null);
  assert.deepEqual(mesWithCompletion(p, 'add1').selected, [0]);
});

test('property: every outcome up to the bound fits, and the walk gets past it', () => {
  let bounded = 0;
  fc.assert(
    fc.property(fc.oneof(election, wide), (inst) => {
      const p = buildProfile(inst);
      const B = Rational.fromNumber(p.budget);
      if (!B.lt(exactCost(p, mesCandidates(p)))) return;
      const from = B.num / (B.den * BigInt(p.n)) + 1n;
      const top = fitsUpTo(p, B, from, 1);
      if (top === null) return;
      bounded++;
      const walk = mesWithCompletion(p, 'add1', { walk: true });
      // The walk stops at its last step that fits: never before the bound.
      assert.ok(!walk.endowment.lt(Rational.of(top)), `walk ${walk.endowment} < ${top}`);
    }),
    { numRuns: 400 },
  );
  // The bound is claimed in about one random election in ten, so the check above ran.
  assert.ok(bounded >= 10, `${bounded} of 400 elections had a bound`);
});
