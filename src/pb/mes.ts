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
import { breakTie, type TieDecision, type TieMode, tieCompare } from './ties.js';

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
   * two-run certificate of {@link sameOutcomeBetween}.
   */
  trace?: RoundTrace[];
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
}

/** One round of a tracked float run. */
export interface RoundTrace {
  chosen: number;
  rho: number;
  /** 1 when rho is the exact constant 1/W (cost/W): nobody short of money. */
  exact: number;
  /** Other candidates still in the running: project, rho or a lower bound of it, exactness. */
  others: { d: number; rho: number; exact: number }[];
}

export interface MesOptions {
  utility?: Utility;
  ties?: TieMode;
}

function newRun(p: Profile): Omit<MesRun, 'budgets' | 'exact' | 'stable'> {
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
 * For a profile made by {@link voterClasses}: how many voters each of its voters stands
 * for. The runs start such a voter with that many endowments (and budget slope).
 */
const multiplicity = new WeakMap<Profile, Float64Array>();

/** A profile whose voters are classes of identical ballots; see {@link voterClasses}. */
export interface VoterClasses {
  /** The class profile: same projects, costs, scores and tie data; one voter per class. */
  q: Profile;
  /** Per class: the number of voters in it. */
  mult: Float64Array;
  /** Per voter of the original profile: its class, or -1 for an empty ballot. */
  of: Int32Array;
}

const classCache = new WeakMap<Profile, VoterClasses>();

/**
 * Voters with identical ballots (the same projects with the same points) merged into one
 * weighted voter: a class of k voters starts with k per-voter budgets and gives each of
 * its projects k times the points. Under MES such a class pays exactly what its k voters
 * would pay together (each pays min(budget, share × points), so k of them pay
 * min(k × budget, share × k × points)), so every run gives the same outcome; real files
 * have many identical ballots (Łódź 2022: 90,494 ballots, 23,571 distinct). Empty ballots
 * are left out (they never pay). Classes are numbered in lexicographic order of their
 * ballots, projects ranked by popularity, so the supporters of a popular project sit close
 * together in memory. Returns null when a point is not a whole number (k × points would be
 * rounded). Cached per profile.
 */
export function voterClasses(p: Profile): VoterClasses | null {
  const cached = classCache.get(p);
  if (cached) return cached;
  const { n, m, ballotStart: bs, ballotProjects: bp, ballotWeights: bw } = p;
  for (let k = 0; k < bw.length; k++) if (!Number.isInteger(bw[k])) return null;
  // Rank projects by number of supporters, most first.
  const byPop = Array.from({ length: m }, (_, c) => c).sort(
    (a, c) =>
      (p.start[c + 1] as number) -
        (p.start[c] as number) -
        ((p.start[a + 1] as number) - (p.start[a] as number)) || a - c,
  );
  const rank = new Int32Array(m);
  byPop.forEach((c, r) => {
    rank[c] = r;
  });
  // Each ballot as (rank, points) pairs sorted by rank, voter-major.
  const total = bs[n] as number;
  const kr = new Int32Array(total);
  const kw = new Float64Array(total);
  for (let v = 0; v < n; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    for (let k = from; k < to; k++) {
      // Insertion sort: ballots are short.
      const r = rank[bp[k] as number] as number;
      const w = bw[k] as number;
      let j = k;
      while (j > from && (kr[j - 1] as number) > r) {
        kr[j] = kr[j - 1] as number;
        kw[j] = kw[j - 1] as number;
        j--;
      }
      kr[j] = r;
      kw[j] = w;
    }
  }
  const same = (a: number, c: number): boolean => {
    const a0 = bs[a] as number;
    const c0 = bs[c] as number;
    const l = (bs[a + 1] as number) - a0;
    if ((bs[c + 1] as number) - c0 !== l) return false;
    for (let i = 0; i < l; i++) {
      if (kr[a0 + i] !== kr[c0 + i] || kw[a0 + i] !== kw[c0 + i]) return false;
    }
    return true;
  };
  // Group by a hash of the sorted ballot (open addressing), checking equality in full.
  const size = 2 ** Math.ceil(Math.log2(Math.max(4, 2 * n)));
  const table = new Int32Array(size).fill(-1);
  const of = new Int32Array(n).fill(-1);
  const rep: number[] = [];
  const count: number[] = [];
  for (let v = 0; v < n; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (to === from) continue;
    let h = 2166136261;
    for (let k = from; k < to; k++) {
      const w = kw[k] as number;
      h = Math.imul(h ^ (kr[k] as number), 16777619);
      h = Math.imul(h ^ (w | 0) ^ ((w / 4294967296) | 0), 16777619);
    }
    let at = (h >>> 0) & (size - 1);
    for (;;) {
      const cls = table[at] as number;
      if (cls < 0) {
        table[at] = rep.length;
        of[v] = rep.length;
        rep.push(v);
        count.push(1);
        break;
      }
      if (same(rep[cls] as number, v)) {
        of[v] = cls;
        count[cls] = (count[cls] as number) + 1;
        break;
      }
      at = (at + 1) & (size - 1);
    }
  }
  // Number classes by their two most popular projects (radix sort, least significant key
  // first), so that the supporters of a popular project are near each other in memory.
  const found = rep.length;
  let order = Int32Array.from({ length: found }, (_, k) => k);
  for (const pos of [1, 0]) {
    const key = (cls: number): number => {
      const v = rep[cls] as number;
      const k = (bs[v] as number) + pos;
      return k < (bs[v + 1] as number) ? (kr[k] as number) : m;
    };
    const bucket = new Int32Array(m + 2);
    for (let k = 0; k < found; k++) {
      const r = key(order[k] as number) + 1;
      bucket[r] = (bucket[r] as number) + 1;
    }
    for (let r = 0; r <= m; r++) bucket[r + 1] = (bucket[r + 1] as number) + (bucket[r] as number);
    const next = new Int32Array(found);
    for (let k = 0; k < found; k++) {
      const cls = order[k] as number;
      const r = key(cls);
      next[bucket[r] as number] = cls;
      bucket[r] = (bucket[r] as number) + 1;
    }
    order = next;
  }
  const renumber = new Int32Array(found);
  order.forEach((cls, k) => {
    renumber[cls] = k;
  });
  for (let v = 0; v < n; v++)
    if ((of[v] as number) >= 0) of[v] = renumber[of[v] as number] as number;
  const nc = found;
  const mult = new Float64Array(nc);
  const firstOf = new Int32Array(nc);
  for (let cls = 0; cls < found; cls++) {
    mult[renumber[cls] as number] = count[cls] as number;
    firstOf[renumber[cls] as number] = rep[cls] as number;
  }
  // Class ballots, and the project-major supporter lists in class order.
  const start = new Int32Array(m + 1);
  let entries = 0;
  for (const v of firstOf) entries += (bs[v + 1] as number) - (bs[v] as number);
  const ballotStart = new Int32Array(nc + 1);
  const ballotProjects = new Int32Array(entries);
  const ballotWeights = new Float64Array(entries);
  let at = 0;
  for (let cls = 0; cls < nc; cls++) {
    ballotStart[cls] = at;
    const v = firstOf[cls] as number;
    const k = mult[cls] as number;
    for (let j = bs[v] as number; j < (bs[v + 1] as number); j++) {
      const c = bp[j] as number;
      ballotProjects[at] = c;
      ballotWeights[at++] = k * (bw[j] as number);
      start[c + 1] = (start[c + 1] as number) + 1;
    }
  }
  ballotStart[nc] = at;
  for (let c = 0; c < m; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, m);
  const voters = new Int32Array(entries);
  const weights = new Float64Array(entries);
  for (let cls = 0; cls < nc; cls++) {
    for (let j = ballotStart[cls] as number; j < (ballotStart[cls + 1] as number); j++) {
      const c = ballotProjects[j] as number;
      const to = fill[c] as number;
      fill[c] = to + 1;
      voters[to] = cls;
      weights[to] = ballotWeights[j] as number;
    }
  }
  const q: Profile = {
    ...p,
    n: nc,
    start,
    voters,
    weights,
    ballotStart,
    ballotProjects,
    ballotWeights,
  };
  multiplicity.set(q, mult);
  const r = { q, mult, of };
  classCache.set(p, r);
  return r;
}

/**
 * Whether grouping identical ballots is likely to pay: at least 15 % of the first 20,000
 * ballots repeat an earlier one among them. Grouping a million ballots takes about as long
 * as a few MES runs, so elections with few repeats (Warszawa 2026: 61,668 ballots, 55,017
 * distinct) run per voter. Either way the outcome is the same.
 */
function worthGrouping(p: Profile): boolean {
  const { ballotStart: bs, ballotProjects: bp, ballotWeights: bw } = p;
  const sample = Math.min(p.n, 20_000);
  const seen = new Set<string>();
  let nonEmpty = 0;
  for (let v = 0; v < sample; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (to === from) continue;
    nonEmpty++;
    const pairs: number[] = [];
    for (let k = from; k < to; k++) pairs.push(bp[k] as number, bw[k] as number);
    // Same projects in another order is the same ballot; sort the pairs by project.
    const order = Array.from({ length: to - from }, (_, i) => i).sort(
      (a, c) => (pairs[2 * a] as number) - (pairs[2 * c] as number),
    );
    seen.add(order.map((i) => `${pairs[2 * i]}:${pairs[2 * i + 1]}`).join(','));
  }
  return seen.size <= 0.85 * nonEmpty;
}

/** A run on a class profile, told per voter of the original one (budgets of its voters). */
function perVoter(cls: VoterClasses, run: MesRun, endowment: number): MesRun {
  const n = cls.of.length;
  const budgets = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const k = cls.of[v] as number;
    budgets[v] = k < 0 ? endowment : (run.budgets[k] as number) / (cls.mult[k] as number);
  }
  const { trace: _trace, ...rest } = run;
  return { ...rest, budgets };
}

