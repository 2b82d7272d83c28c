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
 */
export function mesFloatRun(
  p: Profile,
  endowment: number,
  opts: MesOptions = {},
  track = false,
  prior?: MesRun,
): MesRun | null {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const mult = multiplicity.get(p);
  const b = new Float64Array(p.n).fill(endowment);
  const db = track ? new Float64Array(p.n).fill(1) : NO_SLOPES;
  if (mult) {
    // A class of k identical ballots is one voter holding k endowments.
    for (let v = 0; v < p.n; v++) b[v] = endowment * (mult[v] as number);
    if (track) db.set(mult);
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
  let cand: number[] = [];
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
  for (let round = 1; cand.length > 0; round++) {
    if (same && before?.log && overlap) {
      // Bounds from the earlier run's evaluations of this round.
      const L = before.log;
      at = priorBounds(L, at, round, raise, overlap, gained, costs, utility, cross);
      for (const c of cand)
        if ((cross[c] as number) > (lower[c] as number)) lower[c] = cross[c] as number;
    }
    cand.sort((a, c) => (lower[a] ?? 0) - (lower[c] ?? 0));
    let best = Number.POSITIVE_INFINITY;
    const keep: number[] = [];
    const evaluated: number[] = [];
    for (const c of cand) {
      if ((lower[c] ?? 0) > best * (1 + TOL)) {
        keep.push(c);
        continue;
      }
      const verdict = evaluateFloat(st, c);
      if (verdict < 0) return null;
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
    const dshare = dq[chosen] ?? 0;
    cand = cand.filter((c) => c !== chosen);
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
    const paidAll = payFloat(st, mult, chosen, share, dshare);
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share;
    run.paidAll[chosen] = paidAll;
  }
  return {
    ...run,
    budgets: b,
    exact: false,
    stable: track ? x.stable : 0,
    ...(trace ? { trace } : {}),
    log,
  };
}
