/**
 * A fixed-budget MES run in floats, with the slopes and crossings of a tracked run and
 * the lower bounds a run may take from an earlier run at a lower budget.
 */
import {
  addScaled,
  lowerMoney,
  noteShort,
  priorBounds,
  settledFit,
  shortOrder,
  sortBy,
  stillShort,
  sumOver,
  supportOverlap,
} from './mes-bounds.js';
import { evaluateFloat, FloatRun, payFloat, warmOnce } from './mes-evaluate.js';
import { ExactLedger } from './mes-exact-ledger.js';
import { madePatternSpace, type PatternNode, patternSpace } from './mes-patterns.js';
import { budgetsOf, evaluatePatterns, moneyOf, payPatterns } from './mes-patterns-run.js';
import {
  type MesOptions,
  type MesRun,
  multiplicity,
  newRun,
  type RunLog,
  type RunTrace,
  TOL,
  traceEntries,
} from './mes-run.js';
import { ShortFindings, trackChoice } from './mes-track.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { breakTie } from './ties.js';

const NO_SLOPES = new Float64Array(0);

/**
 * Per profile: spare voter-length buffers (the slopes of every tracked run, the budgets of
 * stopped runs and of runs given back with {@link recycleRun}), for the next run to reuse:
 * add1 makes hundreds of runs, and a fresh pair of large arrays each time kept the garbage
 * collector busy for a fifth of the time.
 */
const spareBuffers = new WeakMap<Profile, Float64Array[]>();

/** A voter-length buffer of profile p, from the spares when there is one (contents undefined). */
function takeBuffer(p: Profile): Float64Array {
  return spareBuffers.get(p)?.pop() ?? new Float64Array(p.n);
}

/** Gives a voter-length buffer back (at most 4 are kept). */
function giveBuffer(p: Profile, buffer: Float64Array): void {
  if (buffer.length !== p.n || buffer.length === 0) return;
  let spare = spareBuffers.get(p);
  if (!spare) {
    spare = [];
    spareBuffers.set(p, spare);
  }
  if (spare.length < 4 && !spare.includes(buffer)) spare.push(buffer);
}

/**
 * Gives the budgets of a float run of profile p back for later runs to reuse, when its
 * caller no longer needs them; the run's `budgets` become empty (nothing can read a
 * buffer another run now writes). Runs settled exactly keep theirs.
 */
export function recycleRun(p: Profile, run: MesRun): void {
  if (run.exact) return;
  giveBuffer(p, run.budgets);
  run.budgets = NO_SLOPES;
}

const voterCounts = new WeakMap<Profile, number>();

/** How many voters a profile stands for (classes of identical ballots count each voter). */
function voterCount(p: Profile): number {
  let n = voterCounts.get(p);
  if (n === undefined) {
    const mult = multiplicity.get(p);
    n = p.n;
    if (mult) {
      n = 0;
      for (let k = 0; k < mult.length; k++) n += mult[k] as number;
    }
    voterCounts.set(p, n);
  }
  return n;
}

/**
 * to[v] = k × from[v] for every v. A function of its own: inside the long run function
 * this loop ran unoptimised for the first runs of a count (a quarter of the first
 * count's time on Łódź 2022), while on its own V8 optimises it at once.
 */
function scaleInto(to: Float64Array, from: Float64Array, k: number): void {
  for (let v = 0; v < from.length; v++) to[v] = k * (from[v] as number);
}

/**
 * Settles project c's evaluation in rationals (its affordability was too close to call in
 * floats), at the exact budgets after the run's choices so far; the results go into
 * `st` as an evaluation in floats would put them (rho not marked as an exact constant, so
 * a near-tie with it is settled in rationals too). Returns 1 when affordable, 0 when not,
 * -1 when the ledger cannot follow the run (the run then goes to the exact engine).
 */
function settleExactly(st: FloatRun, ledger: ExactLedger, c: number): number {
  const r = ledger.evaluate(c);
  if (!r) return -1;
  st.money = r.money.toNumber();
  if (!r.share || !r.rho) return 0;
  st.rho = r.rho.toNumber();
  st.share = r.share.toNumber();
  st.dshare = 0;
  st.rw = r.rich;
  st.pw = r.poor;
  st.clear = false;
  return 1;
}

