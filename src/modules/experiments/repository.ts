// All SQL of the experiments module. Every query is scoped by its network or by an
// experiment found within its network. Names of people come from the people module's face.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { logPhotosRepository } from './repository-photos.js';
import {
  type ExperimentStatus,
  experimentLogEntries,
  experimentSignals,
  experiments,
  experimentTeam,
  type LogKind,
} from './tables.js';

export interface ExperimentRow {
  id: number;
  networkId: number;
  title: string;
  question: string;
  approach: string;
  /** Calendar dates as YYYY-MM-DD, or null. */
  startsOn: string | null;
  endsOn: string | null;
  status: ExperimentStatus;
  evaluation: string;
  createdBy: number | null;
  updatedAt: Date;
}

export interface LogEntryRow {
  id: number;
  experimentId: number;
  kind: LogKind;
  happenedOn: string;
  authorId: number | null;
  text: string;
}

const experimentColumns = {
  id: experiments.id,
  networkId: experiments.networkId,
  title: experiments.title,
  question: experiments.question,
  approach: experiments.approach,
  startsOn: experiments.startsOn,
  endsOn: experiments.endsOn,
  status: experiments.status,
  evaluation: experiments.evaluation,
  createdBy: experiments.createdBy,
  updatedAt: experiments.updatedAt,
};

const logColumns = {
  id: experimentLogEntries.id,
  experimentId: experimentLogEntries.experimentId,
  kind: experimentLogEntries.kind,
  happenedOn: experimentLogEntries.happenedOn,
  authorId: experimentLogEntries.authorId,
  text: experimentLogEntries.text,
};

