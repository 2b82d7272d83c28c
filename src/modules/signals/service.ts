// Use cases of the signals module. Transactions live here; SQL lives in repository.ts.
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../../db/client.js';
import type { Actor, MemberRole } from '../../platform/actor.js';
import { roleIn } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { readPlatformSettings } from '../../platform/settings.js';
import { peopleModule } from '../people/index.js';
import {
  checkStepBack,
  checkTransition,
  previousStatus,
  type SignalStatus,
  type StepBackRefusal,
  type TransitionRefusal,
} from './policy.js';
import { type PersonalDetail, personalDetails } from './privacy.js';
import { type SignalRow, signalsRepository } from './repository.js';
import { isDefaultTheme, themesOf } from './themes.js';

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

export function signalsService(db: Database) {
  const repo = signalsRepository(db);
  const directory = peopleModule.api.directory(db);

  /** Every theme a signal of the network may carry: the defaults, then its own. */
  async function listThemes(networkId: number): Promise<string[]> {
    return themesOf(await repo.listThemes(networkId));
  }

  return {
    /** The network's own themes, in the order they were added. */
    listExtraThemes: (networkId: number) => repo.listThemes(networkId),
    listThemes,

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

    /** Changes a signal's texts; the earlier version is kept (signal_revisions). */
    async editSignal(
      actor: Actor,
      networkId: number,
      signalId: number,
      values: { title: string; description: string; theme: string; place: string; trigger: string },
    ): Promise<boolean> {
      return db.transaction((tx) =>
        signalsRepository(tx).updateTexts(networkId, signalId, actor.personId, values, new Date()),
      );
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

    /** The actor stops following the signal up; false when they did not follow it. */
    leaveDuo: (actor: Actor, networkId: number, signalId: number) =>
      repo.deleteFollower(networkId, signalId, actor.personId),

    listSignals: repo.listSignals,
    countHiddenPersonBound: repo.countHiddenPersonBound,

    /**
     * Signals per theme and month over the last PATTERN_MONTHS months (Europe/Amsterdam),
     * person-bound ones included as numbers only. Themes in the network's order, then any
     * theme no longer in its list; themes without a signal in the period are left out.
     */
    async summarisePattern(networkId: number, now = new Date()): Promise<PatternSummary> {
      const months: string[] = [];
      const amsterdam = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
      });
      const start = new Date(
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (PATTERN_MONTHS - 1), 1),
      );
      for (let i = 0; i < PATTERN_MONTHS; i++) {
        const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 15));
        months.push(amsterdam.format(d).slice(0, 7));
      }
      // From the first day of the oldest month (a day early: the time zone is applied in SQL).
      const since = new Date(start.getTime() - 86_400_000);
      const [found, themes] = await Promise.all([
        repo.countByThemeAndMonth(networkId, since),
        listThemes(networkId),
      ]);
      const counts = new Map<string, Map<string, number>>();
      for (const row of found) {
        if (!months.includes(row.month)) continue;
        const perMonth = counts.get(row.theme) ?? new Map<string, number>();
        perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.n);
        counts.set(row.theme, perMonth);
      }
      const order = [...themes, ...[...counts.keys()].filter((k) => !themes.includes(k))];
      const rows = order.flatMap((theme) => {
        const perMonth = counts.get(theme);
        if (!perMonth) return [];
        const c = months.map((m) => perMonth.get(m) ?? 0);
        return [{ theme, counts: c, total: c.reduce((a, b) => a + b, 0) }];
      });
      const totals = months.map((_, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0));
      return { months, rows, totals, total: totals.reduce((a, b) => a + b, 0) };
    },

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

    /** Adds a theme of the network's own; refused when it exists or the list is full. */
    async addTheme(networkId: number, theme: string): Promise<'ok' | 'exists' | 'full'> {
      if (isDefaultTheme(theme)) return 'exists';
      const extra = await repo.listThemes(networkId);
      const lower = theme.toLowerCase();
      if (extra.some((t) => t.toLowerCase() === lower)) return 'exists';
      if (extra.length >= MAX_EXTRA_THEMES) return 'full';
      return (await repo.insertTheme(networkId, theme)) ? 'ok' : 'exists';
    },

    async removeTheme(networkId: number, theme: string): Promise<void> {
      await repo.deleteTheme(networkId, theme);
    },

    /** Sets the network's retention period (whole months, at least 1). */
    async updateRetentionMonths(networkId: number, months: number): Promise<void> {
      if (!Number.isInteger(months) || months < 1) throw new RangeError('retention months');
      await repo.upsertRetentionMonths(networkId, months);
    },
  };
}

