// Invitations: by email link or printed letter, redeemed once.
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
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
  };
}
