// Use cases of experiments: propose, form the team, start (team rule), keep the logbook,
// stop, and evaluate into lessons (written to the library through its face). Transactions
// live here; each change refreshes the search index through the search module's face.
import type { Database, Executor } from '../../db/client.js';
import type { MemberRole } from '../../platform/actor.js';
import type { PhotoChange } from '../../platform/photos.js';
import { libraryModule } from '../library/index.js';
import { peopleModule } from '../people/index.js';
import { searchModule } from '../search/index.js';
import { canMove, teamIsComplete } from './policy.js';
import { type ExperimentRow, experimentsRepository, type LogEntryRow } from './repository.js';
import type { LogPhotoMeta } from './repository-photos.js';
import { experimentsSearch } from './search.js';
import type { ExperimentStatus, LogKind } from './tables.js';

/** Most lessons one evaluation can hold. */
export const LESSONS_MAX = 5;

export interface ExperimentInput {
  title: string;
  question: string;
  approach: string;
  startsOn: string | null;
  endsOn: string | null;
  /** Signals it came from, by id (shown as links; the signals page checks access). */
  signalIds: number[];
  /** Other members to put on the team (ids that are not members are ignored). */
  teamIds: number[];
}

export interface TeamMember {
  personId: number;
  name: string;
  role: MemberRole | undefined;
}

export interface ExperimentDetail {
  experiment: ExperimentRow;
  team: TeamMember[];
  signalIds: number[];
  log: (LogEntryRow & { authorName: string | null; photo: LogPhotoMeta | null })[];
  /** Lessons drawn from it, as the library shows them. */
  lessons: { id: number; title: string }[];
}

export interface LessonInput {
  title: string;
  body: string;
  differently: string;
}

/** Why a change was refused: the flow does not allow it, or the team is not complete. */
export type ChangeResult =
  | { ok: true }
  | { ok: false; reason: 'flow' | 'team' | 'lessons' | 'teamRunning' };

async function refreshIndex(db: Executor, experimentId: number, logIds: number[] = []) {
  await searchModule.api.refresh(db, experimentsSearch, 'experiment', [experimentId]);
  if (logIds.length > 0) {
    await searchModule.api.refresh(db, experimentsSearch, 'logbook_entry', logIds);
  }
}

