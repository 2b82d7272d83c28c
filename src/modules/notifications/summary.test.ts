// Each kind with each choice (issue 11 item 5): immediately → its own queued mail; daily → in
// the one summary of the day (from seven, Amsterdam time); off → nothing at all. And the
// summary goes out once a day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '#src/db/client.js';
import { outbox } from '#src/platform/tables.js';
import { testConfig } from '#test/helpers/app.js';
import { createTestDatabase } from '#test/helpers/database.js';
import { createPerson } from '#test/helpers/factories.js';
import {
  deliveryChoices,
  type NotificationKind,
  notificationEvents,
  notificationKinds,
} from './kinds.js';
import { notify, runMailWorker, saveChoices } from './service.js';
import { notifications } from './tables.js';
import { recordingMailer, workerContext } from './test-kit.js';

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const config = testConfig({ PUBLIC_URL: 'https://buurt.example.nl' });
const early = new Date('2026-11-23T05:00:00Z'); // 06:00 Amsterdam
const eight = new Date('2026-11-23T07:00:00Z'); // 08:00 Amsterdam
const params = {
  title: 'Buurtavond',
  at: '2026-11-24T18:30:00Z',
  network: 'De Rivierenbuurt',
  whatKey: 'moderation.kind.spark',
  name: 'Sanne',
  statusKey: 'signals.status.taken_up',
  round: 'Wijkbudget 2027',
};
/** The Dutch sentence each kind's first event gives with `params`. */
const sentences: Record<NotificationKind, RegExp> = {
  signal: /Het signaal "Buurtavond" heeft een nieuwe stap: Opgepakt\./,
  duo: /U bent toegevoegd aan het duo van het signaal "Buurtavond"\./,
  moderation:
    /Iemand meldt een bericht in De Rivierenbuurt \(Vonkje\)\. Het wacht op uw beoordeling\./,
  meeting: /Morgen is de bijeenkomst "Buurtavond", om 24 november 2026 om 19:30\./,
  invitation: /Sanne heeft uw uitnodiging voor De Rivierenbuurt aangenomen\./,
  budget:
    /Uw plan "Buurtavond" is goedgekeurd\. Het komt op het stembiljet van "Wijkbudget 2027"\./,
};

describe('every kind with every choice', () => {
  for (const kind of notificationKinds) {
    for (const choice of deliveryChoices) {
      test(`${kind}, ${choice}`, async () => {
        const person = await createPerson(database.db);
        await saveChoices(database.db, person.id, { [kind]: choice });
        const made = await database.db.transaction((tx) =>
          notify(
            tx,
            {
              kind,
              event: notificationEvents[kind][0],
              personIds: [person.id],
              networkId: null,
              params,
              link: '/netwerk',
            },
            new Date(early.getTime() - 3_600_000),
          ),
        );
        const mailer = recordingMailer();
        const worker = workerContext(database.db, mailer, config);
        await runMailWorker(worker, early);
        const first = mailer.sent.filter((m) => m.to === person.email);
        await runMailWorker(worker, eight);
        const all = mailer.sent.filter((m) => m.to === person.email);
        if (choice === 'immediate') {
          assert.equal(first.length, 1, 'its own mail at once');
          assert.match(first[0]!.subject, sentences[kind]);
          assert.equal(all.length, 1, 'and not again in the summary');
        } else if (choice === 'daily') {
          assert.equal(first.length, 0, 'nothing before the summary');
          assert.equal(all.length, 1, 'one summary');
          assert.match(all[0]!.subject, /Buurtkracht: 1 melding van vandaag/);
          assert.match(all[0]!.body, sentences[kind]);
          assert.match(all[0]!.body, new RegExp(`/meldingen/keuze/${person.id}/${kind}/`));
        } else {
          assert.equal(made, 0);
          assert.equal(all.length, 0, 'no mail');
          const rows = await database.db
            .select()
            .from(notifications)
            .where(eq(notifications.personId, person.id));
          assert.equal(rows.length, 0, 'not in the list either');
        }
      });
    }
  }
});

describe('the daily summary', () => {
  test('gathers the day, goes out once, and what comes later waits for the next day', async () => {
    const person = await createPerson(database.db);
    const tell = (at: Date, title: string) =>
      notify(
        database.db,
        {
          kind: 'signal',
          event: 'update',
          personIds: [person.id],
          networkId: null,
          params: { title },
          link: '/netwerk',
        },
        at,
      );
    await tell(new Date('2026-11-22T09:00:00Z'), 'Bankje kapot');
    await tell(new Date('2026-11-22T15:00:00Z'), 'Lantaarn uit');
    const mailer = recordingMailer();
    const worker = workerContext(database.db, mailer, config);
    await runMailWorker(worker, eight);
    await runMailWorker(worker, new Date('2026-11-23T08:00:00Z'));
    await tell(new Date('2026-11-23T10:00:00Z'), 'Zwerfvuil');
    await runMailWorker(worker, new Date('2026-11-23T11:00:00Z'));
    let mine = mailer.sent.filter((m) => m.to === person.email);
    assert.equal(mine.length, 1);
    assert.match(mine[0]!.subject, /2 meldingen van vandaag/);
    assert.match(mine[0]!.body, /Bankje kapot[\s\S]*Lantaarn uit/);
    assert.doesNotMatch(mine[0]!.body, /Zwerfvuil/);
    await runMailWorker(worker, new Date('2026-11-24T06:30:00Z')); // 07:30 the next day
    mine = mailer.sent.filter((m) => m.to === person.email);
    assert.equal(mine.length, 2);
    assert.match(mine[1]!.body, /Zwerfvuil/);
    const queued = await database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(eq(outbox.personId, person.id));
    assert.deepEqual(
      queued.map((q) => q.status),
      ['waiting', 'waiting'],
      'both in the outbox, for the delivery worker',
    );
  });
});
