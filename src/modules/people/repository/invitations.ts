// Invitations: by email link or printed letter, redeemed once.
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { invitations } from '../tables.js';
import type { InvitationRow } from './index.js';

export function invitationRepository(db: Executor) {
  return {
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

    /** How many invitations of the network can still be used (not used, not expired). */
    async countOpenInvitations(networkId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(invitations)
        .where(
          and(
            eq(invitations.networkId, networkId),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        );
      return rows[0]?.n ?? 0;
    },

    async listOpenInvitations(networkId: number) {
      return db
        .select({
          id: invitations.id,
          kind: invitations.kind,
          role: invitations.role,
          email: invitations.email,
          addressee: invitations.addressee,
          language: invitations.language,
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

    /** An invitation that can still be used, by id (for the coordinator's list). */
    async findOpenInvitation(id: number): Promise<InvitationRow | undefined> {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.id, id),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        );
      return rows[0];
    },

    /**
     * A fresh code for an open invitation: the old code hash is replaced, so the old code
     * stops working. Undefined when the invitation was used or ended in the meantime.
     */
    async renewInvitationCode(
      id: number,
      codeHash: string,
      expiresAt: Date,
    ): Promise<InvitationRow | undefined> {
      const rows = await db
        .update(invitations)
        .set({ codeHash, expiresAt, createdAt: sql`now()` })
        .where(
          and(
            eq(invitations.id, id),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .returning();
      return rows[0];
    },

    /** Ends an open invitation now (its expiry set to this moment): its code stops working. */
    async revokeInvitation(id: number): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ expiresAt: sql`now()` })
        .where(
          and(
            eq(invitations.id, id),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
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
  };
}
