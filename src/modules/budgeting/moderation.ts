// Budget proposals under moderation after publication (decision 0009): the platform's
// moderation module reports, hides and records withdrawals of proposals through this provider.
// Once a round has a ballot its proposals are frozen: hiding or withdrawing one is refused
// (ModerationRefused: 409 with a clear message, audited by the moderation module).
import type { Executor } from '../../db/client.js';
import { type ModerationProvider, ModerationRefused } from '../../platform/module.js';
import { networkModule } from '../network/index.js';
import { budgetingRepository } from './repository.js';
import { refreshProposalIndex } from './search.js';

async function takeDown(
  db: Executor,
  proposalId: number,
  change: { state: 'hidden' | 'withdrawn'; reason: string | null; by: number; at: Date },
): Promise<boolean> {
  const r = budgetingRepository(db);
  const proposal = await r.findProposalById(proposalId);
  if (!proposal) return false;
  // Locked for update: a first ballot waits for this change, or this change sees the ballot.
  const round = await r.lockRound(proposal.networkId, proposal.roundId, 'update');
  if (!round) return false;
  if ((await r.countBallots(round.id)) > 0) throw new ModerationRefused('budget.moderation.frozen');
  if (change.state === 'withdrawn' && round.phase !== 'submission' && round.phase !== 'review')
    throw new ModerationRefused('budget.moderation.withdrawLate');
  const done = await r.takeDownProposal(proposalId, change);
  if (done) await refreshProposalIndex(db, [proposalId]);
  return done;
}

/** Kind 'proposal': every proposal that stands (submitted, accepted, rejected) is public. */
export const proposalModeration: ModerationProvider = {
  kind: 'proposal',
  async find(db, id) {
    const proposal = await budgetingRepository(db).findProposalById(id);
    if (!proposal) return undefined;
    const network = await networkModule.api.networks(db).findNetworkById(proposal.networkId);
    if (!network) return undefined;
    return {
      kind: 'proposal',
      id: proposal.id,
      networkId: proposal.networkId,
      authorId: proposal.authorId,
      text: `${proposal.title}: ${proposal.description}`,
      state:
        proposal.status === 'hidden'
          ? 'hidden'
          : proposal.status === 'withdrawn'
            ? 'withdrawn'
            : 'published',
      public: true,
      path: `/buurt/${network.slug}/wijkbudget/${proposal.roundId}#voorstel-${proposal.id}`,
    };
  },
  hide: (db, id, change) => takeDown(db, id, { state: 'hidden', ...change }),
  withdraw: (db, id, change) => takeDown(db, id, { state: 'withdrawn', reason: null, ...change }),
};
