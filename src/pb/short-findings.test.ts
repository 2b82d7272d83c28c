/**
 * A tracked run's findings of "short of money" take their crossing where the project
 * could first win a round, or where the run ends (mes-track.ts), not where they were made.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mesExactRun, mesFloatRun, mesWithCompletion } from './mes.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { elections } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

// Voters 1 and 2 approve a (21) and c (4); voters 3, 4 and 5 approve b (30). At a
// per-voter budget of 10, round 1 chooses b at rho 1/3 and finds a short by 1 (20 of 21).
// a's rho can never be below 1/2 (2 supporters), so a cannot win round 1 at any budget.
// Round 2 chooses c at rho 1/2, a tie with a's lowest rho. After c, voters 1 and 2 hold 8
// each: a is short by 5 when the run ends, and their money rises by 2 per unit of
// per-voter budget.
const p = buildProfile(
  approval(100, { a: 21, b: 30, c: 4 }, [['a', 'c'], ['a', 'c'], ['b'], ['b'], ['b']]),
);
const outcome = (e: number, ties: 'default' | 'lexicographic') =>
  mesExactRun(p, Rational.of(BigInt(e)), { ties }).selected;

test('a project that cannot win a round is judged where the run ends', () => {
  // Default ties (lowest cost first): c (4) wins its tie against a (21), so a changes
  // nothing until it is affordable at the end: 5 / 2 = 2.5 units from 10. Judged in round
  // 1, as before, it gave 1 / 2 = 0.5, and add1's walk had to count 11 and 12 again.
  const run = mesFloatRun(p, 10, { ties: 'default' }, true);
  assert.ok(run);
  assert.deepEqual(run.selected, [1, 2]);
  assert.ok(run.stable >= 2 && run.stable <= 2.5, `stable ${run.stable}`);
  assert.deepEqual(outcome(11, 'default'), [1, 2]);
  assert.deepEqual(outcome(12, 'default'), [1, 2]);
  assert.deepEqual(outcome(13, 'default'), [1, 2, 0], 'at 13 a is affordable at the end');
});

test('a project that would win a tie is judged in that round', () => {
  // Lexicographic ties: a comes before c, so at 11 (voters 1 and 2 hold 22 in round 2, a
  // costs each of them 10.5, rho 1/2) a wins round 2. The run at 10 must not claim 11.
  const run = mesFloatRun(p, 10, { ties: 'lexicographic' }, true);
  assert.ok(run);
  assert.deepEqual(run.selected, [1, 2]);
  assert.ok(run.stable <= 0.5, `stable ${run.stable}`);
  assert.deepEqual(outcome(11, 'lexicographic'), [1, 0]);
});

test('few voters over many projects: add1 gives what walking every step gives', () => {
  // Where findings of "short of money" limit what runs prove: 2 to 5 voters, 20 to 40
  // projects, per-voter budgets of hundreds to thousands of steps (400 such elections:
  // 1,828 runs against the walk's 45,157, the same outcomes).
  const few = elections({
    maxCost: 400,
    minBudget: 2000,
    maxBudget: 9000,
    minProjects: 20,
    maxProjects: 40,
    minVoters: 2,
    maxVoters: 5,
    maxPoints: 4,
  });
  fc.assert(
    fc.property(few, fc.constantFrom('cost' as const, 'cardinality' as const), (inst, utility) => {
      const p = buildProfile(inst);
      const jump = mesWithCompletion(p, 'add1', { utility });
      const walk = mesWithCompletion(p, 'add1', { utility, walk: true });
      assert.deepEqual(jump.selected, walk.selected);
      assert.equal(jump.endowment.cmp(walk.endowment), 0, 'same per-voter budget taken');
    }),
    { numRuns: 150 },
  );
});
