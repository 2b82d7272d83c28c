/**
 * The compact form every rule works on: projects by index, supporters stored
 * project-major in typed arrays, so that a rule touches memory in long straight runs.
 */
import { readNumber } from './numbers.js';
import type { Instance, VoteType } from './types.js';
import { type CompactVotes, compactOf } from './votes-fast.js';

export interface Profile {
  budget: number;
  voteType: VoteType;
  /** Number of voters (ballots, including empty ones: they still hold an equal share in MES). */
  n: number;
  /** Number of projects. */
  m: number;
  ids: string[];
  costs: Float64Array;
  /** Supporters of project c are voters[start[c] .. start[c+1]). */
  start: Int32Array;
  voters: Int32Array;
  /** The points each supporter gave (1 for approval and choose-1; Borda points for ordinal). */
  weights: Float64Array;
  /** Number of voters who gave the project a positive score. */
  votes: Int32Array;
  /** Sum of points (for approval: the number of votes). */
  scores: Float64Array;
  /** Projects of voter v are ballotProjects[ballotStart[v] .. ballotStart[v+1]). */
  ballotStart: Int32Array;
  ballotProjects: Int32Array;
  /** The points voter v gave to each project in their ballot, same layout as ballotProjects. */
  ballotWeights: Float64Array;
  /**
   * Projects (1) that win every tie against the others (0), before the tie rule applies:
   * how `pb check` asks whether another tie order gives the official outcome.
   */
  prefer?: Uint8Array;
}

/**
 * Points an ordinal ballot gives by position. Pabulib's default `scoring_fn` is Borda:
 * with ballots of at most L projects, the first choice gets L points, the next L-1, and so on.
 */
function bordaPoints(position: number, maxLength: number): number {
  return Math.max(maxLength - position, 0);
}

/**
 * A scoring election's META `default_score` (pabulib format): the score of every project
 * a ballot does not list. Returns the instance with those scores written out, or the
 * instance itself when the key is absent or 0. Throws for another vote type with a
 * non-zero default (it has no meaning there).
 */
export function withDefaultScores(instance: Instance): Instance {
  const text = instance.meta.default_score;
  if (text === undefined) return instance;
  const d = readNumber(text);
  if (Number.isNaN(d)) throw new Error(`META default_score "${text}" is not a finite number`);
  if (d === 0) return instance;
  if ((instance.meta.vote_type ?? 'approval') !== 'scoring')
    throw new Error(`META default_score ${text} only has a meaning for scoring ballots`);
  const all = instance.projects.map((p) => p.id);
  return {
    ...instance,
    ballots: instance.ballots.map((b) => {
      const listed = new Set(b.projects);
      const extra = all.filter((id) => !listed.has(id));
      return {
        ...b,
        projects: [...b.projects, ...extra],
        points: [...(b.points ?? b.projects.map(() => 1)), ...extra.map(() => d)],
      };
    }),
  };
}

/**
 * Builds the compact profile; the instance must be valid (as {@link parsePabulib} returns
 * it). Points: approval and choose-1 give 1; cumulative and scoring the `points` column
 * (with META `default_score` for unlisted projects of scoring ballots); ordinal ballots
 * Borda points. A project named twice on an approval or choose-1 ballot counts once.
 * Throws for a `scoring_fn` other than Borda, an unknown project, or a project named twice
 * on a cumulative, scoring or ordinal ballot.
 */
