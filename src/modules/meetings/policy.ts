// Who may do what with meetings. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';

export type MeetingsAction = 'meetings.view' | 'meetings.respond' | 'meetings.manage';

export function can(
  actor: Actor | undefined,
  action: MeetingsAction,
  resource: { networkId: number },
): boolean {
  if (!actor) return false;
  switch (action) {
    case 'meetings.view':
      return actor.isAdmin || isMemberOf(actor, resource.networkId);
    case 'meetings.respond':
      return isMemberOf(actor, resource.networkId);
    case 'meetings.manage':
      return isCoordinatorOf(actor, resource.networkId);
  }
}
