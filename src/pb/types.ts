/** How residents filled in their ballots (the pabulib `vote_type`). */
export type VoteType = 'approval' | 'choose-1' | 'cumulative' | 'scoring' | 'ordinal';

export const VOTE_TYPES: readonly VoteType[] = [
  'approval',
  'choose-1',
  'cumulative',
  'scoring',
  'ordinal',
];

/** One proposal residents could vote on. */
export interface Project {
  id: string;
  /** Cost in the round's currency units; never negative. */
  cost: number;
  /** Every other column of the PROJECTS section, as written (e.g. name, votes, selected). */
  fields: Record<string, string>;
}

/** One resident's ballot. */
export interface Ballot {
  voterId: string;
  /** Project ids in ballot order (for ordinal ballots: most preferred first). */
  projects: string[];
  /** Points per project, same order as `projects`; only for cumulative and scoring ballots. */
  points?: number[];
  /** Every other column of the VOTES section (age, sex, ...), as written. */
  fields: Record<string, string>;
}

/** A participatory-budgeting election: what the pabulib format holds, as plain data. */
export interface Instance {
  /** META key/value pairs, in file order. */
  meta: Record<string, string>;
  /** Column order of the PROJECTS section (project_id and cost first). */
  projectColumns: string[];
  projects: Project[];
  /** Column order of the VOTES section (voter_id and vote first). */
  voteColumns: string[];
  ballots: Ballot[];
}
