// The daily summary with two app processes (issue 11 item 5): two workers, each on its own
// database pool as two processes would be, run at the same moment; every person gets one
// summary, written once to the outbox. Meant for PostgreSQL, where the two pools are
// real concurrent connections: node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import { outbox } from '#src/platform/tables.js';
import { testConfig } from '#test/helpers/app.js';
import { useHandlePair } from '#test/helpers/database.js';
import { createPerson } from '#test/helpers/factories.js';
import { notify, runMailWorker } from './service.js';
import { notificationSummaries } from './tables.js';
import { recordingMailer, workerContext } from './test-kit.js';

/** Two handles on one database: two pools on PostgreSQL (two processes); PGlite has one. */
const pair = useHandlePair();

const config = testConfig({ PUBLIC_URL: 'https://buurt.example.nl' });

describe('the daily summary with two processes', () => {
  test('five rounds of 20 people: each gets one summary, each mail is written once', async () => {
    for (let round = 0; round < 5; round++) {
      const day = new Date(Date.UTC(2026, 10, 10 + round, 7, 0)); // 08:00 Amsterdam
      const people = [];
      for (let i = 0; i < 20; i++) people.push(await createPerson(pair.one.db));
      const ids = people.map((p) => p.id);
      for (const title of ['Bankje kapot', 'Lantaarn uit']) {
        await notify(
          pair.one.db,
          {
            kind: 'signal',
            event: 'update',
            personIds: ids,
            networkId: null,
            params: { title },
            link: '/netwerk',
          },
          new Date(day.getTime() - 3_600_000),
        );
      }
      const mailer = recordingMailer();
      await Promise.all([
        runMailWorker(workerContext(pair.one.db, mailer, config), day),
        runMailWorker(workerContext(pair.two.db, mailer, config), day),
        runMailWorker(workerContext(pair.two.db, mailer, config), day),
      ]);
      // Whatever one run left claimed by the other: a later minute sends it, still once.
      await Promise.all([
        runMailWorker(workerContext(pair.one.db, mailer, config), new Date(day.getTime() + 60_000)),
        runMailWorker(workerContext(pair.two.db, mailer, config), new Date(day.getTime() + 60_000)),
      ]);
      const to = mailer.sent.map((m) => m.to);
      assert.equal(to.length, 20, `round ${round}: ${to.length} mails`);
      assert.equal(new Set(to).size, 20);
      for (const mail of mailer.sent) assert.match(mail.subject, /2 meldingen van vandaag/);
      const summaries = await pair.one.db
        .select()
        .from(notificationSummaries)
        .where(inArray(notificationSummaries.personId, ids));
      assert.equal(summaries.length, 20);
      const queued = await pair.one.db
        .select({ status: outbox.status })
        .from(outbox)
        .where(inArray(outbox.personId, ids));
      assert.equal(queued.length, 20, 'one mail each in the outbox');
      assert.ok(queued.every((q) => q.status === 'waiting'));
    }
  });
});
