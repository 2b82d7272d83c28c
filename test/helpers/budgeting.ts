// Budget rounds built straight into the tables, for tests that need a round in its voting
// phase quickly: accepted proposals and voting codes (returned readable, as printed).
import type { Database } from '#src/db/client.js';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import { budgetingService } from '#src/modules/budgeting/service.js';
import type { BallotType } from '#src/modules/budgeting/tables.js';
import { DEFAULT_RULE } from '#src/pb/index.js';
import { testConfig } from './app.js';

export async function createVotingRound(
  db: Database,
  networkId: number,
  options: {
    codes?: number;
    rule?: string;
    budgetCents?: number;
    ballotType?: BallotType;
    maxSelections?: number;
    proposals?: { title: string; costCents: number }[];
  } = {},
) {
  const repo = budgetingRepository(db);
  const service = budgetingService(db, testConfig().cookieSecret!);
  const roundId = await repo.insertRound(networkId, {
    title: 'Wijkbudget Testwijk',
    description: '',
    budgetCents: options.budgetCents ?? 1_000_000,
    submissionUntil: null,
    reviewUntil: null,
    votingFrom: null,
    votingUntil: null,
    ballotType: options.ballotType ?? 'approval-budget',
    minSelections: 1,
    maxSelections: options.maxSelections ?? 0,
    pointsTotal: 10,
    rule: options.rule ?? DEFAULT_RULE,
    ties: 'default',
    voteByCode: true,
    voteByAccount: true,
    minAge: 0,
  });
  const ids: number[] = [];
  for (const p of options.proposals ?? [
    { title: 'Speeltuin', costCents: 400_000 },
    { title: 'Moestuin', costCents: 300_000 },
    { title: 'Buurtfeest', costCents: 500_000 },
  ]) {
    ids.push(
      await repo.insertProposal({
        roundId,
        networkId,
        authorId: null,
        title: p.title,
        description: `Over ${p.title}`,
        place: '',
        costCents: p.costCents,
        status: 'accepted',
      }),
    );
  }
  await repo.updateRound(networkId, roundId, { phase: 'voting' });
  const round = (await repo.findRound(networkId, roundId))!;
  const doer = { personId: null, origin: 'test' };
  if (options.codes) await service.generateCodes(round, options.codes, doer);
  const codes = options.codes ? await service.listCodesForPrint(round, doer, 'test') : [];
  return { roundId, ids, codes, service };
}
