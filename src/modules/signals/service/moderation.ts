// Public submissions: a resident reports through the network's public page; the signal
// waits in a moderation queue until a coordinator approves (with a theme) or rejects it.

import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../../platform/audit.js';
import { refreshSignalIndex } from '../search.js';
import { PUBLIC_TITLE_MAX, type SignalsContext } from './shared.js';

export function moderationService({ db, repo }: SignalsContext) {
  return {
    listPending: (networkId: number) => repo.listPending(networkId),

    async approvePending(
      actor: Actor,
      networkId: number,
      signalId: number,
      theme: string,
      origin: string,
    ) {
      const done = await repo.approvePending(networkId, signalId, theme, new Date());
      if (done) {
        await repo.insertUpdate({
          networkId,
          signalId,
          authorId: actor.personId,
          kind: 'status',
          status: 'new',
        });
        await refreshSignalIndex(db, [signalId]);
        await recordAudit(db, {
          actorId: actor.personId,
          action: 'signal.approve',
          result: 'ok',
          objectType: 'signal',
          objectId: signalId,
          networkId,
          origin,
        });
      }
      return done;
    },

    async rejectPending(actor: Actor, networkId: number, signalId: number, origin: string) {
      const done = await repo.deletePending(networkId, signalId);
      if (done) {
        await recordAudit(db, {
          actorId: actor.personId,
          action: 'signal.reject',
          result: 'ok',
          objectType: 'signal',
          objectId: signalId,
          networkId,
          origin,
        });
      }
      return done;
    },

    async submitPublic(
      networkId: number,
      input: { description: string; place: string; email: string | undefined },
    ): Promise<void> {
      const firstLine = input.description.split(/\r?\n/)[0]!.trim();
      const title =
        firstLine.length > PUBLIC_TITLE_MAX
          ? `${firstLine.slice(0, PUBLIC_TITLE_MAX - 3).trimEnd()}…`
          : firstLine;
      await repo.insertSignal({
        networkId,
        title,
        description: input.description,
        place: input.place,
        theme: 'other',
        raisedBy: 'resident',
        origin: 'public_page',
        status: 'pending',
        contactEmail: input.email ?? null,
      });
    },
  };
}
