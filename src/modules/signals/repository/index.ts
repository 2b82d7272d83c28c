// All SQL of the signals module, on its own tables only (people's names, roles and email
// come through the people module's directory). Every query names the network it works in.
// One file a part; signalsRepository(db) puts them together.
import type { Executor } from '../../../db/client.js';
import type { SignalStatus } from '../policy.js';
import type { signals } from '../tables.js';
import { listRepository } from './lists.js';
import { moderationRepository } from './moderation.js';
import type { SignalWaiting } from './overview.js';
import { personDataRepository } from './person-data.js';
import { retentionRepository } from './retention.js';
import { settingsRepository } from './settings.js';
import { signalRepository } from './signals.js';

export { SIGNAL_LIST_LIMIT } from './lists.js';
export type { SignalWaiting } from './overview.js';
export { ANONYMISED } from './retention.js';

export type SignalRow = typeof signals.$inferSelect;
export type NewSignal = typeof signals.$inferInsert;

export interface SignalListFilter {
  status?: SignalStatus | undefined;
  theme?: string | undefined;
  /** Only open signals that wait in this way (the overview's links; see overview.ts). */
  waiting?: { kind: SignalWaiting; quietSince: Date } | undefined;
  /** The viewer sees the person-bound signals they follow, or all of them (coordinator). */
  viewerId: number;
  allPersonBound: boolean;
}

export function signalsRepository(db: Executor) {
  return {
    ...settingsRepository(db),
    ...retentionRepository(db),
    ...signalRepository(db),
    ...listRepository(db),
    ...moderationRepository(db),
    ...personDataRepository(db),
  };
}

export type SignalsRepository = ReturnType<typeof signalsRepository>;
