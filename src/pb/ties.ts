/** How ties between projects are decided, explicitly and reportably. */
import type { Profile } from './profile.js';

/**
 * `default`: lowest cost, then most votes, then project id (numbers by value).
 * `lexicographic`: project id as a string only, as the research library pabutools does.
 * `file`: the order of the PROJECTS section (pabulib lists projects in the official
 * order, so for greedy with the file's counts this is how the city broke the tie).
 */
export type TieMode = 'default' | 'lexicographic' | 'file';
export const TIE_MODES: readonly TieMode[] = ['default', 'lexicographic', 'file'];

/** Which criterion separated the winner of a tie from the runner-up. */
export type TieCriterion = 'cost' | 'votes' | 'id' | 'file' | 'preferred';

/** A tie the engine had to decide, reported with the outcome. */
export interface TieDecision {
  /** What was being decided, e.g. 'greedy order' or 'MES round 3'. */
  context: string;
  between: string[];
  chosen: string;
  decidedBy: TieCriterion;
}

function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length < 16 && b.length < 16) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders tied projects: negative when `a` goes first. Returns the criterion that decided,
 * so a reported tie says why.
 */
export function tieCompare(
  profile: Profile,
  mode: TieMode,
  a: number,
  b: number,
): { order: number; by: TieCriterion } {
  const ia = profile.ids[a] ?? '';
  const ib = profile.ids[b] ?? '';
  const pref = profile.prefer;
  if (pref && pref[a] !== pref[b])
    return { order: (pref[b] ?? 0) - (pref[a] ?? 0), by: 'preferred' };
  if (mode === 'file') return { order: a - b, by: 'file' };
  if (mode === 'lexicographic') return { order: ia < ib ? -1 : ia > ib ? 1 : 0, by: 'id' };
  const dc = (profile.costs[a] ?? 0) - (profile.costs[b] ?? 0);
  if (dc !== 0) return { order: dc, by: 'cost' };
  const dv = (profile.votes[b] ?? 0) - (profile.votes[a] ?? 0);
  if (dv !== 0) return { order: dv, by: 'votes' };
  return { order: compareIds(ia, ib), by: 'id' };
}

/** Picks the winner among tied projects and records the decision in `log`. */
export function breakTie(
  profile: Profile,
  mode: TieMode,
  tied: number[],
  context: string,
  log: TieDecision[],
): number {
  let best = tied[0] as number;
  if (tied.length === 1) return best;
  let decidedBy: TieCriterion = 'id';
  for (const c of tied.slice(1)) if (tieCompare(profile, mode, c, best).order < 0) best = c;
  // The deciding criterion is the one that separates the winner from the closest rival.
  let strongest = -1;
  const rank: Record<TieCriterion, number> = { preferred: 0, cost: 1, votes: 2, id: 3, file: 3 };
  for (const c of tied) {
    if (c === best) continue;
    const by = tieCompare(profile, mode, best, c).by;
    if (rank[by] > strongest) {
      strongest = rank[by];
      decidedBy = by;
    }
  }
  log.push({
    context,
    between: tied.map((c) => profile.ids[c] ?? ''),
    chosen: profile.ids[best] ?? '',
    decidedBy,
  });
  return best;
}
