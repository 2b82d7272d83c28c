// What runs beside the pages: the daily retention job, the figures for dashboards, and a
// person's part of the signals (export and erasure).

import type { Database, Executor } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import type { PersonDataProvider } from '../../../platform/module.js';
import { readPlatformSettings } from '../../../platform/settings.js';
import { peopleModule } from '../../people/index.js';
import { type SignalRow, signalsRepository } from '../repository/index.js';
import { monthsBefore } from './shared.js';

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
