/**
 * Greedy rules as used by most cities: fund projects in order of score while the
 * budget lasts. Budget bookkeeping is exact (rationals), as costs may be decimals.
 */
import type { GreedyFacts, ProjectResult } from './outcome.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { breakTie, type TieDecision, type TieMode, tieCompare } from './ties.js';

export interface GreedyOptions {
  ties?: TieMode;
  /** Stop at the first project that does not fit (`greedy-no-skip`) instead of skipping it. */
  noSkip?: boolean;
  /** Only projects whose score reaches this are eligible (`greedy-threshold`). */
  threshold?: number;
  /** Order by score per unit of cost instead of by score. */
  perCost?: boolean;
  /** Projects already funded (a completion of another rule); their cost is taken off first. */
  already?: readonly number[];
  /** Budget to use instead of the profile's. */
  budget?: number;
}

export interface GreedyResult {
  selected: number[];
  facts: (GreedyFacts | undefined)[];
  tieDecisions: TieDecision[];
}

/** Compares two projects' ordering keys exactly: positive when `a` ranks higher. */
function keyDiff(p: Profile, perCost: boolean, a: number, b: number): number {
  const sa = p.scores[a] ?? 0;
  const sb = p.scores[b] ?? 0;
  // Cross-multiplication avoids dividing; scores and costs are small integers in practice.
  return perCost ? sa * (p.costs[b] ?? 0) - sb * (p.costs[a] ?? 0) : sa - sb;
}

/** The greedy order: by score (or score per cost), ties decided and logged. */
export function greedyOrder(
  p: Profile,
  candidates: number[],
  perCost: boolean,
  ties: TieMode,
  log: TieDecision[],
): number[] {
  const sorted = [...candidates].sort(
    (a, b) => -keyDiff(p, perCost, a, b) || tieCompare(p, ties, a, b).order,
  );
  // Report each group of equal keys once, as a tie decided by the tie rule.
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && keyDiff(p, perCost, sorted[i] as number, sorted[j] as number) === 0)
      j++;
    if (j - i > 1) breakTie(p, ties, sorted.slice(i, j), 'greedy order', log);
    i = j;
  }
  return sorted;
}

/**
 * `greedy` and its variants: go down the order and fund each project that still fits;
 * with `noSkip`, stop at the first that does not.
 */
export function greedy(p: Profile, opts: GreedyOptions = {}): GreedyResult {
  const ties = opts.ties ?? 'default';
  const facts: (GreedyFacts | undefined)[] = new Array(p.m).fill(undefined);
  const tieDecisions: TieDecision[] = [];
  const already = new Set(opts.already ?? []);
  let left = Rational.fromNumber(opts.budget ?? p.budget);
  for (const c of already) left = left.sub(Rational.fromNumber(p.costs[c] ?? 0));
  const eligible: number[] = [];
  for (let c = 0; c < p.m; c++) {
    if (already.has(c)) continue;
    if (opts.threshold !== undefined && (p.scores[c] ?? 0) < opts.threshold) {
      facts[c] = { kind: 'greedy', reason: 'below-threshold', threshold: opts.threshold };
    } else eligible.push(c);
  }
  const order = greedyOrder(p, eligible, opts.perCost ?? false, ties, tieDecisions);
  const selected: number[] = [...already];
  let stopped = false;
  order.forEach((c, k) => {
    const cost = Rational.fromNumber(p.costs[c] ?? 0);
    const base: GreedyFacts = {
      kind: 'greedy',
      reason: 'funded',
      rank: k + 1,
      budgetLeft: left.toNumber(),
      ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
      ...(opts.perCost ? { perCost: true } : {}),
    };
    if (stopped) {
      facts[c] = { ...base, reason: 'stopped' };
    } else if (cost.cmp(left) <= 0) {
      selected.push(c);
      left = left.sub(cost);
      facts[c] = base;
    } else {
      facts[c] = { ...base, reason: 'too-expensive' };
      if (opts.noSkip) stopped = true;
    }
  });
  return { selected, facts, tieDecisions };
}

/** Turns per-project facts into the outcome's project list. */
export function projectResults<F>(
  p: Profile,
  selected: readonly number[],
  facts: readonly F[],
): (Omit<ProjectResult, 'facts'> & { facts: F })[] {
  const chosen = new Set(selected);
  return p.ids.map((id, c) => ({
    id,
    cost: p.costs[c] ?? 0,
    votes: p.votes[c] ?? 0,
    score: p.scores[c] ?? 0,
    selected: chosen.has(c),
    facts: facts[c] as F,
  }));
}
