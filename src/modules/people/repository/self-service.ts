// Account self-service: name, language, email changes waiting for their link, and one's own
// sessions by their public number.
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { emailChanges, people, sessions } from '../tables.js';

export function selfServiceRepository(db: Executor) {
  return {
    async updateDisplayName(personId: number, displayName: string): Promise<void> {
      await db.update(people).set({ displayName }).where(eq(people.id, personId));
    },

    async updateLanguage(personId: number, language: string): Promise<void> {
      await db.update(people).set({ language }).where(eq(people.id, personId));
    },

    /** True when another account (erased ones have none) uses the address. */
    async emailInUse(email: string, exceptPersonId: number): Promise<boolean> {
      const rows = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.email, email), ne(people.id, exceptPersonId)));
      return rows.length > 0;
    },

    /** A new waiting change; earlier unused ones of the person stop working. */
    async insertEmailChange(
      personId: number,
      newEmail: string,
      tokenHash: string,
      expiresAt: Date,
    ): Promise<void> {
      await db
        .update(emailChanges)
        .set({ usedAt: sql`now()` })
        .where(and(eq(emailChanges.personId, personId), isNull(emailChanges.usedAt)));
      await db.insert(emailChanges).values({ personId, newEmail, tokenHash, expiresAt });
    },

    /**
     * Marks a usable change of this person as used and returns it; undefined when used,
     * expired, unknown or someone else's (which then stays unused).
     */
    async redeemEmailChange(tokenHash: string, personId: number) {
      const rows = await db
        .update(emailChanges)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(emailChanges.tokenHash, tokenHash),
            eq(emailChanges.personId, personId),
            isNull(emailChanges.usedAt),
            gt(emailChanges.expiresAt, sql`now()`),
          ),
        )
        .returning();
      return rows[0];
    },

    async updateEmail(personId: number, email: string): Promise<void> {
      await db.update(people).set({ email }).where(eq(people.id, personId));
    },

    /** The person's asked-for address changes (for their export); never the token hash. */
    async listEmailChangesOf(personId: number) {
      return db
        .select({
          newEmail: emailChanges.newEmail,
          createdAt: emailChanges.createdAt,
          expiresAt: emailChanges.expiresAt,
          usedAt: emailChanges.usedAt,
        })
        .from(emailChanges)
        .where(eq(emailChanges.personId, personId));
    },

    async deleteEmailChangesOf(personId: number): Promise<void> {
      await db.delete(emailChanges).where(eq(emailChanges.personId, personId));
    },

    /** One's sessions, newest use first, with their hash only to mark the current one. */
    async listOwnSessions(personId: number) {
      return db
        .select({
          publicId: sessions.publicId,
          idHash: sessions.idHash,
          userAgent: sessions.userAgent,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
        })
        .from(sessions)
        .where(eq(sessions.personId, personId))
        .orderBy(sql`${sessions.lastSeenAt} desc`);
    },

    /** Ends one session of this person (never someone else's); false when there is none. */
    async deleteOwnSession(personId: number, publicId: number): Promise<boolean> {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.personId, personId), eq(sessions.publicId, publicId)))
        .returning({ publicId: sessions.publicId });
      return rows.length > 0;
    },

    /** Ends every session of this person except the one with this hash. */
    async deleteOtherSessions(personId: number, keepIdHash: string): Promise<void> {
      await db
        .delete(sessions)
        .where(and(eq(sessions.personId, personId), ne(sessions.idHash, keepIdHash)));
    },
  };
}
