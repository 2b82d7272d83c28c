// Sessions: stored as a hash of their id, with the roles of their person in one read.
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { MemberRole } from '../../../platform/actor.js';
import { leaderScopes, memberships, people, sessions } from '../tables.js';

export function sessionRepository(db: Executor) {
  return {
    async insertSession(idHash: string, personId: number, userAgent?: string): Promise<void> {
      await db
        .insert(sessions)
        .values({ idHash, personId, userAgent: userAgent ? userAgent.slice(0, 300) : null });
    },

    /**
     * The session with its person, their memberships and their leader scopes, in one query:
     * every signed-in request asks for it.
     */
    async findSessionWithRoles(idHash: string) {
      const rows = await db
        .select({
          personId: sessions.personId,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          displayName: people.displayName,
          isAdmin: people.isAdmin,
          erasedAt: people.erasedAt,
          deactivatedAt: people.deactivatedAt,
          memberships: sql<
            Array<{ networkId: number; role: MemberRole; organisationId: number | null }>
          >`coalesce((
            select json_agg(json_build_object(
              'networkId', ${memberships.networkId},
              'role', ${memberships.role},
              'organisationId', ${memberships.organisationId}))
            from ${memberships}
            where ${memberships.personId} = ${sessions.personId}), '[]'::json)`,
          leaderScopes: sql<Array<{ municipalityId: number | null; regionId: number | null }>>`
            coalesce((
            select json_agg(json_build_object(
              'municipalityId', ${leaderScopes.municipalityId},
              'regionId', ${leaderScopes.regionId}))
            from ${leaderScopes}
            where ${leaderScopes.personId} = ${sessions.personId}), '[]'::json)`,
        })
        .from(sessions)
        .innerJoin(people, eq(people.id, sessions.personId))
        .where(eq(sessions.idHash, idHash));
      return rows[0];
    },

    async touchSession(idHash: string): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.idHash, idHash));
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },

    async deleteSessionsOf(personId: number): Promise<void> {
      await db.delete(sessions).where(eq(sessions.personId, personId));
    },

    async listSessionsOf(personId: number) {
      return db
        .select({
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(eq(sessions.personId, personId));
    },

    async deleteExpiredSessions(idleBefore: Date, createdBefore: Date): Promise<void> {
      await db
        .delete(sessions)
        .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
    },
  };
}
