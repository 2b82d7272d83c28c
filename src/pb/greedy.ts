/**
 * Greedy rules as used by most cities: fund projects in order of score while the
 * budget lasts. Every comparison is exact: budget bookkeeping and scores are rationals
 * (costs and points may be decimals; 0.1 + 0.2 points tie with 0.3).
 */
import type { GreedyFacts, ProjectResult } from './outcome.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { breakTie, type TieDecision, type TieMode, tieCompare } from './ties.js';

/**
 * The cost pabulib writes for a project withdrawn after the vote (e.g. Wrocław 2017
 * Rejon 11, project 150: "changed to an artificial cost of '999999999' to ensure it is
 * not selected"). Greedy rules pass it by without stopping `greedy-no-skip`.
 */
export const WITHDRAWN_COST = 999_999_999;

export interface GreedyOptions {
  ties?: TieMode;
  /** Stop at the first project that does not fit (`greedy-no-skip`) instead of skipping it. */
  noSkip?: boolean;
  /**
   * Poznań's rule (pabulib `greedy-custom`, unit Poznań, described in the files' META
   * comment): like `noSkip`, but the first project that does not fit is still funded when
   * what is left is at least 80 % of its cost (officially from reserve funds); then
   * counting stops.
   */
  poznan?: boolean;
  /** Only projects whose score reaches this are eligible (`greedy-threshold`). */
  threshold?: Rational;
  /** Order by score per unit of cost instead of by score. */
  perCost?: boolean;
  /** Projects already funded (a completion of another rule); their cost is taken off first. */
  already?: readonly number[];
  /** Budget to use instead of the profile's. */
  budget?: number;
  /**
   * The score of each project, exactly; default: recounted from the ballots
   * ({@link exactScores}). Official counts from the file's PROJECTS section go here.
   */
  scores?: readonly Rational[];
  /** Treat a cost of {@link WITHDRAWN_COST} as a withdrawn project (default true). */
  withdrawn?: boolean;
}

export interface GreedyResult {
  selected: number[];
  facts: (GreedyFacts | undefined)[];
  tieDecisions: TieDecision[];
}

const exactScoreCache = new WeakMap<Profile, Rational[]>();

/**
 * Each project's score (sum of points; for approval the number of votes) as an exact
 * rational. Integer points are summed in floats, exact below 2^53; decimal points are
 * summed as rationals of their decimal text.
 */
export function exactScores(p: Profile): Rational[] {
  const cached = exactScoreCache.get(p);
  if (cached) return cached;
  const out: Rational[] = [];
  for (let c = 0; c < p.m; c++) {
    const f = p.scores[c] ?? 0;
    let whole = Number.isSafeInteger(f);
    for (let k = p.start[c] ?? 0; whole && k < (p.start[c + 1] ?? 0); k++)
      whole = Number.isInteger(p.weights[k]);
    if (whole) out.push(Rational.of(BigInt(f)));
    else {
      let s = Rational.ZERO;
      for (let k = p.start[c] ?? 0; k < (p.start[c + 1] ?? 0); k++)
        s = s.add(Rational.fromNumber(p.weights[k] ?? 0));
      out.push(s);
    }
  }
  exactScoreCache.set(p, out);
  return out;
}

/** Compares two projects' ordering keys exactly: positive when `a` ranks higher. */
function keyDiff(
  p: Profile,
  scores: readonly Rational[],
  perCost: boolean,
  a: number,
  b: number,
): number {
  const sa = scores[a] as Rational;
  const sb = scores[b] as Rational;
  if (!perCost) return sa.cmp(sb);
  return sa
    .mul(Rational.fromNumber(p.costs[b] ?? 0))
    .cmp(sb.mul(Rational.fromNumber(p.costs[a] ?? 0)));
}

