// The ballot rules and costs of rounds that have a ballot: frozen from the first ballot on
// (every change is refused, see service.ts), so the ballot path checks them without a query.
import type { BallotRules } from './ballot.js';

/** How many frozen rounds one cache keeps (a few rounds are voting at a time). */
const FROZEN_CACHE_MAX = 50;

/** A frozen round's ballot rules and the costs of its accepted proposals (id → cents). */
export interface FrozenRound {
  networkId: number;
  rules: BallotRules;
  costs: ReadonlyMap<number, number>;
}

/**
 * A per-service cache of frozen rounds by round id. `remember` only after a ballot of the
 * round is stored; `forget` on a phase change. Past FROZEN_CACHE_MAX rounds it starts over.
 */
export function frozenRoundCache() {
  const rounds = new Map<number, FrozenRound>();
  return {
    get: (roundId: number, networkId: number): FrozenRound | undefined => {
      const found = rounds.get(roundId);
      return found?.networkId === networkId ? found : undefined;
    },
    remember(roundId: number, frozen: FrozenRound): void {
      if (rounds.size >= FROZEN_CACHE_MAX) rounds.clear();
      rounds.set(roundId, frozen);
    },
    forget: (roundId: number): void => {
      rounds.delete(roundId);
    },
  };
}
