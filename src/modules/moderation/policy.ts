// Who may do what in moderation. Pure: actor and item in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';
import type { ModeratedItem } from '../../platform/module.js';

export type ModerationAction = 'moderation.handle' | 'moderation.report' | 'moderation.withdraw';

/**
 * - `moderation.handle`: the network's coordinators see reports, hide and keep items;
 * - `moderation.report`: anyone who can see a published item may report it (visitors only
 *   public ones);
 * - `moderation.withdraw`: the author, of their own published item.
 */
export function can(
  actor: Actor | undefined,
  action: ModerationAction,
  resource: { networkId: number; item?: ModeratedItem },
): boolean {
  const { networkId, item } = resource;
  switch (action) {
    case 'moderation.handle':
      return actor !== undefined && isCoordinatorOf(actor, networkId);
    case 'moderation.report':
      return (
        item?.state === 'published' &&
        (item.public || (actor !== undefined && (actor.isAdmin || isMemberOf(actor, networkId))))
      );
    case 'moderation.withdraw':
      return (
        actor !== undefined &&
        item?.state === 'published' &&
        item.authorId !== null &&
        item.authorId === actor.personId
      );
  }
}

/** Whether the actor may see the item at all (else its address answers 404). */
export function canSee(actor: Actor | undefined, item: ModeratedItem): boolean {
  if (item.state === 'published' && item.public) return true;
  if (!actor) return false;
  if (item.state === 'published') return actor.isAdmin || isMemberOf(actor, item.networkId);
  return isCoordinatorOf(actor, item.networkId) || item.authorId === actor.personId;
}
