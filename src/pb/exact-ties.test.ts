import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mesFloatRun, mesWithCompletion } from './mes.js';
import { mesExactRun } from './mes-exact.js';
import type { MesRun } from './mes-run.js';
import { buildProfile, type Profile } from './profile.js';
import { Rational } from './rational.js';
import { approval } from './test-helpers.js';

// A supporter who has paid all they had holds exactly 0, and a project's rho over the
// others is then the exact constant 1/R (R: how many can still pay). Float runs used to
// hand every tie that involved such a project to the exact engine: on neighbourhood-sized
// elections with round amounts (costs in whole thousands) that was a third of add1's
// runs, each many times slower than a float run.

/**
 * The float run at per-voter budget `e`, untracked and tracked (in that order): each must
 * settle the election itself (no exact run) with the exact run's choices and ties.
 */
function floatRunsAsExact(p: Profile, e: number, exact: MesRun): MesRun[] {
  return [false, true].map((track) => {
    const fast = mesFloatRun(p, e, {}, track);
    assert.ok(fast, `the float run (track ${track}) settles it itself`);
    assert.equal(fast.exact, false);
    assert.deepEqual(fast.selected, exact.selected);
    assert.deepEqual(fast.tieDecisions, exact.tieDecisions);
    return fast;
  });
}

/**
 * Per-voter budget 4, ten voters:
 * - A (12; v1 v2 v3 v8): rho 1/4, the lowest in round 1; each pays 3, v1 keeps 1.
 * - B (cost `b`; v1 v4 v5): with b = 6, v1 (1) is short of 6/3 = 2, pays all and is left
 *   with exactly 0; v4 and v5 pay (6 − 1)/2 = 2.5: rho 2.5/6 ≈ 0.417.
 * - C (7; v1 v6 v7): in round 2 v1 is short of 7/3, so the others pay (7 − 1)/2 = 3:
 *   rho 3/7 ≈ 0.429, just above B. In round 3 v1 has nothing: v6 and v7 pay 3.5 of their
 *   4, rho 3.5/7 = 1/2 exactly.
 * - D (4; v9 v10): 2 each, rho 1/2 in every round.
 * Round 3 is an exact tie between C and D, broken by the lower cost: D, then C.
 */
function tieAfterPayingAll(b: number, a = 12) {
  return buildProfile(
    approval(40, { A: a, B: b, C: 7, D: 4 }, [
      ['A', 'B', 'C'],
      ['A'],
      ['A'],
      ['B'],
      ['B'],
      ['C'],
      ['C'],
      ['A'],
      ['D'],
      ['D'],
    ]),
  );
}

test('a tie with a project whose short supporters have nothing left is settled in floats', () => {
  const p = tieAfterPayingAll(6);
  const exact = mesExactRun(p, Rational.of(4n));
  assert.deepEqual(exact.selected, [0, 1, 3, 2]);
  assert.deepEqual(exact.tieDecisions, [
    { context: 'MES round 3', between: ['C', 'D'], chosen: 'D', decidedBy: 'cost' },
  ]);
  const [, tracked] = floatRunsAsExact(p, 4, exact);
  // A 0 it can trust keeps the round's constants exact: the tracked run proves more.
  assert.ok((tracked?.stable ?? 0) > 0);
});

test('a budget of 0 left by paying exactly what was left is not trusted in floats', () => {
  // A costs 10: its supporters pay 2.5 each, so budgets are no longer whole (v1 keeps
  // 1.5). B costs 4.5: v1 owes 4.5/3 = 1.5, exactly what it has (rho 1/3, chosen in round
  // 2). After fractions, "exactly" in floats can hide a small amount on either side, so
  // the tie of C and D in round 3 is settled in rationals (the exact budgets of the run
  // so far), with the same outcome as the exact engine; a tracked run then proves nothing
  // beyond its own budget (stable 0), where with a trusted 0 it proves more.
  const p = tieAfterPayingAll(4.5, 10);
  const exact = mesExactRun(p, Rational.of(4n));
  assert.deepEqual(exact.selected, [0, 1, 3, 2]);
  const [, tracked] = floatRunsAsExact(p, 4, exact);
  assert.equal(tracked?.stable, 0);
});

test('while every payment is in whole amounts, a budget paid down to 0 is exactly 0', () => {
  // Per-voter budget 3. Round 1: A (12; v1 v2 v3 v8) at 3 each, all each of them has: whole
  // amounts that add up to the cost, so their 0 is exact. Round 2: C (4; v1 v4 v5) is paid
  // by v4 and v5 at 2 each, rho 2/4 = 1/2; D (4; v6 v7) also 1/2. Equal costs, so the
  // tie goes to the most votes: C (3) before D (2).
  const p = buildProfile(
    approval(30, { A: 12, C: 4, D: 4 }, [
      ['A', 'C'],
      ['A'],
      ['A'],
      ['C'],
      ['C'],
      ['D'],
      ['D'],
      ['A'],
    ]),
  );
  const exact = mesExactRun(p, Rational.of(3n));
  assert.deepEqual(exact.selected, [0, 1, 2]);
  assert.deepEqual(exact.tieDecisions, [
    { context: 'MES round 2', between: ['C', 'D'], chosen: 'C', decidedBy: 'votes' },
  ]);
  floatRunsAsExact(p, 3, exact);
  // The same per pattern of support (a run with a cap), stopped once its verdict is sure.
  const capped = mesFloatRun(p, 3, {}, false, undefined, 100);
  assert.ok(capped);
  assert.deepEqual(capped.selected, exact.selected.slice(0, capped.selected.length));
});

