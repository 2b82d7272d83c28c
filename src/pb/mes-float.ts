/**
 * A fixed-budget MES run in floats, with the slopes and crossings of a tracked run and
 * the lower bounds a run may take from an earlier run at a lower budget.
 */
import { evaluateFloat, FloatRun, payFloat, scratchOf } from './mes-evaluate.js';
import {
  Crossings,
  type MesOptions,
  type MesRun,
  multiplicity,
  newRun,
  type RoundTrace,
  type RunLog,
  TOL,
  type Utility,
  weightSums,
} from './mes-run.js';
import type { Profile } from './profile.js';
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

/** Per project, what {@link mesFloatRun} needs to bound rho from an earlier run. */
interface SupportOverlap {
  /** Per project d: the number of voters behind its supporters (classes count their size). */
  voters: Float64Array;
  /** The fewest points behind one voter's support (1 for approval): a voter's weight is at least this. */
  pmin: number;
  /** weight[j * m + d]: the points for j of the voters who support both j and d. */
  weight: Float64Array;
}

const overlapCache = new WeakMap<Profile, SupportOverlap | null>();

/**
 * {@link SupportOverlap} of a profile, or null when it would take long to compute (the
 * sum over ballots of their length squared above 5e7). Cached.
 */
function supportOverlap(p: Profile): SupportOverlap | null {
  const cached = overlapCache.get(p);
  if (cached !== undefined) return cached;
  const { n, m, ballotStart: bs, ballotProjects: bp, ballotWeights: bw } = p;
  let work = 0;
  for (let v = 0; v < n; v++) work += ((bs[v + 1] as number) - (bs[v] as number)) ** 2;
  let r: SupportOverlap | null = null;
  if (work <= 5e7 && m <= 2000) {
    const mult = multiplicity.get(p);
    const voters = new Float64Array(m);
    let pmin = Number.POSITIVE_INFINITY;
    const weight = new Float64Array(m * m);
    for (let v = 0; v < n; v++) {
      const from = bs[v] as number;
      const to = bs[v + 1] as number;
      const k = mult ? (mult[v] as number) : 1;
      for (let a = from; a < to; a++) {
        const j = bp[a] as number;
        const w = bw[a] as number;
        if (w / k < pmin) pmin = w / k;
        voters[j] = (voters[j] as number) + k;
        const row = j * m;
        for (let c = from; c < to; c++) {
          const at = row + (bp[c] as number);
          weight[at] = (weight[at] as number) + w;
        }
      }
    }
    r = { voters, pmin, weight };
  }
  overlapCache.set(p, r);
  return r;
}

/**
 * Lower bounds on rho in a run at a per-voter budget `raise` above the prior run's, from
 * the prior run's evaluations in `round` (its log from index `at`): see `prior` of
 * {@link mesFloatRun}. Raises `cross[d]` to each bound; returns the next log index.
 */
function priorBounds(
  L: RunLog,
  at: number,
  round: number,
  raise: number,
  overlap: SupportOverlap,
  gained: Float64Array,
  costs: Float64Array,
  utility: Utility,
  cross: Float64Array,
): number {
  let i = at;
  for (; i < L.round.length && L.round[i] === round; i++) {
    const d = L.project[i] as number;
    // Only supporters short of money at the share bind it (those with enough keep paying
    // exactly the share), so with nobody short the share cannot fall at all; otherwise
    // they number at most their weight / pmin (and at most all supporters).
    const poor = L.poor[i] as number;
    const more =
      poor > 0
        ? raise * Math.min(overlap.voters[d] as number, poor / overlap.pmin) + (gained[d] as number)
        : 0;
    const drop = more / ((L.rich[i] as number) * (utility === 'cost' ? (costs[d] as number) : 1));
    const bound = (L.rho[i] as number) - drop;
    if (bound > (cross[d] as number)) cross[d] = bound;
  }
  return i;
}

/**
 * Sorts projects by `key`, smallest first, in place; equal keys keep their order (as the
 * stable Array.prototype.sort with the same comparison). Insertion sort: from one round to
 * the next the order changes little, so this is nearly linear and allocates nothing.
 */
function sortBy(items: number[], key: Float64Array): void {
  for (let i = 1; i < items.length; i++) {
    const c = items[i] as number;
    const k = key[c] as number;
    let j = i;
    while (j > 0 && (key[items[j - 1] as number] as number) > k) {
      items[j] = items[j - 1] as number;
      j--;
    }
    items[j] = c;
  }
}

/** A run given up for the exact engine: its buffers go back to the spares; null. */
function abandon(p: Profile, b: Float64Array, db: Float64Array): null {
  giveBuffer(p, b);
  giveBuffer(p, db);
  return null;
}

/** to[d] += by × from[offset + d] for every d. */
function addScaled(to: Float64Array, from: Float64Array, offset: number, by: number): void {
  for (let d = 0; d < to.length; d++) to[d] = (to[d] as number) + by * (from[offset + d] as number);
}

