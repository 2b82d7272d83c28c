// Use cases of the neighbourhood budget: rounds and their phases, proposals and review,
// voting codes, secret ballots and the count. Transactions live here. A change to the rules,
// budget or proposals after the first ballot is refused (FrozenError) and audited.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { tally } from '../../pb/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { UploadedPhoto } from '../../platform/photos.js';
import { rateLimitKeys } from '../../platform/rate-limit.js';
import { platformRepository } from '../../platform/repository.js';
import { toLocal } from '../../platform/time.js';
import { buildInstance, checkBallot } from './ballot.js';
import { codeKeys, normaliseVotingCode } from './codes.js';
import { type FrozenRound, frozenRoundCache } from './frozen-rounds.js';
import { noticeResults, noticeReview } from './notices.js';
import {
  budgetingRepository,
  type ProposalRow,
  type RoundRow,
  type RoundSettings,
} from './repository.js';
import { refreshProposalIndex } from './search.js';
import { codesService } from './service-codes.js';
import {
  auditRound,
  type BindResult,
  type CastResult,
  type Choices,
  changeUnlessFrozen,
  type Doer,
  type PhotoProblem,
  preparePhoto,
  type StoredResult,
  WRONG_CODES_MAX,
  WRONG_CODES_WINDOW_MS,
} from './service-common.js';
import type { Phase } from './tables.js';

export * from './service-common.js';

