// Accounts: people by login or id, a new person, the password hash, password resets and
// erasure.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import {
  emailChanges,
  invitations,
  leaderScopes,
  memberships,
  passwordResets,
  people,
  sessions,
} from '../tables.js';
import type { PersonRow } from './index.js';

export function accountRepository(db: Executor) {
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
      /** The language for the interface and mail ('nl' or 'en'); null: not chosen. */
      language?: 'nl' | 'en' | null;
    }): Promise<PersonRow> {
      return (await db.insert(people).values(values).returning())[0]!;
    },

    async updatePasswordHash(personId: number, passwordHash: string): Promise<void> {
      await db.update(people).set({ passwordHash }).where(eq(people.id, personId));
    },

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
      await db.delete(emailChanges).where(eq(emailChanges.personId, personId));
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
          language: null,
          erasedAt: sql`now()`,
        })
        .where(eq(people.id, personId));
    },
  };
}
