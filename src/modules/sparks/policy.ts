// Who may do what with sparks. Pure: actor and resource in, yes or no out.
import { type Actor, isCoordinatorOf, isMemberOf } from '../../platform/actor.js';
import type { SparkState } from './tables.js';

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

/**
 * A photo: public sparks' photos to anyone; others to members of the network only; the photo
 * of a hidden or withdrawn spark to nobody (it stops being served at once, decision 0009).
 */
export function canSeePhoto(
  actor: Actor | undefined,
  photo: { networkId: number; isPublic: boolean; status: SparkState },
): boolean {
  if (photo.status === 'hidden' || photo.status === 'withdrawn') return false;
  if (photo.isPublic && photo.status === 'published') return true;
  return can(actor, 'sparks.view', { networkId: photo.networkId });
}