/**
 * The projects of `tied` (a near-tie in floats) whose rho is exactly the lowest among them,
 * from the exact budgets at this round; empty if none turns out affordable or the ledger
 * cannot follow the run.
 */
function exactlyLowest(ledger: ExactLedger, tied: number[]): number[] {
  let best: Rational | undefined;
  let lowest: number[] = [];
  for (const c of tied) {
    const r = ledger.evaluate(c);
    if (!r) return [];
    const rho = r.rho;
    if (!rho) continue;
    const d = best ? rho.cmp(best) : -1;
    if (d < 0) {
      best = rho;
      lowest = [c];
    } else if (d === 0) lowest.push(c);
  }
  return lowest;
}

/** A run given up for the exact engine: its buffers go back to the spares; null. */
function abandon(p: Profile, b: Float64Array, db: Float64Array): null {
  giveBuffer(p, b);
  giveBuffer(p, db);
  return null;
}

/**
 * Fixed-budget MES in floats (Peters, Pierczyński and Skowron, "Proportional
 * Participatory Budgeting with Additive Utilities", NeurIPS 2021; cost utilities as on
 * equalshares.net). `endowment` is the per-voter budget in the instance's currency units.
 * A decision too close to call in floating point is taken in rationals on the spot, from
 * the exact budgets of the run so far ({@link ExactLedger}, kept from `exactEndowment`, the
 * exact per-voter budget; default: `endowment` read as a decimal); a tracked run's `stable`
 * is then 0. Returns null only when the rationals disagree with a choice the run made
 * with a margin, or a near-tie holds no affordable project (neither is expected: the
 * caller then runs {@link mesExactRun}).
 *
 * With `track`, the run also carries each quantity's slope with respect to the per-voter
 * budget (forward differentiation: every quantity is affine in it while the decision trace
 * is fixed) and reports in `stable` how far the per-voter budget can rise before any
 * comparison in the trace (affordability, who pays all they have, which project has the
 * lowest rho, lower bounds used to skip an evaluation) can change. This is the
 * skip-ahead of add1 (after Kraiczy, Robinson and Elkind, "Streamlining Equal Shares",
 * arXiv:2502.11797, ADD-OPT). Slopes are never negative for budgets and never positive
 * for shares, so only supporters who pay all they have (and unaffordable projects) can
 * change side as the budget rises.
 *
 * With `prior`, a float run at a lower per-voter budget e0 (its `log`), an untracked run
 * skips more evaluations (`stable` does not account for them, so tracked runs ignore it):
 * while this run has chosen what the prior run chose in the same rounds, every voter holds at least as much as there, and at most (e - e0) per voter of
 * a class plus, per project paid, (prior share - this share) per point more. Only the
 * supporters who were short of money at d's share q in the prior evaluation can raise
 * more below q (the others pay exactly x × points at any x <= q either way), so the money
 * d's share can raise is at most `more` (their possible gain) above what it was; as that
 * money grows at least at the rich weight R below q, d's share now is at least
 * q - more / R: a lower bound on its rho (q itself when nobody was short). Lazy
 * evaluation with valid lower bounds chooses exactly what the plain run chooses, so the
 * outcome is the same; the bounds lapse from the first round that chooses differently.
 *
 * With `cap` (a budget in currency units), the run stops after the first round at which
 * it is certain whether its full outcome costs at most `cap` (see {@link settledFit}) and
 * says which in `partial`; its `selected` then holds the rounds made (as `prior` such a
 * run bounds only those rounds). A tracked run stopped this way has a trace of the rounds
 * made, and its `stable` covers those rounds and the findings that settled the verdict:
 * every per-voter budget in [e, e + stable) makes the same first rounds and the same
 * verdict, not necessarily the same full outcome. On approval ballots (not classes) such a
 * run keeps money per pattern of support instead of per voter (mes-patterns.ts;
 * `opts.patterns` false turns it off): the same decisions from far fewer reads. So does a
 * run without a cap once capped runs of the same profile made the patterns (add1's count
 * of the outcome it took, at the end of its walk).
 */
