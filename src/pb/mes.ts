/**
 * The Method of Equal Shares (MES): every voter gets an equal part of the budget and may
 * only spend it on projects they voted for. Each round funds the project whose cost its
 * supporters can cover with the lowest maximum payment per unit of utility (rho).
 *
 * Utilities: `cost` (a supporter's utility is the project's cost times their points; for
 * approval this is the "effective vote count" rule used in real elections) or
 * `cardinality` (utility is the points, 1 for approval).
 *
 * Arithmetic: a fast float engine runs first and notes any decision whose margin is
 * below a safe tolerance (near-ties, "just affordable"). Such a run is redone in exact
 * rational arithmetic, so floats never decide a close call.
 */
import { greedy } from './greedy.js';
import type { MesFacts } from './outcome.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { breakTie, type TieDecision, type TieMode } from './ties.js';

export type Utility = 'cost' | 'cardinality';
export type Completion = 'none' | 'add1' | 'add1-exhaustive' | 'add1u';
export const COMPLETIONS: readonly Completion[] = ['none', 'add1', 'add1-exhaustive', 'add1u'];

/** Relative margin below which a float comparison is not trusted. Float error here is ~1e-13. */
const TOL = 1e-9;

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
}

export interface MesOptions {
  utility?: Utility;
  ties?: TieMode;
}

