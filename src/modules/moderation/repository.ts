// All SQL of the moderation module: its reports. Every list is scoped by its network.
import { and, asc, count, countDistinct, eq, isNull, max, min, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { moderationReports, type ReportOutcome } from './tables.js';

/** Open reports of one item, grouped: how many, first and last, for the queue. */
export interface ReportedItem {
  kind: string;
  objectId: number;
  reports: number;
  firstAt: Date;
  lastAt: Date;
}

export function moderationRepository(db: Executor) {
  const open = (kind: string, objectId: number) =>
    and(
      eq(moderationReports.kind, kind),
      eq(moderationReports.objectId, objectId),
      isNull(moderationReports.handledAt),
    );

  return {
    async insertReport(report: {
      kind: string;
      objectId: number;
      networkId: number;
      reason: string;
      reporterId: number | null;
    }): Promise<number> {
      const rows = await db
        .insert(moderationReports)
        .values(report)
        .returning({ id: moderationReports.id });
      return rows[0]!.id;
    },

    /** How many items of the network have open reports (the queue's length). */
    async countReportedItems(networkId: number): Promise<number> {
      const rows = await db
        .select({
          n: countDistinct(sql`(${moderationReports.kind}, ${moderationReports.objectId})`),
        })
        .from(moderationReports)
        .where(
          and(eq(moderationReports.networkId, networkId), isNull(moderationReports.handledAt)),
        );
      return rows[0]?.n ?? 0;
    },

    /** The network's items with open reports, the longest waiting first. */
    async listReportedItems(networkId: number): Promise<ReportedItem[]> {
      return db
        .select({
          kind: moderationReports.kind,
          objectId: moderationReports.objectId,
          reports: count(),
          firstAt: min(moderationReports.createdAt).mapWith((v) => new Date(v)),
          lastAt: max(moderationReports.createdAt).mapWith((v) => new Date(v)),
        })
        .from(moderationReports)
        .where(and(eq(moderationReports.networkId, networkId), isNull(moderationReports.handledAt)))
        .groupBy(moderationReports.kind, moderationReports.objectId)
        .orderBy(asc(min(moderationReports.createdAt))) as Promise<ReportedItem[]>;
    },

    /** The open reports of one item, oldest first (reasons only: reporters stay unnamed). */
    async listOpenReports(kind: string, objectId: number) {
      return db
        .select({
          id: moderationReports.id,
          reason: moderationReports.reason,
          createdAt: moderationReports.createdAt,
        })
        .from(moderationReports)
        .where(open(kind, objectId))
        .orderBy(asc(moderationReports.createdAt), asc(moderationReports.id));
    },

    /** Closes the open reports of an item with what was done; how many were closed. */
    async closeReports(
      kind: string,
      objectId: number,
      change: { outcome: ReportOutcome; by: number | null; at: Date },
    ): Promise<number> {
      const rows = await db
        .update(moderationReports)
        .set({ handledAt: change.at, handledBy: change.by, outcome: change.outcome })
        .where(open(kind, objectId))
        .returning({ id: moderationReports.id });
      return rows.length;
    },

    /** The reports a person made (their own data). */
    async listReportsBy(personId: number) {
      return db
        .select({
          kind: moderationReports.kind,
          reason: moderationReports.reason,
          createdAt: moderationReports.createdAt,
          outcome: moderationReports.outcome,
        })
        .from(moderationReports)
        .where(eq(moderationReports.reporterId, personId))
        .orderBy(asc(moderationReports.createdAt));
    },

    /** After erasure: the reports stay (the item may still need a look), unnamed. */
    async forgetReporter(personId: number): Promise<void> {
      await db
        .update(moderationReports)
        .set({ reporterId: null })
        .where(eq(moderationReports.reporterId, personId));
      await db
        .update(moderationReports)
        .set({ handledBy: null })
        .where(eq(moderationReports.handledBy, personId));
    },
  };
}
