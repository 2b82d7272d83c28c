// Who may do what with sparks. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';

export type SparksAction = 'sparks.view' | 'sparks.create' | 'sparks.moderate';

export function can(
  actor: Actor | undefined,
  action: SparksAction,
  resource: { networkId: number },
): boolean {
  if (!actor) return false;
  switch (action) {
    case 'sparks.view':
    case 'sparks.create':
      return actor.isAdmin || isMemberOf(actor, resource.networkId);
    case 'sparks.moderate':
      return isCoordinatorOf(actor, resource.networkId);
  }
}

/** A photo: public sparks' photos to anyone; others to members of the network only. */
export function canSeePhoto(
  actor: Actor | undefined,
  photo: { networkId: number; isPublic: boolean; status: 'published' | 'pending' },
): boolean {
  if (photo.isPublic && photo.status === 'published') return true;
  return can(actor, 'sparks.view', { networkId: photo.networkId });
}
