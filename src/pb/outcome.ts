/** What a rule returns: the funded projects plus, for every project, the facts that explain it. */
import type { TieDecision, TieMode } from './ties.js';

/** Why greedy funded a project or passed it by. */
export type GreedyReason =
  | 'funded'
  /** Poznań's rule: did not fit, but at least 80 % of its cost was left. */
  | 'funded-80'
  | 'too-expensive'
  | 'below-threshold'
  | 'stopped'
  /** Cost 999999999 in pabulib: withdrawn after the vote. */
  | 'withdrawn';

export interface GreedyFacts {
  kind: 'greedy';
  reason: GreedyReason;
  /** Place in the greedy order (1 = first); absent when below the threshold. */
  rank?: number;
  /** Budget left when its turn came. */
  budgetLeft?: number;
  /** The score threshold that applied, if any. */
  threshold?: number;
  /** True when ordered by score per unit of cost. */
  perCost?: boolean;
}

/** Why the Method of Equal Shares funded a project or not. */
export type MesReason = 'funded' | 'completion' | 'not-affordable' | 'no-votes' | 'zero-cost';

export interface MesFacts {
  kind: 'mes';
  reason: MesReason;
  /** Round in which MES chose it (1 = first). */
  round?: number;
  /** The most any supporter paid (per point for cardinal ballots). */
  share?: number;
  /** Supporters who paid less than the share because they had less left. */
  paidAllTheyHad?: number;
  /** Cost divided by the share: "effective vote count" (equals the votes when all can pay). */
  effectiveVotes?: number;
  /** For a project not funded: what its supporters had left at the end. */
  moneyLeft?: number;
  /** For a project not funded: the highest cost at which its supporters could have paid it. */
  maxAffordableCost?: number;
  /** For a project not funded: how many more supporters (with a full share) it would need. */
  moreSupportersNeeded?: number;
}

/** Why sequential Phragmén funded a project or not. */
export interface PhragmenFacts {
  kind: 'phragmen';
  /** `stopped`: counting ended (rule phragmen-stop) before its turn. */
  reason: 'funded' | 'too-expensive' | 'no-votes' | 'stopped';
  round?: number;
  /** The (virtual) time at which its supporters had earned enough to buy it. */
  time?: number;
}

export interface ProjectResult {
  id: string;
  cost: number;
  votes: number;
  score: number;
  selected: boolean;
  facts: GreedyFacts | MesFacts | PhragmenFacts;
}

/** The comparison step of `equalshares/add1-comparison`. */
export interface Comparison {
  /** Voters with more funded projects they voted for under MES than under greedy. */
  prefersMes: number;
  prefersGreedy: number;
  /** Which outcome was kept. */
  kept: 'mes' | 'greedy';
  mesSelected: string[];
  greedySelected: string[];
}

export interface Outcome {
  rule: string;
  ties: TieMode;
  budget: number;
  /** Funded project ids, in the order the rule chose them. */
  selected: string[];
  totalCost: number;
  leftover: number;
  /** Share of voters (0..1) with at least one funded project they voted for (0 without voters). */
  coverage: number;
  /** How many voters (ballots in VOTES) there are. */
  voters: number;
  projects: ProjectResult[];
  tieDecisions: TieDecision[];
  /**
   * MES: the per-voter budget of the run that was taken (the nearest double); absent when
   * there are no voters, since nobody then holds one.
   */
  endowment?: number;
  /**
   * MES: that per-voter budget exactly ("44999999999999999999", "100/3"), when `endowment`
   * is not it (whole budgets above 2^53, fractions such as B/n).
   */
  endowmentExact?: string;
  /** MES: the completion used. */
  completion?: string;
  /**
   * MES on ballots with points (cumulative, scoring, ordinal): a supporter pays up to the
   * share per point, so explanations say "per point".
   */
  pointBallots?: boolean;
  comparison?: Comparison;
  /** Runs whose close calls were settled in exact arithmetic. */
  exactRuns?: number;
  /** MES with a completion: fixed-budget runs made (the skip-ahead keeps this small). */
  runs?: number;
  /** Greedy rules: where the scores came from (`file:score`, `file:votes` or `ballots`). */
  counts?: string;
}
