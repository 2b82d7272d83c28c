// The retention job's SQL: networks with signals to anonymise, and the anonymising itself.
import { and, asc, eq, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { signalRevisions, signalSettings, signals, signalUpdates } from '../tables.js';

/** What an anonymised text reads. */
export const ANONYMISED = '[geanonimiseerd]';

export function retentionRepository(db: Executor) {
  return {
    /**
     * Networks with closed person-bound signals not yet anonymised, each with its retention
     * period (undefined: the default): the work list of the retention job.
     */
    async listRetentionCandidates(): Promise<
      { networkId: number; retentionMonths: number | undefined }[]
    > {
      const rows = await db
        .selectDistinct({
          networkId: signals.networkId,
          retentionMonths: signalSettings.retentionMonths,
        })
        .from(signals)
        .leftJoin(signalSettings, eq(signalSettings.networkId, signals.networkId))
        .where(
          and(
            eq(signals.personBound, true),
            eq(signals.status, 'closed'),
            isNull(signals.anonymisedAt),
          ),
        )
        .orderBy(asc(signals.networkId));
      return rows.map((r) => ({
        networkId: r.networkId,
        retentionMonths: r.retentionMonths ?? undefined,
      }));
    },

    /** Person-bound signals of the network closed before the cutoff and not yet anonymous. */
    async anonymiseClosedBefore(networkId: number, cutoff: Date, now: Date): Promise<number[]> {
      const rows = await db
        .update(signals)
        .set({
          title: ANONYMISED,
          description: ANONYMISED,
          place: ANONYMISED,
          trigger: ANONYMISED,
          outcome: ANONYMISED,
          contactEmail: null,
          anonymisedAt: now,
        })
        .where(
          and(
            eq(signals.networkId, networkId),
            eq(signals.personBound, true),
            eq(signals.status, 'closed'),
            lt(signals.closedAt, cutoff),
            isNull(signals.anonymisedAt),
          ),
        )
        .returning({ id: signals.id });
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        await db
          .update(signalRevisions)
          .set({
            title: ANONYMISED,
            description: ANONYMISED,
            place: ANONYMISED,
            trigger: ANONYMISED,
          })
          .where(
            and(eq(signalRevisions.networkId, networkId), inArray(signalRevisions.signalId, ids)),
          );
        await db
          .update(signalUpdates)
          .set({ text: ANONYMISED })
          .where(
            and(
              eq(signalUpdates.networkId, networkId),
              inArray(signalUpdates.signalId, ids),
              ne(signalUpdates.text, ''),
            ),
          );
      }
      return ids;
    },
  };
}
