// The people directory: what other modules may read of people.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { MemberRole } from '../../../platform/actor.js';
import { memberships, people } from '../tables.js';

/**
 * The reads other modules may make of people (through the people module's face): who is a
 * member of a network, their role, and the names to show. Never emails or passwords.
 */
export function peopleDirectory(db: Executor) {
  return {
    /**
     * A subquery of `(person_id, network_id)` pairs of residents and council members of these
     * networks (a council
     * member speaks for residents), for another module's pulse count to use inside its own SQL
     * (decision 0013). Gives no names.
     */
    residentMemberships(networkIds: readonly number[]) {
      if (networkIds.length === 0) return sql`select null::int, null::int where false`;
      return sql`select ${memberships.personId}, ${memberships.networkId} from ${memberships} where ${memberships.role} in ('resident', 'council') and ${inArray(memberships.networkId, [...networkIds])}`;
    },

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

    /**
     * Where and in which language to mail people (the notifications module's mail):
     * `{ personId, email, language }[]` for the given ids that have an address and an open
     * account (not erased, not closed). `language` is 'nl' or 'en' as chosen, null if not.
     */
    async listMailRecipients(personIds: number[]) {
      const unique = [...new Set(personIds)];
      if (unique.length === 0) return [];
      const rows = await db
        .select({ personId: people.id, email: people.email, language: people.language })
        .from(people)
        .where(
          and(
            inArray(people.id, unique),
            isNull(people.erasedAt),
            isNull(people.deactivatedAt),
            isNotNull(people.email),
          ),
        );
      return rows.map((r) => ({ personId: r.personId, email: r.email!, language: r.language }));
    },

    /** The email address of a person, for mail about their own items; undefined if none. */
    async findEmail(personId: number): Promise<string | undefined> {
      const rows = await db
        .select({ email: people.email })
        .from(people)
        .where(eq(people.id, personId));
      return rows[0]?.email ?? undefined;
    },

    /**
     * The account that has this email address (as stored: trimmed, lower case), with the
     * language it chose for mail (null: none); undefined when no account has it.
     */
    async findAccountByEmail(
      email: string,
    ): Promise<{ personId: number; language: string | null } | undefined> {
      const rows = await db
        .select({ personId: people.id, language: people.language })
        .from(people)
        .where(and(eq(people.email, email.trim().toLowerCase()), isNull(people.erasedAt)));
      return rows[0];
    },
  };
}

export type PeopleDirectory = ReturnType<typeof peopleDirectory>;