/**
 * Collects, for a tracked run, the smallest distance in per-voter budget over which no
 * comparison of the run's decision trace can change sign. While the trace is fixed, every
 * quantity of the run (each voter's budget, each project's share and rho, each sum of
 * money) is affine in the per-voter budget e, so a comparison whose two sides differ by
 * `gap` now and approach each other at `closing` per unit of e keeps its sign for at
 * least gap / closing.
 */
class Crossings {
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
    const t = gap.div(closing);
    // floor(t * 2^20) / 2^20 is at most t and exact for integers below 2^33.
    const f = Number((t.num << 20n) / t.den) / 2 ** 20;
    if (f < this.stable) this.stable = f;
  }
}

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

type Scratch = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
const scratchCache = new WeakMap<Profile, Scratch>();

/** Six arrays as long as the longest supporter list: the work space of an evaluation. */
function scratchOf(p: Profile): Scratch {
  let r = scratchCache.get(p);
  if (!r) {
    let most = 0;
    for (let c = 0; c < p.m; c++)
      most = Math.max(most, (p.start[c + 1] as number) - (p.start[c] as number));
    const a = () => new Float64Array(most);
    r = [a(), a(), a(), a(), a(), a()];
    scratchCache.set(p, r);
  }
  return r;
}

/** What one run of {@link mesFloatRun} shares with {@link evaluateFloat}; one per run. */
class FloatRun {
  // Results of the latest evaluation. NaN to start: the fields hold doubles from the
  // first, so V8 never has to change their representation mid-run (a deoptimisation).
  rho = Number.NaN;
  share = Number.NaN;
  dshare = Number.NaN;
  rw = Number.NaN;
  pw = Number.NaN;
  clear = false;
  constructor(
    readonly start: Int32Array,
    readonly voters: Int32Array,
    readonly weights: Float64Array,
    readonly costs: Float64Array,
    readonly W: Float64Array,
    readonly unit: Uint8Array,
    readonly b: Float64Array,
    readonly db: Float64Array,
    readonly track: boolean,
    readonly endowment: number,
    readonly x: Crossings,
    readonly utility: Utility,
    readonly scratchB: Float64Array,
    readonly scratchW: Float64Array,
    readonly scratchD: Float64Array,
    readonly poorB: Float64Array,
    readonly poorW: Float64Array,
    readonly poorD: Float64Array,
  ) {}
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
 * The supporters of `chosen` pay: each min(what they have, share × points); a tracked run
 * updates their slopes. Returns how many voters paid all they had (less than their due).
 */
function payFloat(
  st: FloatRun,
  mult: Float64Array | undefined,
  chosen: number,
  share: number,
  dshare: number,
): number {
  const { start, voters, weights, b, db, track } = st;
  let paidAll = 0;
  for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++) {
    const v = voters[k] as number;
    const w = weights[k] as number;
    const pay = share * w;
    const bv = b[v] as number;
    if (bv < pay) paidAll += mult ? (mult[v] as number) : 1;
    if (track) db[v] = bv < pay ? 0 : (db[v] as number) - dshare * w;
    b[v] = bv <= pay ? 0 : bv - pay;
  }
  return paidAll;
}

