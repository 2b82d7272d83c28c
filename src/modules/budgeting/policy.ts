// Who may do what with the neighbourhood budget. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf, roleIn } from '../../platform/actor.js';
import type { Phase } from './tables.js';

export type BudgetingAction =
  | 'budget.view'
  | 'budget.propose'
  | 'budget.review'
  | 'budget.manage'
  | 'budget.voteByAccount';

/**
 * view: members (and admins); propose: members; review: coordinators, council members and
 * professionals (they judge feasibility and cost); manage (rounds, phases, codes, the count):
 * coordinators; voteByAccount: residents and council members of the network (verified by
 * their membership), never professionals.
 */
export function can(
  actor: Actor | undefined,
  action: BudgetingAction,
  resource: { networkId: number },
): boolean {
  if (!actor) return false;
  const role = roleIn(actor, resource.networkId);
  switch (action) {
    case 'budget.view':
      return actor.isAdmin || isMemberOf(actor, resource.networkId);
    case 'budget.propose':
      return isMemberOf(actor, resource.networkId);
    case 'budget.review':
      return (
        isCoordinatorOf(actor, resource.networkId) || role === 'council' || role === 'professional'
      );
    case 'budget.manage':
      return isCoordinatorOf(actor, resource.networkId);
    case 'budget.voteByAccount':
      return role === 'resident' || role === 'council';
  }
}

/** Why a round cannot move to a phase; see phaseChangeRefusal. */
export type PhaseRefusal = 'countedNoVoting' | 'noAccepted' | 'notCounted' | 'frozen';

/**
 * Whether a round may move from its phase to `target`, or why not (issue 13 item 1):
 * - voting again after the count: 'countedNoVoting' (whoever saw the count could still vote);
 * - voting without accepted proposals: 'noAccepted';
 * - results or realisation before the count: 'notCounted';
 * - back to submission or review once a ballot is cast: 'frozen' (rules and projects are).
 * Staying in the same phase is always allowed. Null: allowed.
 */
export function phaseChangeRefusal(
  round: { phase: Phase; counted: boolean },
  target: Phase,
  facts: { acceptedProposals: number; ballots: number },
): PhaseRefusal | null {
  if (target === round.phase) return null;
  if (target === 'voting' && round.counted) return 'countedNoVoting';
  if (target === 'voting' && facts.acceptedProposals === 0) return 'noAccepted';
  if ((target === 'results' || target === 'realisation') && !round.counted) return 'notCounted';
  if ((target === 'submission' || target === 'review') && facts.ballots > 0) return 'frozen';
  return null;
}
