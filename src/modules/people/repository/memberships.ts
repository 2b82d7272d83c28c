// Memberships and leader scopes: who belongs to a network in which role, the coordinators
// (locked where a change must keep at least one).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { MemberRole } from '../../../platform/actor.js';
import { leaderScopes, memberships, people } from '../tables.js';

export function membershipRepository(db: Executor) {
  return {
    /** A person's memberships; the network's name and address come from the network module. */
    async listMembershipsOf(personId: number) {
      return db
        .select({
          id: memberships.id,
          networkId: memberships.networkId,
          role: memberships.role,
          organisationId: memberships.organisationId,
          listed: memberships.listed,
          createdAt: memberships.createdAt,
        })
        .from(memberships)
        .where(eq(memberships.personId, personId));
    },

    async listLeaderScopes(personId: number) {
      return db.select().from(leaderScopes).where(eq(leaderScopes.personId, personId));
    },

    /** A leader's scope: exactly one of municipality or region. */
    async insertLeaderScope(
      values: { personId: number; municipalityId: number } | { personId: number; regionId: number },
    ): Promise<void> {
      await db.insert(leaderScopes).values(values);
    },

    /** Members of a network by display name, with the organisation's id (not its name). */
    async listMembers(networkId: number) {
      return db
        .select({
          id: memberships.id,
          personId: memberships.personId,
          role: memberships.role,
          listed: memberships.listed,
          displayName: people.displayName,
          organisationId: memberships.organisationId,
          since: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(eq(memberships.networkId, networkId))
        .orderBy(asc(people.displayName));
    },

    /** The number of members of each of these networks (networks without any are left out). */
    async countMembersByNetwork(networkIds: number[]): Promise<Map<number, number>> {
      if (networkIds.length === 0) return new Map();
      const rows = await db
        .select({ networkId: memberships.networkId, n: count() })
        .from(memberships)
        .where(inArray(memberships.networkId, networkIds))
        .groupBy(memberships.networkId);
      return new Map(rows.map((r) => [r.networkId, Number(r.n)]));
    },

    async findMembership(id: number) {
      return (await db.select().from(memberships).where(eq(memberships.id, id)))[0];
    },

    async insertMembership(values: typeof memberships.$inferInsert) {
      return (
        await db
          .insert(memberships)
          .values(values)
          .onConflictDoNothing({ target: [memberships.personId, memberships.networkId] })
          .returning()
      )[0];
    },

    async updateMembershipRole(id: number, role: MemberRole): Promise<void> {
      await db.update(memberships).set({ role }).where(eq(memberships.id, id));
    },

    async updateMembershipListed(
      personId: number,
      networkId: number,
      listed: boolean,
    ): Promise<void> {
      await db
        .update(memberships)
        .set({ listed })
        .where(and(eq(memberships.personId, personId), eq(memberships.networkId, networkId)));
    },

    async deleteMembership(id: number): Promise<void> {
      await db.delete(memberships).where(eq(memberships.id, id));
    },

    /**
     * The coordinators of a network, their rows locked until the transaction ends (SELECT …
     * FOR UPDATE): two transactions that both check "is there another coordinator?" wait for
     * each other, so the rule holds under concurrency. Only inside a transaction.
     */
    async lockCoordinators(networkId: number): Promise<Array<{ id: number; personId: number }>> {
      return db
        .select({ id: memberships.id, personId: memberships.personId })
        .from(memberships)
        .where(and(eq(memberships.networkId, networkId), eq(memberships.role, 'coordinator')))
        .for('update');
    },

    /** A membership, its row locked until the transaction ends. Only inside a transaction. */
    async findMembershipForUpdate(id: number) {
      return (await db.select().from(memberships).where(eq(memberships.id, id)).for('update'))[0];
    },

    /** Coordinators of a network with their email address (for mail about the network). */
    async listCoordinatorContacts(networkId: number) {
      return db
        .select({ personId: people.id, email: people.email, displayName: people.displayName })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(and(eq(memberships.networkId, networkId), eq(memberships.role, 'coordinator')));
    },

    async countCoordinators(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.networkId, networkId), eq(memberships.role, 'coordinator')));
      return Number(rows[0]?.n ?? 0);
    },
  };
}
