/**
 * A bound on what any MES outcome can cost, from the ballots alone, for add1's walk.
 *
 * Under the Method of Equal Shares a voter pays only for projects on their ballot, and in
 * all at most their budget. So at a per-voter budget E, voter i pays at most
 * min(E, C_i), where C_i is the total cost of the projects on i's ballot, and no outcome
 * at E costs more than f(E) = Σ_i min(E, C_i). Wherever f(E) ≤ B the outcome fits,
 * whatever it is. add1 walks per-voter budgets up from floor(B/n) while the outcome fits
 * (decision 0006): every step with f ≤ B fits, so the walk may start at the last of them.
 * This matters where some ballots cost less than the per-voter budget (few voters, or
 * ballots of one cheap project, or empty ones): f then stays below B well past B/n. With 3
 * voters over 500 projects, one ballot of 24 projects and two of about 280, the walk
 * from floor(B/n) = 10.5 million took 7,823 runs, most of them below 13.3 million, where
 * f(E) ≤ B holds.
 */
import type { Profile } from './profile.js';
import { Rational, RationalSum } from './rational.js';

/**
 * The largest whole multiple of `step` (currency units) at which no MES outcome of `p`
 * costs more than `budget`, when it is at least `from`; null when it is below `from` or
 * cannot be shown. Shapes: `budget` the exact total budget B (currency units), `from` the
 * first step of the walk as a whole number of currency units, `step` > 0 whole.
 *
 * Solved in floats (water-filling over the ballots' costs, sorted), then proven exactly:
 * ballots whose float cost is below the answer by more than float error are summed in
 * rationals (per project: cost × how many of them list it), every other ballot counts
 * the whole per-voter budget. Cost O(ballot entries), plus a sort of the ballots when
 * some ballot costs less than `from`.
 */
export function fitsUpTo(p: Profile, budget: Rational, from: bigint, step: number): bigint | null {
  const { n } = p;
  const low = Number(from);
  // Most elections have no ballot costing less than the first step, where f(E) = n × E > B:
  // a ballot's sum stops as soon as it reaches that step (often at its first project).
  let small = false;
  for (let v = 0; v < n && !small; v++) small = ballotCost(p, v, low) < low;
  if (!small) return null;
  const cost = new Float64Array(n);
  for (let v = 0; v < n; v++) cost[v] = ballotCost(p, v, Number.POSITIVE_INFINITY);
  const sorted = cost.slice().sort();
  const B = budget.toNumber();
  // f(E) = Σ_{j<k} C_j + (n − k) E on [C_{k−1}, C_k]: find the piece where it reaches B.
  let below = 0;
  let E = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const c = sorted[k] as number;
    const e = (B - below) / (n - k);
    if (e <= c) {
      E = e;
      break;
    }
    below += c;
  }
  // All ballots together cost at most B: every outcome fits, and the walk stops when
  // all candidates are funded, which this bound does not tell.
  if (!Number.isFinite(E)) return null;
  const top = BigInt(Math.floor(E / step)) * BigInt(step);
  if (top < from) return null;
  return costsAtMost(p, cost, top, budget) ? top : null;
}

/** What voter v's ballot costs in all (floats), or the sum so far once it reaches `stop`. */
function ballotCost(p: Profile, v: number, stop: number): number {
  let s = 0;
  const end = p.ballotStart[v + 1] as number;
  for (let k = p.ballotStart[v] as number; k < end && s < stop; k++)
    s += p.costs[p.ballotProjects[k] as number] as number;
  return s;
}

/**
 * Whether f(E) ≤ budget, exactly, at the whole per-voter budget `E`: ballots whose float
 * cost lies clearly below E are summed in rationals (their exact cost bounds what they pay
 * from above), every other ballot counts E (its exact cost is above E: float sums of a
 * ballot's costs are off by far less than 2^-30 of their value).
 */
function costsAtMost(p: Profile, cost: Float64Array, E: bigint, budget: Rational): boolean {
  const times = new Int32Array(p.m);
  const near = Number(E) * (1 + 2 ** -30);
  let rest = 0n;
  for (let v = 0; v < p.n; v++) {
    if ((cost[v] as number) >= near) {
      rest++;
      continue;
    }
    for (let k = p.ballotStart[v] as number; k < (p.ballotStart[v + 1] as number); k++) {
      const c = p.ballotProjects[k] as number;
      times[c] = (times[c] as number) + 1;
    }
  }
  const sum = new RationalSum();
  sum.add(Rational.of(rest * E));
  for (let c = 0; c < p.m; c++)
    if ((times[c] as number) > 0)
      sum.add(
        Rational.fromNumber(p.costs[c] as number).mul(Rational.of(BigInt(times[c] as number))),
      );
  return !budget.lt(sum.value());
}
