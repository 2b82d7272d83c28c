// Following a signal up: the duo (join, add, leave), notes, and the status flow (a step
// forward, or one back with a reason); each status change written to the thread and audited.

import type { Executor } from '../../../db/client.js';
import type { Actor, MemberRole } from '../../../platform/actor.js';
import { roleIn } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { notificationsModule } from '../../notifications/index.js';
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

/**
 * Tells the signal's followers (but not who did it) that it changed status or got an update
 * (issue 11 item 5), inside the caller's transaction. A person-bound signal is named by its
 * number only: mail leaves the platform.
 */
async function tellFollowers(
  tx: Executor,
  networkId: number,
  signalId: number,
  by: number,
  change: { event: 'status'; status: SignalStatus } | { event: 'update' },
) {
  const r = signalsRepository(tx);
  const [signal, followers] = await Promise.all([
    r.findSignal(networkId, signalId),
    r.listFollowers(networkId, signalId),
  ]);
  if (!signal) return;
  await notificationsModule.api.notify(tx, {
    kind: 'signal',
    event: change.event,
    personIds: followers.map((f) => f.personId),
    exceptPersonId: by,
    networkId,
    params: {
      title: signal.personBound ? `#${signal.id}` : signal.title,
      ...(change.event === 'status' ? { statusKey: `signals.status.${change.status}` } : {}),
    },
    link: `/netwerk/${networkId}/signalen/${signalId}`,
  });
}

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
      await db.transaction(async (tx) => {
        const r = signalsRepository(tx);
        await r.insertFollower({ networkId, signalId, personId, role });
        const signal = await r.findSignal(networkId, signalId);
        if (signal)
          await notificationsModule.api.notify(tx, {
            kind: 'duo',
            event: 'added',
            personIds: [personId],
            networkId,
            params: { title: signal.personBound ? `#${signal.id}` : signal.title },
            link: `/netwerk/${networkId}/signalen/${signalId}`,
          });
      });
      return true;
    },

    /** Members of the network (`{ personId, name, role }`), by name. */
    listMembers: (networkId: number) => directory.listMembers(networkId),

    async postUpdate(actor: Actor, networkId: number, signalId: number, text: string) {
      await db.transaction(async (tx) => {
        await signalsRepository(tx).insertUpdate({
          networkId,
          signalId,
          authorId: actor.personId,
          kind: 'note',
          text,
        });
        await tellFollowers(tx, networkId, signalId, actor.personId, { event: 'update' });
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
        await tellFollowers(tx, signal.networkId, signal.id, actor.personId, {
          event: 'status',
          status: to,
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
        await tellFollowers(tx, signal.networkId, signal.id, actor.personId, {
          event: 'status',
          status: to,
        });
        return 'ok' as const;
      });
    },

    /** The actor stops following the signal up; false when they did not follow it. */
    leaveDuo: (actor: Actor, networkId: number, signalId: number) =>
      repo.deleteFollower(networkId, signalId, actor.personId),
  };
}
