import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { exactCost, mesCandidates, mesExactRun, mesFloatRun, mesWithCompletion } from './mes.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { elections } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

// Elections with room to stop early: up to 8 projects of cost 1–300, up to 12 voters,
// whole points 1–3 on some ballots (so both the approval and the weighted paths run).
const election = elections({
  maxCost: 300,
  maxBudget: 1,
  maxProjects: 8,
  maxVoters: 12,
  maxPoints: 3,
});

test('a run with a cap stops only when the full run certainly fits it or overshoots it', () => {
  let stopped = 0;
  fc.assert(
    fc.property(
      election,
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 0, max: 1200 }),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      (inst, e, cap, utility) => {
        const p = buildProfile(inst);
        const full = mesFloatRun(p, e, { utility });
        const capped = mesFloatRun(p, e, { utility }, false, undefined, cap);
        if (!full || !capped) return; // too close to call in floats: the exact run decides
        const cost = exactCost(p, full.selected);
        // What a stopped run chose is the start of what the full run chose.
        assert.deepEqual(capped.selected, full.selected.slice(0, capped.selected.length));
        if (capped.partial === 'fits') {
          stopped++;
          assert.ok(!Rational.of(BigInt(cap)).lt(cost), `fits ${cap}, full run costs ${cost}`);
          assert.ok(full.selected.length < mesCandidates(p).length, 'not every candidate funded');
        } else if (capped.partial === 'over') {
          stopped++;
          assert.ok(Rational.of(BigInt(cap)).lt(cost), `over ${cap}, full run costs ${cost}`);
        } else assert.deepEqual(capped.selected, full.selected);
      },
    ),
    { numRuns: 1500 },
  );
  assert.ok(stopped > 100, `only ${stopped} runs stopped early`);
});

test('add1 with runs that stop early takes what walking every step in full takes', () => {
  fc.assert(
    fc.property(
      election.map((inst) => {
        // Budgets from a quarter of the total cost to all of it: the walk goes far.
        const total = inst.projects.reduce((s, pr) => s + pr.cost, 0);
        inst.meta.budget = String(Math.max(1, Math.round(total * 0.6)));
        return inst;
      }),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.constantFrom('add1' as const, 'add1u' as const),
      (inst, utility, completion) => {
        const p = buildProfile(inst);
        const jump = mesWithCompletion(p, completion, { utility });
        const walk = mesWithCompletion(p, completion, { utility, walk: true });
        assert.deepEqual(jump.selected, walk.selected);
        assert.equal(jump.endowment.cmp(walk.endowment), 0, 'same per-voter budget taken');
        assert.deepEqual(jump.run.budgets, walk.run.budgets, 'the run taken is told in full');
      },
    ),
    { numRuns: 400 },
  );
});

test('add1 counts at B/n only when its first step does not fit', () => {
  // Budget 10, two voters (B/n = 5): a (8) both, c (5) voter 1; a and c cost 13 > 10, so
  // the count at B/n cannot fund every candidate and add1 walks on from it. At e = 6 a is
  // chosen (4 each) and voter 1 keeps 2 of the 5 c needs: c comes within reach after
  // 3 more (e = 9, then {a, c} costs 13 > 10). Runs: e = 6 (tracked, proves 3 steps),
  // e = 9 (overshoots), e = 8 (the outcome taken, told in full); none at B/n.
  const p = buildProfile(approval(10, { a: 8, c: 5 }, [['a', 'c'], ['a']]));
  const r = mesWithCompletion(p, 'add1');
  assert.deepEqual(r.selected, [0]);
  assert.equal(r.endowment.toString(), '8');
  assert.equal(r.runs, 3);
  // When the first step overshoots, the outcome at B/n is counted after all. Budget 10,
  // two voters (B/n = 5): a (6) voter 1, b (5) voter 2. At 5 only b is affordable; at 6
  // both are, 11 > 10: the walk stops and keeps the outcome at B/n.
  const q = buildProfile(approval(10, { a: 6, b: 5 }, [['a'], ['b']]));
  const s = mesWithCompletion(q, 'add1');
  assert.deepEqual(s.selected, [1]);
  assert.equal(s.endowment.toString(), '5');
  assert.deepEqual(s.run.budgets, mesWithCompletion(q, 'add1', { walk: true }).run.budgets);
});

test('a run at a higher budget drops, without evaluating it, a project the run below found short', () => {
  // x (100) all three voters, y (3) voter 1. At 10 per voter x is evaluated first (lowest
  // rho bound 1/3) and has 30 < 100. At 11 its supporters hold at most 30 + 3 × 1 = 33
  // before anything is paid: still short, so the run drops it unevaluated, and notes the
  // bound for the next run. The outcome is what a run without the earlier one finds.
  const p = buildProfile(approval(30, { x: 100, y: 3 }, [['x', 'y'], ['x'], ['x']]));
  const below = mesFloatRun(p, 10);
  assert.ok(below?.log);
  assert.equal(below.log.shortRound[0], 1);
  assert.equal(below.log.shortMoney[0], 30);
  const above = mesFloatRun(p, 11, {}, false, below);
  assert.ok(above?.log);
  assert.equal(above.log.shortRound[0], 1);
  assert.equal(above.log.shortMoney[0], 33);
  assert.deepEqual(above.selected, mesFloatRun(p, 11)?.selected);
  // Unevaluated: given a made-up note of 25 below, the run above notes 25 + 3 = 28: it
  // took the earlier run's note instead of summing the 33 its supporters hold.
  below.log.shortMoney[0] = 25;
  assert.equal(mesFloatRun(p, 11, {}, false, below)?.log?.shortMoney[0], 28);
});

test('a tracked run with a cap stops early, and its verdict holds over the budgets its stable covers', () => {
  let stopped = 0;
  fc.assert(
    fc.property(
      election,
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 0, max: 1200 }),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      (inst, e, cap, utility) => {
        const p = buildProfile(inst);
        const capped = mesFloatRun(p, e, { utility }, true, undefined, cap);
        if (capped?.partial !== 'fits') return;
        stopped++;
        // Every whole budget in [e, e + stable), counted exactly and in full, makes the
        // same first rounds, fits the cap and leaves a candidate out (up to 40 of them).
        const last = Math.min(e + Math.ceil(capped.stable) - 1, e + 40);
        for (let x = e; x <= last; x++) {
          const full = mesExactRun(p, Rational.of(BigInt(x)), { utility });
          assert.deepEqual(full.selected.slice(0, capped.selected.length), capped.selected);
          assert.ok(!Rational.of(BigInt(cap)).lt(exactCost(p, full.selected)), `fits at ${x}`);
          assert.ok(full.selected.length < mesCandidates(p).length, `not all funded at ${x}`);
        }
      },
    ),
    { numRuns: 1500 },
  );
  assert.ok(stopped > 100, `only ${stopped} tracked runs stopped early`);
});
