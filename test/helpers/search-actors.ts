// The actors of the search access tests: anonymous, every role of network A, A's
// municipality leader, an administrator and the coordinators of B, C and D (see createWorld:
// B shares A's municipality, C its region, D is in another region), and the rule of who may
// find a document of a network at a visibility level (platform/visibility.ts, written out).
import type { Actor, MemberRole } from '#src/platform/actor.js';
import type { createWorld } from './factories.js';

export const searchActors = [
  'anonymous',
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'admin',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;
export type SearchActorName = (typeof searchActors)[number];
export type Net = 'a' | 'b' | 'c' | 'd';
/** A visibility level, or `never`: what the index must never hold (not even for admins). */
export type Level = 'network' | 'municipality' | 'region' | 'public' | 'never';

/** Whether `actor` may find a document of network `owner` at `level`. */
export function mayFind(actor: SearchActorName, owner: Net, level: Level): boolean {
  if (level === 'never') return false;
  if (actor === 'admin' || level === 'public') return true;
  const home: Partial<Record<SearchActorName, Net>> = {
    resident: 'a',
    professional: 'a',
    coordinator: 'a',
    council: 'a',
    coordinatorB: 'b',
    coordinatorC: 'c',
    coordinatorD: 'd',
  };
  const municipality: Record<Net, string> = { a: 'm1', b: 'm1', c: 'm2', d: 'm3' };
  const region: Record<Net, string> = { a: 'r1', b: 'r1', c: 'r1', d: 'r2' };
  const mine = home[actor];
  if (actor === 'leader') {
    // Leader of A's municipality: what it shares with the municipality or the region.
    return municipality[owner] === 'm1' && (level === 'municipality' || level === 'region');
  }
  if (!mine) return false;
  if (mine === owner) return true;
  if (level === 'municipality') return municipality[mine] === municipality[owner];
  if (level === 'region') return region[mine] === region[owner];
  return false;
}

/** The Actor of every name (undefined for anonymous), built from the test world. */
export function buildSearchActors(
  world: Awaited<ReturnType<typeof createWorld>>,
): Map<SearchActorName, Actor | undefined> {
  const id = (n: Net) => world.networks[n].id;
  const actor = (
    personId: number,
    memberships: { net: Net; role: MemberRole }[],
    extra: Partial<Actor> = {},
  ): Actor => ({
    personId,
    displayName: 'Test',
    isAdmin: false,
    memberships: memberships.map((m) => ({
      networkId: id(m.net),
      role: m.role,
      organisationId: null,
      networkName: '',
      slug: '',
    })),
    leaderOf: { municipalityIds: [], regionIds: [] },
    ...extra,
  });
  const p = world.people;
  return new Map<SearchActorName, Actor | undefined>([
    ['anonymous', undefined],
    ['resident', actor(p.resident.id, [{ net: 'a', role: 'resident' }])],
    ['professional', actor(p.professional.id, [{ net: 'a', role: 'professional' }])],
    ['coordinator', actor(p.coordinator.id, [{ net: 'a', role: 'coordinator' }])],
    ['council', actor(p.council.id, [{ net: 'a', role: 'council' }])],
    [
      'leader',
      actor(p.leader.id, [], {
        leaderOf: { municipalityIds: [world.municipality.id], regionIds: [] },
      }),
    ],
    ['admin', actor(p.admin.id, [], { isAdmin: true })],
    ['coordinatorB', actor(p.coordinatorB.id, [{ net: 'b', role: 'coordinator' }])],
    ['coordinatorC', actor(p.coordinatorC.id, [{ net: 'c', role: 'coordinator' }])],
    ['coordinatorD', actor(p.coordinatorD.id, [{ net: 'd', role: 'coordinator' }])],
  ]);
}

/** The coordinator's actor name of a network. */
export const coordinatorOf = (net: Net): SearchActorName =>
  net === 'a' ? 'coordinator' : (`coordinator${net.toUpperCase()}` as SearchActorName);
