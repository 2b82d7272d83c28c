// Who may use the administration. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf } from '../../platform/actor.js';

export type AdminAction =
  /** The /beheer screens: places, networks, organisations, people, leaders, mail, settings. */
  | 'admin.manage'
  /** A network's own description, contact details and settings. */
  | 'network.settings';

export function can(
  actor: Actor | undefined,
  action: AdminAction,
  resource: { networkId?: number } = {},
): boolean {
  if (!actor) return false;
  switch (action) {
    case 'admin.manage':
      return actor.isAdmin;
    case 'network.settings':
      return isCoordinatorOf(actor, resource.networkId ?? -1);
  }
}