/** The greedy order: by score (or score per cost), ties decided and logged. */
export function greedyOrder(
  p: Profile,
  candidates: number[],
  perCost: boolean,
  ties: TieMode,
  log: TieDecision[],
  scores: readonly Rational[] = exactScores(p),
): number[] {
  const sorted = [...candidates].sort(
    (a, b) => -keyDiff(p, scores, perCost, a, b) || tieCompare(p, ties, a, b).order,
  );
  // Report each group of equal keys once, as a tie decided by the tie rule.
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (
      j < sorted.length &&
      keyDiff(p, scores, perCost, sorted[i] as number, sorted[j] as number) === 0
    )
      j++;
    if (j - i > 1) breakTie(p, ties, sorted.slice(i, j), 'greedy order', log);
    i = j;
  }
  return sorted;
}

/**
 * `greedy` and its variants (pabulib format page and the official procedures of the
 * cities in pabulib): go down the order and fund each project that still fits; with
 * `noSkip`, stop at the first that does not; with `poznan`, see {@link GreedyOptions}.
 * A withdrawn project ({@link WITHDRAWN_COST}) is passed by. Zero-cost projects always fit
 * and are funded in their turn, as in pabutools' greedy.
 */
export function greedy(p: Profile, opts: GreedyOptions = {}): GreedyResult {
  const ties = opts.ties ?? 'default';
  const scores = opts.scores ?? exactScores(p);
  const facts: (GreedyFacts | undefined)[] = new Array(p.m).fill(undefined);
  const tieDecisions: TieDecision[] = [];
  const already = new Set(opts.already ?? []);
  let left = Rational.fromNumber(opts.budget ?? p.budget);
  for (const c of already) left = left.sub(Rational.fromNumber(p.costs[c] ?? 0));
  const eligible: number[] = [];
  const threshold = opts.threshold;
  for (let c = 0; c < p.m; c++) {
    if (already.has(c)) continue;
    if (threshold !== undefined && (scores[c] as Rational).lt(threshold)) {
      facts[c] = { kind: 'greedy', reason: 'below-threshold', threshold: threshold.toNumber() };
    } else eligible.push(c);
  }
  const order = greedyOrder(p, eligible, opts.perCost ?? false, ties, tieDecisions, scores);
  const selected: number[] = [...already];
  let stopped = false;
  const withdrawn = opts.withdrawn ?? true;
  order.forEach((c, k) => {
    const cost = Rational.fromNumber(p.costs[c] ?? 0);
    const base: GreedyFacts = {
      kind: 'greedy',
      reason: 'funded',
      rank: k + 1,
      budgetLeft: left.toNumber(),
      ...(threshold !== undefined ? { threshold: threshold.toNumber() } : {}),
      ...(opts.perCost ? { perCost: true } : {}),
    };
    if (withdrawn && p.costs[c] === WITHDRAWN_COST) {
      facts[c] = { ...base, reason: 'withdrawn' };
    } else if (stopped) {
      facts[c] = { ...base, reason: 'stopped' };
    } else if (cost.cmp(left) <= 0) {
      selected.push(c);
      left = left.sub(cost);
      facts[c] = base;
    } else if (opts.poznan && left.mul(Rational.of(5n)).cmp(cost.mul(Rational.of(4n))) >= 0) {
      // At least 80 % of its cost is left: funded (the rest from reserves), then stop.
      selected.push(c);
      facts[c] = { ...base, reason: 'funded-80' };
      left = Rational.ZERO;
      stopped = true;
    } else {
      facts[c] = { ...base, reason: 'too-expensive' };
      if (opts.noSkip || opts.poznan) stopped = true;
    }
  });
  return { selected, facts, tieDecisions };
}

/** Turns per-project facts into the outcome's project list. */
export function projectResults<F>(
  p: Profile,
  selected: readonly number[],
  facts: readonly F[],
  scores?: readonly Rational[],
): (Omit<ProjectResult, 'facts'> & { facts: F })[] {
  const chosen = new Set(selected);
  return p.ids.map((id, c) => ({
    id,
    cost: p.costs[c] ?? 0,
    votes: p.votes[c] ?? 0,
    score: scores ? (scores[c] as Rational).toNumber() : (p.scores[c] ?? 0),
    selected: chosen.has(c),
    facts: facts[c] as F,
  }));
}
