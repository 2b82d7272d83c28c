import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '#test/helpers/database.js';
import type { DatabaseHandle } from '../db/client.js';
import { runDueJobs } from './jobs.js';

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('a daily job runs once a day, whoever asks, and again the next day', async () => {
  const runs: string[] = [];
  const job = { name: 'count', run: async (now: Date) => runs.push(now.toISOString()) };
  const monday = new Date('2026-11-23T03:00:00Z');
  // Two processes asking at the same moment: one runs it.
  const first = await Promise.all([
    runDueJobs(database.db, [job], monday),
    runDueJobs(database.db, [job], monday),
  ]);
  assert.equal(first.flat().length, 1);
  assert.deepEqual(await runDueJobs(database.db, [job], new Date('2026-11-23T20:00:00Z')), []);
  assert.deepEqual(await runDueJobs(database.db, [job], new Date('2026-11-24T03:00:00Z')), [
    'count',
  ]);
  assert.deepEqual(runs, ['2026-11-23T03:00:00.000Z', '2026-11-24T03:00:00.000Z']);
});
