// Who may do what with accounts, members and the audit log. Pure: actor and resource in,
// yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';

/**
 * Leaders see aggregates only, and a group smaller than this is not shown apart (its count
 * would point at people). Source: QUALITY.md, "Leaders see aggregates only; groups under 5
 * are not shown apart".
 */
export const SMALLEST_GROUP_SHOWN = 5;

/** A member count as a leader may see it: the number, or null for a group too small to show. */
export function countForLeaders(members: number): number | null {
  return members >= SMALLEST_GROUP_SHOWN ? members : null;
}

export type PeopleAction =
  | 'network.enter'
  | 'network.leave'
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
    case 'network.leave':
      return isMemberOf(actor, networkId);
    case 'members.manage':
    case 'invitations.create':
    case 'audit.view':
      return isCoordinatorOf(actor, networkId);
    case 'admin.audit':
    case 'admin.outbox':
      return actor.isAdmin;
  }
}