export function mesFloatRun(
  p: Profile,
  endowment: number,
  opts: MesOptions = {},
  track = false,
  prior?: MesRun,
  cap?: number,
  exactEndowment?: Rational,
): MesRun | null {
  warmOnce(p);
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { costs } = p;
  const mult = multiplicity.get(p);
  // A run with a cap on approval ballots keeps money per pattern of support
  // (mes-patterns.ts): voters' budgets are written only if it runs to the end. A run
  // without one uses patterns only when capped runs made them: for a single run, building
  // them costs more than reading every supporter once. add1's full count of the outcome
  // it took, after a walk of capped runs, is such a run, and is not judged (see
  // startRun): on Warszawa 2026 it took 8 ms instead of 23 per voter, where the code had
  // not been warmed up.
  const patterns = cap !== undefined ? patternSpace : madePatternSpace;
  const usable = !mult && opts.patterns !== false ? patterns(p) : null;
  const space = usable?.startRun(cap === undefined) ? usable : null;
  let node = space?.root as PatternNode;
  // The money (and its slope) behind project d at the node reached, for settledFit.
  const moneyBehind = space ? (d: number) => moneyOf(space.histOf(node, d), space.beta) : undefined;
  const slopeBehind = space
    ? (d: number) => moneyOf(space.histOf(node, d), space.dbeta)
    : undefined;
  // Budgets and slopes in reused buffers (see `spareBuffers`).
  const b = takeBuffer(p);
  const db = track ? takeBuffer(p) : NO_SLOPES;
  if (space) {
    space.beta[0] = endowment;
    space.dbeta[0] = 1;
  } else if (mult) {
    // A class of k identical ballots is one voter holding k endowments.
    scaleInto(b, mult, endowment);
    if (track) db.set(mult);
  } else {
    b.fill(endowment);
    if (track) db.fill(1);
  }
  // rho only grows as budgets shrink, so the last value computed is a lower bound.
  const lower = new Float64Array(p.m);
  const dlower = new Float64Array(p.m);
  const q = new Float64Array(p.m);
  const dq = new Float64Array(p.m);
  const exactRho = new Uint8Array(p.m);
  const run = newRun(p);
  // The evaluation's work space is kept per profile (runs are synchronous, never nested).
  const st = FloatRun.forProfile(p, b, db, track, endowment, utility);
  const { W, x } = st;
  // Whole budgets to start with are held exactly (see FloatRun.exactSoFar) when the float
  // endowment is the exact one and all the money (voters × endowment) is below 2^53.
  st.exactSoFar =
    Number.isInteger(endowment) &&
    endowment * voterCount(p) <= Number.MAX_SAFE_INTEGER &&
    (exactEndowment === undefined || exactEndowment.cmp(Rational.of(BigInt(endowment))) === 0);
  // Exact budgets for close calls, made at the first one.
  let exactBudgets: ExactLedger | undefined;
  const ledger = (): ExactLedger => {
    exactBudgets ??= new ExactLedger(
      p,
      exactEndowment ?? Rational.fromNumber(endowment),
      utility,
      run.selected,
    );
    return exactBudgets;
  };
  let trace: RunTrace | undefined = track
    ? { chosen: [], rho: [], exact: [], from: [0], other: [], otherRho: [], otherExact: [] }
    : undefined;
  // A log that would hold more than `entries` evaluations is not kept (a later run then
  // reads every candidate it needs): hundreds of projects with few voters.
  const entries = traceEntries(p);
  let logFull = false;
  const log: RunLog = {
    endowment,
    project: [],
    round: [],
    rho: [],
    rich: [],
    poor: [],
    shortRound: new Int32Array(p.m),
    shortMoney: new Float64Array(p.m),
  };
  // Lower bounds from a run at a lower budget, valid while this run chooses as it did
  // (see `priorBounds`); untracked runs only, since `stable` does not cover them.
  const before = !track && prior?.log && prior.log.endowment <= endowment ? prior : undefined;
  const overlap = before ? supportOverlap(p) : null;
  let same = overlap !== null;
  const cross = new Float64Array(same ? p.m : 0);
  const gained = new Float64Array(same ? p.m : 0);
  const raise = before?.log ? endowment - before.log.endowment : 0;
  let at = 0;
  // Prior bounds raised this round, and projects whose rho came out below their bound
  // (float error): only these can take a bound above what the run knows (see priorBounds).
  const raised: number[] = [];
  const order = before?.log ? shortOrder(before.log) : new Int32Array(0);
  let due = 0;
  const cand: number[] = [];
  const evaluated: number[] = [];
  // A tracked run's findings of "short of money", judged over the rest of the run.
  const held = track
    ? new ShortFindings(p, ties, W, utility, (d) =>
        moneyBehind && slopeBehind
          ? [moneyBehind(d), slopeBehind(d)]
          : [
              sumOver(b, p.voters, p.start[d] as number, p.start[d + 1] as number),
              sumOver(db, p.voters, p.start[d] as number, p.start[d + 1] as number),
            ],
      )
    : null;
  let tied: number[] = [];
  for (let c = 0; c < p.m; c++) {
    const cost = costs[c] ?? 0;
    const w = W[c] ?? 0;
    if (cost > 0 && w > 0) {
      cand.push(c);
      lower[c] = utility === 'cost' ? 1 / w : cost / w;
      // The first bound is the exact constant rho of a project nobody is short for.
      exactRho[c] = 1;
    }
  }
  // With `cap` (untracked runs only): stop as soon as the outcome's fit is settled.
  const capped = cap !== undefined;
  const eligible = cand.length;
  let spent = 0;
  let partial: MesRun['partial'];
  const bounds = capped ? supportOverlap(p) : null;
  const money = new Float64Array(bounds ? p.m : 0);
  if (bounds) for (let c = 0; c < p.m; c++) money[c] = endowment * (bounds.voters[c] as number);
  for (let round = 1; cand.length > 0; round++) {
    if (same && before?.log && overlap) {
      // Bounds from the earlier run's evaluations of this round.
      const L = before.log;
      at = priorBounds(L, at, round, raise, overlap, gained, costs, utility, cross, raised);
      for (const c of raised)
        if ((cross[c] as number) > (lower[c] as number)) lower[c] = cross[c] as number;
      raised.length = 0;
      due = stillShort(L, round, raise, overlap, gained, costs, cand, log, order, due, run.round);
    }
    sortBy(cand, lower);
    let best = Number.POSITIVE_INFINITY;
    // Candidates still in the running are kept in place (`kept` of them); the arrays of a
    // round are reused, so that a run allocates next to nothing per round.
    let kept = 0;
    evaluated.length = 0;
    for (let i = 0; i < cand.length; i++) {
      const c = cand[i] as number;
      if ((lower[c] as number) > best * (1 + TOL)) {
        // cand is sorted by lower bound, the bounds of those not yet reached are as sorted
        // and best only falls: every later candidate is skipped too (kept in place).
        if (kept === i) kept = cand.length;
        else for (let j = i; j < cand.length; j++) cand[kept++] = cand[j] as number;
        break;
      }
      // (The histogram first: building it can give the space a larger `beta`.)
      const before = x.stable;
      let verdict = space
        ? evaluatePatterns(st, space.histOf(node, c), c, space.beta, track ? space.dbeta : null)
        : evaluateFloat(st, c);
      if (verdict < 0) {
        // Too close to call in floats: settled in rationals. The ledger keeps no slopes,
        // so a tracked run then proves nothing beyond its own budget (stable 0).
        verdict = settleExactly(st, ledger(), c);
        if (verdict < 0) return abandon(p, b, db);
        if (track) x.stable = 0;
      } else if (verdict === 0) held?.hold(x, before, c);
      if (verdict === 0) {
        noteShort(log, c, round, st.money);
        continue;
      }
      const { rho, share, dshare, rw, pw, clear } = st;
      const cost = costs[c] as number;
      lower[c] = rho;
      if (same && rho < (cross[c] as number)) raised.push(c);
      dlower[c] = clear ? 0 : utility === 'cost' ? dshare / cost : dshare;
      q[c] = share;
      dq[c] = dshare;
      exactRho[c] = clear ? 1 : 0;
      if (log.project.length < entries) {
        log.project.push(c);
        log.round.push(round);
        log.rho.push(rho);
        log.rich.push(rw);
        log.poor.push(pw);
      } else logFull = true;
      cand[kept++] = c;
      evaluated.push(c);
      if (rho < best) best = rho;
    }
    cand.length = kept;
    if (evaluated.length === 0) break;
    tied.length = 0;
    for (const c of evaluated) if ((lower[c] as number) <= best * (1 + TOL)) tied.push(c);
    if (tied.length > 1) {
      if (!tied.some((c) => exactRho[c] === 0)) tied = tied.filter((c) => lower[c] === best);
      else {
        // A near-tie of rhos that are not exact constants: settled in rationals (a
        // tracked run, without slopes for them, proves nothing beyond its budget).
        tied = exactlyLowest(ledger(), tied);
        if (tied.length === 0) return abandon(p, b, db);
        if (track) x.stable = 0;
      }
      // Listed in the candidates' order, as the exact engine lists a tie.
      tied.sort((x, y) => x - y);
    }
    const chosen =
      tied.length === 1
        ? (tied[0] as number)
        : breakTie(p, ties, tied, `MES round ${round}`, run.tieDecisions);
    const share = q[chosen] ?? 0;
    const dshare = dq[chosen] ?? 0;
    cand.splice(cand.indexOf(chosen), 1);
    if (same && before && overlap) {
      if (before.selected[round - 1] !== chosen) same = false;
      else {
        // Supporters of d who pay for `chosen` keep at most (old share - new share) per
        // point more than in the earlier run.
        const fall = (before.share[chosen] as number) - share;
        if (fall > 0) addScaled(gained, overlap.weight, chosen * p.m, fall);
      }
    }
    if (trace) {
      if (trace.other.length + cand.length > entries) trace = undefined;
      else {
        trace.chosen.push(chosen);
        trace.rho.push(lower[chosen] as number);
        trace.exact.push(exactRho[chosen] as number);
        for (const d of cand) {
          trace.other.push(d);
          trace.otherRho.push(lower[d] as number);
          trace.otherExact.push(exactRho[d] as number);
        }
        trace.from.push(trace.other.length);
      }
    }
    if (track) trackChoice(x, cand, chosen, lower, dlower, exactRho);
    held?.round(x, chosen, lower[chosen] as number, exactRho[chosen] === 1);
    if (bounds)
      lowerMoney(money, bounds, chosen, costs[chosen] as number, W[chosen] as number, share, cand);
    let paidAll: number;
    if (space) {
      paidAll = payPatterns(st, space, space.histOf(node, chosen), chosen, share, dshare, track);
      node = space.nextNode(node, chosen);
    } else paidAll = payFloat(st, mult, chosen, share, dshare);
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share;
    run.paidAll[chosen] = paidAll;
    if (bounds && cap !== undefined) {
      spent += costs[chosen] as number;
      const dropped = run.selected.length + cand.length < eligible;
      partial = settledFit(
        st,
        cand,
        spent,
        cap,
        dropped,
        money,
        log,
        round,
        moneyBehind,
        slopeBehind,
      );
      if (partial) break;
    }
  }
  held?.end(x);
  // Nobody reads the slopes after the run, nor a stopped run's budgets.
  giveBuffer(p, db);
  if (partial) giveBuffer(p, b);
  else if (space) budgetsOf(space, node, b);
  // One shape for every float run (`partial` and `trace` undefined when absent), so that
  // the code reading runs sees a single hidden class.
  return {
    ...run,
    partial,
    budgets: partial ? NO_SLOPES : b,
    exact: false,
    stable: track ? x.stable : 0,
    trace,
    log: logFull ? undefined : log,
  };
}
