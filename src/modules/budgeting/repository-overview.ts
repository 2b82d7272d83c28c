// The neighbourhood budget's SQL for a network's overview (decision 0014): proposals that
// wait for review, per round.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { budgetProposals, budgetRounds } from './tables.js';

export function budgetingOverviewRepository(db: Executor) {
  return {
    /**
     * Per round of the network that is still taking or reviewing proposals: how many
     * proposals wait for review (`submitted`), oldest round first, at most `limit` rounds.
     */
    async countProposalsInReview(networkId: number, limit: number) {
      return db
        .select({ roundId: budgetRounds.id, title: budgetRounds.title, n: count() })
        .from(budgetProposals)
        .innerJoin(budgetRounds, eq(budgetRounds.id, budgetProposals.roundId))
        .where(
          and(
            eq(budgetRounds.networkId, networkId),
            inArray(budgetRounds.phase, ['submission', 'review']),
            eq(budgetProposals.status, 'submitted'),
          ),
        )
        .groupBy(budgetRounds.id, budgetRounds.title)
        .orderBy(budgetRounds.id)
        .limit(limit);
    },
  };
}
