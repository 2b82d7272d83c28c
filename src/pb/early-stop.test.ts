import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { exactCost, mesCandidates, mesFloatRun, mesWithCompletion } from './mes.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { approval } from './test-helpers.js';

// Elections with room to stop early: up to 8 projects of cost 1–300, up to 12 voters,
// whole points 1–3 on some ballots (so both the approval and the weighted paths run).
const election = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
    ballots: fc.array(fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), {
      minLength: 1,
      maxLength: 12,
    }),
    points: fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 96, maxLength: 96 })),
  })
  .map(({ costs, ballots, points }) => {
    const inst = approval(
      1,
      Object.fromEntries(costs.map((c, k) => [`p${k}`, c])),
      ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
    );
    if (points) {
      inst.meta.vote_type = 'cumulative';
      inst.ballots.forEach((b, v) => {
        b.points = b.projects.map((_, k) => points[(v * 8 + k) % points.length] as number);
      });
    }
    return inst;
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
