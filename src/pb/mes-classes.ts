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
  // Approval ballots (every point 1) skip the work on points below.
  let unit = true;
  for (let k = 0; k < bw.length; k++) {
    const w = bw[k] as number;
    if (w !== 1) {
      if (!Number.isInteger(w)) return null;
      unit = false;
    }
  }
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
  const kw = unit ? bw : new Float64Array(total);
  for (let v = 0; v < n; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (unit) {
      for (let k = from; k < to; k++) {
        const r = rank[bp[k] as number] as number;
        let j = k;
        while (j > from && (kr[j - 1] as number) > r) {
          kr[j] = kr[j - 1] as number;
          j--;
        }
        kr[j] = r;
      }
      continue;
    }
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
  // Per class found: its first voter and its size.
  const rep = new Int32Array(n);
  const count = new Int32Array(n);
  let found = 0;
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
        table[at] = found;
        of[v] = found;
        rep[found] = v;
        count[found++] = 1;
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
  let order = new Int32Array(found);
  for (let k = 0; k < found; k++) order[k] = k;
  const keyOf = new Int32Array(found);
  for (const pos of [1, 0]) {
    // Per class: the rank of its ballot's project at `pos` (m when the ballot is shorter).
    for (let cls = 0; cls < found; cls++) {
      const v = rep[cls] as number;
      const k = (bs[v] as number) + pos;
      keyOf[cls] = k < (bs[v + 1] as number) ? (kr[k] as number) : m;
    }
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
    order = next;
  }
  const renumber = new Int32Array(found);
  for (let k = 0; k < found; k++) renumber[order[k] as number] = k;
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
      ballotProjects[at] = bp[j] as number;
      ballotWeights[at++] = k * (bw[j] as number);
    }
  }
  ballotStart[nc] = at;
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
  const seen = new Set<number>();
  let nonEmpty = 0;
  for (let v = 0; v < sample; v++) {
    const from = bs[v] as number;
    const to = bs[v + 1] as number;
    if (to === from) continue;
    nonEmpty++;
    let sum = 0;
    let mix = 0;
    for (let k = from; k < to; k++) {
      const w = bw[k] as number;
      let h = Math.imul((bp[k] as number) + 1, 0x9e3779b1) ^ Math.imul(w | 0, 0x85ebca6b);
      h ^= Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ ((w * 1024) | 0);
      sum = (sum + h) | 0;
      mix ^= Math.imul(h, 0x27d4eb2f);
    }
    seen.add((sum >>> 0) * 2 ** 21 + (mix >>> 11));
  }
  return seen.size <= 0.85 * nonEmpty;
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
