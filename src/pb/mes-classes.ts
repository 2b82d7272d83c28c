/**
 * Identical ballots merged into weighted voters: the same MES outcome with fewer voters
 * (real files repeat many ballots).
 */
import { type MesRun, multiplicity } from './mes-run.js';
import { type Profile, supportersOf } from './profile.js';

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
  if (!wholePoints(bw)) return null;
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
  const g = groupBallots(n, m, bs, bp, bw);
  const order = classOrder(g, bs, bp, rank, m);
  // Every loop of the grouping is a function of its own: V8 then optimises each loop
  // apart, and code after a hot loop is never compiled without feedback (a deoptimisation
  // each; the grouping ran several times slower at start than when warm).
  const nc = g.found;
  const renumber = new Int32Array(nc);
  for (let k = 0; k < nc; k++) renumber[order[k] as number] = k;
  const of = g.of;
  renumberVoters(of, renumber);
  const mult = new Float64Array(nc);
  const firstOf = new Int32Array(nc);
  for (let cls = 0; cls < nc; cls++) {
    mult[renumber[cls] as number] = g.count[cls] as number;
    firstOf[renumber[cls] as number] = g.rep[cls] as number;
  }
  const { ballotStart, ballotProjects, ballotWeights } = classBallots(firstOf, mult, bs, bp, bw);
  const { start, voters, weights } = supportersOf(m, ballotStart, ballotProjects, ballotWeights);
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

/** Whether every point is a whole number. */
function wholePoints(bw: Float64Array): boolean {
  for (let k = 0; k < bw.length; k++) if (!Number.isInteger(bw[k] as number)) return false;
  return true;
}

/**
 * A hash of one (project, points) pair of a ballot; a ballot's pairs are combined by a sum
 * and an xor, which do not depend on their order.
 */
function pairHash(c: number, w: number): number {
  const h = Math.imul(c + 1, 0x9e3779b1) ^ Math.imul(w | 0, 0x85ebca6b);
  return h ^ Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ ((w * 1024) | 0);
}

/** Classes of identical ballots, in order of first appearance. */
interface Groups {
  /** Per voter: its class, or -1 for an empty ballot. */
  of: Int32Array;
  /** Per class: its first voter. */
  rep: Int32Array;
  /** Per class: its number of voters. */
  count: Int32Array;
  found: number;
}

/**
 * Groups voters whose ballots hold the same (project, points) pairs, in whatever order:
 * a hash that does not depend on the order of the pairs (open addressing), and equality
 * checked in full against marks of the voter's own pairs, so no ballot is sorted. Ballots
 * name each project at most once (the profile's rule).
 */
function groupBallots(
  n: number,
  m: number,
  bs: Int32Array,
  bp: Int32Array,
  bw: Float64Array,
): Groups {
  const size = 2 ** Math.ceil(Math.log2(Math.max(4, 2 * n)));
  const table = new Int32Array(size).fill(-1);
  const of = new Int32Array(n).fill(-1);
  const rep = new Int32Array(n);
  const count = new Int32Array(n);
  // The pairs of the voter at hand: mark[c] = v and markW[c] its points for each project c.
  const mark = new Int32Array(m).fill(-1);
  const markW = new Float64Array(m);
  let found = 0;
  for (let v = 0; v < n; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (to === from) continue;
    let sum = 0;
    let mix = 0;
    for (let k = from; k < to; k++) {
      const c = bp[k] as number;
      const w = bw[k] as number;
      mark[c] = v;
      markW[c] = w;
      const h = pairHash(c, w);
      sum = (sum + h) | 0;
      mix ^= Math.imul(h, 0x27d4eb2f);
    }
    let at = ((sum ^ Math.imul(mix, 0x165667b1)) >>> 0) & (size - 1);
    for (;;) {
      const cls = table[at] as number;
      if (cls < 0) {
        table[at] = found;
        of[v] = found;
        rep[found] = v;
        count[found++] = 1;
        break;
      }
      if (sameAsMarked(bs, bp, bw, mark, markW, rep[cls] as number, v)) {
        of[v] = cls;
        count[cls] = (count[cls] as number) + 1;
        break;
      }
      at = (at + 1) & (size - 1);
    }
  }
  return { of, rep, count, found };
}

/** Whether voter r's ballot holds exactly the pairs marked for voter v (mark, markW). */
function sameAsMarked(
  bs: Int32Array,
  bp: Int32Array,
  bw: Float64Array,
  mark: Int32Array,
  markW: Float64Array,
  r: number,
  v: number,
): boolean {
  const r0 = bs[r] as number;
  const l = (bs[r + 1] as number) - r0;
  if ((bs[v + 1] as number) - (bs[v] as number) !== l) return false;
  for (let i = 0; i < l; i++) {
    const c = bp[r0 + i] as number;
    if (mark[c] !== v || markW[c] !== bw[r0 + i]) return false;
  }
  return true;
}

/**
 * The classes in the order they are numbered: by their two most popular projects (radix
 * sort, least significant key first), so that the supporters of a popular project are
 * near each other in memory. `rank`: per project, its place by popularity (0 = most).
 */
function classOrder(
  g: Groups,
  bs: Int32Array,
  bp: Int32Array,
  rank: Int32Array,
  m: number,
): Int32Array {
  let order: Int32Array = new Int32Array(g.found);
  for (let k = 0; k < g.found; k++) order[k] = k;
  const first = new Int32Array(g.found);
  const second = new Int32Array(g.found);
  classKeys(g, bs, bp, rank, m, first, second);
  order = radixPass(order, second, m);
  return radixPass(order, first, m);
}

