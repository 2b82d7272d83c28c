// Accounts and leader scopes as administrators and the command line see them: never a
// person's own contributions.
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { leaderScopes, people, sessions } from '../tables.js';

/** An account as the administration screens show it: never the person's own contributions. */
export interface AccountRow {
  id: number;
  email: string | null;
  username: string | null;
  displayName: string;
  isAdmin: boolean;
  hasPassword: boolean;
  deactivatedAt: Date | null;
}

const accountColumns = {
  id: people.id,
  email: people.email,
  username: people.username,
  displayName: people.displayName,
  isAdmin: people.isAdmin,
  hasPassword: sql<boolean>`${people.passwordHash} is not null`,
  deactivatedAt: people.deactivatedAt,
};

/** Accounts and leader scopes, for administrators and the command line. */
export function accountsRepository(db: Executor) {
  return {
    async countActiveAdmins(): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(people)
        .where(
          and(eq(people.isAdmin, true), isNull(people.erasedAt), isNull(people.deactivatedAt)),
        );
      return Number(rows[0]?.n ?? 0);
    },
    async listAdmins(): Promise<AccountRow[]> {
      return db
        .select(accountColumns)
        .from(people)
        .where(and(eq(people.isAdmin, true), isNull(people.erasedAt)))
        .orderBy(asc(people.id));
    },
    async findAccount(id: number): Promise<AccountRow | undefined> {
      return (
        await db
          .select(accountColumns)
          .from(people)
          .where(and(eq(people.id, id), isNull(people.erasedAt)))
      )[0];
    },
    /** Accounts whose name, email address or user name contains `query`; at most `limit`. */
    async searchAccounts(query: string, limit: number): Promise<AccountRow[]> {
      const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db
        .select(accountColumns)
        .from(people)
        .where(
          and(
            isNull(people.erasedAt),
            query
              ? or(
                  sql`${people.displayName} ilike ${pattern}`,
                  sql`${people.email} ilike ${pattern}`,
                  sql`${people.username} ilike ${pattern}`,
                )
              : undefined,
          ),
        )
        .orderBy(asc(people.displayName), asc(people.id))
        .limit(limit);
    },
    async setAdmin(id: number, isAdmin: boolean): Promise<void> {
      await db.update(people).set({ isAdmin }).where(eq(people.id, id));
    },
    async setDeactivated(id: number, deactivated: boolean): Promise<void> {
      await db
        .update(people)
        .set({ deactivatedAt: deactivated ? sql`now()` : null })
        .where(eq(people.id, id));
    },
    async countSessionsOf(personId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(sessions)
        .where(eq(sessions.personId, personId));
      return Number(rows[0]?.n ?? 0);
    },
    /** Every leader scope with its person, by name. */
    async listLeaderScopes() {
      return db
        .select({
          id: leaderScopes.id,
          personId: leaderScopes.personId,
          displayName: people.displayName,
          email: people.email,
          municipalityId: leaderScopes.municipalityId,
          regionId: leaderScopes.regionId,
        })
        .from(leaderScopes)
        .innerJoin(people, eq(people.id, leaderScopes.personId))
        .orderBy(asc(people.displayName), asc(leaderScopes.id));
    },
    async findLeaderScope(id: number) {
      return (await db.select().from(leaderScopes).where(eq(leaderScopes.id, id)))[0];
    },
    async deleteLeaderScope(id: number): Promise<void> {
      await db.delete(leaderScopes).where(eq(leaderScopes.id, id));
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
