// One signal at a time: the row, its duo (followers), its thread of updates, status changes
// and text edits with their earlier versions.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { MemberRole } from '../../../platform/actor.js';
import type { SignalStatus } from '../policy.js';
import { signalFollowers, signalRevisions, signals, signalUpdates } from '../tables.js';
import type { NewSignal, SignalRow } from './index.js';

export function signalRepository(db: Executor) {
  return {
    async insertSignal(values: NewSignal): Promise<SignalRow> {
      return (await db.insert(signals).values(values).returning())[0]!;
    },

    async findSignal(networkId: number, signalId: number): Promise<SignalRow | undefined> {
      const rows = await db
        .select()
        .from(signals)
        .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)));
      return rows[0];
    },

    async listFollowers(networkId: number, signalId: number) {
      return db
        .select({
          personId: signalFollowers.personId,
          role: signalFollowers.role,
          joinedAt: signalFollowers.joinedAt,
        })
        .from(signalFollowers)
        .where(
          and(eq(signalFollowers.networkId, networkId), eq(signalFollowers.signalId, signalId)),
        )
        .orderBy(asc(signalFollowers.joinedAt));
    },

    async insertFollower(values: {
      networkId: number;
      signalId: number;
      personId: number;
      role: MemberRole;
      joinedAt?: Date;
    }): Promise<void> {
      await db.insert(signalFollowers).values(values).onConflictDoNothing();
    },

    async listUpdates(networkId: number, signalId: number) {
      return db
        .select({
          id: signalUpdates.id,
          kind: signalUpdates.kind,
          text: signalUpdates.text,
          status: signalUpdates.status,
          createdAt: signalUpdates.createdAt,
          authorId: signalUpdates.authorId,
        })
        .from(signalUpdates)
        .where(and(eq(signalUpdates.networkId, networkId), eq(signalUpdates.signalId, signalId)))
        .orderBy(asc(signalUpdates.createdAt), asc(signalUpdates.id));
    },

    async insertUpdate(values: typeof signalUpdates.$inferInsert): Promise<void> {
      await db.insert(signalUpdates).values(values);
    },

    async updateStatus(
      networkId: number,
      signalId: number,
      from: SignalStatus,
      values: { status: SignalStatus; outcome?: string; at: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(signals)
        .set({
          status: values.status,
          statusChangedAt: values.at,
          // Reopened (a step back from closed): no longer closed, so not due for retention.
          ...(values.status === 'closed'
            ? { closedAt: values.at, outcome: values.outcome }
            : { closedAt: null }),
        })
        .where(
          and(eq(signals.networkId, networkId), eq(signals.id, signalId), eq(signals.status, from)),
        )
        .returning({ id: signals.id });
      return rows.length === 1;
    },

    /**
     * Changes a signal's texts and keeps what was there before as a revision. False when
     * the signal is not (or no longer) in the network.
     */
    async updateTexts(
      networkId: number,
      signalId: number,
      editorId: number,
      values: { title: string; description: string; theme: string; place: string; trigger: string },
      at: Date,
    ): Promise<boolean> {
      const before = (
        await db
          .select()
          .from(signals)
          .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)))
          .for('update')
      )[0];
      if (!before) return false;
      await db.insert(signalRevisions).values({
        signalId,
        networkId,
        editorId,
        editedAt: at,
        title: before.title,
        description: before.description,
        theme: before.theme,
        place: before.place,
        trigger: before.trigger,
      });
      await db
        .update(signals)
        .set(values)
        .where(and(eq(signals.networkId, networkId), eq(signals.id, signalId)));
      return true;
    },

    /** Earlier versions of a signal, newest first. */
    async listRevisions(networkId: number, signalId: number) {
      return db
        .select()
        .from(signalRevisions)
        .where(
          and(eq(signalRevisions.networkId, networkId), eq(signalRevisions.signalId, signalId)),
        )
        .orderBy(desc(signalRevisions.editedAt), desc(signalRevisions.id));
    },

    /** Removes a person from the duo; false when they did not follow it. */
    async deleteFollower(networkId: number, signalId: number, personId: number) {
      const rows = await db
        .delete(signalFollowers)
        .where(
          and(
            eq(signalFollowers.networkId, networkId),
            eq(signalFollowers.signalId, signalId),
            eq(signalFollowers.personId, personId),
          ),
        )
        .returning({ personId: signalFollowers.personId });
      return rows.length === 1;
    },
  };
}