export function experimentsService(db: Database) {
  const repo = experimentsRepository(db);
  const directory = peopleModule.api.directory(db);

  /** The team with names and roles; `on`: the transaction to read in (default: db). */
  async function teamOf(
    networkId: number,
    experimentId: number,
    on: Executor = db,
  ): Promise<TeamMember[]> {
    const ids = await experimentsRepository(on).listTeam(experimentId);
    const people = on === db ? directory : peopleModule.api.directory(on);
    const members = new Map(
      (await people.listMembers(networkId)).map((m) => [m.personId, m] as const),
    );
    const names = await people.findNames(ids);
    return ids
      .map((personId) => ({
        personId,
        name: names.get(personId)?.name ?? '',
        role: members.get(personId)?.role,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  return {
    listExperiments: (networkId: number) => repo.listExperiments(networkId),
    listMembers: (networkId: number) => directory.listMembers(networkId),
    findExperiment: (networkId: number, id: number) => repo.findExperiment(networkId, id),
    listTeam: (experimentId: number) => repo.listTeam(experimentId),

    async findDetail(networkId: number, id: number): Promise<ExperimentDetail | undefined> {
      const experiment = await repo.findExperiment(networkId, id);
      if (!experiment) return undefined;
      const entries = await repo.listLogEntries(id);
      const photos = new Map((await repo.listLogPhotoMeta(id)).map((p) => [p.entryId, p]));
      const names = await directory.findNames(
        entries.flatMap((e) => (e.authorId === null ? [] : [e.authorId])),
      );
      return {
        experiment,
        team: await teamOf(networkId, id),
        signalIds: await repo.listSignalIds(id),
        log: entries.map((e) => ({
          ...e,
          authorName: e.authorId === null ? null : (names.get(e.authorId)?.name ?? null),
          photo: photos.get(e.id) ?? null,
        })),
        lessons: await libraryModule.api.listLessonsFrom(db, 'experiment', id),
      };
    },

    /** Proposes an experiment (status idea); the proposer is on the team. */
    async createExperiment(
      networkId: number,
      personId: number,
      input: ExperimentInput,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        const r = experimentsRepository(tx);
        const members = new Set(
          (await peopleModule.api.directory(tx).listMembers(networkId)).map((m) => m.personId),
        );
        const id = await r.insertExperiment({
          networkId,
          title: input.title,
          question: input.question,
          approach: input.approach,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdBy: personId,
        });
        for (const member of new Set([personId, ...input.teamIds])) {
          if (members.has(member)) await r.insertTeamMember(id, member);
        }
        await r.insertSignalLinks(id, [...new Set(input.signalIds)]);
        await refreshIndex(tx, id);
        return id;
      });
    },

    /** Adds a member of the network to the team; false when they are not a member. */
    async addTeamMember(networkId: number, experimentId: number, personId: number) {
      const role = await directory.findRole(networkId, personId);
      if (!role) return false;
      await repo.insertTeamMember(experimentId, personId);
      return true;
    },

    /**
     * A running experiment keeps its duo: removing the last resident or professional is
     * refused. Decided on the locked row, so two removals at once cannot both pass the check.
     */
    async removeTeamMember(
      networkId: number,
      experiment: ExperimentRow,
      personId: number,
    ): Promise<ChangeResult> {
      return db.transaction(async (tx) => {
        const r = experimentsRepository(tx);
        const current = await r.lockExperiment(networkId, experiment.id);
        if (!current) return { ok: false as const, reason: 'flow' as const };
        if (current.status === 'running') {
          const rest = (await teamOf(networkId, experiment.id, tx)).filter(
            (m) => m.personId !== personId,
          );
          if (!teamIsComplete(rest.map((m) => m.role)).complete) {
            return { ok: false as const, reason: 'teamRunning' as const };
          }
        }
        await r.deleteTeamMember(experiment.id, personId);
        return { ok: true as const };
      });
    },

    /**
     * Moves an experiment to running or stopped. Starting needs a complete team (see
     * policy.teamIsComplete) and sets the start date to `today` when none was given.
     */
    async changeStatus(
      networkId: number,
      experiment: ExperimentRow,
      to: Extract<ExperimentStatus, 'running' | 'stopped'>,
      today: string,
    ): Promise<ChangeResult> {
      // Decided on the locked row: a start and a removal from the team at the same moment
      // cannot leave a running experiment without its duo. A step is taken from the status
      // the person saw; if someone else moved the experiment meanwhile, it is refused.
      return db.transaction(async (tx) => {
        const current = await experimentsRepository(tx).lockExperiment(networkId, experiment.id);
        if (!current || current.status !== experiment.status || !canMove(current.status, to))
          return { ok: false as const, reason: 'flow' as const };
        if (to === 'running') {
          const team = await teamOf(networkId, experiment.id, tx);
          if (!teamIsComplete(team.map((m) => m.role)).complete) {
            return { ok: false as const, reason: 'team' as const };
          }
        }
        const values =
          to === 'running'
            ? { status: to, startsOn: current.startsOn ?? today }
            : { status: to, endsOn: current.endsOn ?? today };
        const moved = await experimentsRepository(tx).updateStatusFrom(
          networkId,
          experiment.id,
          [current.status],
          values,
        );
        if (!moved) return { ok: false as const, reason: 'flow' as const };
        await refreshIndex(tx, experiment.id);
        return { ok: true as const };
      });
    },

    async addLogEntry(
      experiment: ExperimentRow,
      input: { kind: LogKind; happenedOn: string; text: string; authorId: number },
      photo?: PhotoChange,
    ): Promise<ChangeResult> {
      if (experiment.status === 'evaluated' || experiment.status === 'stopped') {
        return { ok: false, reason: 'flow' };
      }
      // The entry and its photo together, or neither.
      await db.transaction(async (tx) => {
        const r = experimentsRepository(tx);
        const id = await r.insertLogEntry({ experimentId: experiment.id, ...input });
        if (photo) await r.applyLogPhoto(id, photo);
        await refreshIndex(tx, experiment.id, [id]);
      });
      return { ok: true };
    },

    /** One logbook entry of the experiment, or undefined. */
    findLogEntry: (experiment: ExperimentRow, entryId: number) =>
      repo.findLogEntry(experiment.id, entryId),

    /** An entry's photo when the entry belongs to the experiment (bytes and type). */
    findLogPhoto: (experiment: ExperimentRow, entryId: number) =>
      repo.findLogPhoto(experiment.id, entryId),
    /** An entry's photo's size and alt text, or undefined when it has none. */
    findLogPhotoMeta: async (experiment: ExperimentRow, entryId: number) =>
      (await repo.listLogPhotoMeta(experiment.id)).find((p) => p.entryId === entryId),

    /**
     * Changes a logbook entry (kind, date, text, and its photo: kept, replaced or removed)
     * while the experiment is open, like adding one ('flow' once it is evaluated or
     * stopped); all or nothing (no `photo`: it stays as it is); the search index follows.
     */
    async editLogEntry(
      experiment: ExperimentRow,
      entryId: number,
      input: { kind: LogKind; happenedOn: string; text: string },
      photo?: PhotoChange,
    ): Promise<ChangeResult> {
      if (experiment.status === 'evaluated' || experiment.status === 'stopped') {
        return { ok: false, reason: 'flow' };
      }
      await db.transaction(async (tx) => {
        const r = experimentsRepository(tx);
        await r.updateLogEntry(experiment.id, entryId, input);
        if (photo) await r.applyLogPhoto(entryId, photo);
        await refreshIndex(tx, experiment.id, [entryId]);
      });
      return { ok: true };
    },

    /**
     * Ends a running experiment with its evaluation and at least one lesson; the lessons go
     * to the library (visible to the network; sharing wider asks the coordinator). All or
     * nothing.
     */
    async evaluate(
      networkId: number,
      experiment: ExperimentRow,
      input: { evaluation: string; lessons: LessonInput[]; authorId: number; today: string },
    ): Promise<ChangeResult> {
      if (!canMove(experiment.status, 'evaluated')) return { ok: false, reason: 'flow' };
      if (input.lessons.length === 0) return { ok: false, reason: 'lessons' };
      return db.transaction(async (tx) => {
        const moved = await experimentsRepository(tx).updateStatusFrom(
          networkId,
          experiment.id,
          ['running'],
          {
            status: 'evaluated',
            evaluation: input.evaluation,
            endsOn: experiment.endsOn ?? input.today,
          },
        );
        if (!moved) return { ok: false as const, reason: 'flow' as const };
        await libraryModule.api.createLessons(tx, {
          networkId,
          authorId: input.authorId,
          source: { type: 'experiment', id: experiment.id, title: experiment.title },
          lessons: input.lessons,
        });
        await refreshIndex(tx, experiment.id);
        return { ok: true as const };
      });
    },
  };
}

export type ExperimentsService = ReturnType<typeof experimentsService>;

/** The board: experiments grouped by status, in the flow's order. */
export function groupByStatus(rows: ExperimentRow[]): Record<ExperimentStatus, ExperimentRow[]> {
  const groups: Record<ExperimentStatus, ExperimentRow[]> = {
    idea: [],
    running: [],
    evaluated: [],
    stopped: [],
  };
  for (const row of rows) groups[row.status].push(row);
  return groups;
}
