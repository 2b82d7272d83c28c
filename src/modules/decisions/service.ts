// Use cases of decisions: record (as a proposal or as decided), change, decide (with the
// council's consent where the network asks for it), consent, withdraw, review with
// hindsight; the network's consent setting. Every change runs in one transaction on the
// locked decision, keeps the new version in the history and is written to the audit log.
import type { Database, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { peopleModule } from '../people/index.js';
import { searchModule } from '../search/index.js';
import { canMove, consentComplete, isEditable } from './policy.js';
import {
  type DecisionFields,
  type DecisionRow,
  decisionsRepository,
  type Snapshot,
  type VersionRow,
} from './repository.js';
import { decisionsSearch } from './search.js';
import type { DecisionKind, StrengthEffect } from './tables.js';

/** Why a change was refused. */
export type RefusalReason =
  /** The status flow does not allow it (or it is no longer open to change). */
  | 'flow'
  /** Someone changed the decision after the form was shown. */
  | 'changed'
  /** The network has no council members to give the consent its rule asks for. */
  | 'noCouncil';

export type ChangeResult<T = object> = ({ ok: true } & T) | { ok: false; reason: RefusalReason };

/** Who is changing, and from where (for the audit log). */
export interface Change {
  personId: number;
  origin: string;
  today: string;
}

/** The council's consent to a decision: who must consent, who did. */
export interface ConsentState {
  required: boolean;
  council: { personId: number; name: string; consented: boolean }[];
  complete: boolean;
}

function snapshotOf(row: DecisionRow): Snapshot {
  const {
    id: _id,
    networkId: _networkId,
    createdBy: _createdBy,
    updatedBy: _updatedBy,
    reviewedBy: _reviewedBy,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...snapshot
  } = row;
  return snapshot;
}

/** Keeps the new version in the history, writes the audit log and refreshes the search index. */
async function keepVersion(tx: Executor, row: DecisionRow, change: string, by: Change) {
  await decisionsRepository(tx).insertVersion({
    decisionId: row.id,
    version: row.version,
    change,
    snapshot: snapshotOf(row),
    changedBy: by.personId,
  });
  await recordAudit(tx, {
    actorId: by.personId,
    action: `decisions.${change}`,
    result: 'ok',
    objectType: 'decision',
    objectId: row.id,
    networkId: row.networkId,
    origin: by.origin,
    detail: `version ${row.version}`,
  });
  await searchModule.api.refresh(tx, decisionsSearch, 'decision', [row.id]);
}

async function councilOf(tx: Executor, networkId: number): Promise<number[]> {
  return (await peopleModule.api.directory(tx).listMembers(networkId))
    .filter((m) => m.role === 'council')
    .map((m) => m.personId);
}

async function needsConsent(tx: Executor, networkId: number, kind: DecisionKind) {
  return (await decisionsRepository(tx).listConsentKinds(networkId)).includes(kind);
}

export function decisionsService(db: Database) {
  const repo = decisionsRepository(db);
  const directory = peopleModule.api.directory(db);

  return {
    listDecisions: (networkId: number) => repo.listDecisions(networkId),
    findDecision: (networkId: number, id: number) => repo.findDecision(networkId, id),
    listDueForReview: (networkId: number, today: string) => repo.listDueForReview(networkId, today),
    listConsentKinds: (networkId: number) => repo.listConsentKinds(networkId),

    /** Every version with the name of who made it, the newest first. */
    async listHistory(
      decisionId: number,
    ): Promise<(VersionRow & { changedByName: string | null })[]> {
      const versions = await repo.listVersions(decisionId);
      const names = await directory.findNames(
        versions.flatMap((v) => (v.changedBy === null ? [] : [v.changedBy])),
      );
      return versions.map((v) => ({
        ...v,
        changedByName: v.changedBy === null ? null : (names.get(v.changedBy)?.name ?? null),
      }));
    },

    /**
     * For a proposal: whether it needs the council's consent, and who gave it to this
     * version. A decision past the proposal shows none (its history says how it was taken).
     */
    async consentState(decision: DecisionRow): Promise<ConsentState> {
      const required =
        decision.status === 'proposed' &&
        (decision.consentRequested || (await needsConsent(db, decision.networkId, decision.kind)));
      if (!required) return { required, council: [], complete: false };
      const members = (await directory.listMembers(decision.networkId)).filter(
        (m) => m.role === 'council',
      );
      const given = await repo.listConsents(decision.id, decision.version);
      return {
        required,
        council: members.map((m) => ({
          personId: m.personId,
          name: m.name,
          consented: given.includes(m.personId),
        })),
        complete: consentComplete(
          members.map((m) => m.personId),
          given,
        ),
      };
    },

    /**
     * Records a decision. As decided (`decide`): when the network requires the council's
     * consent for its kind, it is kept as a proposal that waits for that consent; the day of
     * the decision is today when none was given.
     */
    async createDecision(
      networkId: number,
      fields: DecisionFields,
      decide: boolean,
      by: Change,
    ): Promise<{ id: number; awaitingConsent: boolean }> {
      return db.transaction(async (tx) => {
        const consent = decide && (await needsConsent(tx, networkId, fields.kind));
        const decided = decide && !consent;
        const row = await decisionsRepository(tx).insertDecision({
          ...fields,
          decidedOn: decided ? (fields.decidedOn ?? by.today) : fields.decidedOn,
          networkId,
          status: decided ? 'decided' : 'proposed',
          consentRequested: consent,
          createdBy: by.personId,
        });
        await keepVersion(tx, row, 'created', by);
        return { id: row.id, awaitingConsent: consent };
      });
    },

    /**
     * Changes the fields of a proposed or decided decision, if nobody changed it since
     * `seenVersion`. A new version: consents given to the earlier one no longer count.
     */
    async updateDecision(
      networkId: number,
      decisionId: number,
      seenVersion: number,
      fields: DecisionFields,
      by: Change,
    ): Promise<ChangeResult> {
      return db.transaction(async (tx) => {
        const r = decisionsRepository(tx);
        const current = await r.lockDecision(networkId, decisionId);
        if (!current || !isEditable(current.status))
          return { ok: false as const, reason: 'flow' as const };
        if (current.version !== seenVersion)
          return { ok: false as const, reason: 'changed' as const };
        const row = await r.updateDecision(networkId, decisionId, {
          ...fields,
          updatedBy: by.personId,
        });
        await keepVersion(tx, row, 'edited', by);
        return { ok: true as const };
      });
    },

    /**
     * Marks a proposal as decided. Where the network requires the council's consent for
     * its kind and not every council member has consented to this version, the proposal
     * waits for them instead (`awaitingConsent`).
     */
    async decide(
      networkId: number,
      decisionId: number,
      by: Change,
    ): Promise<ChangeResult<{ awaitingConsent: boolean }>> {
      return db.transaction(async (tx) => {
        const r = decisionsRepository(tx);
        const current = await r.lockDecision(networkId, decisionId);
        if (!current || !canMove(current.status, 'decided'))
          return { ok: false as const, reason: 'flow' as const };
        if (current.consentRequested || (await needsConsent(tx, networkId, current.kind))) {
          const council = await councilOf(tx, networkId);
          if (council.length === 0) return { ok: false as const, reason: 'noCouncil' as const };
          const given = await r.listConsents(decisionId, current.version);
          if (!consentComplete(council, given)) {
            if (!current.consentRequested) {
              // Asking is not a new version: consents already given to it still count.
              await r.markConsentRequested(networkId, decisionId);
              await recordAudit(tx, {
                actorId: by.personId,
                action: 'decisions.consentRequested',
                result: 'ok',
                objectType: 'decision',
                objectId: decisionId,
                networkId,
                origin: by.origin,
              });
            }
            return { ok: true as const, awaitingConsent: true };
          }
        }
        const row = await r.updateDecision(networkId, decisionId, {
          status: 'decided',
          decidedOn: current.decidedOn ?? by.today,
          updatedBy: by.personId,
        });
        await keepVersion(tx, row, 'decided', by);
        return { ok: true as const, awaitingConsent: false };
      });
    },

    /**
     * A council member's consent to the version they saw. When it is the last one the
     * decision needed, the decision is decided (the day: today, unless one was given).
     */
    async consent(
      networkId: number,
      decisionId: number,
      seenVersion: number,
      by: Change,
    ): Promise<ChangeResult<{ decided: boolean }>> {
      return db.transaction(async (tx) => {
        const r = decisionsRepository(tx);
        const current = await r.lockDecision(networkId, decisionId);
        if (current?.status !== 'proposed' || !current.consentRequested)
          return { ok: false as const, reason: 'flow' as const };
        if (current.version !== seenVersion)
          return { ok: false as const, reason: 'changed' as const };
        await r.insertConsent(decisionId, by.personId, current.version);
        await recordAudit(tx, {
          actorId: by.personId,
          action: 'decisions.consent',
          result: 'ok',
          objectType: 'decision',
          objectId: decisionId,
          networkId,
          origin: by.origin,
          detail: `version ${current.version}`,
        });
        const council = await councilOf(tx, networkId);
        const given = await r.listConsents(decisionId, current.version);
        if (!consentComplete(council, given)) return { ok: true as const, decided: false };
        const row = await r.updateDecision(networkId, decisionId, {
          status: 'decided',
          decidedOn: current.decidedOn ?? by.today,
          updatedBy: by.personId,
        });
        await keepVersion(tx, row, 'consented', by);
        return { ok: true as const, decided: true };
      });
    },

    /** Withdraws a proposed or decided decision. */
    async withdraw(networkId: number, decisionId: number, by: Change): Promise<ChangeResult> {
      return db.transaction(async (tx) => {
        const r = decisionsRepository(tx);
        const current = await r.lockDecision(networkId, decisionId);
        if (!current || !canMove(current.status, 'withdrawn'))
          return { ok: false as const, reason: 'flow' as const };
        const row = await r.updateDecision(networkId, decisionId, {
          status: 'withdrawn',
          updatedBy: by.personId,
        });
        await keepVersion(tx, row, 'withdrawn', by);
        return { ok: true as const };
      });
    },

    /** Records what a decided decision actually did: the check again, with hindsight. */
    async review(
      networkId: number,
      decisionId: number,
      input: { effect: StrengthEffect; text: string },
      by: Change,
    ): Promise<ChangeResult> {
      return db.transaction(async (tx) => {
        const r = decisionsRepository(tx);
        const current = await r.lockDecision(networkId, decisionId);
        if (!current || !canMove(current.status, 'reviewed'))
          return { ok: false as const, reason: 'flow' as const };
        const row = await r.updateDecision(networkId, decisionId, {
          status: 'reviewed',
          reviewEffect: input.effect,
          reviewText: input.text,
          reviewedOn: by.today,
          reviewedBy: by.personId,
          updatedBy: by.personId,
        });
        await keepVersion(tx, row, 'reviewed', by);
        return { ok: true as const };
      });
    },

    /** The kinds of decision for which the network requires the council's consent. */
    async setConsentKinds(networkId: number, kinds: DecisionKind[], by: Change): Promise<void> {
      await db.transaction(async (tx) => {
        await decisionsRepository(tx).replaceConsentKinds(networkId, kinds);
        await recordAudit(tx, {
          actorId: by.personId,
          action: 'decisions.consentKinds',
          result: 'ok',
          objectType: 'network',
          objectId: networkId,
          networkId,
          origin: by.origin,
          detail: kinds.join(',') || 'none',
        });
      });
    },
  };
}

export type DecisionsService = ReturnType<typeof decisionsService>;
