/**
 * What every part of the Method of Equal Shares shares: the shapes of a run and its
 * options, the float tolerance, the per-project weight sums, the class sizes of a
 * grouped profile and the crossings a tracked run collects. The engine is split by seam:
 * mes-evaluate.ts (one project's share in floats), mes-float.ts (a fixed-budget run in
 * floats), mes-exact-ledger.ts (a float run's close calls, in rationals), mes-exact.ts
 * (the whole run in exact rationals), mes-classes.ts (identical ballots
 * merged), mes-patterns.ts and mes-patterns-run.ts (money kept per pattern of support in
 * add1's verdict runs), mes-fit-bound.ts (the steps the ballots alone show to fit),
 * mes-track.ts (what a tracked run notes of its comparisons) and mes.ts (add1 and the
 * other completions; every public name).
 */
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import type { TieDecision, TieMode } from './ties.js';

export type Utility = 'cost' | 'cardinality';
export type Completion = 'none' | 'add1' | 'add1-exhaustive' | 'add1u';
export const COMPLETIONS: readonly Completion[] = ['none', 'add1', 'add1-exhaustive', 'add1u'];

/** Relative margin below which a float comparison is not trusted. Float error here is ~1e-13. */
export const TOL = 1e-9;

/** One fixed-budget MES run. */
export interface MesRun {
  selected: number[];
  /** Per project: round it was chosen in (1-based), 0 if not chosen. */
  round: Int32Array;
  /** Per chosen project: the maximum payment per point (for approval: per supporter). */
  share: Float64Array;
  /** Per chosen project: supporters who paid all they had left (less than the share). */
  paidAll: Int32Array;
  /** Every voter's budget at the end. */
  budgets: Float64Array;
  tieDecisions: TieDecision[];
  exact: boolean;
  /**
   * Only for a tracked run (see {@link mesFloatRun}): every per-voter budget in
   * [e, e + stable) gives this same outcome, where e is the run's per-voter budget.
   * Infinity when no comparison of the run can change as e grows; 0 when the next
   * budget may already differ.
   */
  stable: number;
  /**
   * Only for a tracked float run: per round, the chosen project's rho and every other
   * candidate still affordable with what is known of its rho (a lower bound), for the
   * two-run certificate of {@link sameOutcomeBetween}. Absent when it would hold more than
   * {@link traceEntries} candidates (few voters and thousands of projects): the run then
   * certifies nothing beyond its `stable`.
   */
  trace?: RunTrace;
  /**
   * Only for a float run given a cap that stopped early: the outcome of the full run
   * certainly costs at most the cap ('fits') or more ('over'); `selected` and the rest
   * hold only the rounds made, and `budgets` is empty.
   */
  partial?: 'fits' | 'over';
  /** Only for a float run: what a later run at a higher budget may use ({@link RunLog}). */
  log?: RunLog;
}

/**
 * The evaluations of a float run, in order, for a later run at a higher per-voter budget
 * (`prior` of {@link mesFloatRun}): per evaluation the project, the round (1-based), its
 * rho then, and the weight of its supporters who were not short of money (the slope of
 * the money they can give as the share rises).
 */
export interface RunLog {
  endowment: number;
  project: number[];
  round: number[];
  rho: number[];
  rich: number[];
  /** The weight of its supporters who were short of money (0: nobody was). */
  poor: number[];
  /**
   * Per project: the first round (1-based) in which the run found it short of money, 0 if
   * it never did; `shortMoney` holds an upper bound on the money behind it then (money
   * only falls within a run, so it bounds every later round too).
   */
  shortRound: Int32Array;
  shortMoney: Float64Array;
}

/**
 * The rounds of a tracked float run, flat (a few numbers per candidate, no object each:
 * rounds × candidates entries add up when thousands of projects are counted).
 */
export interface RunTrace {
  /** Per round: the chosen project, its rho, 1 when that rho is the exact constant 1/W (cost/W). */
  chosen: number[];
  rho: number[];
  exact: number[];
  /** Per round t: its other candidates are entries from[t] .. from[t + 1] − 1. */
  from: number[];
  /** Per entry: another candidate still in the running, its rho or a lower bound, exactness. */
  other: number[];
  otherRho: number[];
  otherExact: number[];
}

/**
 * The most entries a run's trace holds (3 numbers each), and the most evaluations its
 * `log` holds (5 numbers each): with the arrays' growth, about 100 MB a run at most. Counts
 * with few voters and thousands of projects choose hundreds of projects among thousands
 * of candidates (3 voters, 3,000 projects: 1.5 million entries a run); Warszawa 2026 needs
 * a few thousand.
 */
export const TRACE_ENTRIES = 2 ** 20;

/**
 * Entries a run's trace and log may hold in profile `p`: as many as its ballots have
 * (one per supporter of a project, `p.voters`), at least 2^14 and at most
 * {@link TRACE_ENTRIES}. A trace entry costs about as much to write as reading one
 * supporter does, so this keeps the trace below a reading of every ballot. With few
 * voters and hundreds of projects a trace grows with rounds × candidates far beyond the
 * ballots, and both writing it and the probes it allows cost more than they save (3
 * voters, 300 projects: 251 runs with a trace, 77 without; decision 0006). The largest
 * trace of a file in ../shared/pabulib is 4,837 entries (Łódź 2024).
 */
