// Tables of the neighbourhood budget (wijkbudget): rounds, proposals, voting codes, and — kept
// apart on purpose — the record of who voted and the secret ballots. Nothing links the two:
// ballots carry a random id, the round and the day only; the voted-records carry no time.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
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
import { bytea } from '../../platform/columns.js';
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

/**
 * A proposal's photo, re-encoded by the sparks module's photo handling (no location or camera
 * data), in the database because app processes share nothing else. Served only while its
 * proposal is shown.
 */
export const budgetPhotos = pgTable(
  'budget_photos',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: bytea('data').notNull(),
    /** What the photo shows, in the sender's words: its alt text (empty: a general one). */
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_photos_network').on(t.networkId)],
);

/**
 * submitted (in review), accepted (on the ballot), rejected (with a public reason), withdrawn
 * (by its author before voting), hidden (by the coordinator, moderation after publication).
 */
export const proposalStatuses = [
  'submitted',
  'accepted',
  'rejected',
  'withdrawn',
  'hidden',
] as const;
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
    photoId: integer('photo_id').references(() => budgetPhotos.id, { onDelete: 'set null' }),
    /** Moderation after publication: why the coordinator hid it (shown to the author). */
    hiddenReason: text('hidden_reason'),
    moderatedBy: integer('moderated_by').references(() => peopleModule.tables.people.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
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
    /**
     * The account this code belongs to, once the resident typed it while signed in (decision
     * 0010): from then on the code and the account share one vote.
     */
    personId: integer('person_id').references(() => peopleModule.tables.people.id),
    /**
     * The postal address of the letter (codes made from an address list), sealed like the
     * code: kept only to print the letters, erased when the voting phase ends (or by the
     * coordinator). Ballots carry no code, so no ballot leads to an address.
     */
    addressSealed: text('address_sealed'),
  },
  (t) => [
    uniqueIndex('budget_codes_hash').on(t.codeHash),
    index('budget_codes_round').on(t.roundId),
    // One code per account per round.
    uniqueIndex('budget_codes_person')
      .on(t.roundId, t.personId)
      .where(sql`${t.personId} is not null`),
    // The target of budget_voters' binding key below.
    uniqueIndex('budget_codes_id_person').on(t.id, t.personId),
  ],
);

/**
 * That a code or an account has voted in a round: no time, no ballot id. The unique indexes
 * make a second ballot for the same code or account impossible. A code bound to an account
 * is recorded with both (whichever of the two voted), and the binding key makes the pair
 * match the code's binding: so a bound code and its account can only ever vote once together.
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
    foreignKey({
      name: 'budget_voters_binding',
      columns: [t.codeId, t.personId],
      foreignColumns: [budgetCodes.id, budgetCodes.personId],
    }),
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

/**
 * Realisation (uitvoering): the coordinator's updates on a funded project — what happened,
 * an optional photo, the progress in percent and the money spent so far (euro cents).
 */
export const budgetUpdates = pgTable(
  'budget_updates',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => budgetRounds.id),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => budgetProposals.id),
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    text: text('text').notNull(),
    photoId: integer('photo_id').references(() => budgetPhotos.id, { onDelete: 'set null' }),
    progress: integer('progress').notNull(),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_updates_proposal').on(t.proposalId),
    check('budget_updates_progress', sql`${t.progress} between 0 and 100`),
    check('budget_updates_spent', sql`${t.spentCents} >= 0`),
  ],
);