export function budgetingService(db: Database, codeSecret: string) {
  const repo = budgetingRepository(db);
  const keys = codeKeys(codeSecret);
  const limitKey = rateLimitKeys(codeSecret);
  /** Rules and costs of rounds with a ballot: frozen, so checked without a query. */
  const frozenRounds = frozenRoundCache();

  /** Counts and audits a wrong code from an address: 'limited' once it has tried too many. */
  async function countWrongCode(round: RoundRow, origin: string): Promise<'wrong' | 'limited'> {
    const { count } = await platformRepository(db).incrementRateLimit(
      limitKey(`budget-code|${origin}`),
      WRONG_CODES_WINDOW_MS,
    );
    await auditRound(db, { personId: null, origin }, 'budget.code.wrong', round, 'denied');
    return count > WRONG_CODES_MAX ? 'limited' : 'wrong';
  }

  return {
    findRound: (networkId: number, roundId: number) => repo.findRound(networkId, roundId),
    listRounds: (networkId: number) => repo.listRounds(networkId),
    listProposals: repo.listProposals,
    findProposal: repo.findProposal,
    countBallots: repo.countBallots,
    countVoters: repo.countVoters,
    countCodes: repo.countCodes,
    hasVoted: repo.hasVoted,

    async createRound(networkId: number, settings: RoundSettings, doer: Doer): Promise<number> {
      return db.transaction(async (tx) => {
        const id = await budgetingRepository(tx).insertRound(networkId, settings);
        await auditRound(tx, doer, 'budget.round.create', { id, networkId });
        return id;
      });
    },

    /** Changes the settings; refused with FrozenError once the round has a ballot. */
    async updateRound(networkId: number, roundId: number, settings: RoundSettings, doer: Doer) {
      await changeUnlessFrozen(db, networkId, roundId, doer, 'budget.round.update', (tx) =>
        budgetingRepository(tx).updateRound(networkId, roundId, settings),
      );
    },

    /** Moves the round to another phase (audited with the old and new phase). */
    async changePhase(networkId: number, roundId: number, phase: Phase, doer: Doer) {
      frozenRounds.forget(roundId);
      await db.transaction(async (tx) => {
        const r = budgetingRepository(tx);
        const round = await r.lockRound(networkId, roundId, 'update');
        if (!round) throw new Error('round not found');
        await r.updateRound(networkId, roundId, { phase });
        // The letters are sent: their addresses go once the voting phase ends.
        if (round.phase === 'voting' && phase !== 'voting') await r.eraseAddresses(roundId);
        await auditRound(tx, doer, 'budget.round.phase', round, 'ok', `${round.phase} -> ${phase}`);
      });
    },

    /**
     * Stores a proposal in review (status submitted), from a member or through the public
     * page (no author), with its optional photo re-encoded; or the photo's problem.
     */
    async submitProposal(
      round: RoundRow,
      authorId: number | null,
      input: {
        title: string;
        description: string;
        place: string;
        costCents: number;
        photo?: UploadedPhoto | undefined;
        photoDescription?: string;
      },
      origin = '',
    ): Promise<{ ok: true; id: number } | { ok: false; problem: PhotoProblem }> {
      const prepared = await preparePhoto(input.photo);
      if (!prepared.ok) return prepared;
      const id = await db.transaction(async (tx) => {
        const r = budgetingRepository(tx);
        const photoId = prepared.photo
          ? await r.insertPhoto({
              networkId: round.networkId,
              ...prepared.photo,
              description: input.photoDescription ?? '',
            })
          : null;
        const proposalId = await r.insertProposal({
          roundId: round.id,
          networkId: round.networkId,
          authorId,
          title: input.title,
          description: input.description,
          place: input.place,
          costCents: input.costCents,
          photoId,
        });
        await recordAudit(tx, {
          actorId: authorId,
          action: 'budget.proposal.submit',
          result: 'ok',
          objectType: 'budget_proposal',
          objectId: proposalId,
          networkId: round.networkId,
          origin,
          detail: authorId === null ? 'public form' : undefined,
        });
        return proposalId;
      });
      return { ok: true, id };
    },

    /**
     * Review: accepted or rejected with a public reason, and optionally a new cost with its
     * public reason; the author is told what changed (notices.ts). Refused with FrozenError
     * once the round has a ballot.
     */
    async reviewProposal(
      round: RoundRow,
      proposal: ProposalRow,
      review: {
        status: 'accepted' | 'rejected';
        reason: string;
        costCents: number;
        costReason: string;
      },
      doer: Doer,
    ) {
      await changeUnlessFrozen(
        db,
        round.networkId,
        round.id,
        doer,
        'budget.proposal.review',
        async (tx) => {
          const r = budgetingRepository(tx);
          // As it is now: the round is locked, so a review at the same time waits for this one.
          const before = (await r.findProposal(round.id, proposal.id)) ?? proposal;
          await r.updateProposal(round.id, proposal.id, {
            status: review.status,
            reviewReason: review.reason,
            costCents: review.costCents,
            costReason:
              review.costCents === before.costCents ? before.costReason : review.costReason,
          });
          await refreshProposalIndex(tx, [proposal.id]);
          // The author is told what changed (issue 13), in this transaction.
          await noticeReview(tx, round, before, review, doer.personId);
        },
      );
    },

    /** The author withdraws a proposal (before voting; FrozenError once there are ballots). */
    async withdrawProposal(round: RoundRow, proposal: ProposalRow, doer: Doer) {
      await changeUnlessFrozen(
        db,
        round.networkId,
        round.id,
        doer,
        'budget.proposal.withdraw',
        async (tx) => {
          await budgetingRepository(tx).updateProposal(round.id, proposal.id, {
            status: 'withdrawn',
          });
          await refreshProposalIndex(tx, [proposal.id]);
        },
      );
    },

    /**
     * Adds a realisation update to a funded project (text, progress in percent, money spent in
     * cents, optional photo re-encoded); audited. Or the photo's problem.
     */
    async addUpdate(
      round: RoundRow,
      proposal: ProposalRow,
      input: {
        text: string;
        progress: number;
        spentCents: number;
        photo?: UploadedPhoto | undefined;
        photoDescription?: string;
      },
      doer: Doer,
    ): Promise<{ ok: true; id: number } | { ok: false; problem: PhotoProblem }> {
      const prepared = await preparePhoto(input.photo);
      if (!prepared.ok) return prepared;
      const id = await db.transaction(async (tx) => {
        const r = budgetingRepository(tx);
        const photoId = prepared.photo
          ? await r.insertPhoto({
              networkId: round.networkId,
              ...prepared.photo,
              description: input.photoDescription ?? '',
            })
          : null;
        const updateId = await r.insertUpdate({
          roundId: round.id,
          proposalId: proposal.id,
          authorId: doer.personId,
          text: input.text,
          photoId,
          progress: input.progress,
          spentCents: input.spentCents,
        });
        await auditRound(
          tx,
          doer,
          'budget.realisation.update',
          round,
          'ok',
          `proposal ${proposal.id}`,
        );
        return updateId;
      });
      return { ok: true, id };
    },

    listUpdates: repo.listUpdates,
    listPhotoDescriptions: repo.listPhotoDescriptions,
    findPhoto: repo.findPhoto,

    ...codesService(db, keys),

    /**
     * A signed-in resident binds the code of their letter to their account (decision 0011):
     * from then on the code and the account share one vote, whichever is used first. Wrong
     * codes count towards the address's limit like any wrong code; the binding is audited
     * (never with the code).
     */
    async bindCode(
      round: RoundRow,
      personId: number,
      typed: string,
      origin: string,
    ): Promise<BindResult> {
      const plain = normaliseVotingCode(typed);
      const result = await db.transaction(async (tx): Promise<BindResult | 'missing'> => {
        const r = budgetingRepository(tx);
        await r.lockRound(round.networkId, round.id, 'share');
        const code = plain ? await r.findCode(round.id, keys.hash(plain)) : undefined;
        if (!code) return 'missing';
        if (code.personId === personId) return 'ok';
        if (code.personId !== null) return 'taken';
        if (code.used) return 'used';
        if (await r.findCodeOfPerson(round.id, personId)) return 'other';
        if (!(await r.bindCode(code.id, personId))) return 'used';
        await auditRound(tx, { personId, origin }, 'budget.code.bind', round);
        return 'ok';
      });
      if (result !== 'missing') {
        if (result !== 'ok')
          await auditRound(db, { personId, origin }, 'budget.code.bind', round, 'denied', result);
        return result;
      }
      return countWrongCode(round, origin);
    },

    /** Whether the account may vote now: 'ok', or 'unbound' when the round has codes and
     * none is bound to it yet (decision 0011). */
    async accountReady(round: RoundRow, personId: number): Promise<'ok' | 'unbound'> {
      if (!(await repo.hasCodes(round.id))) return 'ok';
      return (await repo.findCodeOfPerson(round.id, personId)) ? 'ok' : 'unbound';
    },

    /**
     * Checks a typed code: 'ok', 'used', or 'wrong'; 'limited' once this address has tried
     * too many wrong codes (each wrong code is counted and audited).
     */
    async checkCode(
      round: RoundRow,
      typed: string,
      origin: string,
    ): Promise<'ok' | 'used' | 'wrong' | 'limited'> {
      const plain = normaliseVotingCode(typed);
      const found = plain ? await repo.findCode(round.id, keys.hash(plain)) : undefined;
      if (found) return found.used ? 'used' : 'ok';
      return countWrongCode(round, origin);
    },

    countWrongCode,

    /**
     * Casts one ballot in one transaction: the round must be in its voting phase (locked
     * for share, so a change waits), the ballot valid, and the code or account not used
     * before. The voted-record and the ballot share nothing: the ballot gets a random id,
     * the day only, and a receipt derived from the form's idempotency key — so the same
     * form sent again (double click, retry) gets the same receipt and stores nothing twice.
     */
    async castBallot(
      networkId: number,
      roundId: number,
      voter: { code: string } | { personId: number },
      choices: Choices,
      idempotencyKey: string,
    ): Promise<CastResult> {
      const receipt = keys.receipt(idempotencyKey);
      const codeHash = 'code' in voter ? keys.hash(voter.code) : undefined;
      if ('code' in voter && !normaliseVotingCode(voter.code))
        return { ok: false, reason: 'invalid-code' };
      class Rollback extends Error {
        constructor(readonly result: CastResult) {
          super('rollback');
        }
      }
      // Once a round has a ballot its rules and projects are frozen: they are checked from
      // the cache without a query. Before that they are read under the round's share lock.
      const frozen = frozenRounds.get(roundId, networkId);
      if (frozen) {
        const problem = checkBallot(frozen.rules, frozen.costs, choices);
        if (problem) return { ok: false, reason: 'ballot', problem };
      }
      let learned: FrozenRound | undefined;
      try {
        const result = await db.transaction(async (tx) => {
          const r = budgetingRepository(tx);
          if (!frozen || codeHash === undefined) {
            const round = await r.lockRound(networkId, roundId, 'share');
            if (round?.phase !== 'voting') return { ok: false, reason: 'closed' } as const;
            const proposals = await r.listProposals(roundId, ['accepted']);
            learned = {
              networkId,
              rules: round,
              costs: new Map(proposals.map((p) => [p.id, p.costCents])),
            };
            const problem = checkBallot(round, learned.costs, choices);
            if (problem) return { ok: false, reason: 'ballot', problem } as const;
          }
          // A bound code votes with its account and an account with its bound code, so the
          // pair is one voter for the unique indexes (decision 0011). In a round with codes an
          // account votes only through its bound code.
          let recorded: 'ok' | 'closed' | 'wrong' | 'used';
          if (codeHash !== undefined) {
            recorded = await r.insertCodeVoter(networkId, roundId, codeHash);
          } else {
            const { personId } = voter as { personId: number };
            const bound = await r.findCodeOfPerson(roundId, personId);
            let who: { codeId: number; personId: number | null } | { personId: number };
            if (bound) who = { codeId: bound.id, personId };
            else if (await r.hasCodes(roundId)) return { ok: false, reason: 'unbound' } as const;
            else who = { personId };
            recorded = (await r.insertVoter(roundId, who)) ? 'ok' : 'used';
          }
          if (recorded === 'closed') return { ok: false, reason: 'closed' } as const;
          if (recorded === 'wrong') return { ok: false, reason: 'invalid-code' } as const;
          if (recorded === 'used') {
            // Voted before: the same form again gets its receipt; anything else is refused.
            const earlier = await r.findBallotByReceipt(roundId, receipt);
            return earlier
              ? ({ ok: true, receipt, repeated: true } as const)
              : ({ ok: false, reason: 'used' } as const);
          }
          const stored: Record<string, number> = {};
          for (const [id, v] of choices) if (v > 0) stored[String(id)] = v;
          const inserted = await r.insertBallot({
            id: randomUUID(),
            roundId,
            castOn: toLocal(new Date()).date,
            choices: stored,
            receipt,
          });
          // A receipt that exists already: this form was used with another code or account.
          if (!inserted) throw new Rollback({ ok: false, reason: 'replayed' });
          return { ok: true, receipt, repeated: false } as const;
        });
        // A ballot is stored (now or before): the round is frozen from here on.
        if (result.ok && learned) frozenRounds.remember(roundId, learned);
        return result;
      } catch (error) {
        if (error instanceof Rollback) return error.result;
        throw error;
      }
    },

    findBallotByReceipt: repo.findBallotByReceipt,

    /**
     * Counts the votes with the round's rule and with greedy beside it, stores the outcome,
     * moves the round to its results phase, and audits it. The round must be in 'counting'.
     * The first count tells every author of a plan on the ballot the result (notices.ts);
     * a count again (the round taken back to counting) tells no one again: `countedAt` is
     * set from the first count on, read under the round's lock.
     */
    async countVotes(
      round: RoundRow,
      network: { name: string; slug: string; isPublic: boolean },
      doer: Doer,
    ): Promise<StoredResult> {
      return db.transaction(async (tx) => {
        const r = budgetingRepository(tx);
        const locked = await r.lockRound(round.networkId, round.id, 'update');
        if (locked?.phase !== 'counting') throw new Error('round is not in counting');
        const proposals = await r.listProposals(round.id, ['accepted']);
        const instance = buildInstance(
          locked,
          network.name,
          proposals,
          await r.listBallots(round.id),
        );
        const ties = locked.ties === 'lexicographic' ? 'lexicographic' : 'default';
        const result: StoredResult = {
          outcome: tally(instance, locked.rule, { ties }),
          greedy: tally(instance, 'greedy', { ties }),
          ballots: instance.ballots.length,
        };
        await r.updateRound(round.networkId, round.id, {
          result,
          countedAt: new Date(),
          phase: 'results',
        });
        await auditRound(
          tx,
          doer,
          'budget.round.count',
          round,
          'ok',
          `${result.ballots} ballots, rule ${locked.rule}`,
        );
        if (locked.countedAt === null)
          await noticeResults(tx, locked, network, result.outcome, proposals);
        return result;
      });
    },

    /**
     * The anonymised ballots of a round as a pabulib instance (for the download), with the
     * counted outcome as its `selected` column, so `buurtkracht pb check` can re-check it.
     */
    async exportInstance(round: RoundRow, networkName: string) {
      const result = round.result as StoredResult | null;
      return buildInstance(
        round,
        networkName,
        await repo.listProposals(round.id, ['accepted']),
        await repo.listBallots(round.id),
        result?.outcome.selected,
      );
    },
  };
}

export type BudgetingService = ReturnType<typeof budgetingService>;
