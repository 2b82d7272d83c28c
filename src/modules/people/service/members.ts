// Members of a network: the list, roles, removal (never the last coordinator), and the
// networks a leader oversees.
import type { Actor, MemberRole } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { peopleRepository } from '../repository.js';
import type { ServiceContext } from './context.js';

export function memberService(c: ServiceContext) {
  const { db, repo, places } = c;
  return {
    /** A network's name, address and place, or undefined. */
    findNetwork: async (networkId: number) => (await places.listNetworkSummaries([networkId]))[0],
    listOrganisationsOf: (networkId: number) => places.listOrganisationsOf(networkId),
    /** Members of a network by display name, with their organisation's name (or null). */
    async listMembers(networkId: number) {
      const [members, organisations] = await Promise.all([
        repo.listMembers(networkId),
        places.listOrganisationsOf(networkId),
      ]);
      const names = new Map(organisations.map((o) => [o.id, o.name]));
      const others = await places.findOrganisationNames(
        members.flatMap((m) =>
          m.organisationId === null || names.has(m.organisationId) ? [] : [m.organisationId],
        ),
      );
      for (const [id, name] of others) names.set(id, name);
      return members.map((m) => ({
        ...m,
        organisationName: m.organisationId === null ? null : (names.get(m.organisationId) ?? null),
      }));
    },
    listOpenInvitations: (networkId: number) => repo.listOpenInvitations(networkId),
    findMembership: (id: number) => repo.findMembership(id),
    listMembershipsOf: c.listMembershipsOf,
    findPersonById: (personId: number) => repo.findPersonById(personId),
    /** Networks in a leader's municipalities or regions, with their member counts. */
    async listNetworksInScope(actor: Actor) {
      const networks = await places.listNetworksInScope(
        actor.leaderOf.municipalityIds,
        actor.leaderOf.regionIds,
      );
      const counts = await repo.countMembersByNetwork(networks.map((n) => n.id));
      return networks.map((n) => ({ ...n, members: counts.get(n.id) ?? 0 }));
    },

    async changeRole(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      role: MemberRole,
      origin: string,
    ): Promise<'ok' | 'lastCoordinator'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        if (membership.role === 'coordinator' && role !== 'coordinator') {
          if ((await r.countCoordinators(membership.networkId)) <= 1)
            return 'lastCoordinator' as const;
        }
        await r.updateMembershipRole(membership.id, role);
        return 'ok' as const;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.role',
        result: result === 'ok' ? 'ok' : 'failed',
        objectType: 'membership',
        objectId: membership.id,
        networkId: membership.networkId,
        origin,
        detail: `${membership.role} -> ${role}`,
      });
      return result;
    },

    async removeMember(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      origin: string,
    ): Promise<'ok' | 'lastCoordinator'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        if (
          membership.role === 'coordinator' &&
          (await r.countCoordinators(membership.networkId)) <= 1
        ) {
          return 'lastCoordinator' as const;
        }
        await r.deleteMembership(membership.id);
        return 'ok' as const;
      });
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.remove',
        result: result === 'ok' ? 'ok' : 'failed',
        objectType: 'membership',
        objectId: membership.id,
        networkId: membership.networkId,
        origin,
      });
      return result;
    },
  };
}