export function experimentsRepository(db: Executor) {
  return {
    ...logPhotosRepository(db),
    async insertExperiment(values: {
      networkId: number;
      title: string;
      question: string;
      approach: string;
      startsOn: string | null;
      endsOn: string | null;
      createdBy: number | null;
      status?: ExperimentStatus;
    }): Promise<number> {
      const rows = await db.insert(experiments).values(values).returning({ id: experiments.id });
      return rows[0]!.id;
    },

    async updateExperiment(
      networkId: number,
      experimentId: number,
      values: Partial<Pick<ExperimentRow, 'status' | 'evaluation' | 'startsOn' | 'endsOn'>>,
    ): Promise<void> {
      await db
        .update(experiments)
        .set({ ...values, updatedAt: sql`now()` })
        .where(and(eq(experiments.networkId, networkId), eq(experiments.id, experimentId)));
    },

    /**
     * Moves the experiment from one status to another only if it is still in `from`
     * (so two people pressing at once cannot both move it); true when it moved.
     */
    async updateStatusFrom(
      networkId: number,
      experimentId: number,
      from: readonly ExperimentStatus[],
      values: Partial<Pick<ExperimentRow, 'status' | 'evaluation' | 'startsOn' | 'endsOn'>>,
    ): Promise<boolean> {
      const rows = await db
        .update(experiments)
        .set({ ...values, updatedAt: sql`now()` })
        .where(
          and(
            eq(experiments.networkId, networkId),
            eq(experiments.id, experimentId),
            inArray(experiments.status, [...from]),
          ),
        )
        .returning({ id: experiments.id });
      return rows.length > 0;
    },

    /**
     * The experiment's row, locked until the transaction ends: every change that checks the
     * team or the status first (start, stop, evaluate, remove from the team) takes this lock,
     * so two of them never decide on the same state (issue 9, item 5).
     */
    async lockExperiment(
      networkId: number,
      experimentId: number,
    ): Promise<ExperimentRow | undefined> {
      const rows = await db
        .select(experimentColumns)
        .from(experiments)
        .where(and(eq(experiments.networkId, networkId), eq(experiments.id, experimentId)))
        .for('update');
      return rows[0];
    },

    async findExperiment(
      networkId: number,
      experimentId: number,
    ): Promise<ExperimentRow | undefined> {
      const rows = await db
        .select(experimentColumns)
        .from(experiments)
        .where(and(eq(experiments.networkId, networkId), eq(experiments.id, experimentId)))
        .limit(1);
      return rows[0];
    },

    /** The network's experiments, newest first. */
    async listExperiments(networkId: number): Promise<ExperimentRow[]> {
      return db
        .select(experimentColumns)
        .from(experiments)
        .where(eq(experiments.networkId, networkId))
        .orderBy(desc(experiments.updatedAt), desc(experiments.id));
    },

    async listTeam(experimentId: number): Promise<number[]> {
      const rows = await db
        .select({ personId: experimentTeam.personId })
        .from(experimentTeam)
        .where(eq(experimentTeam.experimentId, experimentId));
      return rows.map((r) => r.personId);
    },

    async insertTeamMember(experimentId: number, personId: number): Promise<void> {
      await db.insert(experimentTeam).values({ experimentId, personId }).onConflictDoNothing();
    },

    async deleteTeamMember(experimentId: number, personId: number): Promise<void> {
      await db
        .delete(experimentTeam)
        .where(
          and(eq(experimentTeam.experimentId, experimentId), eq(experimentTeam.personId, personId)),
        );
    },

    /** Experiments of the network linked to this signal, newest first. */
    async listExperimentsForSignal(networkId: number, signalId: number) {
      return db
        .select({ id: experiments.id, title: experiments.title, status: experiments.status })
        .from(experimentSignals)
        .innerJoin(experiments, eq(experiments.id, experimentSignals.experimentId))
        .where(and(eq(experiments.networkId, networkId), eq(experimentSignals.signalId, signalId)))
        .orderBy(desc(experiments.id));
    },

    async listSignalIds(experimentId: number): Promise<number[]> {
      const rows = await db
        .select({ signalId: experimentSignals.signalId })
        .from(experimentSignals)
        .where(eq(experimentSignals.experimentId, experimentId))
        .orderBy(asc(experimentSignals.signalId));
      return rows.map((r) => r.signalId);
    },

    async insertSignalLinks(experimentId: number, signalIds: readonly number[]): Promise<void> {
      if (signalIds.length === 0) return;
      await db
        .insert(experimentSignals)
        .values(signalIds.map((signalId) => ({ experimentId, signalId })))
        .onConflictDoNothing();
    },

    async insertLogEntry(values: Omit<LogEntryRow, 'id'>): Promise<number> {
      const rows = await db
        .insert(experimentLogEntries)
        .values(values)
        .returning({ id: experimentLogEntries.id });
      return rows[0]!.id;
    },

    /** One logbook entry of an experiment, or undefined. */
    async findLogEntry(experimentId: number, entryId: number): Promise<LogEntryRow | undefined> {
      const rows = await db
        .select(logColumns)
        .from(experimentLogEntries)
        .where(
          and(
            eq(experimentLogEntries.experimentId, experimentId),
            eq(experimentLogEntries.id, entryId),
          ),
        );
      return rows[0];
    },

    /** Changes a logbook entry's kind, date and text. */
    async updateLogEntry(
      experimentId: number,
      entryId: number,
      values: Pick<LogEntryRow, 'kind' | 'happenedOn' | 'text'>,
    ): Promise<void> {
      await db
        .update(experimentLogEntries)
        .set(values)
        .where(
          and(
            eq(experimentLogEntries.experimentId, experimentId),
            eq(experimentLogEntries.id, entryId),
          ),
        );
    },

    /** The logbook, oldest first (the order it happened in). */
    async listLogEntries(experimentId: number): Promise<LogEntryRow[]> {
      return db
        .select(logColumns)
        .from(experimentLogEntries)
        .where(eq(experimentLogEntries.experimentId, experimentId))
        .orderBy(asc(experimentLogEntries.happenedOn), asc(experimentLogEntries.id));
    },

    /**
     * For the pulse: experiments of these networks proposed, by status, in the period [from, to) (Amsterdam calendar dates, YYYY-MM-DD),
     * counted in SQL; numbers only, no texts or names.
     */
    async countForPulse(networkIds: readonly number[], from: string, to: string) {
      if (networkIds.length === 0) return [];
      const day = sql`(${experiments.createdAt} at time zone 'Europe/Amsterdam')::date`;
      return db
        .select({ status: experiments.status, n: count() })
        .from(experiments)
        .where(
          and(
            inArray(experiments.networkId, [...networkIds]),
            sql`${day} >= ${from}::date and ${day} < ${to}::date`,
          ),
        )
        .groupBy(experiments.status);
    },

    // ── For search and person data ─────────────────────────────────────────────────────

    /** Experiments for the search index: all, or those with these ids. */
    async listExperimentsForIndex(ids?: readonly number[]): Promise<ExperimentRow[]> {
      const q = db.select(experimentColumns).from(experiments);
      if (ids === undefined) return q.orderBy(asc(experiments.id));
      if (ids.length === 0) return [];
      return q.where(inArray(experiments.id, [...ids]));
    },

    /** Logbook entries with their experiment's network, for the search index. */
    async listLogEntriesForIndex(ids?: readonly number[]) {
      const q = db
        .select({ ...logColumns, networkId: experiments.networkId, title: experiments.title })
        .from(experimentLogEntries)
        .innerJoin(experiments, eq(experiments.id, experimentLogEntries.experimentId));
      if (ids === undefined) return q.orderBy(asc(experimentLogEntries.id));
      if (ids.length === 0) return [];
      return q.where(inArray(experimentLogEntries.id, [...ids]));
    },

    async listLogEntryIdsOf(experimentId: number): Promise<number[]> {
      const rows = await db
        .select({ id: experimentLogEntries.id })
        .from(experimentLogEntries)
        .where(eq(experimentLogEntries.experimentId, experimentId));
      return rows.map((r) => r.id);
    },

    async listOwnLogEntries(personId: number): Promise<LogEntryRow[]> {
      return db
        .select(logColumns)
        .from(experimentLogEntries)
        .where(eq(experimentLogEntries.authorId, personId))
        .orderBy(asc(experimentLogEntries.id));
    },

    async listTeamsOf(personId: number) {
      return db
        .select({
          experimentId: experiments.id,
          title: experiments.title,
          status: experiments.status,
        })
        .from(experimentTeam)
        .innerJoin(experiments, eq(experiments.id, experimentTeam.experimentId))
        .where(eq(experimentTeam.personId, personId));
    },

    /** Erasure: the person leaves teams; entries and proposals stay without their name. */
    async detachPerson(personId: number): Promise<void> {
      await db.delete(experimentTeam).where(eq(experimentTeam.personId, personId));
      await db
        .update(experimentLogEntries)
        .set({ authorId: null })
        .where(eq(experimentLogEntries.authorId, personId));
      await db
        .update(experiments)
        .set({ createdBy: null })
        .where(eq(experiments.createdBy, personId));
    },
  };
}

export type ExperimentsRepository = ReturnType<typeof experimentsRepository>;