function newRun(p: Profile): Omit<MesRun, 'budgets' | 'exact'> {
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
function weightSums(p: Profile): WeightSums {
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
 * Fixed-budget MES in floats. Returns null when a decision was too close to call in
 * floating point; the caller then runs {@link mesExactRun}.
 */
export function mesFloatRun(p: Profile, endowment: number, opts: MesOptions = {}): MesRun | null {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const b = new Float64Array(p.n).fill(endowment);
  const { sum: W, unit } = weightSums(p);
  // rho only grows as budgets shrink, so the last value computed is a lower bound.
  const lower = new Float64Array(p.m);
  const q = new Float64Array(p.m);
  const poor = new Int32Array(p.m);
  const exactRho = new Uint8Array(p.m);
  let most = 0;
  for (let c = 0; c < p.m; c++)
    most = Math.max(most, (start[c + 1] as number) - (start[c] as number));
  const scratchB = new Float64Array(most);
  const scratchW = new Float64Array(most);
  const run = newRun(p);
  let cand: number[] = [];
  for (let c = 0; c < p.m; c++) {
    const cost = costs[c] ?? 0;
    const w = W[c] ?? 0;
    if (cost > 0 && w > 0) {
      cand.push(c);
      lower[c] = utility === 'cost' ? 1 / w : cost / w;
    }
  }
  for (let round = 1; cand.length > 0; round++) {
    cand.sort((x, y) => (lower[x] ?? 0) - (lower[y] ?? 0));
    let best = Number.POSITIVE_INFINITY;
    const keep: number[] = [];
    const evaluated: number[] = [];
    for (const c of cand) {
      if ((lower[c] ?? 0) > best * (1 + TOL)) {
        keep.push(c);
        continue;
      }
      const s = start[c] as number;
      const e = start[c + 1] as number;
      const cost = costs[c] as number;
      const wc = W[c] as number;
      // First pass at the equal share cost/W: money behind the project, and who is poor.
      let share = cost / wc;
      let money = 0;
      let pm = 0;
      let rw = 0;
      let pc = 0;
      let minSlack = Number.POSITIVE_INFINITY;
      let kept = 0;
      const ones = unit[c] === 1;
      // With all weights 1 (approval), share * w is share itself and rw counts supporters:
      // the same float operations without reading weights. minB is the smallest budget
      // among the rich supporters, so a pass that would find no new poor one is skipped.
      let minB = Number.POSITIVE_INFINITY;
      let hopeless = false;
      if (ones) {
        for (let k = s; k < e; k++) {
          // Nobody holds more than the endowment: if even that cannot close the gap, the
          // project is never affordable again (with margin, so the full sum agrees).
          if ((k - s) % 1024 === 1023 && money + (e - k) * endowment < cost * (1 - 2 * TOL)) {
            hopeless = true;
            break;
          }
          const bi = b[voters[k] as number] as number;
          money += bi;
          if (bi < share) {
            pm += bi;
            pc++;
          } else {
            if (bi < minB) minB = bi;
            scratchB[kept++] = bi;
          }
        }
        rw = kept;
        minSlack = minB - share;
      } else {
        for (let k = s; k < e; k++) {
          const bi = b[voters[k] as number] as number;
          const wi = weights[k] as number;
          money += bi;
          const slack = bi - share * wi;
          if (slack < 0) {
            pm += bi;
            pc++;
          } else {
            rw += wi;
            if (slack < minSlack * wi) minSlack = slack / wi;
            // Rich supporters go to a contiguous scratch list: later passes skip the indirection.
            scratchB[kept] = bi;
            scratchW[kept++] = wi;
          }
        }
      }
      if (hopeless || money < cost * (1 - TOL)) continue; // never affordable again: budgets only shrink
      if (money < cost * (1 + TOL) && money !== cost) {
        // Only trust the comparison when every budget is a whole number (then the sum is exact).
        let whole = true;
        for (let k = s; k < e && whole; k++) whole = Number.isInteger(b[voters[k] as number]);
        if (!whole) return null;
        if (money < cost) continue;
      }
      // Water-filling: supporters who cannot pay the equal share pay all they have; the
      // share rises until the rest cover the cost. Each pass can only add poor supporters,
      // so each pass keeps only the still-rich ones.
      let poorCount = 0;
      for (let pass = 0; pc !== poorCount; pass++) {
        if (rw === 0 || pass > 1000) return null;
        poorCount = pc;
        share = (cost - pm) / rw;
        if (ones) {
          // No rich supporter below the new share: the pass would change nothing.
          if (minB >= share) {
            minSlack = minB - share;
            break;
          }
          minB = Number.POSITIVE_INFINITY;
          let next = 0;
          for (let k = 0; k < kept; k++) {
            const bi = scratchB[k] as number;
            if (bi < share) {
              pm += bi;
              pc++;
            } else {
              if (bi < minB) minB = bi;
              scratchB[next++] = bi;
            }
          }
          kept = next;
          rw = kept;
          minSlack = minB - share;
          continue;
        }
        rw = 0;
        minSlack = Number.POSITIVE_INFINITY;
        let next = 0;
        for (let k = 0; k < kept; k++) {
          const bi = scratchB[k] as number;
          const wi = scratchW[k] as number;
          const slack = bi - share * wi;
          if (slack < 0) {
            pm += bi;
            pc++;
          } else {
            rw += wi;
            if (slack < minSlack * wi) minSlack = slack / wi;
            scratchB[next] = bi;
            scratchW[next++] = wi;
          }
        }
        kept = next;
      }
      // rho is exactly 1/W (or cost/W) when nobody is near the edge of their budget:
      // then equal values are true ties and float comparison is exact.
      const clear = poorCount === 0 && minSlack > TOL * share && Number.isInteger(wc);
      const rho = clear
        ? utility === 'cost'
          ? 1 / wc
          : cost / wc
        : utility === 'cost'
          ? share / cost
          : share;
      lower[c] = rho;
      q[c] = share;
      poor[c] = poorCount;
      exactRho[c] = clear ? 1 : 0;
      keep.push(c);
      evaluated.push(c);
      if (rho < best) best = rho;
    }
    cand = keep;
    if (evaluated.length === 0) break;
    let tied = evaluated.filter((c) => (lower[c] ?? 0) <= best * (1 + TOL));
    if (tied.length > 1) {
      if (tied.some((c) => exactRho[c] === 0)) return null;
      tied = tied.filter((c) => lower[c] === best);
    }
    const chosen = breakTie(p, ties, tied, `MES round ${round}`, run.tieDecisions);
    const share = q[chosen] ?? 0;
    for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++) {
      const v = voters[k] as number;
      const pay = share * (weights[k] as number);
      const bv = b[v] as number;
      b[v] = bv <= pay ? 0 : bv - pay;
    }
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share;
    run.paidAll[chosen] = poor[chosen] ?? 0;
    cand = cand.filter((c) => c !== chosen);
  }
  return { ...run, budgets: b, exact: false };
}

/**
 * Fixed-budget MES in exact rational arithmetic: the reference the float engine is tested
 * against, and the judge of its close calls. Slower, so used only when needed.
 */
export function mesExactRun(p: Profile, endowment: Rational, opts: MesOptions = {}): MesRun {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const b: Rational[] = new Array(p.n).fill(endowment);
  const wr: Rational[] = Array.from(weights, (w) => Rational.fromNumber(w));
  const cr: Rational[] = Array.from(costs, (c) => Rational.fromNumber(c));
  const run = newRun(p);
  const lower: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const qx: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const poor = new Int32Array(p.m);
  let cand: number[] = [];
  for (let c = 0; c < p.m; c++) {
    if ((costs[c] ?? 0) > 0 && (start[c + 1] ?? 0) > (start[c] ?? 0)) cand.push(c);
  }
  for (let round = 1; cand.length > 0; round++) {
    let best: Rational | undefined;
    let tied: number[] = [];
    const keep: number[] = [];
    for (const c of cand) {
      const lo = lower[c];
      if (best && lo && best.lt(lo)) {
        keep.push(c);
        continue;
      }
      const s = start[c] ?? 0;
      const e = start[c + 1] ?? 0;
      const cost = cr[c] as Rational;
      let money = Rational.ZERO;
      for (let k = s; k < e; k++) money = money.add(b[voters[k] ?? 0] as Rational);
      if (money.lt(cost)) continue;
      let wsum = Rational.ZERO;
      for (let k = s; k < e; k++) wsum = wsum.add(wr[k] as Rational);
      let share = cost.div(wsum);
      let poorCount = 0;
      for (;;) {
        let pm = Rational.ZERO;
        let rw = Rational.ZERO;
        let pc = 0;
        for (let k = s; k < e; k++) {
          const bi = b[voters[k] ?? 0] as Rational;
          const wi = wr[k] as Rational;
          if (bi.lt(share.mul(wi))) {
            pm = pm.add(bi);
            pc++;
          } else rw = rw.add(wi);
        }
        if (pc === poorCount) break;
        poorCount = pc;
        share = cost.sub(pm).div(rw);
      }
      const rho = utility === 'cost' ? share.div(cost) : share;
      lower[c] = rho;
      qx[c] = share;
      poor[c] = poorCount;
      keep.push(c);
      const d = best ? rho.cmp(best) : -1;
      if (d < 0) {
        best = rho;
        tied = [c];
      } else if (d === 0) tied.push(c);
    }
    cand = keep;
    if (!best) break;
    const chosen = breakTie(p, ties, tied, `MES round ${round}`, run.tieDecisions);
    const share = qx[chosen] as Rational;
    for (let k = start[chosen] ?? 0; k < (start[chosen + 1] ?? 0); k++) {
      const v = voters[k] ?? 0;
      const pay = share.mul(wr[k] as Rational);
      const bv = b[v] as Rational;
      b[v] = bv.cmp(pay) <= 0 ? Rational.ZERO : bv.sub(pay);
    }
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share.toNumber();
    run.paidAll[chosen] = poor[chosen] ?? 0;
    cand = cand.filter((c) => c !== chosen);
  }
  return { ...run, budgets: Float64Array.from(b, (x) => x.toNumber()), exact: true };
}

/** One fixed-budget run: floats first, exact arithmetic when a call is too close. */
export function mesRun(p: Profile, endowment: Rational, opts: MesOptions = {}): MesRun {
  return mesFloatRun(p, endowment.toNumber(), opts) ?? mesExactRun(p, endowment, opts);
}

function exactCost(p: Profile, selected: readonly number[]): Rational {
  let s = Rational.ZERO;
  for (const c of selected) s = s.add(Rational.fromNumber(p.costs[c] ?? 0));
  return s;
}

function isExhaustive(p: Profile, selected: readonly number[], budget: Rational): boolean {
  const chosen = new Set(selected);
  const left = budget.sub(exactCost(p, selected));
  for (let c = 0; c < p.m; c++) {
    if (!chosen.has(c) && Rational.fromNumber(p.costs[c] ?? 0).cmp(left) <= 0) return false;
  }
  return true;
}

export interface MesResult {
  run: MesRun;
  /** Per-voter budget of the run taken. */
  endowment: Rational;
  /** Projects added by a greedy completion (add1u), in order. */
  completed: number[];
  selected: number[];
  exactRuns: number;
  tieDecisions: TieDecision[];
}

/**
 * MES with a completion:
 * - `none`: one run with B/n per voter.
 * - `add1` (official elections): the per-voter budget starts at floor(B/n) and rises by 1
 *   while the outcome still fits in B; the last outcome that fits is taken.
 * - `add1-exhaustive` (pabutools): start at B/n, rise by 1, stop as soon as the outcome is
 *   exhaustive (nothing else fits) or, if it overshoots first, take the previous one.
 * - `add1u`: `add1`, then greedy by score over what is left.
 * When all projects together fit in B, add1 and add1u try no budget increase (as
 * equalshares.net does); add1-exhaustive has no such shortcut (pabutools).
 */
export function mesWithCompletion(
  p: Profile,
  completion: Completion,
  opts: MesOptions = {},
): MesResult {
  const B = Rational.fromNumber(p.budget);
  const n = BigInt(Math.max(p.n, 1));
  let exactRuns = 0;
  const runAt = (e: Rational): MesRun => {
    const r = mesRun(p, e, opts);
    if (r.exact) exactRuns++;
    return r;
  };
  const eligible = [];
  for (let c = 0; c < p.m; c++) {
    if ((p.costs[c] ?? 0) > 0 && (p.start[c + 1] ?? 0) > (p.start[c] ?? 0)) eligible.push(c);
  }
  const everything =
    exactCost(
      p,
      Array.from({ length: p.m }, (_, c) => c),
    ).cmp(B) <= 0;
  let endowment = B.div(Rational.of(n));
  let run: MesRun;
  if (completion === 'none' || (everything && completion !== 'add1-exhaustive')) {
    run = runAt(endowment);
  } else if (completion === 'add1-exhaustive') {
    run = runAt(endowment);
    while (!isExhaustive(p, run.selected, B) && run.selected.length < eligible.length) {
      const next = endowment.add(Rational.of(1n));
      const r = runAt(next);
      if (B.lt(exactCost(p, r.selected))) break;
      endowment = next;
      run = r;
    }
  } else {
    // add1 and add1u: whole currency units per voter, as in the official procedure.
    endowment = Rational.of(B.num / B.den / n);
    run = runAt(endowment);
    // Stop once everything that has support is funded: more budget cannot add anything.
    while (run.selected.length < eligible.length) {
      const next = endowment.add(Rational.of(1n));
      const r = runAt(next);
      if (B.lt(exactCost(p, r.selected))) break;
      endowment = next;
      run = r;
    }
  }
  const tieDecisions = [...run.tieDecisions];
  let completed: number[] = [];
  if (completion === 'add1u') {
    const g = greedy(p, { ties: opts.ties ?? 'default', already: run.selected });
    completed = g.selected.slice(run.selected.length);
    tieDecisions.push(...g.tieDecisions);
  }
  return {
    run,
    endowment,
    completed,
    selected: [...run.selected, ...completed],
    exactRuns,
    tieDecisions,
  };
}

/** Per-project MES facts for explanations, from the run that was taken. */
export function mesFacts(p: Profile, result: MesResult): MesFacts[] {
  const { run } = result;
  const e = result.endowment.toNumber();
  const completed = new Set(result.completed);
  const facts: MesFacts[] = [];
  for (let c = 0; c < p.m; c++) {
    const cost = p.costs[c] ?? 0;
    const s = p.start[c] ?? 0;
    const end = p.start[c + 1] ?? 0;
    if ((run.round[c] ?? 0) > 0) {
      const share = run.share[c] ?? 0;
      facts.push({
        kind: 'mes',
        reason: 'funded',
        round: run.round[c] ?? 0,
        share,
        paidAllTheyHad: run.paidAll[c] ?? 0,
        effectiveVotes: share > 0 ? cost / share : 0,
      });
    } else if (completed.has(c)) {
      facts.push({ kind: 'mes', reason: 'completion' });
    } else if (end === s) {
      facts.push({ kind: 'mes', reason: 'no-votes' });
    } else {
      let money = 0;
      for (let k = s; k < end; k++) money += run.budgets[p.voters[k] ?? 0] ?? 0;
      const missing = Math.max(cost - money, 0);
      // A new supporter brings their whole per-voter budget, whatever their points.
      facts.push({
        kind: 'mes',
        reason: 'not-affordable',
        moneyLeft: money,
        maxAffordableCost: Math.min(money, cost),
        moreSupportersNeeded: e > 0 ? Math.ceil(missing / e) : 0,
      });
    }
  }
  return facts;
}
