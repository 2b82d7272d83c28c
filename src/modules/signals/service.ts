// Use cases of the signals module. Transactions live here; SQL lives in repository.ts.
import type { Database, Executor } from '../../db/client.js';
import type { Actor, MemberRole } from '../../platform/actor.js';
import { roleIn } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import type { PersonDataProvider } from '../../platform/module.js';
import { checkTransition, type SignalStatus, type TransitionRefusal } from './policy.js';
import { type SignalRow, signalsRepository } from './repository.js';
import { isDefaultTheme, themesOf } from './themes.js';

export const DEFAULT_RETENTION_MONTHS = 12;
export const MAX_EXTRA_THEMES = 20;

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

export interface LoadedSignal {
  signal: SignalRow;
  followers: Awaited<ReturnType<ReturnType<typeof signalsRepository>['listFollowers']>>;
}

/** A date `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export function signalsService(db: Database) {
  const repo = signalsRepository(db);

  async function settingsOf(networkId: number) {
    return (await repo.findNetworkSettings(networkId)) ?? {};
  }

  return {
    settingsOf,

    async themes(networkId: number): Promise<string[]> {
      return themesOf((await settingsOf(networkId)).extraThemes);
    },

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

    async loadSignal(networkId: number, signalId: number): Promise<LoadedSignal | undefined> {
      const signal = await repo.findSignal(networkId, signalId);
      if (!signal) return undefined;
      return { signal, followers: await repo.listFollowers(networkId, signalId) };
    },

    listUpdates: (networkId: number, signalId: number) => repo.listUpdates(networkId, signalId),

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

    async join(actor: Actor, networkId: number, signalId: number): Promise<void> {
      const role = roleIn(actor, networkId);
      if (!role) throw new Error('only members join a duo');
      await repo.insertFollower({ networkId, signalId, personId: actor.personId, role });
    },

    /** Adds a member of the same network to the duo; false when they are not a member. */
    async addFollower(networkId: number, signalId: number, personId: number): Promise<boolean> {
      const role = await repo.roleOfMember(networkId, personId);
      if (!role) return false;
      await repo.insertFollower({ networkId, signalId, personId, role });
      return true;
    },

    listMembers: (networkId: number) => repo.listMembers(networkId),

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
        const moved = await r.setStatus(signal.networkId, signal.id, signal.status, {
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

    listSignals: repo.listSignals,
    countHiddenPersonBound: repo.countHiddenPersonBound,

    /** Counts per theme for the last 12 months, oldest month first. */
    async pattern(networkId: number, now = new Date()) {
      const months: string[] = [];
      const amsterdam = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
      });
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
      for (let i = 0; i < 12; i++) {
        const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 15));
        months.push(amsterdam.format(d).slice(0, 7));
      }
      // From the first day of the oldest month (a day early: the time zone is applied in SQL).
      const since = new Date(start.getTime() - 86_400_000);
      const rows = await repo.countByThemeAndMonth(networkId, since);
      const counts = new Map<string, Map<string, number>>();
      for (const row of rows) {
        if (!months.includes(row.month)) continue;
        const perMonth = counts.get(row.theme) ?? new Map<string, number>();
        perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.n);
        counts.set(row.theme, perMonth);
      }
      return { months, counts };
    },

    listPending: (networkId: number) => repo.listPending(networkId),

    async approve(
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

    async reject(actor: Actor, networkId: number, signalId: number, origin: string) {
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
      const title = firstLine.length > 80 ? `${firstLine.slice(0, 77).trimEnd()}…` : firstLine;
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

    async addTheme(networkId: number, theme: string): Promise<'ok' | 'exists' | 'full'> {
      const settings = await settingsOf(networkId);
      const extra = settings.extraThemes ?? [];
      const lower = theme.toLowerCase();
      if (isDefaultTheme(theme) || extra.some((t) => t.toLowerCase() === lower)) return 'exists';
      if (extra.length >= MAX_EXTRA_THEMES) return 'full';
      await repo.updateNetworkSettings(networkId, { ...settings, extraThemes: [...extra, theme] });
      return 'ok';
    },

    async removeTheme(networkId: number, theme: string): Promise<void> {
      const settings = await settingsOf(networkId);
      const extra = (settings.extraThemes ?? []).filter((t) => t !== theme);
      await repo.updateNetworkSettings(networkId, { ...settings, extraThemes: extra });
    },
  };
}

export type SignalsService = ReturnType<typeof signalsService>;

/**
 * The daily retention job: person-bound signals closed more than N months ago (N from the
 * network's settings, default 12) lose every text that could identify someone. The rows
 * stay, so the counts of the pattern view remain right. Returns how many were anonymised.
 */
export async function runSignalRetention(db: Database, now: Date): Promise<number> {
  const repo = signalsRepository(db);
  let total = 0;
  for (const network of await repo.listNetworkSettings()) {
    const configured = network.settings?.retentionMonths;
    const months =
      typeof configured === 'number' && Number.isInteger(configured) && configured > 0
        ? configured
        : DEFAULT_RETENTION_MONTHS;
    const ids = await db.transaction((tx) =>
      signalsRepository(tx).anonymiseClosedBefore(network.id, monthsBefore(now, months), now),
    );
    for (const id of ids) {
      await recordAudit(db, {
        actorId: null,
        action: 'signal.anonymise',
        result: 'ok',
        objectType: 'signal',
        objectId: id,
        networkId: network.id,
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
    const email = await repo.emailOf(personId);
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
      signalsRecorded: (await repo.signalsCreatedBy(personId)).map(own),
      publicSubmissions: email ? (await repo.signalsWithContactEmail(email)).map(own) : [],
      updatesWritten: (await repo.updatesWrittenBy(personId)).map((u) => ({
        ...u,
        createdAt: u.createdAt.toISOString(),
      })),
      duos: (await repo.followedBy(personId)).map((f) => ({
        ...f,
        joinedAt: f.joinedAt.toISOString(),
      })),
    };
  },
  async erase(db, personId) {
    const repo = signalsRepository(db);
    const email = await repo.emailOf(personId);
    if (email) await repo.clearContactEmail(email);
  },
};
