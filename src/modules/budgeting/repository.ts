// All SQL of the neighbourhood budget. Every query is scoped by its network, or by a round
// found within its network. Ballots are read in the order of their random ids only.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { photosAndUpdatesRepository } from './repository-photos.js';
import {
  type BallotType,
  budgetBallots,
  budgetCodes,
  budgetProposals,
  budgetRounds,
  type budgetUpdates,
  budgetVoters,
  type Phase,
  type ProposalStatus,
} from './tables.js';

export type RoundRow = typeof budgetRounds.$inferSelect;
export type ProposalRow = typeof budgetProposals.$inferSelect;
export type UpdateRow = typeof budgetUpdates.$inferSelect;

/** The settings of a round that a coordinator sets (and that freeze at the first ballot). */
export interface RoundSettings {
  title: string;
  description: string;
  budgetCents: number;
  submissionUntil: string | null;
  reviewUntil: string | null;
  votingFrom: string | null;
  votingUntil: string | null;
  ballotType: BallotType;
  minSelections: number;
  maxSelections: number;
  pointsTotal: number;
  rule: string;
  ties: string;
  voteByCode: boolean;
  voteByAccount: boolean;
  minAge: number;
}

export function budgetingRepository(db: Executor) {
  return {
    ...photosAndUpdatesRepository(db),
    async insertRound(networkId: number, settings: RoundSettings): Promise<number> {
      const rows = await db
        .insert(budgetRounds)
        .values({ networkId, ...settings })
        .returning({ id: budgetRounds.id });
      return rows[0]!.id;
    },

    async updateRound(
      networkId: number,
      roundId: number,
      values: Partial<RoundSettings> & { phase?: Phase; result?: unknown; countedAt?: Date },
    ): Promise<void> {
      await db
        .update(budgetRounds)
        .set(values)
        .where(and(eq(budgetRounds.networkId, networkId), eq(budgetRounds.id, roundId)));
    },

    async findRound(networkId: number, roundId: number): Promise<RoundRow | undefined> {
      const rows = await db
        .select()
        .from(budgetRounds)
        .where(and(eq(budgetRounds.networkId, networkId), eq(budgetRounds.id, roundId)))
        .limit(1);
      return rows[0];
    },

    /**
     * The round, locked against changes until the transaction ends: `share` for a ballot
     * (ballots do not block each other), `update` for a change (waits for ballots in flight).
     */
    async lockRound(
      networkId: number,
      roundId: number,
      mode: 'share' | 'update',
    ): Promise<RoundRow | undefined> {
      const rows = await db
        .select()
        .from(budgetRounds)
        .where(and(eq(budgetRounds.networkId, networkId), eq(budgetRounds.id, roundId)))
        .for(mode);
      return rows[0];
    },

    async listRounds(networkId: number): Promise<RoundRow[]> {
      return db
        .select()
        .from(budgetRounds)
        .where(eq(budgetRounds.networkId, networkId))
        .orderBy(sql`${budgetRounds.id} desc`);
    },

    async insertProposal(values: {
      roundId: number;
      networkId: number;
      authorId: number | null;
      title: string;
      description: string;
      place: string;
      costCents: number;
      status?: ProposalStatus;
      reviewReason?: string;
      costReason?: string;
      estimateCents?: number;
      photoId?: number | null;
    }): Promise<number> {
      const rows = await db
        .insert(budgetProposals)
        .values({ estimateCents: values.costCents, ...values })
        .returning({ id: budgetProposals.id });
      return rows[0]!.id;
    },

    /** A proposal by its id alone (moderation looks items up by kind and id). */
    /** Accepted proposals for the search index, with their round's title: all, or of `ids`. */
    async listProposalsForIndex(ids?: readonly number[]) {
      const accepted = eq(budgetProposals.status, 'accepted');
      return db
        .select({
          id: budgetProposals.id,
          roundId: budgetProposals.roundId,
          networkId: budgetProposals.networkId,
          title: budgetProposals.title,
          description: budgetProposals.description,
          place: budgetProposals.place,
          roundTitle: budgetRounds.title,
          createdAt: budgetProposals.createdAt,
        })
        .from(budgetProposals)
        .innerJoin(budgetRounds, eq(budgetRounds.id, budgetProposals.roundId))
        .where(ids ? and(accepted, inArray(budgetProposals.id, [...ids])) : accepted);
    },

    async findProposalById(proposalId: number): Promise<ProposalRow | undefined> {
      const rows = await db
        .select()
        .from(budgetProposals)
        .where(eq(budgetProposals.id, proposalId))
        .limit(1);
      return rows[0];
    },

    /**
     * Moderation: hides or withdraws a proposal that is shown (submitted, accepted or
     * rejected). False when it was hidden or withdrawn already, or is not there.
     */
    async takeDownProposal(
      proposalId: number,
      change: { state: 'hidden' | 'withdrawn'; reason: string | null; by: number; at: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(budgetProposals)
        .set({
          status: change.state,
          hiddenReason: change.reason,
          moderatedBy: change.by,
          moderatedAt: change.at,
        })
        .where(
          and(
            eq(budgetProposals.id, proposalId),
            inArray(budgetProposals.status, ['submitted', 'accepted', 'rejected']),
          ),
        )
        .returning({ id: budgetProposals.id });
      return rows.length > 0;
    },

    async findProposal(roundId: number, proposalId: number): Promise<ProposalRow | undefined> {
      const rows = await db
        .select()
        .from(budgetProposals)
        .where(and(eq(budgetProposals.roundId, roundId), eq(budgetProposals.id, proposalId)))
        .limit(1);
      return rows[0];
    },

    async listProposals(roundId: number, statuses?: ProposalStatus[]): Promise<ProposalRow[]> {
      return db
        .select()
        .from(budgetProposals)
        .where(
          and(
            eq(budgetProposals.roundId, roundId),
            statuses ? inArray(budgetProposals.status, statuses) : undefined,
          ),
        )
        .orderBy(asc(budgetProposals.id));
    },

    async updateProposal(
      roundId: number,
      proposalId: number,
      values: Partial<
        Pick<ProposalRow, 'status' | 'reviewReason' | 'costCents' | 'costReason' | 'authorId'>
      >,
    ): Promise<void> {
      await db
        .update(budgetProposals)
        .set(values)
        .where(and(eq(budgetProposals.roundId, roundId), eq(budgetProposals.id, proposalId)));
    },

    async listProposalsOfAuthor(personId: number): Promise<ProposalRow[]> {
      return db
        .select()
        .from(budgetProposals)
        .where(eq(budgetProposals.authorId, personId))
        .orderBy(asc(budgetProposals.id));
    },

    /** Proposals of an erased person stay, without their author. */
    async clearAuthor(personId: number): Promise<void> {
      await db
        .update(budgetProposals)
        .set({ authorId: null })
        .where(eq(budgetProposals.authorId, personId));
    },

    /** Ids of the rounds in which this person voted with their account. */
    async listRoundsVotedBy(personId: number): Promise<number[]> {
      const rows = await db
        .select({ roundId: budgetVoters.roundId })
        .from(budgetVoters)
        .where(eq(budgetVoters.personId, personId))
        .orderBy(asc(budgetVoters.roundId));
      return rows.map((r) => r.roundId);
    },

    async insertCodes(
      roundId: number,
      batch: number,
      codes: { codeHash: string; sealed: string; addressSealed?: string | null }[],
    ): Promise<void> {
      for (let i = 0; i < codes.length; i += 500) {
        await db
          .insert(budgetCodes)
          .values(codes.slice(i, i + 500).map((c) => ({ roundId, batch, ...c })));
      }
    },

    /** Erases the letters' addresses of a round; returns how many there were. */
    async eraseAddresses(roundId: number): Promise<number> {
      const rows = await db
        .update(budgetCodes)
        .set({ addressSealed: null })
        .where(and(eq(budgetCodes.roundId, roundId), sql`${budgetCodes.addressSealed} is not null`))
        .returning({ id: budgetCodes.id });
      return rows.length;
    },

    async countAddresses(roundId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(budgetCodes)
        .where(
          and(eq(budgetCodes.roundId, roundId), sql`${budgetCodes.addressSealed} is not null`),
        );
      return rows[0]?.n ?? 0;
    },

    async findLastBatch(roundId: number): Promise<number> {
      const rows = await db
        .select({ batch: sql<number>`coalesce(max(${budgetCodes.batch}), 0)::int` })
        .from(budgetCodes)
        .where(eq(budgetCodes.roundId, roundId));
      return rows[0]?.batch ?? 0;
    },

    /** The code with this hash in this round, the account it is bound to, and whether it has been used. */
    async findCode(
      roundId: number,
      codeHash: string,
    ): Promise<{ id: number; personId: number | null; used: boolean } | undefined> {
      const rows = await db
        .select({
          id: budgetCodes.id,
          personId: budgetCodes.personId,
          used: sql<boolean>`exists (select 1 from ${budgetVoters} where ${budgetVoters.codeId} = ${budgetCodes.id})`,
        })
        .from(budgetCodes)
        .where(and(eq(budgetCodes.roundId, roundId), eq(budgetCodes.codeHash, codeHash)))
        .limit(1);
      return rows[0];
    },

    /** The code bound to this account in this round (decision 0011), if any. */
    async findCodeOfPerson(roundId: number, personId: number): Promise<{ id: number } | undefined> {
      const rows = await db
        .select({ id: budgetCodes.id })
        .from(budgetCodes)
        .where(and(eq(budgetCodes.roundId, roundId), eq(budgetCodes.personId, personId)))
        .limit(1);
      return rows[0];
    },

    /**
     * Binds an unbound, unused code to an account. False when it was bound or used meanwhile;
     * the unique index budget_codes_person refuses a second code for the same account.
     */
    async bindCode(codeId: number, personId: number): Promise<boolean> {
      const rows = await db
        .update(budgetCodes)
        .set({ personId })
        .where(
          and(
            eq(budgetCodes.id, codeId),
            sql`${budgetCodes.personId} is null`,
            sql`not exists (select 1 from ${budgetVoters} where ${budgetVoters.codeId} = ${budgetCodes.id})`,
          ),
        )
        .returning({ id: budgetCodes.id });
      return rows.length === 1;
    },

    /** Whether the round has any voting code. */
    async hasCodes(roundId: number): Promise<boolean> {
      const rows = await db
        .select({ id: budgetCodes.id })
        .from(budgetCodes)
        .where(eq(budgetCodes.roundId, roundId))
        .limit(1);
      return rows.length > 0;
    },

    /** Accounts that voted without a code (only possible in a round without codes). */
    async countAccountVotesWithoutCode(roundId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(budgetVoters)
        .where(
          and(
            eq(budgetVoters.roundId, roundId),
            sql`${budgetVoters.codeId} is null`,
            sql`${budgetVoters.personId} is not null`,
          ),
        );
      return rows[0]?.n ?? 0;
    },

    /** Sealed codes of a round (unused only, or all), in the order they were made. */
    async listSealedCodes(
      roundId: number,
      onlyUnused: boolean,
    ): Promise<{ id: number; sealed: string; addressSealed: string | null; used: boolean }[]> {
      return db
        .select({
          id: budgetCodes.id,
          sealed: budgetCodes.sealed,
          addressSealed: budgetCodes.addressSealed,
          used: sql<boolean>`exists (select 1 from ${budgetVoters} where ${budgetVoters.codeId} = ${budgetCodes.id})`,
        })
        .from(budgetCodes)
        .where(
          and(
            eq(budgetCodes.roundId, roundId),
            onlyUnused
              ? sql`not exists (select 1 from ${budgetVoters} where ${budgetVoters.codeId} = ${budgetCodes.id})`
              : undefined,
          ),
        )
        .orderBy(asc(budgetCodes.id));
    },

    async countCodes(roundId: number): Promise<{ total: number; used: number }> {
      const rows = await db
        .select({
          total: sql<number>`count(*)::int`,
          used: sql<number>`count(*) filter (where exists (select 1 from ${budgetVoters} where ${budgetVoters.codeId} = ${budgetCodes.id}))::int`,
        })
        .from(budgetCodes)
        .where(eq(budgetCodes.roundId, roundId));
      return rows[0] ?? { total: 0, used: 0 };
    },

    /**
     * Records that a code or an account voted (a bound code: both). False when it had voted
     * already (the unique indexes decide; a concurrent first use waits for the other
     * transaction and then loses).
     */
    async insertVoter(
      roundId: number,
      who: { codeId: number; personId?: number | null } | { personId: number },
    ): Promise<boolean> {
      const rows = await db
        .insert(budgetVoters)
        .values({ roundId, ...who })
        .onConflictDoNothing()
        .returning({ roundId: budgetVoters.roundId });
      return rows.length === 1;
    },

    /**
     * Records that a code voted, in one statement (one round trip on the ballot path): it
     * holds the round `for share` while it is in its voting phase (a change holds it `for
     * update`, so the two cannot cross), finds the code by its keyed hash, and inserts the
     * voter (with the code's bound account, decision 0011) unless the unique indexes already
     * hold one. 'closed': the round is not voting (or not in this network); 'wrong': no such
     * code in this round; 'used': the code (or its account) voted before; 'ok': recorded.
     */
    async insertCodeVoter(
      networkId: number,
      roundId: number,
      codeHash: string,
    ): Promise<'ok' | 'closed' | 'wrong' | 'used'> {
      const result = await db.execute(sql`
        with open_round as (
          select ${budgetRounds.id} as id from ${budgetRounds}
          where ${budgetRounds.id} = ${roundId} and ${budgetRounds.networkId} = ${networkId}
            and ${budgetRounds.phase} = 'voting'
          for share
        ), code as (
          select ${budgetCodes.id} as id, ${budgetCodes.personId} as person_id from ${budgetCodes}
          where ${budgetCodes.roundId} = ${roundId} and ${budgetCodes.codeHash} = ${codeHash}
        ), voter as (
          insert into ${budgetVoters} (round_id, code_id, person_id)
          select open_round.id, code.id, code.person_id from open_round, code
          on conflict do nothing
          returning 1
        )
        select (select count(*)::int from open_round) as open,
               (select count(*)::int from code) as known,
               (select count(*)::int from voter) as inserted`);
      const row = (
        result as unknown as { rows: { open: number; known: number; inserted: number }[] }
      ).rows[0];
      if (!row || row.open === 0) return 'closed';
      if (row.known === 0) return 'wrong';
      return row.inserted === 1 ? 'ok' : 'used';
    },

    async hasVoted(roundId: number, personId: number): Promise<boolean> {
      const rows = await db
        .select({ n: count() })
        .from(budgetVoters)
        .where(and(eq(budgetVoters.roundId, roundId), eq(budgetVoters.personId, personId)));
      return (rows[0]?.n ?? 0) > 0;
    },

    async countVoters(roundId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(budgetVoters)
        .where(eq(budgetVoters.roundId, roundId));
      return rows[0]?.n ?? 0;
    },

    /** Stores a ballot; false when its receipt exists already (the same form, sent again). */
    async insertBallot(ballot: {
      id: string;
      roundId: number;
      castOn: string;
      choices: Record<string, number>;
      receipt: string;
    }): Promise<boolean> {
      const rows = await db
        .insert(budgetBallots)
        .values(ballot)
        .onConflictDoNothing({ target: budgetBallots.receipt })
        .returning({ id: budgetBallots.id });
      return rows.length === 1;
    },

    async findBallotByReceipt(
      roundId: number,
      receipt: string,
    ): Promise<{ castOn: string } | undefined> {
      const rows = await db
        .select({ castOn: budgetBallots.castOn })
        .from(budgetBallots)
        .where(and(eq(budgetBallots.roundId, roundId), eq(budgetBallots.receipt, receipt)))
        .limit(1);
      return rows[0];
    },

    async countBallots(roundId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(budgetBallots)
        .where(eq(budgetBallots.roundId, roundId));
      return rows[0]?.n ?? 0;
    },

    /** The ballots of a round in the order of their random ids (never insertion order). */
    async listBallots(roundId: number): Promise<{ id: string; choices: Record<string, number> }[]> {
      return db
        .select({ id: budgetBallots.id, choices: budgetBallots.choices })
        .from(budgetBallots)
        .where(eq(budgetBallots.roundId, roundId))
        .orderBy(asc(budgetBallots.id));
    },
  };
}

export type BudgetingRepository = ReturnType<typeof budgetingRepository>;