export function buildProfile(given: Instance): Profile {
  const instance = withDefaultScores(given);
  const compact = instance === given ? compactOf(instance) : undefined;
  if (compact) return fromCompact(instance, compact);
  const meta = instance.meta;
  const voteType = (meta.vote_type ?? 'approval') as VoteType;
  const budget = readNumber(meta.budget ?? '');
  const m = instance.projects.length;
  const n = instance.ballots.length;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const costs = new Float64Array(m);
  instance.projects.forEach((p, k) => {
    index.set(p.id, k);
    ids.push(p.id);
    costs[k] = p.cost;
  });
  let maxLength = 0;
  for (const b of instance.ballots) maxLength = Math.max(maxLength, b.projects.length);
  if (voteType === 'ordinal') {
    const fn = (meta.scoring_fn ?? 'Borda').toLowerCase();
    if (fn !== 'borda') throw new Error(`unsupported scoring_fn "${meta.scoring_fn}" (only Borda)`);
    const declared = readNumber(meta.max_length ?? '');
    if (declared > 0) maxLength = Math.max(maxLength, declared);
  }
  // Count first, then fill: two passes avoid growing arrays for 100k+ ballots.
  const scores = new Float64Array(m);
  const ballotStart = new Int32Array(n + 1);
  let total = 0;
  const pointOf = (b: (typeof instance.ballots)[number], pos: number): number =>
    voteType === 'ordinal'
      ? bordaPoints(pos, maxLength)
      : b.points !== undefined && (voteType === 'cumulative' || voteType === 'scoring')
        ? (b.points[pos] ?? 0)
        : 1;
  // A project named twice on one ballot: once for approval and choose-1 (it can only mean
  // support), refused for points and places (ambiguous), as the reader does (parsePabulib).
  const once = voteType === 'approval' || voteType === 'choose-1';
  const seenOn = new Int32Array(m).fill(-1);
  const repeats = (b: (typeof instance.ballots)[number], v: number, c: number, id: string) => {
    if (seenOn[c] !== v) {
      seenOn[c] = v;
      return false;
    }
    if (once) return true;
    throw new Error(`ballot ${b.voterId} names project ${id} twice`);
  };
  instance.ballots.forEach((b, v) => {
    ballotStart[v] = total;
    b.projects.forEach((id, pos) => {
      const c = index.get(id);
      if (c === undefined) throw new Error(`ballot ${b.voterId} names unknown project ${id}`);
      if (repeats(b, v, c, id)) return;
      const w = pointOf(b, pos);
      scores[c] = (scores[c] ?? 0) + w;
      if (w > 0) total++;
    });
  });
  ballotStart[n] = total;
  const ballotProjects = new Int32Array(total);
  const ballotWeights = new Float64Array(total);
  let k = 0;
  seenOn.fill(-1);
  instance.ballots.forEach((b, v) => {
    b.projects.forEach((id, pos) => {
      if (repeats(b, v, index.get(id) as number, id)) return;
      const w = pointOf(b, pos);
      if (w <= 0) return; // MES and Phragmén only count support; zero or negative points give none
      ballotWeights[k] = w;
      ballotProjects[k++] = index.get(id) as number;
    });
  });
  return withSupporters(
    { budget, voteType, ids, costs, scores },
    ballotStart,
    ballotProjects,
    ballotWeights,
  );
}

/** {@link buildProfile} from the reader's compact ballots, without building Ballot objects. */
function fromCompact(instance: Instance, cv: CompactVotes): Profile {
  const meta = instance.meta;
  const voteType = (meta.vote_type ?? 'approval') as VoteType;
  const budget = readNumber(meta.budget ?? '');
  const m = instance.projects.length;
  const n = cv.n;
  const ids = instance.projects.map((p) => p.id);
  const costs = Float64Array.from(instance.projects, (p) => p.cost);
  const bs = cv.ballotStart;
  const bp = cv.ballotProjects;
  const usePoints =
    cv.points !== undefined && (voteType === 'cumulative' || voteType === 'scoring');
  if (voteType !== 'ordinal' && !usePoints)
    return unitProfile(budget, voteType, ids, costs, bs, bp);
  let maxLength = 0;
  for (let v = 0; v < n; v++)
    maxLength = Math.max(maxLength, (bs[v + 1] as number) - (bs[v] as number));
  if (voteType === 'ordinal') {
    const fn = (meta.scoring_fn ?? 'Borda').toLowerCase();
    if (fn !== 'borda') throw new Error(`unsupported scoring_fn "${meta.scoring_fn}" (only Borda)`);
    const declared = readNumber(meta.max_length ?? '');
    if (declared > 0) maxLength = Math.max(maxLength, declared);
  }
  const all = bp.length;
  const w = new Float64Array(all);
  for (let v = 0; v < n; v++) {
    const from = bs[v] as number;
    for (let k = from; k < (bs[v + 1] as number); k++) {
      w[k] =
        voteType === 'ordinal'
          ? bordaPoints(k - from, maxLength)
          : usePoints
            ? ((cv.points as Float64Array)[k] as number)
            : 1;
    }
  }
  const scores = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < all; k++) {
    const c = bp[k] as number;
    const x = w[k] as number;
    scores[c] = (scores[c] as number) + x;
    if (x > 0) total++;
  }
  const ballotStart = new Int32Array(n + 1);
  const ballotProjects = new Int32Array(total);
  const ballotWeights = new Float64Array(total);
  let out = 0;
  for (let v = 0; v < n; v++) {
    ballotStart[v] = out;
    for (let k = bs[v] as number; k < (bs[v + 1] as number); k++) {
      const x = w[k] as number;
      if (x <= 0) continue; // MES and Phragmén only count support
      ballotWeights[out] = x;
      ballotProjects[out++] = bp[k] as number;
    }
  }
  ballotStart[n] = out;
  return withSupporters(
    { budget, voteType, ids, costs, scores },
    ballotStart,
    ballotProjects,
    ballotWeights,
  );
}

