// Following a signal up: the duo (join, add, leave), notes, and the status flow (a step
// forward, or one back with a reason); each status change written to the thread and audited.

import type { Actor, MemberRole } from '../../../platform/actor.js';
import { roleIn } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import {
  checkStepBack,
  checkTransition,
  previousStatus,
  type SignalStatus,
  type StepBackRefusal,
  type TransitionRefusal,
} from '../policy.js';
import { signalsRepository } from '../repository/index.js';
import { refreshSignalIndex } from '../search.js';
import type { LoadedSignal, SignalsContext } from './shared.js';

export function followUpService({ db, repo, directory }: SignalsContext) {
  return {
    async joinDuo(actor: Actor, networkId: number, signalId: number): Promise<void> {
      const role = roleIn(actor, networkId);
      if (!role) throw new Error('only members join a duo');
      await repo.insertFollower({ networkId, signalId, personId: actor.personId, role });
    },

    /** Adds a member of the same network to the duo; false when they are not a member. */
    async addFollower(networkId: number, signalId: number, personId: number): Promise<boolean> {
      const role = await directory.findRole(networkId, personId);
      if (!role) return false;
      await repo.insertFollower({ networkId, signalId, personId, role });
      return true;
    },

    /** Members of the network (`{ personId, name, role }`), by name. */
    listMembers: (networkId: number) => directory.listMembers(networkId),

    async postUpdate(actor: Actor, networkId: number, signalId: number, text: string) {
      await repo.insertUpdate({
        networkId,
        signalId,
        authorId: actor.personId,
        kind: 'note',
        text,
      });
    },

    async changeStatus(
      actor: Actor,
      loaded: LoadedSignal,
      to: SignalStatus,
      outcome: string | undefined,
    ): Promise<TransitionRefusal | 'ok'> {
      const { signal, followers } = loaded;
      const roles: MemberRole[] = followers.map((f) => f.role);
      const refusal = checkTransition(signal.status, to, roles, outcome);
      if (refusal) return refusal;
      return db.transaction(async (tx) => {
        const r = signalsRepository(tx);
        const at = new Date();
        const text = to === 'closed' ? (outcome ?? '').trim() : undefined;
        const moved = await r.updateStatus(signal.networkId, signal.id, signal.status, {
          status: to,
          at,
          ...(text !== undefined ? { outcome: text } : {}),
        });
        // Someone else moved it first: the same refusal as any other wrong step.
        if (!moved) return 'notAllowed' as const;
        await r.insertUpdate({
          networkId: signal.networkId,
          signalId: signal.id,
          authorId: actor.personId,
          kind: 'status',
          status: to,
          createdAt: at,
        });
        await recordAudit(tx, {
          actorId: actor.personId,
          action: 'signal.status',
          result: 'ok',
          objectType: 'signal',
          objectId: signal.id,
          networkId: signal.networkId,
          detail: `${signal.status} -> ${to}`,
        });
        await refreshSignalIndex(tx, [signal.id]);
        return 'ok' as const;
      });
    },

    /**
     * One step back in the status flow with a reason: written to the thread (the reason as
     * its text) and to the audit log (without the reason, which may name someone).
     */
    async stepBack(
      actor: Actor,
      loaded: LoadedSignal,
      reason: string | undefined,
      origin: string,
    ): Promise<StepBackRefusal | 'ok'> {
      const { signal } = loaded;
      const refusal = checkStepBack(signal.status, reason);
      if (refusal) return refusal;
      const to = previousStatus[signal.status]!;
      return db.transaction(async (tx) => {
        const r = signalsRepository(tx);
        const at = new Date();
        if (!(await r.updateStatus(signal.networkId, signal.id, signal.status, { status: to, at })))
          return 'notAllowed' as const;
        await r.insertUpdate({
          networkId: signal.networkId,
          signalId: signal.id,
          authorId: actor.personId,
          kind: 'status',
          status: to,
          text: (reason ?? '').trim(),
          createdAt: at,
        });
        await recordAudit(tx, {
          actorId: actor.personId,
          action: 'signal.status.back',
          result: 'ok',
          objectType: 'signal',
          objectId: signal.id,
          networkId: signal.networkId,
          origin,
          detail: `${signal.status} -> ${to}`,
        });
        return 'ok' as const;
      });
    },

    /** The actor stops following the signal up; false when they did not follow it. */
    leaveDuo: (actor: Actor, networkId: number, signalId: number) =>
      repo.deleteFollower(networkId, signalId, actor.personId),
  };
}
