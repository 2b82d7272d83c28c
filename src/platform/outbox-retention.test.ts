// The outbox keeps mail that is done with for OUTBOX_RETENTION_DAYS, then the daily job
// deletes it; mail still waiting for the mail server stays whatever its age.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { dailyJobs } from '../app.js';
import { OUTBOX_RETENTION_DAYS } from './mail.js';

describe('the outbox retention', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test(`mail done with is deleted ${OUTBOX_RETENTION_DAYS} days after it was written; waiting mail stays`, async () => {
    const now = new Date('2026-12-01T03:00:00Z');
    const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3_600_000).toISOString();
    const old = daysAgo(OUTBOX_RETENTION_DAYS + 1);
    const recent = daysAgo(OUTBOX_RETENTION_DAYS - 1);
    for (const [subject, status, at] of [
      ['old sent', 'sent', old],
      ['old failed', 'failed', old],
      ['old kept', 'kept', old],
      ['old waiting', 'waiting', old],
      ['recent sent', 'sent', recent],
      ['recent kept', 'kept', recent],
    ] as const) {
      await t.database.db.execute(
        sql`insert into outbox (recipient, subject, body, status, created_at)
            values ('a@example.org', ${subject}, '', ${status}, ${at})`,
      );
    }
    const job = dailyJobs(t.database).find((j) => j.name === 'outbox-retention');
    assert.ok(job, 'the platform runs the retention job every day');
    assert.equal(await job.run(now), 3);
    const left = await rows<{ subject: string }>(t, sql`select subject from outbox order by id`);
    assert.deepEqual(
      left.map((r) => r.subject),
      ['old waiting', 'recent sent', 'recent kept'],
    );
  });
});
