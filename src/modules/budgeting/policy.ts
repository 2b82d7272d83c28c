// Who may do what with the neighbourhood budget. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf, roleIn } from '../../platform/actor.js';

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
