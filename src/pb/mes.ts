/**
 * The Method of Equal Shares (MES): every voter gets an equal part of the budget and may
 * only spend it on projects they voted for. Each round funds the project whose cost its
 * supporters can cover with the lowest maximum payment per unit of utility (rho).
 *
 * Utilities: `cost` (a supporter's utility is the project's cost times their points; for
 * approval this is the "effective vote count" rule used in real elections) or
 * `cardinality` (utility is the points, 1 for approval).
 *
 * Arithmetic: a fast float engine runs and finds every decision whose margin is below a
 * safe tolerance (near-ties, "just affordable"). Such a decision is taken in exact
 * rational arithmetic, from the run's budgets replayed exactly (mes-exact-ledger.ts; the
 * whole run is redone exactly only in the rare case the ledger cannot settle), so floats
 * never decide a close call.
 */
import { greedy } from './greedy.js';
import { sumOver } from './mes-bounds.js';
import { perVoter, voterClasses, worthGrouping } from './mes-classes.js';
import { mesExactRun } from './mes-exact.js';
import { fitsUpTo } from './mes-fit-bound.js';
import { mesFloatRun, recycleRun } from './mes-float.js';
import {
  type Completion,
  exactCost,
  type MesOptions,
  type MesRun,
  mesCandidates,
  TOL,
} from './mes-run.js';
import type { MesFacts } from './outcome.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { type TieDecision, type TieMode, tieCompare } from './ties.js';

export { type VoterClasses, voterClasses } from './mes-classes.js';
export { mesExactRun } from './mes-exact.js';
export { mesFloatRun } from './mes-float.js';
export {
  COMPLETIONS,
  type Completion,
  exactCost,
  type MesOptions,
  type MesRun,
  mesCandidates,
  type RunLog,
  type RunTrace,
  type Utility,
} from './mes-run.js';

/**
 * One fixed-budget run at per-voter budget `endowment`: floats first, exact arithmetic
 * when a call is too close. `track` and `prior` (a run at a lower budget whose
 * evaluations bound this one's) as in {@link mesFloatRun}.
 */
export function mesRun(
  p: Profile,
  endowment: Rational,
  opts: MesOptions = {},
  track = false,
  prior?: MesRun,
  cap?: number,
): MesRun {
  return (
    mesFloatRun(p, endowment.toNumber(), opts, track, prior, cap, endowment) ??
    mesExactRun(p, endowment, opts, track)
  );
}

/**
 * Exhaustive as pabutools judges it for its add1 stop: no candidate that is still open
 * (supported, cost > 0, not funded) fits in what is left. Projects nobody voted for do
 * not count.
 */
export function isExhaustive(p: Profile, selected: readonly number[], budget: Rational): boolean {
  const chosen = new Set(selected);
  const left = budget.sub(exactCost(p, selected));
  for (const c of mesCandidates(p)) {
    if (!chosen.has(c) && Rational.fromNumber(p.costs[c] ?? 0).cmp(left) <= 0) return false;
  }
  return true;
}

/**
 * True when every per-voter budget between those of two tracked float runs, `lo` and
 * `hi` (lo < hi), gives the same outcome. The argument: along a fixed sequence of chosen
 * projects, a voter's money left is non-decreasing in the per-voter budget and every
 * project's rho is non-increasing. So if both runs choose the same projects in the same
 * order, and in every round each other candidate still affordable at `hi` has a rho (or
 * lower bound) at `hi` above the chosen one's rho at `lo` (or equal exact constants with
 * the chosen one first in the tie order), the chosen project wins that round everywhere
 * in between; a candidate unaffordable at `hi` is unaffordable below it too. Float
 * values are compared with a margin far above their error; a run settled exactly gives
 * no certificate. Two runs stopped early by a cap after the same rounds (see
 * {@link mesFloatRun}) give the same certificate for those rounds; as the candidates
 * short of money at `hi` are short below it too, every budget in between then has the
 * verdict `hi` has (fits or overshoots), which is all add1 asks of it.
 */
export function sameOutcomeBetween(p: Profile, ties: TieMode, lo: MesRun, hi: MesRun): boolean {
  const a = lo.trace;
  const z = hi.trace;
  if (!a || !z || a.chosen.length !== z.chosen.length) return false;
  for (let t = 0; t < a.chosen.length; t++) {
    const chosen = a.chosen[t] as number;
    const rho = a.rho[t] as number;
    if (chosen !== z.chosen[t]) return false;
    for (let k = z.from[t] as number; k < (z.from[t + 1] as number); k++) {
      const otherRho = z.otherRho[k] as number;
      if (otherRho > rho * (1 + 1e-11)) continue;
      if (
        z.otherExact[k] === 1 &&
        a.exact[t] === 1 &&
        otherRho === rho &&
        tieCompare(p, ties, chosen, z.other[k] as number).order < 0
      )
        continue;
      return false;
    }
  }
  return true;
}