/**
 * The crossings of a tracked round: every other candidate must keep a higher rho than the
 * chosen one (or lose the same tie between two exact constants).
 */
function trackChoice(
  x: Crossings,
  cand: number[],
  chosen: number,
  lower: Float64Array,
  dlower: Float64Array,
  exactRho: Uint8Array,
): void {
  const rc = lower[chosen] as number;
  const drc = dlower[chosen] as number;
  for (const d of cand) {
    if (exactRho[d] === 1 && exactRho[chosen] === 1) continue; // two constants
    const ld = lower[d] as number;
    const dld = dlower[d] as number;
    x.float(ld - rc, ld + rc, drc - dld, Math.abs(drc) + Math.abs(dld));
  }
}

/**
 * After `chosen` (points W in all, cost `cost`) is paid at `share`: lowers `money[d]`, an
 * upper bound on the money behind each project d, by what its supporters must have paid.
 * Supporters of `chosen` who do not support d pay at most share × their points
 * (W - overlap), and all of them together pay exactly the cost, so those who also support
 * d pay at least cost - share × (W - overlap).
 */
function lowerMoney(
  money: Float64Array,
  overlap: SupportOverlap,
  chosen: number,
  cost: number,
  W: number,
  share: number,
): void {
  const m = money.length;
  const row = chosen * m;
  for (let d = 0; d < m; d++) {
    const paid = cost - share * (W - (overlap.weight[row + d] as number));
    if (paid > 0) money[d] = (money[d] as number) - paid;
  }
}

/**
 * Whether the outcome of a run with `cap` is settled before it ends: 'over' when what it
 * has chosen (`spent`, the sum of their costs) already costs more than `cap`; 'fits' when
 * it costs at most `cap` together with every candidate still able to pay for itself, and
 * at least one candidate dropped out (`dropped`; else the run might fund every candidate,
 * which ends add1 and so needs the full run). Float sums of at most a few thousand costs
 * are within 1e-12 of the exact ones, so a margin of that size makes both answers exact
 * (undecided near the cap: the run goes on). `money` (see {@link lowerMoney}) says which
 * candidates must be short of money; each is checked once more by summing its
 * supporters' money (so float error in the bound cannot decide), and one found short
 * (below its cost, with margin) leaves `cand` for the rest of the run: a voter's money
 * never grows within a run.
 */
function settledFit(
  st: FloatRun,
  cand: number[],
  spent: number,
  cap: number,
  dropped: boolean,
  money: Float64Array,
): MesRun['partial'] {
  if (spent > cap * (1 + 1e-12)) return 'over';
  const { costs, start, voters, b } = st;
  const room = cap * (1 - 1e-12) - spent;
  let rest = 0;
  let likely = 0;
  for (const d of cand) {
    const cost = costs[d] as number;
    rest += cost;
    if ((money[d] as number) >= cost * (1 - 1e-6)) likely += cost;
  }
  if (rest <= room && dropped) return 'fits';
  // Even if every candidate whose bound says it is short of money is, the rest would not fit.
  if (likely > room) return undefined;
  for (let i = cand.length - 1; i >= 0; i--) {
    const d = cand[i] as number;
    const cost = costs[d] as number;
    if ((money[d] as number) >= cost * (1 - 1e-6)) continue;
    let sum = 0;
    for (let k = start[d] as number; k < (start[d + 1] as number); k++)
      sum += b[voters[k] as number] as number;
    if (sum < cost * (1 - TOL)) {
      rest -= cost;
      cand.splice(i, 1);
      if (rest <= room) return 'fits';
    }
  }
  return undefined;
}

/**
 * Fixed-budget MES in floats (Peters, Pierczyński and Skowron, "Proportional
 * Participatory Budgeting with Additive Utilities", NeurIPS 2021; cost utilities as on
 * equalshares.net). `endowment` is the per-voter budget in the instance's currency units.
 * Returns null when a decision was too close to call in floating point; the caller then
 * runs {@link mesExactRun}.
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
 * skips more evaluations (`stable` does not account for them, so tracked runs ignore it): while this run has chosen what the prior run chose in the same
 * rounds, every voter holds at least as much as there, and at most (e - e0) per voter of
 * a class plus, per project paid, (prior share - this share) per point more. Only the
 * supporters who were short of money at d's share q in the prior evaluation can raise
 * more below q (the others pay exactly x × points at any x <= q either way), so the money
 * d's share can raise is at most `more` (their possible gain) above what it was; as that
 * money grows at least at the rich weight R below q, d's share now is at least
 * q - more / R: a lower bound on its rho (q itself when nobody was short). Lazy
 * evaluation with valid lower bounds chooses exactly what the plain run chooses, so the
 * outcome is the same; the bounds lapse from the first round that chooses differently.
 *
 * With `cap` (a budget in currency units; untracked runs only), the run stops after the
 * first round at which it is certain whether its full outcome costs at most `cap` (see
 * {@link settledFit}) and says which in `partial`; its `selected` then holds the rounds
 * made (add1 keeps its latest full run as `prior`: a partial one bounds only its rounds).
 */
