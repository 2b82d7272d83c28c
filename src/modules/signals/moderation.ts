// Signals from the public form wait for publication (decision 0009): the platform's
// moderation module lists them on its page and approves (with a theme) or refuses them
// through this provider. Approved, the submission is a new signal; refused, it is deleted.
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Translate } from '../../platform/i18n/index.js';
import type { PublicationProvider, WaitingItem } from '../../platform/module.js';
import { themeOptions } from './presenters.js';
import { type SignalRow, signalsRepository } from './repository/index.js';
import { refreshSignalIndex } from './search.js';
import { themesOf } from './themes.js';

/** The theme an approved submission gets when none (or an unknown one) was chosen. */
const DEFAULT_THEME = 'other';

/** Audits an approval or refusal (`signal.approve` / `signal.reject`). */
async function audit(
  db: Executor,
  networkId: number,
  id: number,
  action: 'signal.approve' | 'signal.reject',
  change: { by: number; origin: string },
): Promise<void> {
  await recordAudit(db, {
    actorId: change.by,
    action,
    result: 'ok',
    objectType: 'signal',
    objectId: id,
    networkId,
    origin: change.origin,
  });
}

/** A waiting submission as the moderation page lists it, with the network's themes to choose. */
function toWaiting(s: SignalRow, extraThemes: readonly string[], t: Translate): WaitingItem {
  return {
    kind: 'signal',
    id: s.id,
    networkId: s.networkId,
    title: s.title,
    text: s.place ? `${s.description}\n${t('signals.detail.place')}: ${s.place}` : s.description,
    authorLabel: t('signals.publication.author', {
      contact: s.contactEmail ?? t('signals.moderation.noContact'),
    }),
    authorId: null,
    createdAt: s.createdAt,
    choice: {
      label: t('signals.moderation.theme'),
      options: themeOptions(t, themesOf(extraThemes)),
      selected: DEFAULT_THEME,
    },
  };
}

export const signalPublication: PublicationProvider = {
  kind: 'signal',
  countWaiting: (db, networkId) => signalsRepository(db).countPending(networkId),
  async listWaiting(db, networkId, limit, t) {
    const repo = signalsRepository(db);
    const [rows, extras] = await Promise.all([
      repo.listPending(networkId, limit),
      repo.listThemes(networkId),
    ]);
    return rows.map((s) => toWaiting(s, extras, t));
  },
  async findWaiting(db, networkId, id, t) {
    const repo = signalsRepository(db);
    const signal = await repo.findSignal(networkId, id);
    if (signal?.status !== 'pending') return undefined;
    return toWaiting(signal, await repo.listThemes(networkId), t);
  },
  async approve(db, networkId, id, change) {
    const repo = signalsRepository(db);
    const themes = themesOf(await repo.listThemes(networkId));
    const theme = change.choice && themes.includes(change.choice) ? change.choice : DEFAULT_THEME;
    if (!(await repo.approvePending(networkId, id, theme, change.at))) return false;
    await repo.insertUpdate({
      networkId,
      signalId: id,
      authorId: change.by,
      kind: 'status',
      status: 'new',
    });
    await refreshSignalIndex(db, [id]);
    await audit(db, networkId, id, 'signal.approve', change);
    return true;
  },
  async reject(db, networkId, id, change) {
    const repo = signalsRepository(db);
    const pending = await repo.findSignal(networkId, id);
    if (pending?.status !== 'pending' || !(await repo.deletePending(networkId, id))) {
      return undefined;
    }
    await audit(db, networkId, id, 'signal.reject', change);
    return { authorId: null, text: pending.description };
  },
};
