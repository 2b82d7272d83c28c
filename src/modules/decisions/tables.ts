// Tables of the decisions module (besluiten): what was decided, by whom, how residents were
// part of it, the community strength check, the dissent that was heard, the review with
// hindsight; every earlier version of a decision, the council's consents, and per network
// the kinds of decision that need the council's consent. Every decision carries its network.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { meetingsModule } from '../meetings/index.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

/** proposed → decided → reviewed; proposed or decided can be withdrawn. */
export const decisionStatuses = ['proposed', 'decided', 'reviewed', 'withdrawn'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** Who took the decision. */
export const decisionBodies = ['network', 'council', 'municipality', 'organisation'] as const;
export type DecisionBody = (typeof decisionBodies)[number];

/** What a decision is about; a network can require the council's consent per kind. */
export const decisionKinds = [
  'budget',
  'public_space',
  'activities',
  'cooperation',
  'other',
] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** How residents were part of it ("niets meer zonder bewoners"). */
export const involvementLevels = ['co_decided', 'consulted', 'informed', 'not_involved'] as const;
export type InvolvementLevel = (typeof involvementLevels)[number];

/** The community strength check: what the decision does to community life. */
export const strengthEffects = ['strengthens', 'restores', 'replaces', 'sedates'] as const;
export type StrengthEffect = (typeof strengthEffects)[number];

/** One objection that was raised, and what was done with it. */
export interface DissentItem {
  raisedBy: string;
  objection: string;
  response: string;
}

export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    title: text('title').notNull(),
    /** What was decided. */
    body: text('body').notNull(),
    /** Why. */
    reasons: text('reasons').notNull(),
    kind: text('kind', { enum: decisionKinds }).notNull(),
    decidedBy: text('decided_by', { enum: decisionBodies }).notNull(),
    /** The name of the municipality's department or the organisation, when it matters. */
    decidedByName: text('decided_by_name').notNull().default(''),
    /** The day it was (or is to be) decided, Amsterdam calendar date; optional for a proposal. */
    decidedOn: date('decided_on', { mode: 'string' }),
    meetingId: integer('meeting_id').references(() => meetingsModule.tables.meetings.id, {
      onDelete: 'set null',
    }),
    involvement: text('involvement', { enum: involvementLevels }).notNull(),
    /** Who took part (members, a group) — or why residents were not involved. */
    involvementWho: text('involvement_who').notNull().default(''),
    involvementCount: integer('involvement_count'),
    effect: text('effect', { enum: strengthEffects }).notNull(),
    /** The reasoning of the check, in the decider's own words. */
    effectReasoning: text('effect_reasoning').notNull(),
    /** The objections heard; empty only when `dissentNoneCame`. */
    dissent: jsonb('dissent').$type<DissentItem[]>().notNull().default([]),
    /** Dissent was invited and none came; `dissentInvited` says how it was invited. */
    dissentNoneCame: boolean('dissent_none_came').notNull().default(false),
    dissentInvited: text('dissent_invited').notNull().default(''),
    signalIds: integer('signal_ids').array().notNull().default([]),
    experimentIds: integer('experiment_ids').array().notNull().default([]),
    lessonIds: integer('lesson_ids').array().notNull().default([]),
    /** The day after which it should be looked back on. */
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    /** Kept off the public page. */
    isInternal: boolean('is_internal').notNull().default(false),
    status: text('status', { enum: decisionStatuses }).notNull().default('proposed'),
    /** The coordinator asked for the council's consent (the network's rule for its kind). */
    consentRequested: boolean('consent_requested').notNull().default(false),
    /** The check again, with hindsight: what the decision actually did. */
    reviewEffect: text('review_effect', { enum: strengthEffects }),
    reviewText: text('review_text').notNull().default(''),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    /** Counts every change; consents are given to one version. */
    version: integer('version').notNull().default(1),
    /** Null once the person erased their account. */
    createdBy: integer('created_by').references(() => peopleModule.tables.people.id),
    updatedBy: integer('updated_by').references(() => peopleModule.tables.people.id),
    reviewedBy: integer('reviewed_by').references(() => peopleModule.tables.people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decisions_network_status').on(t.networkId, t.status),
    index('decisions_network_review').on(t.networkId, t.reviewOn),
    // The pulse counts decisions that follow up a signal live (decision 0017): few rows.
    index('decisions_network_linked')
      .on(t.networkId, t.decidedOn)
      .where(sql`cardinality(${t.signalIds}) > 0`),
  ],
);

/** Every version of a decision as it was after each change: the history page. */
export const decisionVersions = pgTable(
  'decision_versions',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** What kind of change made this version: created, edited, status, consent, review. */
    change: text('change').notNull(),
    /** The decision's fields after the change (see repository.ts `Snapshot`). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: integer('changed_by').references(() => peopleModule.tables.people.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One row per version: two changes can never both become the same version.
  (t) => [uniqueIndex('decision_versions_decision').on(t.decisionId, t.version)],
);

/** A council member's consent to one version of a decision. */
export const decisionConsents = pgTable(
  'decision_consents',
  {
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id),
    version: integer('version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.personId, t.version] }),
    index('decision_consents_person').on(t.personId),
  ],
);

/** The kinds of decision for which a network requires the council's consent. */
export const decisionConsentKinds = pgTable(
  'decision_consent_kinds',
  {
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    kind: text('kind', { enum: decisionKinds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.kind] })],
);

/**
 * The pulse's monthly summary (decision 0017): decided and reviewed decisions per network,
 * month of `decided_on` ("YYYY-MM"), effect and involvement, `n` of them. Kept current in the
 * same transaction as every change of `decisions` by the triggers of
 * drizzle/0021_pulse_summary_triggers.sql; never written by the application.
 */
export const decisionMonthCounts = pgTable(
  'decision_month_counts',
  {
    networkId: integer('network_id').notNull(),
    month: text('month').notNull(),
    effect: text('effect', { enum: strengthEffects }).notNull(),
    involvement: text('involvement', { enum: involvementLevels }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.month, t.effect, t.involvement] })],
);
