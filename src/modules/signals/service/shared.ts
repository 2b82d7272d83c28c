// What the signals use cases share: the rules and limits, the types of what they return,
// and the context each part is built from (the database, the repository, the people directory).
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client.js';
import type { MemberRole } from '../../../platform/actor.js';
import { peopleModule } from '../../people/index.js';
import type { SignalStatus } from '../policy.js';
import { type PersonalDetail, personalDetails } from '../privacy.js';
import { type SignalRow, signalsRepository } from '../repository/index.js';

/** Months after closing before a person-bound signal is anonymised (DESIGN: default 12). */
export const DEFAULT_RETENTION_MONTHS = 12;
/** How many themes of its own a network may add beside the defaults. */
export const MAX_EXTRA_THEMES = 20;
/** A public submission's title is its first line, cut to this many characters. */
export const PUBLIC_TITLE_MAX = 80;

/**
 * The personal-details rule of the new-signal form (DESIGN: signals hold no names or house
 * numbers; the form warns). Returns undefined when the texts look clean or when the sender
 * confirms the very same texts again (`confirmation` equals the fingerprint shown with the
 * warning); otherwise what was found and the fingerprint to confirm with. A warning, never
 * a refusal.
 */
export function reviewPersonalDetails(
  texts: readonly string[],
  confirmation: string | undefined,
): { found: PersonalDetail[]; fingerprint: string } | undefined {
  const found = personalDetails(...texts);
  if (found.length === 0) return undefined;
  const fingerprint = createHash('sha256')
    .update(texts.join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
  return confirmation === fingerprint ? undefined : { found, fingerprint };
}

export type RaisedBy = 'resident' | 'professional';
export type Origin = 'meeting' | 'street' | 'public_page' | 'other';

export interface NewSignalInput {
  title: string;
  description: string;
  theme: string;
  place: string;
  trigger: string;
  raisedBy: RaisedBy;
  origin: Origin;
  personBound: boolean;
}

/** A follower of a signal with their name (`erased`: the account was erased). */
export interface Follower {
  personId: number;
  role: MemberRole;
  joinedAt: Date;
  name: string;
  erased: boolean;
}

/** A signal with its duo, as loaded within one network. */
export interface LoadedSignal {
  signal: SignalRow;
  followers: Follower[];
}

/** An entry of a signal's thread; `author` is undefined when nobody (or no row) wrote it. */
export interface SignalUpdate {
  id: number;
  kind: 'note' | 'status';
  text: string;
  status: SignalStatus | null;
  createdAt: Date;
  author: { name: string; erased: boolean } | undefined;
}

/** Counts per theme (codes) and month ("YYYY-MM", oldest first), with their totals. */
export interface PatternSummary {
  months: string[];
  rows: { theme: string; counts: number[]; total: number }[];
  /** Per month, over every theme. */
  totals: number[];
  total: number;
}

/** How many months the pattern view shows, the current one included. */
export const PATTERN_MONTHS = 12;

/** A date `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** What each part of the signals service is built from. */
export interface SignalsContext {
  db: Database;
  repo: ReturnType<typeof signalsRepository>;
  directory: ReturnType<typeof peopleModule.api.directory>;
}

export function buildSignalsContext(db: Database): SignalsContext {
  return { db, repo: signalsRepository(db), directory: peopleModule.api.directory(db) };
}
