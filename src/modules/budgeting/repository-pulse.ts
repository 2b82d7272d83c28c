// The budget figures of the pulse, counted in SQL over a set of networks: rounds, ballots and
// who could vote, proposals from residents, and voters with a funded project.
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { budgetBallots, budgetCodes, budgetProposals, budgetRounds } from './tables.js';

/** The budget rounds of a set of networks in a period, added up (never one round apart). */
export interface BudgetPulse {
  /** Rounds started in the period. */
  rounds: number;
  /** Ballots cast in those rounds. */
  ballots: number;
  /** Voting codes handed out (who could vote), in the rounds that use codes. */
  eligible: number;
  /** Ballots in the rounds that use codes: the part of `ballots` that `eligible` is about. */
  ballotsWithEligible: number;
  /** Proposals sent in (withdrawn and hidden ones left out), and those sent by residents. */
  proposals: number;
  proposalsFromResidents: number;
  /** Ballots in counted rounds, and those with at least one funded project chosen. */
  countedBallots: number;
  ballotsWithFunded: number;
}

export function pulseRepository(db: Executor) {
  return {
    /**
     * For the pulse: the rounds of these networks started in [from, to) (Amsterdam calendar
     * dates), added up in SQL. A proposal comes from residents when it came through the public
     * form (no author) or its author is among `residentMembers`, the people module's subquery
     * of `(person_id, network_id)`. A ballot "has a funded project" when one of its choices
     * with points is in the stored count's selection.
     */
    async countRoundsForPulse(
      networkIds: readonly number[],
      from: string,
      to: string,
      residentMembers: SQL,
    ): Promise<BudgetPulse> {
      const empty: BudgetPulse = {
        rounds: 0,
        ballots: 0,
        eligible: 0,
        ballotsWithEligible: 0,
        proposals: 0,
        proposalsFromResidents: 0,
        countedBallots: 0,
        ballotsWithFunded: 0,
      };
      if (networkIds.length === 0) return empty;
      const day = sql`(${budgetRounds.createdAt} at time zone 'Europe/Amsterdam')::date`;
      // Inside a select Drizzle writes bare column names, so the correlated subqueries name
      // their tables themselves (b: ballots, c: codes, p: proposals of the round r).
      const r = sql.raw('"budget_rounds"');
      const shown = sql`p.status not in ('withdrawn', 'hidden')`;
      const perRound = db
        .select({
          counted: sql<boolean>`(${r}.result is not null)`.as('counted'),
          ballots:
            sql<number>`(select count(*) from ${budgetBallots} b where b.round_id = ${r}.id)`.as(
              'ballots',
            ),
          funded:
            sql<number>`(select count(*) from ${budgetBallots} b where b.round_id = ${r}.id and exists (select 1 from jsonb_each_text(b.choices) c where c.value::numeric > 0 and c.key in (select jsonb_array_elements_text(${r}.result -> 'outcome' -> 'selected'))))`.as(
              'funded',
            ),
          codes: sql<number>`(select count(*) from ${budgetCodes} c where c.round_id = ${r}.id)`.as(
            'codes',
          ),
          proposals:
            sql<number>`(select count(*) from ${budgetProposals} p where p.round_id = ${r}.id and ${shown})`.as(
              'proposals',
            ),
          fromResidents:
            sql<number>`(select count(*) from ${budgetProposals} p where p.round_id = ${r}.id and ${shown} and (p.author_id is null or (p.author_id, ${r}.network_id) in (${residentMembers})))`.as(
              'from_residents',
            ),
        })
        .from(budgetRounds)
        .where(
          and(
            inArray(budgetRounds.networkId, [...networkIds]),
            sql`${day} >= ${from}::date and ${day} < ${to}::date`,
          ),
        )
        .as('per_round');
      const int = (expr: SQL) => sql<number>`coalesce(${expr}, 0)::int`;
      const rows = await db
        .select({
          rounds: sql<number>`count(*)::int`,
          ballots: int(sql`sum(${perRound.ballots})`),
          eligible: int(sql`sum(${perRound.codes})`),
          ballotsWithEligible: int(
            sql`sum(${perRound.ballots}) filter (where ${perRound.codes} > 0)`,
          ),
          proposals: int(sql`sum(${perRound.proposals})`),
          proposalsFromResidents: int(sql`sum(${perRound.fromResidents})`),
          countedBallots: int(sql`sum(${perRound.ballots}) filter (where ${perRound.counted})`),
          ballotsWithFunded: int(sql`sum(${perRound.funded})`),
        })
        .from(perRound);
      return rows[0] ?? empty;
    },
  };
}
