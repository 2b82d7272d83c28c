/**
 * A generated approval election for the voting-engine bench: `voters` ballots over
 * `projects` projects, about `approvals` approvals per ballot, with skewed popularity
 * (project k is picked with weight 1/(k+1)^0.8, a Zipf-like curve as in real city-wide
 * rounds) and costs between 20,000 and 400,000 (optionally in whole thousands, other
 * popularity curves). Seeded, so every run is the same election.
 * Builds the engine's compact profile directly (a 1,000,000-voter .pb text would measure
 * the reader, which the bench measures separately); `toPabulib` writes it as text.
 */
import type { Profile } from '../../src/pb/index.js';

/** Mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedOptions {
  voters: number;
  projects: number;
  /** Mean approvals per ballot (1 to 2 × mean - 1, uniform). */
  approvals: number;
  seed?: number;
  /** Costs rounded to whole multiples of this (1000: whole thousands, as in a neighbourhood round). */
  roundTo?: number;
  /** Popularity exponent: project k is picked with weight 1/(k+1)^skew (default 0.8; 0 uniform). */
  skew?: number;
  /**
   * Every cost (after rounding) and so the budget multiplied by this (default 1): huge
   * per-voter budgets, where a currency unit is below what floats resolve.
   */
  scale?: number;
}

/** The generated election as a profile; the budget is 30 % of the total cost. */
export function generateProfile(o: GeneratedOptions): Profile {
  const rand = prng(o.seed ?? 2026);
  const m = o.projects;
  const n = o.voters;
  const costs = new Float64Array(m);
  let totalCost = 0;
  const unit = o.roundTo ?? 1;
  for (let c = 0; c < m; c++) {
    costs[c] = Math.round((20_000 + rand() * 380_000) / unit) * unit * (o.scale ?? 1);
    totalCost += costs[c] as number;
  }
  // Cumulative popularity weights for sampling.
  const cum = new Float64Array(m);
  let s = 0;
  for (let c = 0; c < m; c++) {
    s += 1 / (c + 1) ** (o.skew ?? 0.8);
    cum[c] = s;
  }
  const pick = (): number => {
    const x = rand() * s;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballotStart = new Int32Array(n + 1);
  const chosen: number[] = [];
  const mark = new Int32Array(m).fill(-1);
  for (let v = 0; v < n; v++) {
    ballotStart[v] = chosen.length;
    const k = 1 + Math.floor(rand() * (2 * o.approvals - 1));
    for (let j = 0; j < k; j++) {
      const c = pick();
      if (mark[c] === v) continue; // drawn twice: the ballot has one approval fewer
      mark[c] = v;
      chosen.push(c);
    }
  }
  ballotStart[n] = chosen.length;
  const total = chosen.length;
  const ballotProjects = Int32Array.from(chosen);
  const votes = new Int32Array(m);
  for (const c of ballotProjects) votes[c] = (votes[c] as number) + 1;
  const start = new Int32Array(m + 1);
  for (let c = 0; c < m; c++) start[c + 1] = (start[c] as number) + (votes[c] as number);
  const fill = start.slice(0, m);
  const voters = new Int32Array(total);
  for (let v = 0; v < n; v++) {
    for (let k = ballotStart[v] as number; k < (ballotStart[v + 1] as number); k++) {
      const c = ballotProjects[k] as number;
      voters[fill[c] as number] = v;
      fill[c] = (fill[c] as number) + 1;
    }
  }
  return {
    budget: Math.round(totalCost * 0.3),
    voteType: 'approval',
    n,
    m,
    ids: Array.from({ length: m }, (_, c) => String(c + 1)),
    costs,
    start,
    voters,
    weights: new Float64Array(total).fill(1),
    votes,
    scores: Float64Array.from(votes),
    ballotStart,
    ballotProjects,
    ballotWeights: new Float64Array(total).fill(1),
  };
}

/** The profile as pabulib text (for whole-process runs of the CLI on a generated file). */
export function toPabulib(p: Profile): string {
  const out = [
    'META',
    'key;value',
    'description;generated election (bench/pb/generate.ts)',
    `budget;${p.budget}`,
    'vote_type;approval',
    'rule;equalshares/add1',
    'PROJECTS',
    'project_id;cost',
  ];
  for (let c = 0; c < p.m; c++) out.push(`${p.ids[c]};${p.costs[c]}`);
  out.push('VOTES', 'voter_id;vote');
  for (let v = 0; v < p.n; v++) {
    const ids: string[] = [];
    for (let k = p.ballotStart[v] as number; k < (p.ballotStart[v + 1] as number); k++)
      ids.push(p.ids[p.ballotProjects[k] as number] as string);
    out.push(`${v + 1};${ids.join(',')}`);
  }
  return `${out.join('\n')}\n`;
}
