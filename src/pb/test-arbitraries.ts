/** Random elections for the engine's property tests (fast-check arbitraries; not part of the index). */
import fc from 'fast-check';
import { approval } from './test-helpers.js';
import type { Instance } from './types.js';

/** The size of a family of random elections; `maxPoints` makes half of them cumulative. */
export interface ElectionShape {
  maxCost: number;
  minBudget?: number;
  maxBudget: number;
  minProjects?: number;
  maxProjects: number;
  minVoters?: number;
  maxVoters: number;
  /** Points of a cumulative ballot are 1..maxPoints; absent: approval only. */
  maxPoints?: number;
}

/**
 * Random elections of a shape: integer costs from 1, a budget, approval ballots (each
 * voter approves a random subset) and, with `maxPoints`, cumulative ones as often.
 */
export function elections(s: ElectionShape): fc.Arbitrary<Instance> {
  const width = s.maxProjects;
  return fc
    .record({
      costs: fc.array(fc.integer({ min: 1, max: s.maxCost }), {
        minLength: s.minProjects ?? 1,
        maxLength: width,
      }),
      budget: fc.integer({ min: s.minBudget ?? 1, max: s.maxBudget }),
      ballots: fc.array(fc.array(fc.boolean(), { minLength: width, maxLength: width }), {
        minLength: s.minVoters ?? 1,
        maxLength: s.maxVoters,
      }),
      // Points for every cell of the widest table; none drawn for approval-only shapes.
      points: s.maxPoints
        ? fc.array(fc.integer({ min: 1, max: s.maxPoints }), {
            minLength: width * s.maxVoters,
            maxLength: width * s.maxVoters,
          })
        : fc.constant([]),
      cumulative: s.maxPoints ? fc.boolean() : fc.constant(false),
      // greedy-threshold's least score (a rule that needs it; every other rule ignores it).
      threshold: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ costs, budget, ballots, points, cumulative, threshold }) => {
      const inst = approval(
        budget,
        Object.fromEntries(costs.map((c, k) => [`p${k}`, c])),
        ballots.map((row) => costs.map((_, k) => `p${k}`).filter((_, k) => row[k])),
      );
      inst.meta.min_project_score_threshold = String(threshold);
      if (cumulative) {
        inst.meta.vote_type = 'cumulative';
        inst.ballots.forEach((b, v) => {
          b.points = b.projects.map((_, k) => points[(v * width + k) % points.length] as number);
        });
      }
      return inst;
    });
}

// Small random elections: up to 6 projects, 8 voters; small integer costs make ties and
// "exactly affordable" cases frequent, which is where floats could go wrong.
export const election = elections({ maxCost: 12, maxBudget: 40, maxProjects: 6, maxVoters: 8 });

// Elections where add1 walks far: costs up to 300 and budgets up to 2000 for a few voters,
// so the per-voter budget moves over up to hundreds of steps and the skip-ahead has room
// to jump (kept this size so that walking every step stays quick).
export const wide = elections({
  maxCost: 300,
  maxBudget: 2000,
  maxProjects: 6,
  maxVoters: 9,
  maxPoints: 5,
});

// Elections with more voters than projects, where many voters share what they paid for.
export const crowd = elections({
  maxCost: 60,
  minBudget: 10,
  maxBudget: 200,
  minProjects: 2,
  maxProjects: 7,
  minVoters: 10,
  maxVoters: 40,
});