/**
 * {@link fromCompact} when every point is 1 (approval and choose-1 ballots): no entry is
 * dropped, so the reader's ballot arrays are the profile's as they are (shared, never
 * written), a project's score is its number of votes, and one array of ones serves as both
 * `ballotWeights` and `weights` (Łódź 2022: 2.6 MB less; the generated million voters: 40 MB).
 */
function unitProfile(
  budget: number,
  voteType: VoteType,
  ids: string[],
  costs: Float64Array,
  ballotStart: Int32Array,
  ballotProjects: Int32Array,
): Profile {
  const ballotWeights = new Float64Array(ballotProjects.length).fill(1);
  return withSupporters(
    { budget, voteType, ids, costs },
    ballotStart,
    ballotProjects,
    ballotWeights,
    true,
  );
}

/**
 * The project-major supporter lists of voter-major ballots (every entry one of support, points
 * above 0): `start` (m + 1 offsets), and per entry the voter (`voters`) and their points
 * (`weights`), voters of a project in increasing order. One counting pass, one filling pass.
 * `unit`: every point is 1, and `weights` is `ballotWeights` itself (both all ones).
 */
export function supportersOf(
  m: number,
  ballotStart: Int32Array,
  ballotProjects: Int32Array,
  ballotWeights: Float64Array,
  unit = false,
): { start: Int32Array; voters: Int32Array; weights: Float64Array } {
  const all = ballotProjects.length;
  const start = new Int32Array(m + 1);
  for (let k = 0; k < all; k++) {
    const c = ballotProjects[k] as number;
    start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < m; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, m);
  const voters = new Int32Array(all);
  const weights = unit ? ballotWeights : new Float64Array(all);
  const n = ballotStart.length - 1;
  for (let v = 0; v < n; v++) {
    for (let k = ballotStart[v] as number; k < (ballotStart[v + 1] as number); k++) {
      const c = ballotProjects[k] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      voters[at] = v;
      if (!unit) weights[at] = ballotWeights[k] as number;
    }
  }
  return { start, voters, weights };
}

/**
 * The profile of voter-major ballots that hold only support (points above 0), with the
 * supporter lists ({@link supportersOf}) and the number of votes per project built from them.
 * `scores` defaults to the number of votes (every point 1).
 */
function withSupporters(
  head: Pick<Profile, 'budget' | 'voteType' | 'ids' | 'costs'> & { scores?: Float64Array },
  ballotStart: Int32Array,
  ballotProjects: Int32Array,
  ballotWeights: Float64Array,
  unit = false,
): Profile {
  const m = head.ids.length;
  const { start, voters, weights } = supportersOf(
    m,
    ballotStart,
    ballotProjects,
    ballotWeights,
    unit,
  );
  const votes = new Int32Array(m);
  for (let c = 0; c < m; c++) votes[c] = (start[c + 1] as number) - (start[c] as number);
  return {
    budget: head.budget,
    voteType: head.voteType,
    n: ballotStart.length - 1,
    m,
    ids: head.ids,
    costs: head.costs,
    start,
    voters,
    weights,
    votes,
    scores: head.scores ?? Float64Array.from(votes),
    ballotStart,
    ballotProjects,
    ballotWeights,
  };
}
