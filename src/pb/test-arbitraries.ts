/** Random elections for the engine's property tests (fast-check arbitraries; not part of the index). */
import fc from 'fast-check';
import { approval } from './test-helpers.js';

// Small random elections: up to 6 projects, 8 voters; small integer costs make ties and
// "exactly affordable" cases frequent, which is where floats could go wrong.
export const election = fc
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

// Elections where add1 walks far: costs up to 300 and budgets up to 2000 for a few voters,
// so the per-voter budget moves over up to hundreds of steps and the skip-ahead has room
// to jump (kept this size so that walking every step stays quick).
export const wide = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 6 }),
    budget: fc.integer({ min: 1, max: 2000 }),
    ballots: fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), {
      minLength: 1,
      maxLength: 9,
    }),
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 54, maxLength: 54 }),
    cumulative: fc.boolean(),
  })
  .map(({ costs, budget, ballots, weights, cumulative }) => {
    const inst = approval(
      budget,
      Object.fromEntries(costs.map((c, k) => [`p${k}`, c])),
      ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
    );
    if (cumulative) {
      inst.meta.vote_type = 'cumulative';
      inst.ballots.forEach((b, v) => {
        b.points = b.projects.map((_, k) => weights[(v * 6 + k) % weights.length] as number);
      });
    }
    return inst;
  });

// Elections with more voters than projects, where many voters share what they paid for.
export const crowd = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 7 }),
    budget: fc.integer({ min: 10, max: 200 }),
    ballots: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), {
      minLength: 10,
      maxLength: 40,
    }),
  })
  .map(({ costs, budget, ballots }) =>
    approval(
      budget,
      Object.fromEntries(costs.map((c, k) => [`p${k}`, c])),
      ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
    ),
  );
