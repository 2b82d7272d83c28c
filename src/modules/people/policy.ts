// Who may do what with accounts, members and the audit log. Pure: actor and resource in,
// yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';

export type PeopleAction =
  | 'network.enter'
  | 'members.view'
  | 'members.manage'
  | 'invitations.create'
  | 'audit.view'
  | 'admin.audit'
  | 'admin.outbox';

export function can(
  actor: Actor | undefined,
  action: PeopleAction,
  resource: { networkId?: number } = {},
): boolean {
  if (!actor) return false;
  const networkId = resource.networkId ?? -1;
  switch (action) {
    case 'network.enter':
    case 'members.view':
      return actor.isAdmin || isMemberOf(actor, networkId);
    case 'members.manage':
    case 'invitations.create':
    case 'audit.view':
      return isCoordinatorOf(actor, networkId);
    case 'admin.audit':
    case 'admin.outbox':
      return actor.isAdmin;
  }
}
