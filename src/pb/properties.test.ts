import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mesExactRun, mesRun, mesWithCompletion } from './mes.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { RULES, tally } from './rules.js';
import { approval } from './test-helpers.js';

// Small random elections: up to 6 projects, 8 voters; small integer costs make ties and
// "exactly affordable" cases frequent, which is where floats could go wrong.
const election = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
    budget: fc.integer({ min: 1, max: 40 }),
    ballots: fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ costs, budget, ballots }) =>
    approval(
      budget,
      Object.fromEntries(costs.map((c, k) => [`p${k}`, c])),
      ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
    ),
  );

test('no rule ever spends more than the budget', () => {
  fc.assert(
    fc.property(election, (inst) => {
      for (const rule of RULES.keys()) {
        const o = tally(inst, rule);
        assert.ok(o.totalCost <= o.budget, `${rule} spent ${o.totalCost} of ${o.budget}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('every MES winner is paid by its own supporters, within what they have', () => {
  fc.assert(
    fc.property(
      election,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      (inst, utility) => {
        const p = buildProfile(inst);
        const e = Rational.of(BigInt(p.budget), BigInt(p.n));
        const run = mesExactRun(p, e, { utility });
        // Replay the payments exactly: each supporter pays min(budget left, share).
        const left: Rational[] = new Array(p.n).fill(e);
        for (const c of run.selected) {
          const share = Rational.fromNumber(run.share[c] as number);
          let paid = Rational.ZERO;
          for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
            const v = p.voters[k] as number;
            const b = left[v] as Rational;
            const pay = b.cmp(share) < 0 ? b : share;
            left[v] = b.sub(pay);
            paid = paid.add(pay);
          }
          // share is rounded to a float for reporting: allow that rounding only.
          assert.ok(
            Math.abs(paid.toNumber() - (p.costs[c] as number)) < 1e-9 * (p.costs[c] as number),
          );
        }
        for (const b of left) assert.ok(b.toNumber() >= -1e-9);
      },
    ),
    { numRuns: 200 },
  );
});

test('greedy follows its definition: in score order, funded exactly when it fits', () => {
  fc.assert(
    fc.property(election, (inst) => {
      const o = tally(inst, 'greedy');
      const order = o.projects
        .map((pr) => pr.facts)
        .map((f, c) => ({ f, pr: o.projects[c] }))
        .sort(
          (a, b) =>
            (a.f.kind === 'greedy' ? (a.f.rank ?? 0) : 0) -
            (b.f.kind === 'greedy' ? (b.f.rank ?? 0) : 0),
        );
      let left = o.budget;
      let lastScore = Number.POSITIVE_INFINITY;
      for (const { pr } of order) {
        assert.ok(pr && pr.score <= lastScore, 'order is by score');
        lastScore = pr.score;
        assert.equal(pr.selected, pr.cost <= left);
        if (pr.selected) left -= pr.cost;
      }
    }),
    { numRuns: 200 },
  );
});

test('the float engine with exact close calls never differs from the fully exact engine', () => {
  fc.assert(
    fc.property(
      election,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.integer({ min: 0, max: 6 }),
      (inst, utility, extra) => {
        const p = buildProfile(inst);
        // Budgets around B/n and the whole-unit budgets add1 visits.
        for (const e of [
          Rational.of(BigInt(p.budget), BigInt(p.n)),
          Rational.of(BigInt(Math.floor(p.budget / p.n) + extra)),
        ]) {
          const fast = mesRun(p, e, { utility });
          const exact = mesExactRun(p, e, { utility });
          assert.deepEqual(fast.selected, exact.selected);
          assert.deepEqual(fast.tieDecisions, exact.tieDecisions);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('add1 equals its sequential definition computed exactly', () => {
  fc.assert(
    fc.property(election, (inst) => {
      const p = buildProfile(inst);
      const B = Rational.of(BigInt(p.budget));
      const costOf = (sel: number[]) => sel.reduce((s, c) => s + (p.costs[c] as number), 0);
      let e = Math.floor(p.budget / p.n);
      const allCost = costOf(Array.from({ length: p.m }, (_, c) => c));
      let ref = mesExactRun(
        p,
        allCost <= p.budget ? B.div(Rational.of(BigInt(p.n))) : Rational.of(BigInt(e)),
      );
      if (allCost > p.budget) {
        for (let guard = 0; guard < 200; guard++) {
          const next = mesExactRun(p, Rational.of(BigInt(e + 1)));
          if (costOf(next.selected) > p.budget) break;
          e++;
          ref = next;
        }
      }
      assert.deepEqual(mesWithCompletion(p, 'add1').selected, ref.selected);
    }),
    { numRuns: 150 },
  );
});