test('a near-tie of rhos that are not constants is settled in rationals, and the run goes on', () => {
  // Per-voter budget 4. Round 1: A (9; v1 v2 v3) at 3 each, they keep 1. Round 2: X (4;
  // v1 v4) and Y (4; v2 v5): in each, the first supporter (1 left) is short of the share
  // and pays 1, the other pays 3: rho 3/4 for both, equal in rationals but with someone
  // short, so not a constant the float run can trust. Equal cost and votes: X by its id,
  // then Y (3/4 again).
  const p = buildProfile(
    approval(20, { A: 9, X: 4, Y: 4 }, [['A', 'X'], ['A', 'Y'], ['A'], ['X'], ['Y']]),
  );
  const exact = mesExactRun(p, Rational.of(4n));
  assert.deepEqual(exact.selected, [0, 1, 2]);
  assert.deepEqual(exact.tieDecisions, [
    { context: 'MES round 2', between: ['X', 'Y'], chosen: 'X', decidedBy: 'id' },
  ]);
  const [, tracked] = floatRunsAsExact(p, 4, exact);
  assert.equal(tracked?.stable, 0);
});

/**
 * Elections full of exact ties: costs from {3, 6, 9, 12} × a unit, per-voter budgets a
 * few units, so supporters run dry and projects with as many supporters left tie.
 */
const tieProne = fc
  .record({
    unit: fc.constantFrom(1, 7, 1000),
    costs: fc.array(fc.constantFrom(3, 6, 9, 12), { minLength: 2, maxLength: 7 }),
    ballots: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), {
      minLength: 2,
      maxLength: 14,
    }),
    e: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ unit, costs, ballots, e }) => ({
    unit,
    e: e * unit,
    p: buildProfile(
      approval(
        1,
        Object.fromEntries(costs.map((c, k) => [`p${k}`, c * unit])),
        ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
      ),
    ),
  }));

test('in elections full of exact ties, float runs choose what exact runs choose', () => {
  let settled = 0;
  fc.assert(
    fc.property(
      tieProne,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      ({ p, e }, utility) => {
        const exact = mesExactRun(p, Rational.of(BigInt(e)), { utility });
        for (const track of [false, true]) {
          const fast = mesFloatRun(p, e, { utility }, track);
          if (!fast) continue;
          settled++;
          assert.deepEqual(fast.selected, exact.selected);
          assert.deepEqual(fast.tieDecisions, exact.tieDecisions);
        }
        // A run with a cap keeps money per pattern of support: its rounds are the exact ones.
        const capped = mesFloatRun(p, e, { utility }, false, undefined, e * p.n);
        if (capped) {
          settled++;
          assert.deepEqual(capped.selected, exact.selected.slice(0, capped.selected.length));
        }
      },
    ),
    { numRuns: 400 },
  );
  assert.ok(settled > 800, `float runs settled ${settled} counts`);
});

/** A neighbourhood round: 20 projects of 1,000 to 100,000 euros, 300 ballots of 1 to 8. */
function roundAmounts(seed: number) {
  let s = seed;
  const next = (k: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * k);
  };
  const costs: Record<string, number> = {};
  for (let j = 1; j <= 20; j++) costs[`${j}`] = (1 + next(100)) * 1000;
  const ids = Object.keys(costs);
  const ballots: string[][] = [];
  for (let v = 0; v < 300; v++) {
    const pick = [...ids];
    const size = 1 + next(8);
    const ballot: string[] = [];
    while (ballot.length < size) ballot.push(pick.splice(next(pick.length), 1)[0] as string);
    ballots.push(ballot);
  }
  const total = Object.values(costs).reduce((a, b) => a + b, 0);
  return buildProfile(approval(Math.floor(total / 3), costs, ballots));
}

test('add1 on a round with amounts in whole thousands needs no exact runs', () => {
  // Seeds whose walks met such ties: before, 9 of 317 and 20 of 502 runs were exact.
  for (const seed of [5, 6]) {
    const p = roundAmounts(seed);
    const r = mesWithCompletion(p, 'add1');
    assert.ok(r.runs > 50, `seed ${seed}: a long walk (${r.runs} runs)`);
    assert.equal(r.exactRuns, 0, `seed ${seed}`);
    const walk = mesWithCompletion(p, 'add1', { walk: true });
    assert.deepEqual(r.selected, walk.selected);
    assert.equal(r.endowment.cmp(walk.endowment), 0);
  }
});