/**
 * Per class: the best and second-best rank among its ballot's projects (m when the ballot
 * has fewer).
 */
function classKeys(
  g: Groups,
  bs: Int32Array,
  bp: Int32Array,
  rank: Int32Array,
  m: number,
  first: Int32Array,
  second: Int32Array,
): void {
  for (let cls = 0; cls < g.found; cls++) {
    const v = g.rep[cls] as number;
    let a = m;
    let b = m;
    for (let k = bs[v] as number; k < (bs[v + 1] as number); k++) {
      const r = rank[bp[k] as number] as number;
      if (r < a) {
        b = a;
        a = r;
      } else if (r < b) b = r;
    }
    first[cls] = a;
    second[cls] = b;
  }
}

/** One stable counting-sort pass of `order` by `keyOf` (keys 0..m). */
function radixPass(order: Int32Array, keyOf: Int32Array, m: number): Int32Array {
  const found = order.length;
  const bucket = new Int32Array(m + 2);
  for (let k = 0; k < found; k++) {
    const r = (keyOf[order[k] as number] as number) + 1;
    bucket[r] = (bucket[r] as number) + 1;
  }
  for (let r = 0; r <= m; r++) bucket[r + 1] = (bucket[r + 1] as number) + (bucket[r] as number);
  const next = new Int32Array(found);
  for (let k = 0; k < found; k++) {
    const cls = order[k] as number;
    const r = keyOf[cls] as number;
    next[bucket[r] as number] = cls;
    bucket[r] = (bucket[r] as number) + 1;
  }
  return next;
}

/** Per voter: its class under the new numbering (-1 stays). */
function renumberVoters(of: Int32Array, renumber: Int32Array): void {
  for (let v = 0; v < of.length; v++) {
    const k = of[v] as number;
    if (k >= 0) of[v] = renumber[k] as number;
  }
}

/** The class ballots: each class's first voter's ballot, its points times the class size. */
function classBallots(
  firstOf: Int32Array,
  mult: Float64Array,
  bs: Int32Array,
  bp: Int32Array,
  bw: Float64Array,
): { ballotStart: Int32Array; ballotProjects: Int32Array; ballotWeights: Float64Array } {
  const nc = firstOf.length;
  let entries = 0;
  for (let cls = 0; cls < nc; cls++) {
    const v = firstOf[cls] as number;
    entries += (bs[v + 1] as number) - (bs[v] as number);
  }
  const ballotStart = new Int32Array(nc + 1);
  const ballotProjects = new Int32Array(entries);
  const ballotWeights = new Float64Array(entries);
  let at = 0;
  for (let cls = 0; cls < nc; cls++) {
    ballotStart[cls] = at;
    const v = firstOf[cls] as number;
    const k = mult[cls] as number;
    for (let j = bs[v] as number; j < (bs[v + 1] as number); j++) {
      ballotProjects[at] = bp[j] as number;
      ballotWeights[at++] = k * (bw[j] as number);
    }
  }
  ballotStart[nc] = at;
  return { ballotStart, ballotProjects, ballotWeights };
}

/**
 * Whether grouping identical ballots is likely to pay: at least 15 % of the first 20,000
 * ballots repeat an earlier one among them. Grouping a million ballots takes about as long
 * as a few MES runs, so elections with few repeats (Warszawa 2026: 61,668 ballots, 55,017
 * distinct) run per voter. Either way the outcome is the same.
 */
export function worthGrouping(p: Profile): boolean {
  const { ballotStart: bs, ballotProjects: bp, ballotWeights: bw } = p;
  const sample = Math.min(p.n, 20_000);
  // A ballot's key: two order-free hashes of its (project, points) pairs (the same projects
  // in another order are the same ballot), with no string made. Two different ballots
  // sharing a key only make this estimate a little off, never the outcome.
  // The keys (sum, mix) in an open-addressing table, (0, 0) marking a free slot: a set of
  // numbers above 2^31 made a heap number of every key (5 ms of each count of Warszawa
  // 2026 once warm, against under 1 ms so).
  const size = 2 ** Math.ceil(Math.log2(2 * sample + 2));
  const table = new Int32Array(2 * size);
  let distinct = 0;
  let nonEmpty = 0;
  for (let v = 0; v < sample; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (to === from) continue;
    nonEmpty++;
    let sum = 0;
    let mix = 0;
    for (let k = from; k < to; k++) {
      const h = pairHash(bp[k] as number, bw[k] as number);
      sum = (sum + h) | 0;
      mix ^= Math.imul(h, 0x27d4eb2f);
    }
    if (sum === 0 && mix === 0) mix = 1; // (0, 0) is the free slot's mark
    let at = Math.imul(sum ^ Math.imul(mix, 0x85ebca6b), 0x9e3779b1) & (size - 1);
    for (;;) {
      const a = table[2 * at] as number;
      const b = table[2 * at + 1] as number;
      if (a === 0 && b === 0) {
        table[2 * at] = sum;
        table[2 * at + 1] = mix;
        distinct++;
        break;
      }
      if (a === sum && b === mix) break;
      at = (at + 1) & (size - 1);
    }
  }
  return distinct <= 0.85 * nonEmpty;
}

/** A run on a class profile, told per voter of the original one (budgets of its voters). */
export function perVoter(cls: VoterClasses, run: MesRun, endowment: number): MesRun {
  const n = cls.of.length;
  const budgets = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const k = cls.of[v] as number;
    budgets[v] = k < 0 ? endowment : (run.budgets[k] as number) / (cls.mult[k] as number);
  }
  const { trace: _trace, ...rest } = run;
  return { ...rest, budgets };
}
