// Who may do what in the library. Pure: actor, scope and item in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';
import { canSee, type ViewerScope } from '../../platform/visibility.js';
import type { ItemRow } from './repository.js';
import type { ItemVisibility } from './tables.js';

export type LibraryAction =
  | 'library.view'
  | 'library.create'
  | 'library.respond'
  | 'library.markHelped'
  | 'library.share'
  | 'library.edit'
  | 'library.approve';

/**
 * `view`: whoever the item's visibility reaches. `create`: members of the network.
 * `respond` (to a case): signed-in members of any network who can see it. `markHelped`:
 * the case's author. `share` (ask for wider visibility): the author or the coordinator.
 * `edit` (title, text, themes of a story, case or lesson): its author while a member of
 * the network, or the network's coordinator. `approve` (sharing beyond the network): the
 * network's coordinator.
 */
export function can(
  actor: Actor | undefined,
  action: LibraryAction,
  resource: { networkId: number; scope?: ViewerScope; item?: ItemRow },
): boolean {
  const item = resource.item;
  const visible = () =>
    item !== undefined &&
    resource.scope !== undefined &&
    canSee(resource.scope, item.visibility, item);
  switch (action) {
    case 'library.view':
      return visible();
    case 'library.create':
      return isMemberOf(actor, resource.networkId);
    case 'library.respond':
      return (
        actor !== undefined && actor.memberships.length > 0 && item?.kind === 'case' && visible()
      );
    case 'library.markHelped':
      return actor !== undefined && item !== undefined && item.authorId === actor.personId;
    case 'library.share':
      return (
        actor !== undefined &&
        item !== undefined &&
        (item.authorId === actor.personId || isCoordinatorOf(actor, item.networkId)) &&
        (isMemberOf(actor, item.networkId) || actor.isAdmin)
      );
    case 'library.edit':
      return (
        actor !== undefined &&
        item !== undefined &&
        (isCoordinatorOf(actor, item.networkId) ||
          (item.authorId === actor.personId && isMemberOf(actor, item.networkId)))
      );
    case 'library.approve':
      return isCoordinatorOf(actor, resource.networkId);
  }
}

/**
 * After an edit: an item shared beyond its network whose text changed goes back to the
 * coordinator, unless the coordinator made the change. It is then seen within the network
 * only, with its former visibility as the request the coordinator approves or declines
 * (the same rule as sharing: nothing new leaves the network unseen by the coordinator).
 * Themes alone do not count as a change of text.
 */
export function visibilityAfterEdit(
  actor: Actor | undefined,
  item: Pick<ItemRow, 'networkId' | 'visibility'>,
  textChanged: boolean,
): { visibility: ItemVisibility; requestedVisibility: ItemVisibility } | undefined {
  if (!textChanged || item.visibility === 'network') return undefined;
  if (isCoordinatorOf(actor, item.networkId)) return undefined;
  return { visibility: 'network', requestedVisibility: item.visibility };
}

/**
 * Sharing beyond the network needs the coordinator's approval: a coordinator's choice
 * applies at once; anyone else's wider choice waits (the item stays within the network).
 */
export function applyRequestedVisibility(
  actor: Actor | undefined,
  networkId: number,
  wanted: ItemVisibility,
): { visibility: ItemVisibility; requestedVisibility: ItemVisibility | null } {
  if (wanted === 'network') return { visibility: 'network', requestedVisibility: null };
  if (isCoordinatorOf(actor, networkId)) return { visibility: wanted, requestedVisibility: null };
  return { visibility: 'network', requestedVisibility: wanted };
}
