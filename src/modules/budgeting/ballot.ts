// The rules of a ballot and the engine's view of a round. Pure: checked on the server for
// every ballot (the browser's budget meter is only a help), and used by the count.
import { DEFAULT_RULE, type Instance, RULES } from '../../pb/index.js';
import type { BallotType } from './tables.js';

/** What a ballot must satisfy: the round's type, bounds and budget (cents). */
export interface BallotRules {
  ballotType: BallotType;
  budgetCents: number;
  minSelections: number;
  /** 0 = no upper bound (for approval-k it is k and must be ≥ 1). */
  maxSelections: number;
  pointsTotal: number;
}

/** Why a ballot is refused, as a message key with its parameters. */
export type BallotProblem =
  | { key: 'budget.ballot.unknown' }
  | { key: 'budget.ballot.tooFew'; min: number }
  | { key: 'budget.ballot.tooMany'; max: number }
  | { key: 'budget.ballot.overBudget' }
  | { key: 'budget.ballot.points'; total: number }
  | { key: 'budget.ballot.pointsInvalid' };

/**
 * Checks a ballot: `choices` maps proposal id → points (1 for approval). Returns the first
 * problem, or null when the ballot is valid. `costs` holds the ballot's proposals (cents).
 */
export function checkBallot(
  rules: BallotRules,
  costs: ReadonlyMap<number, number>,
  choices: ReadonlyMap<number, number>,
): BallotProblem | null {
  let chosen = 0;
  let spent = 0;
  let points = 0;
  for (const [id, value] of choices) {
    const cost = costs.get(id);
    if (cost === undefined) return { key: 'budget.ballot.unknown' };
    if (!Number.isInteger(value) || value < 0) return { key: 'budget.ballot.pointsInvalid' };
    if (rules.ballotType !== 'points' && value !== 1) return { key: 'budget.ballot.pointsInvalid' };
    if (value === 0) continue;
    chosen++;
    spent += cost;
    points += value;
  }
  if (chosen < rules.minSelections)
    return { key: 'budget.ballot.tooFew', min: rules.minSelections };
  if (rules.maxSelections > 0 && chosen > rules.maxSelections)
    return { key: 'budget.ballot.tooMany', max: rules.maxSelections };
  if (rules.ballotType === 'approval-budget' && spent > rules.budgetCents)
    return { key: 'budget.ballot.overBudget' };
  if (rules.ballotType === 'points' && points > rules.pointsTotal)
    return { key: 'budget.ballot.points', total: rules.pointsTotal };
  return null;
}

/** Every rule of the engine's registry, the default first, the others in its order (the calculator's choice). */
export function allRules(): string[] {
  return [DEFAULT_RULE, ...[...RULES.keys()].filter((r) => r !== DEFAULT_RULE)];
}

/**
 * The rules a round may choose from: {@link allRules} without those that need META keys a
 * round does not have (greedy-threshold's threshold).
 */
export function offeredRules(): string[] {
  return allRules().filter((r) => !RULES.get(r)?.needs?.length);
}

/** Cents as the decimal euros the pabulib file and the engine use (1250 → 12.5). */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

/**
 * The round as a pabulib instance: costs and budget in euros, proposals by id, ballots by
 * their random ids (sorted), points for points ballots. This is the file anyone can download.
 */
export function buildInstance(
  round: {
    id: number;
    title: string;
    budgetCents: number;
    ballotType: BallotType;
    rule: string;
    pointsTotal: number;
    maxSelections: number;
    minSelections: number;
  },
  networkName: string,
  proposals: { id: number; title: string; costCents: number }[],
  ballots: { id: string; choices: Record<string, number> }[],
  /** The funded proposal ids of the count, when there is one: the `selected` column. */
  selected?: readonly string[],
): Instance {
  const points = round.ballotType === 'points';
  const voteCounts = new Map<string, number>();
  for (const b of ballots)
    for (const [id, v] of Object.entries(b.choices))
      if (v > 0) voteCounts.set(id, (voteCounts.get(id) ?? 0) + 1);
  const meta: Record<string, string> = {
    description: round.title,
    country: 'Netherlands',
    unit: networkName,
    instance: String(round.id),
    num_projects: String(proposals.length),
    num_votes: String(ballots.length),
    budget: String(centsToEuros(round.budgetCents)),
    vote_type: points ? 'cumulative' : 'approval',
    rule: round.rule,
    currency: 'EUR',
  };
  if (round.minSelections > 0) meta.min_length = String(round.minSelections);
  if (round.maxSelections > 0) meta.max_length = String(round.maxSelections);
  if (points) meta.max_sum_points = String(round.pointsTotal);
  return {
    meta,
    projectColumns: ['project_id', 'cost', 'votes', 'name', ...(selected ? ['selected'] : [])],
    projects: proposals.map((p) => ({
      id: String(p.id),
      cost: centsToEuros(p.costCents),
      fields: {
        name: p.title,
        votes: String(voteCounts.get(String(p.id)) ?? 0),
        ...(selected ? { selected: selected.includes(String(p.id)) ? '1' : '0' } : {}),
      },
    })),
    voteColumns: points ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
    ballots: [...ballots]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((b) => {
        const entries = Object.entries(b.choices)
          .filter(([, v]) => v > 0)
          .sort(([a], [c]) => Number(a) - Number(c));
        return {
          voterId: b.id,
          projects: entries.map(([id]) => id),
          ...(points ? { points: entries.map(([, v]) => v) } : {}),
          fields: {},
        };
      }),
  };
}