/** Stands for the run at B/n until it is needed (see `lazy` in {@link mesWithCompletion}). */
const EMPTY_RUN: MesRun = {
  selected: [],
  round: new Int32Array(0),
  share: new Float64Array(0),
  paidAll: new Int32Array(0),
  budgets: new Float64Array(0),
  tieDecisions: [],
  exact: true,
  stable: 0,
};

export interface MesResult {
  run: MesRun;
  /** Per-voter budget of the run taken. */
  endowment: Rational;
  /** Projects added by a greedy completion (add1u), in order. */
  completed: number[];
  selected: number[];
  exactRuns: number;
  /** Fixed-budget runs made (with the skip-ahead, far fewer than budget steps walked). */
  runs: number;
  tieDecisions: TieDecision[];
}

export interface CompletionOptions extends MesOptions {
  /**
   * The add1 step: one currency unit in the instance's amounts (1 for amounts in euros,
   * 100 for amounts in cents). Default 1.
   */
  step?: number;
  /** Walk every step instead of skipping ahead (the reference the skip-ahead is tested against). */
  walk?: boolean;
  /**
   * Run MES on classes of identical ballots ({@link voterClasses}; default true). Same
   * outcome, fewer voters; `false` is the per-voter reference for tests.
   */
  classes?: boolean;
  /**
   * Re-run in rationals every tracked float run that proves less than a step (default:
   * only where float margins span more than supporters / 5 steps, e/step ≥ 1e9 at the
   * least). For tests: the exact `stable` must take the walk to the same outcome.
   */
  retrackExactly?: boolean;
  /**
   * What a tracked run in rationals is taken to cost, in float runs (default: the
   * supporter entries / 5, see `coarse` in {@link mesWithCompletion}). For tests: a larger
   * one makes a small election walk as a large one would.
   */
  exactCostInRuns?: number;
}

/**
 * MES with a completion. B is the budget, n the number of voters (empty ballots count).
 * - `none`: one run at B/n per voter.
 * - `add1` (official elections, pabulib's checker): the outcome at B/n is the starting
 *   point. Then the per-voter budget e takes the values floor(B/n)+1, +2, … (in currency
 *   units); as long as the outcome at e costs at most B, it becomes the outcome, and the
 *   walk goes on until it overshoots B or funds every candidate. So add1 never funds less
 *   than a fitting outcome it passed, and never less than plain MES at B/n.
 * - `add1-exhaustive` (pabutools' `voter_budget_increment=1`): start at B/n and rise by 1
 *   per voter; stop as soon as the outcome is exhaustive over the open candidates
 *   ({@link isExhaustive}); an outcome that overshoots B is not taken (the previous one is).
 * - `add1u`: `add1`, then greedy by score over what is left.
 * The walk jumps over budgets that provably give the same outcome (`stable` of a tracked
 * run), so it gives the same result as walking every step; `walk` forces every step.
 * Until it takes an outcome, add1 only needs to know whether each one fits, so its runs
 * (tracked ones too) stop as soon as that is certain (`cap` of {@link mesFloatRun}), and
 * a tracked one then proves only that verdict, over the budgets its `stable` covers; the
 * outcome taken is then run in full.
 */
