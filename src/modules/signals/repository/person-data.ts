// A person's part of the signals, for their export and erasure.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signalFollowers, signals, signalUpdates } from '../tables.js';

export function personDataRepository(db: Executor) {
  return {
    async listSignalsCreatedBy(personId: number) {
      return db.select().from(signals).where(eq(signals.createdBy, personId));
    },

    async listSignalsWithContactEmail(email: string) {
      return db
        .select()
        .from(signals)
        .where(sql`lower(${signals.contactEmail}) = ${email.toLowerCase()}`);
    },

    async listUpdatesWrittenBy(personId: number) {
      return db
        .select({
          signalId: signalUpdates.signalId,
          networkId: signalUpdates.networkId,
          kind: signalUpdates.kind,
          text: signalUpdates.text,
          status: signalUpdates.status,
          createdAt: signalUpdates.createdAt,
        })
        .from(signalUpdates)
        .where(eq(signalUpdates.authorId, personId));
    },

    async listFollowedBy(personId: number) {
      return db
        .select({
          signalId: signalFollowers.signalId,
          networkId: signalFollowers.networkId,
          role: signalFollowers.role,
          joinedAt: signalFollowers.joinedAt,
        })
        .from(signalFollowers)
        .where(eq(signalFollowers.personId, personId));
    },

    async clearContactEmail(email: string): Promise<void> {
      await db
        .update(signals)
        .set({ contactEmail: null })
        .where(sql`lower(${signals.contactEmail}) = ${email.toLowerCase()}`);
    },
  };
}
