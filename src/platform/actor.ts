// Who is making a request, as the policies see it: pure data, loaded once per request.
export const memberRoles = ['resident', 'professional', 'coordinator', 'council'] as const;
export type MemberRole = (typeof memberRoles)[number];

export interface ActorMembership {
  networkId: number;
  role: MemberRole;
  organisationId: number | null;
  /** For the page header only; policies use the ids. */
  networkName: string;
  slug: string;
}

export interface Actor {
  personId: number;
  displayName: string;
  isAdmin: boolean;
  memberships: ActorMembership[];
  /** Leader (bestuurder) scopes: aggregated figures only, never personal data. */
  leaderOf: { municipalityIds: number[]; regionIds: number[] };
}

export function roleIn(actor: Actor | undefined, networkId: number): MemberRole | undefined {
  return actor?.memberships.find((m) => m.networkId === networkId)?.role;
}

export function isMemberOf(actor: Actor | undefined, networkId: number): boolean {
  return roleIn(actor, networkId) !== undefined;
}

export function isCoordinatorOf(actor: Actor | undefined, networkId: number): boolean {
  return actor?.isAdmin === true || roleIn(actor, networkId) === 'coordinator';
}