export function mesWithCompletion(
  p: Profile,
  completion: Completion,
  opts: CompletionOptions = {},
): MesResult {
  const B = Rational.fromNumber(p.budget);
  const n = BigInt(Math.max(p.n, 1));
  const step = opts.step ?? 1;
  if (!(step > 0) || !Number.isInteger(step))
    throw new RangeError(`add1 step must be a whole number > 0, got ${step}`);
  const stepR = Rational.of(BigInt(step));
  let exactRuns = 0;
  let runs = 0;
  const cls = opts.classes === false || !worthGrouping(p) ? null : voterClasses(p);
  const q = cls ? cls.q : p;
  // The latest float run: its evaluations bound rho in a run at a higher budget.
  let latest: MesRun | undefined;
  // add1's walk only needs to know whether an outcome fits until it takes one: its runs
  // may stop as soon as that is settled (the walk itself, the reference, runs in full).
  // (Float sums of costs are then exact enough for the margin settledFit uses: see there.)
  const cap =
    (completion === 'add1' || completion === 'add1u') && !opts.walk && p.m <= 4000
      ? p.budget
      : undefined;
  // Float margins (TOL of the values compared) span about e × TOL / step steps: from 1e9
  // steps per voter up, near a crossing a tracked float run proves less than a step even
  // where the next crossing is many steps away, and the walk counts through that zone step
  // by step. An exact tracked run tells the distance, but costs more float runs the more
  // supporters there are (200, 1,000 and 3,000 voters with 3 approvals each: 8, 19 and 40).
  // On generated elections of 50 to 1,000 voters with amounts scaled by 1e7 and 1e8, exact
  // runs paid where the zone spans at least supporters / 5 steps (50 and 200 voters: 106
  // runs → 20, 259 → 54) and cost time below that (1,000 voters at 1e8: 1.0 → 1.5 s);
  // 3 voters with a budget of 1e12: 349 runs → 11.
  //
  // That estimate can be wrong for good: on a generated cumulative election of 300 voters
  // × 40 projects with half points and amounts in the hundreds of billions (e × TOL about
  // 313 steps, under its 600 supporter entries / 5), every tracked float run from the
  // start of the walk proved less than a step, while a run in rationals there proves tens
  // of millions of steps; the walk took one step per run for over 15 minutes. So once the
  // walk has taken that many single steps where floats cannot resolve a step
  // (e × TOL ≥ step), its tracked runs are run again in rationals, as if the zone were
  // coarse, for as long as each proves at least that many steps (what it costs). One that
  // proves fewer (crossings that are real and close together, which rationals cannot jump
  // either) ends it until the walk has taken as many single steps again: the exact runs
  // then cost about as much as the steps that led to them. The 300-voter count: 35 s
  // (3,363 runs, 1,358 exact; the same outcome as with every such run exact); its first
  // 250 voters: 4.8 s before and 5.0 s now (2 exact runs).
  const exactCostInRuns = opts.exactCostInRuns ?? Math.max(1, q.voters.length / 5);
  let crawled = 0;
  const coarse = (e: Rational) =>
    opts.retrackExactly || e.toNumber() * TOL >= step * exactCostInRuns;
  const crawling = (e: Rational) => crawled >= exactCostInRuns && e.toNumber() * TOL >= step;
  const runAt = (e: Rational, track: boolean, capped = false): MesRun => {
    let r = mesRun(q, e, opts, track && !opts.walk, latest, capped ? cap : undefined);
    runs++;
    if (r.exact) exactRuns++;
    else {
      latest = r;
      const zone = coarse(e);
      if (track && !opts.walk && r.stable < step && (zone || crawling(e))) {
        // Rationals tell the exact distance to the next crossing (the whole outcome's).
        r = mesExactRun(q, e, opts, true);
        runs++;
        exactRuns++;
        if (!zone && r.stable < step * exactCostInRuns) crawled = 0;
      }
    }
    return r;
  };
  const candidates = mesCandidates(p);
  const eligible = candidates.length;
  let endowment = B.div(Rational.of(n));
  const ties = opts.ties ?? 'default';
  const exhaustive = completion === 'add1-exhaustive';
  // At B/n voters hold B in all, so the run there can fund every candidate only when
  // their costs add up to at most B. Otherwise add1 never stops at B/n: its outcome
  // matters only when the first step does not fit, and is run only then (`lazy`).
  // add1-exhaustive starts its walk at B/n with a tracked run: that run is the outcome.
  const lazy =
    !opts.walk &&
    (completion === 'add1' || completion === 'add1u') &&
    B.lt(exactCost(p, candidates));
  let run: MesRun = lazy ? EMPTY_RUN : runAt(endowment, exhaustive);
  // Only the outcome taken needs its voters' budgets: every other run gives its buffer
  // back for later runs (recycleRun), `take` makes a run the outcome, `drop` discards one.
  const take = (next: MesRun): void => {
    if (next !== run && run !== EMPTY_RUN) recycleRun(q, run);
    run = next;
  };
  const drop = (r: MesRun | undefined): void => {
    if (r && r !== run) recycleRun(q, r);
  };
  const done = (r: MesRun) =>
    !r.partial && (r.selected.length >= eligible || (exhaustive && isExhaustive(p, r.selected, B)));
  const fits = (r: MesRun) =>
    r.partial === 'fits' || (r.partial !== 'over' && !B.lt(exactCost(p, r.selected)));
  if (completion !== 'none' && !done(run)) {
    // add1 walks whole currency units from floor(B/n); add1-exhaustive from B/n itself.
    let e = exhaustive
      ? endowment
      : Rational.of((B.num / (B.den * n) / BigInt(step)) * BigInt(step));
    let base: MesRun | undefined = exhaustive ? (run.trace ? run : runAt(e, true)) : undefined;
    if (!base) {
      // add1's first step; the outcome at B/n stays unless this one fits. Where the
      // ballots alone show that every outcome up to some step fits, the walk passes all
      // of those: it starts at the last (see fitsUpTo).
      e = e.add(stepR);
      const top = lazy ? fitsUpTo(p, B, e.num, step) : null;
      if (top !== null) e = Rational.of(top);
      const first = runAt(e, true, true);
      if (fits(first)) {
        base = first;
        endowment = e;
        take(first);
      } else {
        drop(first);
        if (run === EMPTY_RUN) run = runAt(endowment, false);
      }
    }
    let gallop = 2;
    let calm = 0;
    // Steps without probing after a failed probe; doubles while probes keep failing.
    let patience = 8;
    // Whether the latest tracked run proved a step or more: if not, tracking (which costs
    // about a third of a run) is left off until the next probe.
    let tracking = true;
    while (base && !done(base)) {
      if (gallop === 0 && ++calm > patience) gallop = 2;
      // Steps over which `base` is proven to stay the outcome (at least one); for a base
      // stopped early by the cap, its verdict ('fits'), which is all the walk asks until it
      // stops: the outcome it takes is then counted in full.
      // (From 2^53 on, ceil of a rounded quotient could be one step too many: floor.)
      const steps = base.stable / step;
      const proven = opts.walk
        ? 1
        : Math.max(1, steps < 2 ** 53 ? Math.ceil(steps) : Math.floor(steps));
      if (!Number.isFinite(proven)) break; // the outcome never changes again
      // A probe needs base's trace (a tracked run).
      const ahead = opts.walk || !base.trace ? proven : Math.max(proven, gallop);
      // Whole jumps, however far: budgets of 1e20 and more per voter cross 1e18 steps at once.
      const next = e.add(stepR.mul(Rational.of(BigInt(ahead))));
      const r = runAt(next, ahead > proven || gallop > 0 || tracking, true);
      if (r.trace) tracking = r.stable >= step;
      if (ahead > proven) {
        if (r.selected.join() === base.selected.join() && sameOutcomeBetween(p, ties, base, r)) {
          // Everything from e to next gives this outcome, which fits: move on, go further.
          e = next;
          drop(base);
          base = r;
          endowment = e;
          take(r);
          gallop = ahead * 2;
          patience = 8;
        } else {
          // The order of choices changes nearby (common in large elections): stop probing
          // ahead for a while, so failed probes cost at most a fraction of the walk.
          drop(r);
          gallop = 0;
          calm = 0;
          patience = Math.min(patience * 2, 64);
        }
        continue;
      }
      // Every budget from e up to just below next gives base's outcome (or, for a base
      // stopped early, an outcome that fits): next is the walk's next step to count.
      if (!fits(r)) {
        // The walk stops here and takes the step before (same outcome as base).
        if (ahead > 1) {
          endowment = next.sub(stepR);
          // The outcome is base's; its run at the budget taken, so that the money left
          // that explanations quote is what voters hold at that budget.
          take(runAt(endowment, false));
        }
        drop(r);
        break;
      }
      // A single step where floats cannot resolve one (see `coarse`).
      if (ahead === 1 && e.toNumber() * TOL >= step) crawled++;
      e = next;
      drop(base);
      base = r;
      endowment = e;
      take(r);
      if (gallop > 0) gallop = 2;
    }
  }
  // The outcome taken is told in full (a run stopped early holds only its first rounds).
  if (run.partial) take(runAt(endowment, false));
  if (cls) run = perVoter(cls, run, endowment.toNumber());
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
    runs,
    tieDecisions,
  };
}

