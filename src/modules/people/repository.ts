// All SQL of accounts, memberships, sessions, invitations and password resets.
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { MemberRole } from '../../platform/actor.js';
import {
  invitations,
  leaderScopes,
  memberships,
  passwordResets,
  people,
  sessions,
} from './tables.js';

export type PersonRow = typeof people.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export function peopleRepository(db: Executor) {
  return {
    async findPersonByLogin(identifier: string): Promise<PersonRow | undefined> {
      const value = identifier.trim().toLowerCase();
      const rows = await db
        .select()
        .from(people)
        .where(
          and(or(eq(people.email, value), eq(people.username, value)), isNull(people.erasedAt)),
        );
      return rows[0];
    },

    async findPersonById(id: number): Promise<PersonRow | undefined> {
      return (await db.select().from(people).where(eq(people.id, id)))[0];
    },

    async insertPerson(values: {
      email: string | null;
      username: string | null;
      displayName: string;
      /** Null for an account whose person still chooses a password through a link. */
      passwordHash: string | null;
      isAdmin?: boolean;
    }): Promise<PersonRow> {
      return (await db.insert(people).values(values).returning())[0]!;
    },

    async updatePasswordHash(personId: number, passwordHash: string): Promise<void> {
      await db.update(people).set({ passwordHash }).where(eq(people.id, personId));
    },

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

    // Sessions

    async insertSession(idHash: string, personId: number): Promise<void> {
      await db.insert(sessions).values({ idHash, personId });
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
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.personId, personId));
    },

    async deleteExpiredSessions(idleBefore: Date, createdBefore: Date): Promise<void> {
      await db
        .delete(sessions)
        .where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
    },

    // Invitations

    async insertInvitation(values: typeof invitations.$inferInsert): Promise<InvitationRow> {
      return (await db.insert(invitations).values(values).returning())[0]!;
    },

    async findUsableInvitation(codeHash: string): Promise<InvitationRow | undefined> {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.codeHash, codeHash),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        );
      return rows[0];
    },

    /** Marks the invitation used, atomically: of many parallel redemptions exactly one wins. */
    async redeemInvitation(
      codeHash: string,
      personId: number | null,
    ): Promise<InvitationRow | undefined> {
      const rows = await db
        .update(invitations)
        .set({ usedAt: sql`now()`, usedBy: personId })
        .where(
          and(
            eq(invitations.codeHash, codeHash),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .returning();
      return rows[0];
    },

    async setInvitationUsedBy(id: number, personId: number): Promise<void> {
      await db.update(invitations).set({ usedBy: personId }).where(eq(invitations.id, id));
    },

    async listOpenInvitations(networkId: number) {
      return db
        .select({
          id: invitations.id,
          kind: invitations.kind,
          role: invitations.role,
          email: invitations.email,
          addressee: invitations.addressee,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
        })
        .from(invitations)
        .where(
          and(
            eq(invitations.networkId, networkId),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .orderBy(desc(invitations.createdAt));
    },

    async listInvitationsInvolving(personId: number) {
      return db
        .select({
          networkId: invitations.networkId,
          role: invitations.role,
          kind: invitations.kind,
          createdAt: invitations.createdAt,
          usedAt: invitations.usedAt,
          invitedBy: invitations.invitedBy,
          usedBy: invitations.usedBy,
        })
        .from(invitations)
        .where(or(eq(invitations.invitedBy, personId), eq(invitations.usedBy, personId)));
    },

    // Password resets

    async insertReset(personId: number, tokenHash: string, expiresAt: Date): Promise<void> {
      await db.insert(passwordResets).values({ personId, tokenHash, expiresAt });
    },

    async redeemReset(tokenHash: string) {
      const rows = await db
        .update(passwordResets)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, sql`now()`),
          ),
        )
        .returning();
      return rows[0];
    },

    async findUsableReset(tokenHash: string) {
      const rows = await db
        .select()
        .from(passwordResets)
        .where(
          and(
            eq(passwordResets.tokenHash, tokenHash),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, sql`now()`),
          ),
        );
      return rows[0];
    },

    async listResetsOf(personId: number) {
      return db
        .select({ createdAt: passwordResets.createdAt, usedAt: passwordResets.usedAt })
        .from(passwordResets)
        .where(eq(passwordResets.personId, personId));
    },

    /** Erasure: the row stays (contributions point to it), without anything that identifies. */
    async erasePerson(personId: number): Promise<void> {
      await db.delete(sessions).where(eq(sessions.personId, personId));
      await db.delete(passwordResets).where(eq(passwordResets.personId, personId));
      await db.delete(memberships).where(eq(memberships.personId, personId));
      await db.delete(leaderScopes).where(eq(leaderScopes.personId, personId));
      await db
        .update(invitations)
        .set({ email: null, addressee: null })
        .where(eq(invitations.usedBy, personId));
      await db
        .update(people)
        .set({
          email: null,
          username: null,
          displayName: '',
          passwordHash: null,
          isAdmin: false,
          erasedAt: sql`now()`,
        })
        .where(eq(people.id, personId));
    },
  };
}

export type PeopleRepository = ReturnType<typeof peopleRepository>;

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

/**
 * The reads other modules may make of people (through the people module's face): who is a
 * member of a network, their role, and the names to show. Never emails or passwords.
 */
export function peopleDirectory(db: Executor) {
  return {
    /** Members of a network by display name: `{ personId, name, role }[]`. */
    async listMembers(networkId: number) {
      return db
        .select({ personId: people.id, name: people.displayName, role: memberships.role })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(eq(memberships.networkId, networkId))
        .orderBy(asc(people.displayName));
    },

    /**
     * Members who chose to be listed on the network's public page, leaving out erased people:
     * `{ personId, displayName, role, organisationId }[]`. Never an email address.
     */
    async listListedMembers(networkId: number) {
      return db
        .select({
          personId: people.id,
          displayName: people.displayName,
          role: memberships.role,
          organisationId: memberships.organisationId,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(
          and(
            eq(memberships.networkId, networkId),
            eq(memberships.listed, true),
            isNull(people.erasedAt),
          ),
        )
        .orderBy(asc(people.displayName));
    },

    /** The role of a person in a network, or undefined when they are not a member. */
    async findRole(networkId: number, personId: number): Promise<MemberRole | undefined> {
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.networkId, networkId), eq(memberships.personId, personId)));
      return rows[0]?.role;
    },

    /** Display names by person id; `erased` people keep their row but not their name. */
    async findNames(personIds: number[]): Promise<Map<number, { name: string; erased: boolean }>> {
      const unique = [...new Set(personIds)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({
          id: people.id,
          name: people.displayName,
          erased: sql<boolean>`${people.erasedAt} is not null`,
        })
        .from(people)
        .where(inArray(people.id, unique));
      return new Map(rows.map((r) => [r.id, { name: r.name, erased: r.erased }]));
    },

    /** The email address of a person, for mail about their own items; undefined if none. */
    async findEmail(personId: number): Promise<string | undefined> {
      const rows = await db
        .select({ email: people.email })
        .from(people)
        .where(eq(people.id, personId));
      return rows[0]?.email ?? undefined;
    },
  };
}

export type PeopleDirectory = ReturnType<typeof peopleDirectory>;