/**
 * Evaluates project c in a float run at the voters' current budgets: its share (the
 * most any supporter pays per point), rho, the weight of the supporters not short of
 * money, and (tracked) the share's slope and the crossings of who is short. Returns 1
 * with the results in `st`, 0 when the project is not affordable (now, or with `hopeless`
 * never again), -1 when affordability is too close to call in floats. A function of its
 * own so that the engine compiles and optimises it apart from the round logic.
 */
function evaluateFloat(st: FloatRun, c: number): number {
  const { start, voters, weights, costs, W, unit, b, db, track, endowment, x, utility } = st;
  const { scratchB, scratchW, scratchD, poorB, poorW, poorD } = st;
  const s = start[c] as number;
  const e = start[c + 1] as number;
  const cost = costs[c] as number;
  const wc = W[c] as number;
  // First pass at the equal share cost/W: money behind the project, and who is poor.
  let share = cost / wc;
  let money = 0;
  let dmoney = 0;
  let pm = 0;
  let dpm = 0;
  let rw = 0;
  let pc = 0;
  // Weight of the supporters short of money (for approval ballots: their number).
  let pw = 0;
  let np = 0;
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
        if (track) {
          const bound = money + (e - k) * endowment;
          x.float(cost - bound, cost, dmoney + (e - k), dmoney + (e - k));
        }
        break;
      }
      const v = voters[k] as number;
      const bi = b[v] as number;
      money += bi;
      if (track) dmoney += db[v] as number;
      if (bi < share) {
        pm += bi;
        pc++;
        if (track) {
          dpm += db[v] as number;
          poorB[np] = bi;
          poorW[np] = 1;
          poorD[np++] = db[v] as number;
        }
      } else {
        if (bi < minB) minB = bi;
        if (track) scratchD[kept] = db[v] as number;
        scratchB[kept++] = bi;
      }
    }
    rw = kept;
    minSlack = minB - share;
  } else {
    for (let k = s; k < e; k++) {
      const v = voters[k] as number;
      const bi = b[v] as number;
      const wi = weights[k] as number;
      money += bi;
      if (track) dmoney += db[v] as number;
      const slack = bi - share * wi;
      if (slack < 0) {
        pm += bi;
        pc++;
        pw += wi;
        if (track) {
          dpm += db[v] as number;
          poorB[np] = bi;
          poorW[np] = wi;
          poorD[np++] = db[v] as number;
        }
      } else {
        rw += wi;
        if (slack < minSlack * wi) minSlack = slack / wi;
        // Rich supporters go to a contiguous scratch list: later passes skip the indirection.
        if (track) scratchD[kept] = db[v] as number;
        scratchB[kept] = bi;
        scratchW[kept++] = wi;
      }
    }
  }
  if (hopeless) return 0; // never affordable again: budgets only shrink
  if (money < cost * (1 - TOL)) {
    if (track) x.float(cost - money, cost, dmoney, dmoney);
    return 0;
  }
  if (money < cost * (1 + TOL) && money !== cost) {
    // Only trust the comparison when every budget is a whole number (then the sum is exact).
    let whole = true;
    for (let k = s; k < e && whole; k++) whole = Number.isInteger(b[voters[k] as number]);
    if (!whole) return -1;
    if (money < cost) {
      if (track) x.float(cost - money, cost, dmoney, dmoney);
      return 0;
    }
  }
  // Water-filling: supporters who cannot pay the equal share pay all they have; the
  // share rises until the rest cover the cost. Each pass can only add poor supporters,
  // so each pass keeps only the still-rich ones.
  let poorCount = 0;
  for (let pass = 0; pc !== poorCount; pass++) {
    if (rw === 0 || pass > 1000) return -1;
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
          if (track) {
            dpm += scratchD[k] as number;
            poorB[np] = bi;
            poorW[np] = 1;
            poorD[np++] = scratchD[k] as number;
          }
        } else {
          if (bi < minB) minB = bi;
          if (track) scratchD[next] = scratchD[k] as number;
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
        pw += wi;
        if (track) {
          dpm += scratchD[k] as number;
          poorB[np] = bi;
          poorW[np] = wi;
          poorD[np++] = scratchD[k] as number;
        }
      } else {
        rw += wi;
        if (slack < minSlack * wi) minSlack = slack / wi;
        if (track) scratchD[next] = scratchD[k] as number;
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
  let dshare = 0;
  if (track && poorCount > 0) {
    // share = (cost - what the poor pay) / weight of the rich, so its slope is
    // -(slope of what the poor pay) / (weight of the rich); never positive.
    dshare = -dpm / rw;
    // A poor supporter stays poor while their budget is below share * w.
    for (let k = 0; k < np; k++) {
      const wi = poorW[k] as number;
      const bi = poorB[k] as number;
      const d = poorD[k] as number;
      x.float(share * wi - bi, share * wi + bi, d - dshare * wi, d - dshare * wi);
    }
  }
  st.rho = rho;
  st.share = share;
  st.dshare = dshare;
  st.rw = rw;
  st.pw = ones ? pc : pw;
  st.clear = clear;
  return 1;
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

/**
 * Fixed-budget MES in exact rational arithmetic: the reference the float engine is tested
 * against, and the judge of its close calls. Slower, so used only when needed. With
 * `track`, reports `stable` exactly as {@link mesFloatRun} describes.
 */
export function mesExactRun(
  p: Profile,
  endowment: Rational,
  opts: MesOptions = {},
  track = false,
): MesRun {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const ONE = Rational.of(1n);
  const mult = multiplicity.get(p);
  const b: Rational[] = mult
    ? Array.from(mult, (k) => endowment.mul(Rational.of(BigInt(k))))
    : new Array(p.n).fill(endowment);
  const db: Rational[] = mult
    ? Array.from(mult, (k) => Rational.of(BigInt(k)))
    : new Array(p.n).fill(ONE);
  const wr: Rational[] = Array.from(weights, (w) => Rational.fromNumber(w));
  const cr: Rational[] = Array.from(costs, (c) => Rational.fromNumber(c));
  const run = newRun(p);
  const lower: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const dlower: Rational[] = new Array(p.m).fill(Rational.ZERO);
  const qx: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const dqx: Rational[] = new Array(p.m).fill(Rational.ZERO);
  const x = new Crossings();
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
      let dmoney = Rational.ZERO;
      for (let k = s; k < e; k++) {
        money = money.add(b[voters[k] ?? 0] as Rational);
        if (track) dmoney = dmoney.add(db[voters[k] ?? 0] as Rational);
      }
      if (money.lt(cost)) {
        if (track) x.exact(cost.sub(money), dmoney);
        continue;
      }
      let wsum = Rational.ZERO;
      for (let k = s; k < e; k++) wsum = wsum.add(wr[k] as Rational);
      let share = cost.div(wsum);
      let poorCount = 0;
      let dshare = Rational.ZERO;
      for (;;) {
        let pm = Rational.ZERO;
        let dpm = Rational.ZERO;
        let rw = Rational.ZERO;
        let pc = 0;
        for (let k = s; k < e; k++) {
          const v = voters[k] ?? 0;
          const bi = b[v] as Rational;
          const wi = wr[k] as Rational;
          if (bi.lt(share.mul(wi))) {
            pm = pm.add(bi);
            if (track) dpm = dpm.add(db[v] as Rational);
            pc++;
          } else rw = rw.add(wi);
        }
        if (pc === poorCount) {
          if (track && pc > 0) dshare = Rational.ZERO.sub(dpm).div(rw);
          break;
        }
        poorCount = pc;
        share = cost.sub(pm).div(rw);
      }
      if (track && poorCount > 0) {
        for (let k = s; k < e; k++) {
          const v = voters[k] ?? 0;
          const bi = b[v] as Rational;
          const wi = wr[k] as Rational;
          const sw = share.mul(wi);
          if (bi.lt(sw)) x.exact(sw.sub(bi), (db[v] as Rational).sub(dshare.mul(wi)));
        }
      }
      const rho = utility === 'cost' ? share.div(cost) : share;
      lower[c] = rho;
      dlower[c] = utility === 'cost' ? dshare.div(cost) : dshare;
      qx[c] = share;
      dqx[c] = dshare;
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
    const dshare = dqx[chosen] as Rational;
    cand = cand.filter((c) => c !== chosen);
    if (track) {
      const rc = lower[chosen] as Rational;
      const drc = dlower[chosen] as Rational;
      for (const d of cand) {
        const gap = (lower[d] as Rational).sub(rc);
        const closing = drc.sub(dlower[d] as Rational);
        // A lost tie stays lost unless the loser's rho falls below the winner's.
        x.exact(gap, closing);
      }
    }
    let paidAll = 0;
    for (let k = start[chosen] ?? 0; k < (start[chosen + 1] ?? 0); k++) {
      const v = voters[k] ?? 0;
      const pay = share.mul(wr[k] as Rational);
      const bv = b[v] as Rational;
      if (bv.lt(pay)) paidAll += mult ? (mult[v] as number) : 1;
      if (track)
        db[v] = bv.lt(pay) ? Rational.ZERO : (db[v] as Rational).sub(dshare.mul(wr[k] as Rational));
      b[v] = bv.cmp(pay) <= 0 ? Rational.ZERO : bv.sub(pay);
    }
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share.toNumber();
    run.paidAll[chosen] = paidAll;
  }
  return {
    ...run,
    budgets: Float64Array.from(b, (v) => v.toNumber()),
    exact: true,
    stable: track ? x.stable : 0,
  };
}

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
): MesRun {
  return (
    mesFloatRun(p, endowment.toNumber(), opts, track, prior) ??
    mesExactRun(p, endowment, opts, track)
  );
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
 * no certificate.
 */
export function sameOutcomeBetween(p: Profile, ties: TieMode, lo: MesRun, hi: MesRun): boolean {
  const a = lo.trace;
  const z = hi.trace;
  if (!a || !z || a.length !== z.length) return false;
  for (let t = 0; t < a.length; t++) {
    const ra = a[t] as RoundTrace;
    const rz = z[t] as RoundTrace;
    if (ra.chosen !== rz.chosen) return false;
    for (const o of rz.others) {
      if (o.rho > ra.rho * (1 + 1e-11)) continue;
      if (
        o.exact === 1 &&
        ra.exact === 1 &&
        o.rho === ra.rho &&
        tieCompare(p, ties, ra.chosen, o.d).order < 0
      )
        continue;
      return false;
    }
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
  const runAt = (e: Rational, track: boolean): MesRun => {
    const r = mesRun(q, e, opts, track && !opts.walk, latest);
    runs++;
    if (r.exact) exactRuns++;
    else latest = r;
    return r;
  };
  const eligible = mesCandidates(p).length;
  let endowment = B.div(Rational.of(n));
  let run = runAt(endowment, false);
  const ties = opts.ties ?? 'default';
  const exhaustive = completion === 'add1-exhaustive';
  const done = (r: MesRun) =>
    r.selected.length >= eligible || (exhaustive && isExhaustive(p, r.selected, B));
  const fits = (r: MesRun) => !B.lt(exactCost(p, r.selected));
  if (completion !== 'none' && !done(run)) {
    // add1 walks whole currency units from floor(B/n); add1-exhaustive from B/n itself.
    let e = exhaustive
      ? endowment
      : Rational.of((B.num / (B.den * n) / BigInt(step)) * BigInt(step));
    let base: MesRun | undefined = exhaustive ? runAt(e, true) : undefined;
    if (!base) {
      // add1's first step; the outcome at B/n stays unless this one fits.
      e = e.add(stepR);
      const first = runAt(e, true);
      if (fits(first)) {
        base = first;
        endowment = e;
        run = first;
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
      // Steps over which `base` is proven to stay the outcome (at least one).
      const proven = opts.walk ? 1 : Math.max(1, Math.ceil(base.stable / step));
      if (!Number.isFinite(proven)) break; // the outcome never changes again
      // A probe needs base's trace (a tracked run).
      const ahead = opts.walk || !base.trace ? proven : Math.max(proven, gallop);
      const next = e.add(stepR.mul(Rational.of(BigInt(Math.min(ahead, 2 ** 52)))));
      const r = runAt(next, ahead > proven || gallop > 0 || tracking);
      if (r.trace) tracking = r.stable >= step;
      if (ahead > proven) {
        if (r.selected.join() === base.selected.join() && sameOutcomeBetween(p, ties, base, r)) {
          // Everything from e to next gives this outcome, which fits: move on, go further.
          e = next;
          base = r;
          endowment = e;
          run = r;
          gallop = ahead * 2;
          patience = 8;
        } else {
          // The order of choices changes nearby (common in large elections): stop probing
          // ahead for a while, so failed probes cost at most a fraction of the walk.
          gallop = 0;
          calm = 0;
          patience = Math.min(patience * 2, 64);
        }
        continue;
      }
      // Every budget from e up to just below next gives base's outcome: next is the
      // walk's next new outcome.
      if (!fits(r)) {
        // The walk stops here and takes the step before (same outcome as base).
        if (ahead > 1) {
          endowment = next.sub(stepR);
          // The outcome is base's; its run at the budget taken, so that the money left
          // that explanations quote is what voters hold at that budget.
          run = runAt(endowment, false);
        }
        break;
      }
      e = next;
      base = r;
      endowment = e;
      run = r;
      if (gallop > 0) gallop = 2;
    }
  }
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
    } else if (cost <= 0) {
      // 0/0: no payment per unit of utility exists, so MES never picks it (equalshares.net).
      facts.push({ kind: 'mes', reason: 'zero-cost' });
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