/**
 * Below this share of the per-voter budget (or of the cost), what a float run says a
 * project's supporters had left may be rounding residue: 2 − 2/7 − 12/7 is 2.2e-16 in
 * doubles and 0 in fact. Such an amount is taken from the exact run instead.
 */
const RESIDUE = 2 ** -30;

/**
 * Per-project MES facts for explanations, from the run that was taken (`opts`: its utility
 * and ties). What a not-affordable project's supporters had left is the float run's sum,
 * except where that sum is so small that it may be rounding residue: then it is the exact
 * run's (issue 10 item 7: every sentence true of its case, "had 0.000000000000000222 left"
 * was not; found by the re-run claims test).
 */
export function mesFacts(p: Profile, result: MesResult, opts: MesOptions = {}): MesFacts[] {
  const { run } = result;
  const e = result.endowment.toNumber();
  const completed = new Set(result.completed);
  const facts: MesFacts[] = [];
  let exactBudgets: Float64Array | undefined;
  const moneyOf = (s: number, end: number, cost: number): number => {
    const money = sumOver(run.budgets, p.voters, s, end);
    if (run.exact || money <= 0 || money > RESIDUE * Math.max(e, cost)) return money;
    exactBudgets ??= mesExactRun(p, result.endowment, opts).budgets;
    return sumOver(exactBudgets, p.voters, s, end);
  };
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
    } else if (cost <= 0) {
      // 0/0: no payment per unit of utility exists, so MES never picks it (equalshares.net).
      facts.push({ kind: 'mes', reason: 'zero-cost' });
    } else {
      // The same sum in the same order as a loop here; as a loop of this function (run once
      // per count) it was compiled on its own for about 100 ms of a loaded machine's time.
      const money = moneyOf(s, end, cost);
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