export function traceEntries(p: Profile): number {
  return Math.min(TRACE_ENTRIES, Math.max(2 ** 14, p.voters.length));
}

export interface MesOptions {
  utility?: Utility;
  ties?: TieMode;
  /**
   * Let add1's verdict runs on approval ballots keep money per pattern of support
   * (mes-patterns.ts; default true). Same outcome; `false` is the per-voter reference
   * for tests.
   */
  patterns?: boolean;
}

/** An empty run of profile p: nothing chosen yet (budgets, exactness and `stable` follow). */
export function newRun(p: Profile): Omit<MesRun, 'budgets' | 'exact' | 'stable'> {
  return {
    selected: [],
    round: new Int32Array(p.m),
    share: new Float64Array(p.m),
    paidAll: new Int32Array(p.m),
    tieDecisions: [],
  };
}

interface WeightSums {
  /** Sum of supporters' points per project. */
  sum: Float64Array;
  /** 1 when every supporter gave the project exactly 1 point (approval): a faster path. */
  unit: Uint8Array;
}

const weightSumCache = new WeakMap<Profile, WeightSums>();

/** Weight sums per project; cached, as add1 runs MES hundreds of times. */
export function weightSums(p: Profile): WeightSums {
  const cached = weightSumCache.get(p);
  if (cached) return cached;
  const sum = new Float64Array(p.m);
  const unit = new Uint8Array(p.m);
  for (let c = 0; c < p.m; c++) {
    let s = 0;
    let ones = 1;
    for (let k = p.start[c] ?? 0; k < (p.start[c + 1] ?? 0); k++) {
      const w = p.weights[k] ?? 0;
      s += w;
      if (w !== 1) ones = 0;
    }
    sum[c] = s;
    unit[c] = ones;
  }
  const r = { sum, unit };
  weightSumCache.set(p, r);
  return r;
}

/**
 * For a profile made by {@link voterClasses}: how many voters each of its voters stands
 * for. The runs start such a voter with that many endowments (and budget slope).
 */
export const multiplicity = new WeakMap<Profile, Float64Array>();

/**
 * Collects, for a tracked run, the smallest distance in per-voter budget over which no
 * comparison of the run's decision trace can change sign. While the trace is fixed, every
 * quantity of the run (each voter's budget, each project's share and rho, each sum of
 * money) is affine in the per-voter budget e, so a comparison whose two sides differ by
 * `gap` now and approach each other at `closing` per unit of e keeps its sign for at
 * least gap / closing.
 */
export class Crossings {
  stable = Number.POSITIVE_INFINITY;
  /**
   * Float values: the gap shrinks and the closing rate grows by margins far above float
   * error (`scale`: size of the compared values; `closingScale`: size of their slopes),
   * so a float estimate never gives a longer distance than the exact one.
   */
  float(gap: number, scale: number, closing: number, closingScale: number): void {
    const g = gap - 1e-11 * scale;
    if (!(g > 0)) {
      this.stable = 0;
      return;
    }
    const s = closing + 1e-9 * closingScale;
    if (!(s > 0)) return;
    const t = g / s;
    if (t < this.stable) this.stable = t;
  }
  /** Exact values: distance gap / closing, rounded down to a float. */
  exact(gap: Rational, closing: Rational): void {
    if (closing.num <= 0n) return;
    const f = floorToDouble(gap.div(closing));
    if (f < this.stable) this.stable = f;
  }
}

/**
 * A double at most t (t ≥ 0): floor(t × 2^20) / 2^20 below 2^33 (exact there), the whole
 * part below 2^53, and above that the nearest double, one below it when that is above t
 * (Infinity beyond the largest double: no count's budget comes near such a distance).
 */
export function floorToDouble(t: Rational): number {
  if (t.num <= 0n) return 0;
  const whole = t.num / t.den;
  if (whole < 2n ** 33n) return Number((t.num << 20n) / t.den) / 2 ** 20;
  if (whole < 2n ** 53n) return Number(whole);
  const f = Number(whole);
  if (!Number.isFinite(f) || BigInt(f) <= whole) return f;
  // The next double down: whole doubles above 2^53 are their bits' neighbours.
  const bits = new BigUint64Array(Float64Array.of(f).buffer);
  bits[0] = (bits[0] as bigint) - 1n;
  return new Float64Array(bits.buffer)[0] as number;
}

/** The exact total cost of some projects. */
export function exactCost(p: Profile, selected: readonly number[]): Rational {
  let s = Rational.ZERO;
  for (const c of selected) s = s.add(Rational.fromNumber(p.costs[c] ?? 0));
  return s;
}

/**
 * The projects MES can ever fund: cost above 0 and at least one supporter (as in the
 * reference code on equalshares.net and pabutools' candidate list). A zero-cost project
 * has no rho (0/0) and is never chosen by MES.
 */
export function mesCandidates(p: Profile): number[] {
  const out: number[] = [];
  for (let c = 0; c < p.m; c++) {
    if ((p.costs[c] ?? 0) > 0 && (p.start[c + 1] ?? 0) > (p.start[c] ?? 0)) out.push(c);
  }
  return out;
}
