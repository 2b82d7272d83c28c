// All SQL of the notifications module: notifications, choices and the record of daily
// summaries (their mail goes to the platform's outbox).
import { and, asc, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { DeliveryChoice, NotificationKind } from './kinds.js';
import { notificationPreferences, notificationSummaries, notifications } from './tables.js';

export type NotificationRow = typeof notifications.$inferSelect;

export function notificationsRepository(db: Executor) {
  return {
    /** The choices people made for one kind: person id → choice (no entry: the default). */
    async findChoices(personIds: number[], kind: NotificationKind) {
      if (personIds.length === 0) return new Map<number, DeliveryChoice>();
      const rows = await db
        .select({
          personId: notificationPreferences.personId,
          choice: notificationPreferences.choice,
        })
        .from(notificationPreferences)
        .where(
          and(
            inArray(notificationPreferences.personId, personIds),
            eq(notificationPreferences.kind, kind),
          ),
        );
      return new Map(rows.map((r) => [r.personId, r.choice]));
    },

    /** Every choice one person made: kind → choice. */
    async listChoices(personId: number) {
      const rows = await db
        .select({ kind: notificationPreferences.kind, choice: notificationPreferences.choice })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.personId, personId));
      return new Map(rows.map((r) => [r.kind, r.choice]));
    },

    /** Stores one person's choice for one kind (replacing an earlier one). */
    async saveChoice(personId: number, kind: NotificationKind, choice: DeliveryChoice, at: Date) {
      await db
        .insert(notificationPreferences)
        .values({ personId, kind, choice, changedAt: at })
        .onConflictDoUpdate({
          target: [notificationPreferences.personId, notificationPreferences.kind],
          set: { choice, changedAt: at },
        });
    },

    async insertNotifications(rows: Array<typeof notifications.$inferInsert>) {
      if (rows.length > 0) await db.insert(notifications).values(rows);
    },

    /** How many of a person's notifications are unread. */
    async countUnread(personId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
      return rows[0]?.n ?? 0;
    },

    async countForPerson(personId: number): Promise<number> {
      const rows = await db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.personId, personId));
      return rows[0]?.n ?? 0;
    },

    /** One page of a person's notifications, newest first. */
    async listForPerson(personId: number, limit: number, offset: number) {
      return db
        .select()
        .from(notifications)
        .where(eq(notifications.personId, personId))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit)
        .offset(offset);
    },

    /** Marks one notification (or, without an id, all) of a person as read. */
    async markRead(personId: number, at: Date, id?: number) {
      const mine = and(eq(notifications.personId, personId), isNull(notifications.readAt));
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(id === undefined ? mine : and(mine, eq(notifications.id, id)));
    },

    /**
     * Claims notifications for their own mail: not yet mailed, chosen `immediate`; locked
     * (skipping rows another process holds) until the transaction ends.
     */
    async claimImmediate(limit: number) {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.delivery, 'immediate'), isNull(notifications.mailedAt)))
        .orderBy(asc(notifications.id))
        .limit(limit)
        .for('update', { skipLocked: true });
    },

    async markMailed(ids: number[], at: Date) {
      if (ids.length === 0) return;
      await db.update(notifications).set({ mailedAt: at }).where(inArray(notifications.id, ids));
    },

    /** People with daily notifications raised before `before` and not yet in a summary. */
    async listPeopleWithDaily(before: Date, limit: number): Promise<number[]> {
      const rows = await db
        .selectDistinct({ personId: notifications.personId })
        .from(notifications)
        .where(
          and(
            eq(notifications.delivery, 'daily'),
            isNull(notifications.mailedAt),
            lt(notifications.createdAt, before),
          ),
        )
        .orderBy(asc(notifications.personId))
        .limit(limit);
      return rows.map((r) => r.personId);
    },

    /**
     * Records that a person's summary of `day` (YYYY-MM-DD) is made; false when it already
     * was (by this or another process: the unique key decides).
     */
    async insertSummaryOnce(personId: number, day: string): Promise<boolean> {
      const rows = await db
        .insert(notificationSummaries)
        .values({ personId, day })
        .onConflictDoNothing()
        .returning({ personId: notificationSummaries.personId });
      return rows.length > 0;
    },

    /** A person's daily notifications not yet in a summary, locked, oldest first. */
    async lockDaily(personId: number, before: Date) {
      return db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.personId, personId),
            eq(notifications.delivery, 'daily'),
            isNull(notifications.mailedAt),
            lt(notifications.createdAt, before),
          ),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .for('update');
    },

    /** A person's notifications and choices, for their data download (mail: the outbox). */
    async listPersonData(personId: number) {
      return {
        notifications: await db
          .select()
          .from(notifications)
          .where(eq(notifications.personId, personId))
          .orderBy(asc(notifications.id)),
        choices: await db
          .select({ kind: notificationPreferences.kind, choice: notificationPreferences.choice })
          .from(notificationPreferences)
          .where(eq(notificationPreferences.personId, personId)),
      };
    },

    /** Erasure: everything of the person in this module. */
    async deletePersonData(personId: number) {
      await db.delete(notifications).where(eq(notifications.personId, personId));
      await db
        .delete(notificationPreferences)
        .where(eq(notificationPreferences.personId, personId));
      await db.delete(notificationSummaries).where(eq(notificationSummaries.personId, personId));
    },
  };
}
