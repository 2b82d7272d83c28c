// Who may read a network's pulse, and the small-group rule for leaders. Pure.
import { type Actor, isMemberOf } from '../../platform/actor.js';

export type PulseAction = 'pulse.view';

/** The network with the places a leader's scope is about. */
export interface PulseResource {
  networkId: number;
  municipalityId: number;
  regionId: number;
}

/** A leader of the network's municipality or region (who is not a member of it). */
export function isLeaderOf(actor: Actor | undefined, r: PulseResource): boolean {
  return (
    actor !== undefined &&
    (actor.leaderOf.municipalityIds.includes(r.municipalityId) ||
      actor.leaderOf.regionIds.includes(r.regionId))
  );
}

/**
 * `view`: members of the network and administrators (exact figures), and leaders of its
 * municipality or region (aggregated figures with small groups hidden, see `suppressed`).
 */
export function can(
  actor: Actor | undefined,
  _action: PulseAction,
  resource: PulseResource,
): boolean {
  if (!actor) return false;
  return actor.isAdmin || isMemberOf(actor, resource.networkId) || isLeaderOf(actor, resource);
}

/** A municipality (with its region) or a region whose networks' pulse is added up. */
export type PulseScopeResource =
  | { kind: 'municipality'; municipalityId: number; regionId: number }
  | { kind: 'region'; regionId: number };

/**
 * The pulse of a municipality or region: administrators, leaders of that municipality, and
 * leaders of the region (of the municipality). Nobody else learns that the scope exists.
 */
export function canViewScope(actor: Actor | undefined, scope: PulseScopeResource): boolean {
  if (!actor) return false;
  if (actor.isAdmin || actor.leaderOf.regionIds.includes(scope.regionId)) return true;
  return (
    scope.kind === 'municipality' && actor.leaderOf.municipalityIds.includes(scope.municipalityId)
  );
}

/** Leaders read the pulse with small groups hidden; members and administrators exactly. */
export function readsAsLeader(actor: Actor | undefined, r: PulseResource): boolean {
  return !actor?.isAdmin && !isMemberOf(actor, r.networkId) && isLeaderOf(actor, r);
}

/** Groups smaller than this are not shown apart to leaders. */
export const SMALL_GROUP = 5;

/** A count as a leader may see it: null for a group of 1 to 4 (0 tells nothing about anyone). */
export function suppressed(n: number): number | null {
  return n > 0 && n < SMALL_GROUP ? null : n;
}

/**
 * A share in whole percents, or null when it cannot be shown: nothing to divide, or (for
 * leaders) a part or the rest of it is a small group, which the share would give away.
 */
export function shareOf(part: number, whole: number, asLeader: boolean): number | null {
  if (whole === 0) return null;
  if (asLeader && (suppressed(part) === null || suppressed(whole - part) === null)) return null;
  return Math.round((100 * part) / whole);
}