export function mesFloatRun(
  p: Profile,
  endowment: number,
  opts: MesOptions = {},
  track = false,
  prior?: MesRun,
  cap?: number,
): MesRun | null {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const mult = multiplicity.get(p);
  // Budgets and slopes in reused buffers (see `spareBuffers`).
  const b = takeBuffer(p);
  const db = track ? takeBuffer(p) : NO_SLOPES;
  if (mult) {
    // A class of k identical ballots is one voter holding k endowments.
    for (let v = 0; v < p.n; v++) b[v] = endowment * (mult[v] as number);
    if (track) db.set(mult);
  } else {
    b.fill(endowment);
    if (track) db.fill(1);
  }
  const { sum: W, unit } = weightSums(p);
  // rho only grows as budgets shrink, so the last value computed is a lower bound.
  const lower = new Float64Array(p.m);
  const dlower = new Float64Array(p.m);
  const q = new Float64Array(p.m);
  const dq = new Float64Array(p.m);
  const exactRho = new Uint8Array(p.m);
  // Work space of one evaluation, kept per profile (runs are synchronous, never nested).
  const [scratchB, scratchW, scratchD, poorB, poorW, poorD] = scratchOf(p);
  const x = new Crossings();
  const run = newRun(p);
  const st = new FloatRun(
    start,
    voters,
    weights,
    costs,
    W,
    unit,
    b,
    db,
    track,
    endowment,
    x,
    utility,
    scratchB,
    scratchW,
    scratchD,
    poorB,
    poorW,
    poorD,
  );
  const trace: RoundTrace[] | undefined = track ? [] : undefined;
  const log: RunLog = { endowment, project: [], round: [], rho: [], rich: [], poor: [] };
  // Lower bounds from a run at a lower budget, valid while this run chooses as it did
  // (see `priorBounds`); untracked runs only, since `stable` does not cover them.
  const before = !track && prior?.log && prior.log.endowment <= endowment ? prior : undefined;
  const overlap = before ? supportOverlap(p) : null;
  let same = overlap !== null;
  const cross = new Float64Array(same ? p.m : 0);
  const gained = new Float64Array(same ? p.m : 0);
  const raise = before?.log ? endowment - before.log.endowment : 0;
  let at = 0;
  const cand: number[] = [];
  const evaluated: number[] = [];
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
  const capped = cap !== undefined && !track;
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
      at = priorBounds(L, at, round, raise, overlap, gained, costs, utility, cross);
      for (const c of cand)
        if ((cross[c] as number) > (lower[c] as number)) lower[c] = cross[c] as number;
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
        cand[kept++] = c;
        continue;
      }
      const verdict = evaluateFloat(st, c);
      if (verdict < 0) return abandon(p, b, db);
      if (verdict === 0) continue;
      const { rho, share, dshare, rw, pw, clear } = st;
      const cost = costs[c] as number;
      lower[c] = rho;
      dlower[c] = clear ? 0 : utility === 'cost' ? dshare / cost : dshare;
      q[c] = share;
      dq[c] = dshare;
      exactRho[c] = clear ? 1 : 0;
      log.project.push(c);
      log.round.push(round);
      log.rho.push(rho);
      log.rich.push(rw);
      log.poor.push(pw);
      cand[kept++] = c;
      evaluated.push(c);
      if (rho < best) best = rho;
    }
    cand.length = kept;
    if (evaluated.length === 0) break;
    tied.length = 0;
    for (const c of evaluated) if ((lower[c] as number) <= best * (1 + TOL)) tied.push(c);
    if (tied.length > 1) {
      if (tied.some((c) => exactRho[c] === 0)) return abandon(p, b, db);
      tied = tied.filter((c) => lower[c] === best);
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
      trace.push({
        chosen,
        rho: lower[chosen] as number,
        exact: exactRho[chosen] as number,
        others: cand.map((d) => ({ d, rho: lower[d] as number, exact: exactRho[d] as number })),
      });
    }
    if (track) trackChoice(x, cand, chosen, lower, dlower, exactRho);
    if (bounds)
      lowerMoney(money, bounds, chosen, costs[chosen] as number, W[chosen] as number, share);
    const paidAll = payFloat(st, mult, chosen, share, dshare);
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share;
    run.paidAll[chosen] = paidAll;
    if (bounds && cap !== undefined) {
      spent += costs[chosen] as number;
      const dropped = run.selected.length + cand.length < eligible;
      partial = settledFit(st, cand, spent, cap, dropped, money);
      if (partial) break;
    }
  }
  // Nobody reads the slopes after the run, nor a stopped run's budgets.
  giveBuffer(p, db);
  if (partial) giveBuffer(p, b);
  // One shape for every float run (`partial` and `trace` undefined when absent), so that
  // the code reading runs sees a single hidden class.
  return {
    ...run,
    partial,
    budgets: partial ? NO_SLOPES : b,
    exact: false,
    stable: track ? x.stable : 0,
    trace,
    log,
  };
}
