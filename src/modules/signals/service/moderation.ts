// Public submissions: a resident reports through the network's public page; the signal
// waits for moderation until a coordinator approves (with a theme) or rejects it on the
// moderation module's page (see ../moderation.ts, the module's publication provider).

import { PUBLIC_TITLE_MAX, type SignalsContext } from './shared.js';

export function moderationService({ repo }: SignalsContext) {
  return {
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
