// Tables of the neighbourhood budget (wijkbudget): rounds, proposals, voting codes, and — kept
// apart on purpose — the record of who voted and the secret ballots. Nothing links the two:
// ballots carry a random id, the round and the day only; the voted-records carry no time.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Foreign keys only: tables.ts may name another module's tables (see decision 0005).
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

/** The phases of a round, in order (fase): what residents can do in each. */
export const phases = [
  'submission',
  'review',
  'voting',
  'counting',
  'results',
  'realisation',
] as const;
export type Phase = (typeof phases)[number];

/**
 * How a ballot is filled in: approve projects within the budget, approve at most k projects,
 * or spread a number of points.
 */
export const ballotTypes = ['approval-budget', 'approval-k', 'points'] as const;
export type BallotType = (typeof ballotTypes)[number];

export const budgetRounds = pgTable(
  'budget_rounds',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The money to spend, in whole euro cents. */
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    phase: text('phase', { enum: phases }).notNull().default('submission'),
    /** Planned dates (Amsterdam calendar days, YYYY-MM-DD): information for residents. */
    submissionUntil: date('submission_until', { mode: 'string' }),
    reviewUntil: date('review_until', { mode: 'string' }),
    votingFrom: date('voting_from', { mode: 'string' }),
    votingUntil: date('voting_until', { mode: 'string' }),
    ballotType: text('ballot_type', { enum: ballotTypes }).notNull().default('approval-budget'),
    minSelections: integer('min_selections').notNull().default(1),
    /** For approval-k: k; otherwise an extra upper bound (0 = none). */
    maxSelections: integer('max_selections').notNull().default(0),
    /** For points ballots: the points each voter spreads. */
    pointsTotal: integer('points_total').notNull().default(10),
    /** A rule name of the voting engine's registry (src/pb RULES). */
    rule: text('rule').notNull(),
    ties: text('ties').notNull().default('default'),
    voteByCode: boolean('vote_by_code').notNull().default(true),
    voteByAccount: boolean('vote_by_account').notNull().default(true),
    /** Who may vote (information on the letter and the page): minimum age, 0 = none. */
    minAge: integer('min_age').notNull().default(0),
    /** The stored outcome of the count (rule and greedy), written once by the count. */
    result: jsonb('result'),
    countedAt: timestamp('counted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_rounds_network').on(t.networkId)],
);

export const proposalStatuses = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** Bewonersinitiatieven: what residents propose to spend the budget on. */
export const budgetProposals = pgTable(
  'budget_proposals',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => budgetRounds.id),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    place: text('place').notNull().default(''),
    /** The cost that counts, in euro cents (after review, when the review changed it). */
    costCents: bigint('cost_cents', { mode: 'number' }).notNull(),
    /** The author's own estimate, in euro cents. */
    estimateCents: bigint('estimate_cents', { mode: 'number' }).notNull(),
    /** Public reason for a cost change in review. */
    costReason: text('cost_reason').notNull().default(''),
    status: text('status', { enum: proposalStatuses }).notNull().default('submitted'),
    /** Public reason of the review (required for a rejection). */
    reviewReason: text('review_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_proposals_round').on(t.roundId)],
);

/**
 * Voting codes (stemcodes). `codeHash` is a keyed HMAC (lookup); `sealed` the code encrypted
 * with a key outside the database (AES-256-GCM), so the coordinator can print the letters
 * later and a copy of the database reveals no code.
 */
export const budgetCodes = pgTable(
  'budget_codes',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => budgetRounds.id),
    codeHash: text('code_hash').notNull(),
    sealed: text('sealed').notNull(),
    batch: integer('batch').notNull().default(1),
  },
  (t) => [
    uniqueIndex('budget_codes_hash').on(t.codeHash),
    index('budget_codes_round').on(t.roundId),
  ],
);

/**
 * That a code or an account has voted in a round: no time, no ballot id. The unique indexes
 * make a second ballot for the same code or account impossible.
 */
export const budgetVoters = pgTable(
  'budget_voters',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => budgetRounds.id),
    codeId: integer('code_id').references(() => budgetCodes.id),
    personId: integer('person_id').references(() => peopleModule.tables.people.id),
  },
  (t) => [
    uniqueIndex('budget_voters_code').on(t.codeId).where(sql`${t.codeId} is not null`),
    uniqueIndex('budget_voters_person')
      .on(t.roundId, t.personId)
      .where(sql`${t.personId} is not null`),
  ],
);

/**
 * The secret ballots: a random id, the round, the day (never a finer time), the points per
 * proposal, and the receipt number the voter was given. Read in id order, never insertion order.
 */
export const budgetBallots = pgTable(
  'budget_ballots',
  {
    id: uuid('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => budgetRounds.id),
    castOn: date('cast_on', { mode: 'string' }).notNull(),
    /** Proposal id → points (1 for approval ballots). */
    choices: jsonb('choices').$type<Record<string, number>>().notNull(),
    receipt: text('receipt').notNull(),
  },
  (t) => [
    uniqueIndex('budget_ballots_receipt').on(t.receipt),
    index('budget_ballots_round').on(t.roundId),
  ],
);