export type SignalsService = ReturnType<typeof signalsService>;

/**
 * The daily retention job: person-bound signals closed more than N months ago (N from the
 * network's signal settings, else the platform setting an administrator chose on
 * /beheer/instellingen, default 12) lose every text that could identify someone. The rows
 * stay, so the counts of the pattern view remain right. Returns how many were anonymised.
 */
export async function runSignalRetention(db: Database, now: Date): Promise<number> {
  const repo = signalsRepository(db);
  const platformDefault = (await readPlatformSettings(db)).personalSignalMonths;
  let total = 0;
  for (const network of await repo.listRetentionCandidates()) {
    const months = network.retentionMonths ?? platformDefault;
    const networkId = network.networkId;
    const ids = await db.transaction((tx) =>
      signalsRepository(tx).anonymiseClosedBefore(networkId, monthsBefore(now, months), now),
    );
    for (const id of ids) {
      await recordAudit(db, {
        actorId: null,
        action: 'signal.anonymise',
        result: 'ok',
        objectType: 'signal',
        objectId: id,
        networkId,
      });
    }
    total += ids.length;
  }
  return total;
}

export interface SignalCounts {
  networkId: number;
  total: number;
  open: number;
  closed: number;
  personBound: number;
}

/** Figures for dashboards (leaders see counts only): no titles, no people. */
export async function countSignals(db: Executor, networkIds: number[]): Promise<SignalCounts[]> {
  const rows = await signalsRepository(db).countPerNetwork(networkIds);
  return networkIds.map((networkId) => {
    const row = rows.find((r) => r.networkId === networkId);
    return {
      networkId,
      total: row?.total ?? 0,
      open: row?.open ?? 0,
      closed: row?.closed ?? 0,
      personBound: row?.personBound ?? 0,
    };
  });
}

/**
 * A person's part of the signals: the signals they recorded (their own text, person-bound
 * ones included), the updates they wrote and the duos they joined. Erasure keeps the rows
 * (the person row itself is anonymised by the people module) and removes their email
 * address where a public submission left it.
 */
export const signalsPersonData: PersonDataProvider = {
  name: 'signals',
  async export(db, personId) {
    const repo = signalsRepository(db);
    const email = await peopleModule.api.directory(db).findEmail(personId);
    const own = (s: SignalRow) => ({
      id: s.id,
      networkId: s.networkId,
      title: s.title,
      description: s.description,
      theme: s.theme,
      place: s.place,
      trigger: s.trigger,
      status: s.status,
      personBound: s.personBound,
      outcome: s.outcome,
      createdAt: s.createdAt.toISOString(),
    });
    return {
      signalsRecorded: (await repo.listSignalsCreatedBy(personId)).map(own),
      publicSubmissions: email ? (await repo.listSignalsWithContactEmail(email)).map(own) : [],
      updatesWritten: (await repo.listUpdatesWrittenBy(personId)).map((u) => ({
        ...u,
        createdAt: u.createdAt.toISOString(),
      })),
      duos: (await repo.listFollowedBy(personId)).map((f) => ({
        ...f,
        joinedAt: f.joinedAt.toISOString(),
      })),
    };
  },
  async erase(db, personId) {
    const repo = signalsRepository(db);
    const email = await peopleModule.api.directory(db).findEmail(personId);
    if (email) await repo.clearContactEmail(email);
  },
};
