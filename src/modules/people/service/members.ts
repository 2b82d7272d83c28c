// Members of a network: the list, roles, removal (never the last coordinator), and the
// networks a leader oversees.
import type { Actor, MemberRole } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { peopleDirectory, peopleRepository } from '../repository/index.js';
import type { ServiceContext } from './context.js';

export function memberService(c: ServiceContext) {
  const { db, repo, places } = c;
  return {
    /** Display names by person id, for the audit pages (erased people: `erased`). */
    findNames: (personIds: number[]) => peopleDirectory(db).findNames(personIds),
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

    /**
     * Changes a member's role. The last coordinator of a network cannot be demoted, also when
     * two coordinators demote each other at the same moment (the coordinator rows are locked
     * while the rule is checked). A coordinator role in a network that has coordinators
     * comes only from one of them (an administrator cannot hand it out, nor to themselves);
     * the other coordinators are told.
     */
    async changeRole(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      role: MemberRole,
      origin: string,
    ): Promise<'ok' | 'lastCoordinator' | 'coordinatorsOnly'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        const coordinators = await r.lockCoordinators(membership.networkId);
        const current = await r.findMembershipForUpdate(membership.id);
        if (!current || current.networkId !== membership.networkId)
          return 'lastCoordinator' as const;
        if (current.role === 'coordinator' && role !== 'coordinator' && coordinators.length <= 1) {
          return 'lastCoordinator' as const;
        }
        if (
          role === 'coordinator' &&
          current.role !== 'coordinator' &&
          coordinators.length > 0 &&
          !coordinators.some((k) => k.personId === actor.personId)
        ) {
          return 'coordinatorsOnly' as const;
        }
        await r.updateMembershipRole(current.id, role);
        return current.role !== 'coordinator' && role === 'coordinator'
          ? ({ joined: current.personId } as const)
          : ('ok' as const);
      });
      const ok = typeof result === 'object' || result === 'ok';
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'membership.role',
        result: ok ? 'ok' : 'failed',
        objectType: 'membership',
        objectId: membership.id,
        networkId: membership.networkId,
        origin,
        detail: `${membership.role} -> ${role}${ok ? '' : ` (${result})`}`,
      });
      if (typeof result === 'object') {
        await c.tellCoordinatorsOfNewCoordinator(
          membership.networkId,
          result.joined,
          actor.personId,
        );
      }
      return ok ? 'ok' : (result as 'lastCoordinator' | 'coordinatorsOnly');
    },

    /** Removes a member; never the last coordinator, also under concurrency (rows locked). */
    async removeMember(
      actor: Actor,
      membership: { id: number; networkId: number; role: MemberRole },
      origin: string,
    ): Promise<'ok' | 'lastCoordinator'> {
      const result = await db.transaction(async (tx) => {
        const r = peopleRepository(tx);
        const coordinators = await r.lockCoordinators(membership.networkId);
        const current = await r.findMembershipForUpdate(membership.id);
        if (!current) return 'ok' as const;
        if (current.role === 'coordinator' && coordinators.length <= 1) {
          return 'lastCoordinator' as const;
        }
        await r.deleteMembership(current.id);
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
