// All SQL of the decisions module. Every query is scoped by its network, or by a decision
// found within its network.
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  type DecisionBody,
  type DecisionKind,
  type DecisionStatus,
  type DissentItem,
  decisionConsentKinds,
  decisionConsents,
  decisions,
  decisionVersions,
  type InvolvementLevel,
  type StrengthEffect,
} from './tables.js';

/** The fields a person fills in on the decision form. */
export interface DecisionFields {
  title: string;
  body: string;
  reasons: string;
  kind: DecisionKind;
  decidedBy: DecisionBody;
  decidedByName: string;
  decidedOn: string | null;
  meetingId: number | null;
  involvement: InvolvementLevel;
  involvementWho: string;
  involvementCount: number | null;
  effect: StrengthEffect;
  effectReasoning: string;
  dissent: DissentItem[];
  dissentNoneCame: boolean;
  dissentInvited: string;
  signalIds: number[];
  experimentIds: number[];
  lessonIds: number[];
  reviewOn: string;
  isInternal: boolean;
}

export interface DecisionRow extends DecisionFields {
  id: number;
  networkId: number;
  status: DecisionStatus;
  consentRequested: boolean;
  reviewEffect: StrengthEffect | null;
  reviewText: string;
  reviewedOn: string | null;
  version: number;
  createdBy: number | null;
  updatedBy: number | null;
  reviewedBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A decision as one version of the history keeps it: everything but who and when. */
export type Snapshot = Omit<
  DecisionRow,
  'id' | 'networkId' | 'createdBy' | 'updatedBy' | 'reviewedBy' | 'createdAt' | 'updatedAt'
>;

export interface VersionRow {
  version: number;
  change: string;
  snapshot: Snapshot;
  changedBy: number | null;
  changedAt: Date;
}

const columns = {
  id: decisions.id,
  networkId: decisions.networkId,
  title: decisions.title,
  body: decisions.body,
  reasons: decisions.reasons,
  kind: decisions.kind,
  decidedBy: decisions.decidedBy,
  decidedByName: decisions.decidedByName,
  decidedOn: decisions.decidedOn,
  meetingId: decisions.meetingId,
  involvement: decisions.involvement,
  involvementWho: decisions.involvementWho,
  involvementCount: decisions.involvementCount,
  effect: decisions.effect,
  effectReasoning: decisions.effectReasoning,
  dissent: decisions.dissent,
  dissentNoneCame: decisions.dissentNoneCame,
  dissentInvited: decisions.dissentInvited,
  signalIds: decisions.signalIds,
  experimentIds: decisions.experimentIds,
  lessonIds: decisions.lessonIds,
  reviewOn: decisions.reviewOn,
  isInternal: decisions.isInternal,
  status: decisions.status,
  consentRequested: decisions.consentRequested,
  reviewEffect: decisions.reviewEffect,
  reviewText: decisions.reviewText,
  reviewedOn: decisions.reviewedOn,
  version: decisions.version,
  createdBy: decisions.createdBy,
  updatedBy: decisions.updatedBy,
  reviewedBy: decisions.reviewedBy,
  createdAt: decisions.createdAt,
  updatedAt: decisions.updatedAt,
};

/** The newest first: by the day it was decided, proposals (no day yet) by when recorded. */
const newestFirst = [
  desc(sql`coalesce(${decisions.decidedOn}, ${decisions.createdAt}::date)`),
  desc(decisions.id),
];

export function decisionsRepository(db: Executor) {
  return {
    async insertDecision(
      values: DecisionFields & {
        networkId: number;
        status: DecisionStatus;
        consentRequested: boolean;
        createdBy: number | null;
      },
    ): Promise<DecisionRow> {
      const rows = await db
        .insert(decisions)
        .values({ ...values, updatedBy: values.createdBy })
        .returning(columns);
      return rows[0]!;
    },

    /** Changes a decision and counts the version up; the row as it is now. */
    async updateDecision(
      networkId: number,
      decisionId: number,
      values: Partial<
        DecisionFields &
          Pick<
            DecisionRow,
            | 'status'
            | 'consentRequested'
            | 'reviewEffect'
            | 'reviewText'
            | 'reviewedOn'
            | 'reviewedBy'
            | 'updatedBy'
          >
      >,
    ): Promise<DecisionRow> {
      const rows = await db
        .update(decisions)
        .set({ ...values, version: sql`${decisions.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(decisions.networkId, networkId), eq(decisions.id, decisionId)))
        .returning(columns);
      return rows[0]!;
    },

    /** Asks the council's consent for the current version (the version stays the same). */
    async markConsentRequested(networkId: number, decisionId: number): Promise<void> {
      await db
        .update(decisions)
        .set({ consentRequested: true, updatedAt: sql`now()` })
        .where(and(eq(decisions.networkId, networkId), eq(decisions.id, decisionId)));
    },

    /**
     * The decision's row, locked until the transaction ends: every change (edit, status,
     * consent, review) takes this lock, so two of them never decide on the same version
     * (two council members consenting at once both count, and the last one decides).
     */
    async lockDecision(networkId: number, decisionId: number): Promise<DecisionRow | undefined> {
      const rows = await db
        .select(columns)
        .from(decisions)
        .where(and(eq(decisions.networkId, networkId), eq(decisions.id, decisionId)))
        .for('update');
      return rows[0];
    },

    async findDecision(networkId: number, decisionId: number): Promise<DecisionRow | undefined> {
      const rows = await db
        .select(columns)
        .from(decisions)
        .where(and(eq(decisions.networkId, networkId), eq(decisions.id, decisionId)))
        .limit(1);
      return rows[0];
    },

    /** The network's decisions, newest first. */
    async listDecisions(networkId: number): Promise<DecisionRow[]> {
      return db
        .select(columns)
        .from(decisions)
        .where(eq(decisions.networkId, networkId))
        .orderBy(...newestFirst);
    },

    /** Decided, and the review date has come: the "te herzien" list, the oldest date first. */
    async listDueForReview(networkId: number, today: string): Promise<DecisionRow[]> {
      return db
        .select(columns)
        .from(decisions)
        .where(
          and(
            eq(decisions.networkId, networkId),
            eq(decisions.status, 'decided'),
            lte(decisions.reviewOn, today),
          ),
        )
        .orderBy(asc(decisions.reviewOn), asc(decisions.id));
    },

    /**
     * Not internal, decided, review date come, in any of these networks (a leader's
     * overview): `{ id, networkId, title, reviewOn }[]`, the oldest date first, at most `limit`.
     */
    async listDueForReviewIn(networkIds: readonly number[], today: string, limit: number) {
      if (networkIds.length === 0) return [];
      return db
        .select({
          id: decisions.id,
          networkId: decisions.networkId,
          title: decisions.title,
          reviewOn: decisions.reviewOn,
        })
        .from(decisions)
        .where(
          and(
            inArray(decisions.networkId, [...networkIds]),
            eq(decisions.status, 'decided'),
            eq(decisions.isInternal, false),
            lte(decisions.reviewOn, today),
          ),
        )
        .orderBy(asc(decisions.reviewOn), asc(decisions.id))
        .limit(limit);
    },

    /** Decided or reviewed since `since`, not internal: the public page. */
    async listPublicSince(networkId: number, since: string): Promise<DecisionRow[]> {
      return db
        .select(columns)
        .from(decisions)
        .where(
          and(
            eq(decisions.networkId, networkId),
            inArray(decisions.status, ['decided', 'reviewed']),
            eq(decisions.isInternal, false),
            gte(decisions.decidedOn, since),
          ),
        )
        .orderBy(...newestFirst);
    },

    async insertVersion(values: {
      decisionId: number;
      version: number;
      change: string;
      snapshot: Snapshot;
      changedBy: number | null;
    }): Promise<void> {
      await db.insert(decisionVersions).values({
        ...values,
        snapshot: values.snapshot as unknown as Record<string, unknown>,
      });
    },

    /** Every version, the newest first. */
    async listVersions(decisionId: number): Promise<VersionRow[]> {
      const rows = await db
        .select({
          version: decisionVersions.version,
          change: decisionVersions.change,
          snapshot: decisionVersions.snapshot,
          changedBy: decisionVersions.changedBy,
          changedAt: decisionVersions.changedAt,
        })
        .from(decisionVersions)
        .where(eq(decisionVersions.decisionId, decisionId))
        .orderBy(desc(decisionVersions.version), desc(decisionVersions.id));
      return rows.map((r) => ({ ...r, snapshot: r.snapshot as unknown as Snapshot }));
    },

    /** Who consented to this version of the decision. */
    async listConsents(decisionId: number, version: number): Promise<number[]> {
      const rows = await db
        .select({ personId: decisionConsents.personId })
        .from(decisionConsents)
        .where(
          and(eq(decisionConsents.decisionId, decisionId), eq(decisionConsents.version, version)),
        );
      return rows.map((r) => r.personId);
    },

    async insertConsent(decisionId: number, personId: number, version: number): Promise<void> {
      await db
        .insert(decisionConsents)
        .values({ decisionId, personId, version })
        .onConflictDoNothing();
    },

    async listConsentKinds(networkId: number): Promise<DecisionKind[]> {
      const rows = await db
        .select({ kind: decisionConsentKinds.kind })
        .from(decisionConsentKinds)
        .where(eq(decisionConsentKinds.networkId, networkId))
        .orderBy(asc(decisionConsentKinds.kind));
      return rows.map((r) => r.kind);
    },

    async replaceConsentKinds(networkId: number, kinds: readonly DecisionKind[]): Promise<void> {
      await db.delete(decisionConsentKinds).where(eq(decisionConsentKinds.networkId, networkId));
      if (kinds.length > 0) {
        await db
          .insert(decisionConsentKinds)
          .values(kinds.map((kind) => ({ networkId, kind })))
          .onConflictDoNothing();
      }
    },

    /** For the pulse: how many decisions of these networks are due for review on `today`. */
    async countDueForReview(networkIds: readonly number[], today: string): Promise<number> {
      if (networkIds.length === 0) return 0;
      const rows = await db
        .select({ n: count() })
        .from(decisions)
        .where(
          and(
            inArray(decisions.networkId, [...networkIds]),
            eq(decisions.status, 'decided'),
            lte(decisions.reviewOn, today),
          ),
        );
      return rows[0]?.n ?? 0;
    },

    /** Decisions for the search index: all, or those with these ids. */
    async listDecisionsForIndex(ids?: readonly number[]): Promise<DecisionRow[]> {
      const q = db.select(columns).from(decisions);
      if (ids === undefined) return q.orderBy(asc(decisions.id));
      if (ids.length === 0) return [];
      return q.where(inArray(decisions.id, [...ids]));
    },

    // ── Person data ─────────────────────────────────────────────────────────────────────

    /** Decisions a person recorded, changed last or reviewed. */
    async listAuthoredBy(personId: number) {
      return db
        .select({
          id: decisions.id,
          networkId: decisions.networkId,
          title: decisions.title,
          status: decisions.status,
          recorded: sql<boolean>`${decisions.createdBy} = ${personId}`,
          reviewed: sql<boolean>`coalesce(${decisions.reviewedBy} = ${personId}, false)`,
        })
        .from(decisions)
        .where(
          sql`${decisions.createdBy} = ${personId} or ${decisions.updatedBy} = ${personId} or ${decisions.reviewedBy} = ${personId}`,
        )
        .orderBy(asc(decisions.id));
    },

    /** The versions a person made, by decision. */
    async listChangesBy(personId: number) {
      return db
        .select({
          decisionId: decisionVersions.decisionId,
          version: decisionVersions.version,
          change: decisionVersions.change,
          changedAt: decisionVersions.changedAt,
        })
        .from(decisionVersions)
        .where(eq(decisionVersions.changedBy, personId))
        .orderBy(asc(decisionVersions.decisionId), asc(decisionVersions.version));
    },

    async listConsentsBy(personId: number) {
      return db
        .select({
          decisionId: decisionConsents.decisionId,
          version: decisionConsents.version,
          consentedAt: decisionConsents.consentedAt,
        })
        .from(decisionConsents)
        .where(eq(decisionConsents.personId, personId))
        .orderBy(asc(decisionConsents.decisionId), asc(decisionConsents.version));
    },

    /**
     * Erasure: decisions and their history stay without the person's name; their consents
     * are removed (a decision the council consented to stays decided, and its history says
     * when that happened).
     */
    async detachPerson(personId: number): Promise<void> {
      await db.update(decisions).set({ createdBy: null }).where(eq(decisions.createdBy, personId));
      await db.update(decisions).set({ updatedBy: null }).where(eq(decisions.updatedBy, personId));
      await db
        .update(decisions)
        .set({ reviewedBy: null })
        .where(eq(decisions.reviewedBy, personId));
      await db
        .update(decisionVersions)
        .set({ changedBy: null })
        .where(eq(decisionVersions.changedBy, personId));
      await db.delete(decisionConsents).where(eq(decisionConsents.personId, personId));
    },
  };
}

export type DecisionsRepository = ReturnType<typeof decisionsRepository>;
