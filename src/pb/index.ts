// The voting engine for neighbourhood budgets: turns ballots into funded projects, fairly and explainably.
// Pure: plain data in, plain data out (pabulib text, rules, explanations); no files, database or HTTP.
export { type ExplainOptions, explainElection, explainProject, percent } from './explain.js';
export { exactScores, type GreedyOptions, greedy, WITHDRAWN_COST } from './greedy.js';
export {
  COMPLETIONS,
  type Completion,
  type CompletionOptions,
  exactCost,
  isExhaustive,
  type MesResult,
  type MesRun,
  mesCandidates,
  mesExactRun,
  mesFloatRun,
  mesRun,
  mesWithCompletion,
  type RunLog,
  sameOutcomeBetween,
  type Utility,
  type VoterClasses,
  voterClasses,
} from './mes.js';
export { LANGS, type Lang, MESSAGES, type Messages, type Noun, WORDS } from './messages.js';
export { readNumber } from './numbers.js';
export type * from './outcome.js';
export {
  PabulibError,
  type PabulibWarning,
  type Parsed,
  type ParseOptions,
  parsePabulib,
} from './pabulib.js';
export { writePabulib } from './pabulib-write.js';
export { type PhragmenVariant, phragmen } from './phragmen.js';
export { buildProfile, type Profile, withDefaultScores } from './profile.js';
export { Rational } from './rational.js';
export {
  type ReaderReason,
  readerMessage,
  type WarningCases,
  type WarningKind,
  warningMessage,
} from './reader-messages.js';
export {
  DEFAULT_RULE,
  fileCounts,
  officialRule,
  officialSelection,
  RULES,
  type RuleSpec,
  type TallyOptions,
  type TunableOption,
  tally,
  unusedOptions,
} from './rules.js';
export { breakTie, TIE_MODES, type TieDecision, type TieMode } from './ties.js';
export type { Ballot, Instance, Project, VoteType } from './types.js';
export { VOTE_TYPES } from './types.js';
