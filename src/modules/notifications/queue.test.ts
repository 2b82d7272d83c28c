// The notification service and its mail (issue 11 item 5): notify() keeps the choice, the
// worker renders mail in the recipient's language into the outbox in the same transaction as
// it marks the notification mailed, and two workers never write one mail twice. Sending,
// retries and back-off: the platform's delivery worker (src/platform/mail-delivery.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '#src/db/client.js';
import type { Mailer } from '#src/platform/mail.js';
import { outbox } from '#src/platform/tables.js';
import { testConfig } from '#test/helpers/app.js';
import { createTestDatabase } from '#test/helpers/database.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
} from '#test/helpers/factories.js';
import { peopleModule } from '../people/index.js';
import { notify, runMailWorker } from './service.js';
import { notifications } from './tables.js';
import { recordingMailer, workerContext } from './test-kit.js';

let database: DatabaseHandle;
let networkId: number;
before(async () => {
  database = await createTestDatabase();
  const region = await createRegion(database.db);
  const municipality = await createMunicipality(database.db, region.id);
  networkId = (await createNetwork(database.db, municipality.id)).id;
});
after(() => database.close());

const context = (mailer: Mailer) =>
  workerContext(database.db, mailer, testConfig({ PUBLIC_URL: 'https://buurt.example.nl' }));

const morning = new Date('2026-11-23T05:00:00Z'); // 06:00 in Amsterdam: before the summaries

describe('notify and the mail queue', () => {
  test('notify keeps each person’s choice: a duo is mailed at once, a signal waits for the day', async () => {
    const person = await createPerson(database.db, { memberOf: [{ networkId, role: 'resident' }] });
    const other = await createPerson(database.db);
    const made = await database.db.transaction((tx) =>
      notify(tx, {
        kind: 'duo',
        event: 'added',
        personIds: [person.id, person.id, other.id],
        exceptPersonId: other.id,
        networkId,
        params: { title: 'Losliggende stoeptegels' },
        link: `/netwerk/${networkId}/signalen/1`,
      }),
    );
    assert.equal(made, 1, 'duplicates and the one who caused it are left out');
    await notify(database.db, {
      kind: 'signal',
      event: 'update',
      personIds: [person.id],
      networkId,
      params: { title: 'Losliggende stoeptegels' },
      link: `/netwerk/${networkId}/signalen/1`,
    });
    const rows = await database.db
      .select({ kind: notifications.kind, delivery: notifications.delivery })
      .from(notifications)
      .where(eq(notifications.personId, person.id))
      .orderBy(notifications.id);
    assert.deepEqual(rows, [
      { kind: 'duo', delivery: 'immediate' },
      { kind: 'signal', delivery: 'daily' },
    ]);

    const mailer = recordingMailer();
    const result = await runMailWorker(context(mailer), morning);
    assert.equal(result.summaries, 0, 'no summary before seven');
    const mine = mailer.sent.filter((m) => m.to === person.email);
    assert.equal(mine.length, 1);
    assert.match(mine[0]!.subject, /duo van het signaal "Losliggende stoeptegels"/);
    assert.match(
      mine[0]!.body,
      new RegExp(`https://buurt\\.example\\.nl/netwerk/${networkId}/signalen/1`),
    );
    assert.match(mine[0]!.body, /https:\/\/buurt\.example\.nl\/meldingen\/keuze\/\d+\/duo\/[\w-]+/);
    assert.match(mine[0]!.listUnsubscribe ?? '', /\/meldingen\/keuze\/\d+\/duo\//);
    // A second run finds nothing new to send.
    await runMailWorker(context(mailer), morning);
    assert.equal(mailer.sent.filter((m) => m.to === person.email).length, 1);
  });

  test('a mail that cannot be written leaves its notification unmailed, for the next run', async () => {
    const person = await createPerson(database.db);
    await notify(database.db, {
      kind: 'meeting',
      event: 'cancelled',
      personIds: [person.id],
      networkId,
      params: { title: 'Buurtavond', at: '2026-11-25T18:30:00Z' },
      link: `/netwerk/${networkId}/bijeenkomsten/1`,
    });
    const mailer = recordingMailer();
    mailer.failing = true;
    await assert.rejects(runMailWorker(context(mailer), morning), /database down/);
    const mailed = async () =>
      (
        await database.db
          .select({ mailedAt: notifications.mailedAt })
          .from(notifications)
          .where(eq(notifications.personId, person.id))
      )[0]!.mailedAt;
    assert.equal(await mailed(), null, 'rolled back with the mail');
    mailer.failing = false;
    await runMailWorker(context(mailer), morning);
    assert.notEqual(await mailed(), null);
    const rows = await database.db
      .select({ status: outbox.status, unsubscribe: outbox.listUnsubscribe })
      .from(outbox)
      .where(eq(outbox.personId, person.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'waiting');
    assert.match(rows[0]!.unsubscribe ?? '', /\/meldingen\/keuze\/\d+\/meeting\//);
  });

  test('two workers at once send each mail once', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => createPerson(database.db)));
    await notify(database.db, {
      kind: 'duo',
      event: 'added',
      personIds: people.map((p) => p.id),
      networkId,
      params: { title: 'Bankje kapot' },
      link: `/netwerk/${networkId}/signalen/2`,
    });
    const mailer = recordingMailer();
    await Promise.all([
      runMailWorker(context(mailer), morning),
      runMailWorker(context(mailer), morning),
    ]);
    const to = mailer.sent.map((m) => m.to).filter((t) => people.some((p) => p.email === t));
    assert.equal(to.length, 5);
    assert.equal(new Set(to).size, 5);
  });

  test('mail is written in the recipient’s language', async () => {
    const person = await createPerson(database.db);
    await database.db
      .update(peopleModule.tables.people)
      .set({ language: 'en' })
      .where(eq(peopleModule.tables.people.id, person.id));
    await notify(database.db, {
      kind: 'meeting',
      event: 'moved',
      personIds: [person.id],
      networkId,
      params: { title: 'Buurtavond', at: '2026-11-25T18:30:00Z' },
      link: `/netwerk/${networkId}/bijeenkomsten/1`,
    });
    const mailer = recordingMailer();
    await runMailWorker(context(mailer), morning);
    const mail = mailer.sent.find((m) => m.to === person.email)!;
    assert.match(mail.subject, /The meeting "Buurtavond" was moved to 25 November 2026/);
    assert.match(mail.body, /^Hello,/);
  });
});
