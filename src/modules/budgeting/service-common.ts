// What the budget's use cases and routes share: limits, the errors answered 409, photo and
// money input, the shapes of results, the round's audit record, and the frozen-round rule.
import type { Database, Executor } from '../../db/client.js';
import type { Outcome } from '../../pb/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { UploadedPhoto } from '../../platform/photos.js';
import { sparksModule } from '../sparks/index.js';
import type { BallotProblem } from './ballot.js';
import { budgetingRepository, type RoundRow } from './repository.js';

/** The most codes one request may make. */
export const CODES_PER_BATCH_MAX = 5000;
/** Wrong codes one address may try per window before it must wait. */
export const WRONG_CODES_MAX = 10;
export const WRONG_CODES_WINDOW_MS = 15 * 60_000;

/** A change refused because the round has ballots (answered 409). */
export class FrozenError extends Error {
  constructor() {
    super('round is frozen: it has ballots');
  }
}

/**
 * New codes refused: accounts voted without a code in this round (it had none), and a new
 * code could give one of them a second vote (decision 0011). Answered 409.
 */
export class AccountVotesError extends Error {
  constructor() {
    super('accounts voted without a code in this round');
  }
}

/** What binding a typed code to an account gave (decision 0011). */
export type BindResult = 'ok' | 'wrong' | 'limited' | 'used' | 'taken' | 'other';

/** Why a photo was refused: the photo field's message key. */
export type PhotoProblem =
  | 'budget.error.photoTooLarge'
  | 'budget.error.photoType'
  | 'budget.error.photoPixels'
  | 'budget.error.photoEmpty';

const photoProblem = {
  tooLarge: 'budget.error.photoTooLarge',
  type: 'budget.error.photoType',
  tooManyPixels: 'budget.error.photoPixels',
  empty: 'budget.error.photoEmpty',
} as const;

/**
 * Re-encodes an optional upload through the sparks module's photo handling (no location or
 * camera data): nothing when no file was chosen, the photo, or the problem to show.
 */
export async function preparePhoto(
  upload: UploadedPhoto | undefined,
): Promise<
  | { ok: true; photo: { data: Buffer; contentType: string; width: number; height: number } | null }
  | { ok: false; problem: PhotoProblem }
> {
  const prepared = await sparksModule.api.preparePhoto(upload);
  if (!prepared.ok) return { ok: false, problem: photoProblem[prepared.reason] };
  if (!prepared.photo) return { ok: true, photo: null };
  const { data, contentType, width, height } = prepared.photo;
  return { ok: true, photo: { data, contentType, width, height } };
}

/** Who does something, for the audit log. */
export interface Doer {
  personId: number | null;
  origin: string;
}

/** The stored outcome of a count: the round's rule and, beside it, greedy counting. */
export interface StoredResult {
  outcome: Outcome;
  greedy: Outcome;
  ballots: number;
}

/**
 * Euros as typed by a person ("25.000", "1250,50", "€ 300") → whole cents, or undefined
 * when it is not an amount (negative, more than two decimals, above 100 million).
 */
export function parseEuroCents(input: string): number | undefined {
  let s = input.replace(/[€\s]/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const comma = s.lastIndexOf(',');
  let decimals = '';
  if (comma >= 0) {
    decimals = s.slice(comma + 1);
    s = s.slice(0, comma);
    if (decimals.length === 0 || decimals.length > 2 || s.includes(',')) return undefined;
  }
  // Dots are thousands separators in Dutch: groups of three.
  if (s.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(s)) return undefined;
  const euros = Number(s.replace(/\./g, ''));
  if (!Number.isSafeInteger(euros) || euros > 100_000_000) return undefined;
  return euros * 100 + Number(decimals.padEnd(2, '0') || '0');
}

/** A ballot as a voter fills it in: proposal id → points (1 for approval). */
export type Choices = Map<number, number>;

export type CastResult =
  | { ok: true; receipt: string; repeated: boolean }
  | { ok: false; reason: 'used' | 'closed' | 'invalid-code' | 'replayed' | 'unbound' }
  | { ok: false; reason: 'ballot'; problem: BallotProblem };

/** Writes a budget round's audit record (`doer`: who and from where). */
export async function auditRound(
  tx: Executor,
  doer: Doer,
  action: string,
  round: { id: number; networkId: number },
  result: 'ok' | 'denied' = 'ok',
  detail?: string,
) {
  await recordAudit(tx, {
    actorId: doer.personId,
    action,
    result,
    objectType: 'budget_round',
    objectId: round.id,
    networkId: round.networkId,
    origin: doer.origin,
    detail,
  });
}

/**
 * Runs a change of a frozen-able round in one transaction: the round is locked for update
 * (waiting for ballots in flight), and when it has a ballot the change is refused, audited
 * (outside the rolled-back transaction) and FrozenError thrown.
 */
export async function changeUnlessFrozen<T>(
  db: Database,
  networkId: number,
  roundId: number,
  doer: Doer,
  action: string,
  change: (tx: Executor, round: RoundRow) => Promise<T>,
): Promise<T> {
  let frozen = false;
  const result = await db.transaction(async (tx) => {
    const r = budgetingRepository(tx);
    const round = await r.lockRound(networkId, roundId, 'update');
    if (!round) throw new Error('round not found');
    if ((await r.countBallots(roundId)) > 0) {
      frozen = true;
      return undefined;
    }
    const value = await change(tx, round);
    await auditRound(tx, doer, action, round);
    return value;
  });
  if (frozen) {
    await auditRound(
      db,
      doer,
      action,
      { id: roundId, networkId },
      'denied',
      'frozen: round has ballots',
    );
    throw new FrozenError();
  }
  return result as T;
}
