// Recording a signal and reading it: create, find with its duo, the thread, the audited
// read of a person-bound signal, edits with their earlier versions, the list.

import type { Actor } from '../../../platform/actor.js';
import { roleIn } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { type SignalRow, signalsRepository } from '../repository/index.js';
import { refreshSignalIndex } from '../search.js';
import type { LoadedSignal, NewSignalInput, SignalsContext, SignalUpdate } from './shared.js';

export function recordingService({ db, repo, directory }: SignalsContext) {
  return {
    async createSignal(actor: Actor, networkId: number, input: NewSignalInput): Promise<number> {
      const role = roleIn(actor, networkId);
      if (!role) throw new Error('only members create signals');
      return db.transaction(async (tx) => {
        const r = signalsRepository(tx);
        const signal = await r.insertSignal({
          networkId,
          ...input,
          status: 'new',
          createdBy: actor.personId,
        });
        // Whoever records a signal follows it up: the first half of its duo.
        await r.insertFollower({ networkId, signalId: signal.id, personId: actor.personId, role });
        await r.insertUpdate({
          networkId,
          signalId: signal.id,
          authorId: actor.personId,
          kind: 'status',
          status: 'new',
        });
        await recordAudit(tx, {
          actorId: actor.personId,
          action: 'signal.create',
          result: 'ok',
          objectType: 'signal',
          objectId: signal.id,
          networkId,
        });
        await refreshSignalIndex(tx, [signal.id]);
        return signal.id;
      });
    },

    /** A signal of the network with its duo (names from the people module), or undefined. */
    async findSignal(networkId: number, signalId: number): Promise<LoadedSignal | undefined> {
      const signal = await repo.findSignal(networkId, signalId);
      if (!signal) return undefined;
      const rows = await repo.listFollowers(networkId, signalId);
      const names = await directory.findNames(rows.map((r) => r.personId));
      const followers = rows.map((r) => {
        const person = names.get(r.personId);
        return { ...r, name: person?.name ?? '', erased: person?.erased ?? true };
      });
      return { signal, followers };
    },

    /** The thread of a signal, oldest first, with the authors' names. */
    async listUpdates(networkId: number, signalId: number): Promise<SignalUpdate[]> {
      const rows = await repo.listUpdates(networkId, signalId);
      const names = await directory.findNames(
        rows.flatMap((r) => (r.authorId === null ? [] : [r.authorId])),
      );
      return rows.map(({ authorId, ...r }) => ({
        ...r,
        author: authorId === null ? undefined : names.get(authorId),
      }));
    },

    async recordPersonalRead(actor: Actor, signal: SignalRow, origin: string): Promise<void> {
      await recordAudit(db, {
        actorId: actor.personId,
        action: 'signal.read.personal',
        result: 'ok',
        objectType: 'signal',
        objectId: signal.id,
        networkId: signal.networkId,
        origin,
      });
    },

    /** Changes a signal's texts; the earlier version is kept (signal_revisions). */
    async editSignal(
      actor: Actor,
      networkId: number,
      signalId: number,
      values: { title: string; description: string; theme: string; place: string; trigger: string },
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const r = signalsRepository(tx);
        const done = await r.updateTexts(networkId, signalId, actor.personId, values, new Date());
        if (done) await refreshSignalIndex(tx, [signalId]);
        return done;
      });
    },

    /** Earlier versions of a signal, newest first, with the editors' names. */
    async listRevisions(networkId: number, signalId: number) {
      const rows = await repo.listRevisions(networkId, signalId);
      const names = await directory.findNames(
        rows.flatMap((r) => (r.editorId === null ? [] : [r.editorId])),
      );
      return rows.map((r) => ({
        ...r,
        editor: r.editorId === null ? undefined : names.get(r.editorId),
      }));
    },

    listSignals: repo.listSignals,
    countSignals: repo.countSignals,
    countHiddenPersonBound: repo.countHiddenPersonBound,
  };
}
