// Who may see something shared at a level: its network, its municipality, its region, or
// everyone. Pure: the places of the actor's networks are looked up by the caller (through
// the network module's face) and passed in. Used by the library's pages and by search, so
// that a page and a search result never disagree.
import type { Actor } from './actor.js';
import type { SearchVisibility } from './module.js';

export const visibilityLevels = ['network', 'municipality', 'region', 'public'] as const;
export type Visibility = SearchVisibility;

/** Where an item lives: its network and that network's municipality and region. */
export interface Place {
  networkId: number;
  municipalityId: number;
  regionId: number;
}

/**
 * What an actor can see beyond public items: the networks they belong to, and the
 * municipalities and regions of those networks plus those they lead (a leader of a
 * municipality sees what its networks share with the municipality or the region, not what
 * they keep within a network). `all` is set for platform administrators. Anonymous
 * visitors have an empty scope: public items only.
 */
export interface ViewerScope {
  all: boolean;
  networkIds: number[];
  municipalityIds: number[];
  regionIds: number[];
}

export const publicScope: ViewerScope = {
  all: false,
  networkIds: [],
  municipalityIds: [],
  regionIds: [],
};

/** Builds the scope of an actor from the places of their networks (missing ones skipped). */
export function viewerScope(actor: Actor | undefined, places: readonly Place[]): ViewerScope {
  if (!actor) return publicScope;
  const networkIds = actor.memberships.map((m) => m.networkId);
  const mine = places.filter((p) => networkIds.includes(p.networkId));
  const unique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    all: actor.isAdmin,
    networkIds: unique(networkIds),
    municipalityIds: unique([
      ...mine.map((p) => p.municipalityId),
      ...actor.leaderOf.municipalityIds,
    ]),
    regionIds: unique([...mine.map((p) => p.regionId), ...actor.leaderOf.regionIds]),
  };
}

/**
 * Whether a scope may see an item at `visibility` in `place`. An item of the municipality
 * is seen in that municipality; an item of the region in that region (and, for a leader of
 * a municipality of that region, through the municipality).
 */
export function canSee(scope: ViewerScope, visibility: Visibility, place: Place): boolean {
  if (scope.all || visibility === 'public') return true;
  if (scope.networkIds.includes(place.networkId)) return true;
  switch (visibility) {
    case 'network':
      return false;
    case 'municipality':
      return scope.municipalityIds.includes(place.municipalityId);
    case 'region':
      return (
        scope.regionIds.includes(place.regionId) ||
        scope.municipalityIds.includes(place.municipalityId)
      );
  }
}
