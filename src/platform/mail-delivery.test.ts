// The mail queue (issue 12, decision 0018): mail is written in the caller's transaction and
// sent afterwards by the delivery worker — once, even by two workers at the same moment
// (two database pools on PostgreSQL: run with --pg) — and a failing mail server is tried
// again with back-off until the mail is given up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { useHandlePair } from '#test/helpers/database.js';
import { createMailer } from './mail.js';
import {
  createMailDelivery,
  deliverDueMail,
  MAX_ATTEMPTS,
  type MailTransport,
  retryDelayMs,
} from './mail-delivery.js';
import { outbox } from './tables.js';

/** Two handles on one database: two pools on PostgreSQL (two processes); PGlite has one. */
const pair = useHandlePair();

const log = pino({ level: 'silent' });
const from = 'Buurtkracht <noreply@test.example>';
const mailer = createMailer({ smtpUrl: 'smtp://mail.test.example' });

/**
 * nodemailer's stream transport (the message built as for SMTP, kept instead of sent),
 * recording each message; `delayMs` keeps each send open a while, so concurrent workers
 * overlap.
 */
function streamTransport(delayMs = 0) {
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  const sent: Array<{ to: string; raw: string }> = [];
  const transport: MailTransport = {
    async sendMail(message) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const info = (await stream.sendMail(message)) as {
        envelope: { to: string[] };
        message: Buffer;
      };
      sent.push({ to: info.envelope.to[0]!, raw: info.message.toString() });
    },
  };
  return { transport, sent };
}

async function rowsTo(addresses: string[]) {
  return pair.one.db.select().from(outbox).where(inArray(outbox.recipient, addresses));
}

describe('the mail queue', () => {
  test('a mail written in a transaction that rolls back is gone with it', async () => {
    await assert.rejects(
      pair.one.db.transaction(async (tx) => {
        await mailer.send(tx, { to: 'terug@test.example', subject: 'Welkom', body: 'Hallo' });
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.deepEqual(await rowsTo(['terug@test.example']), []);
    await pair.one.db.transaction((tx) =>
      mailer.send(tx, { to: 'blijft@test.example', subject: 'Welkom', body: 'Hallo' }),
    );
    const kept = await rowsTo(['blijft@test.example']);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.status, 'waiting');
  });

  test('without a mail server a mail is only kept, and never sent later', async () => {
    const outboxOnly = createMailer({ smtpUrl: undefined });
    await outboxOnly.send(pair.one.db, { to: 'demo@test.example', subject: 'Demo', body: 'Hallo' });
    const { transport, sent } = streamTransport();
    await deliverDueMail(pair.one.db, transport, { from, log }, new Date(Date.now() + 3_600_000));
    assert.equal(sent.filter((m) => m.to === 'demo@test.example').length, 0);
    assert.equal((await rowsTo(['demo@test.example']))[0]!.status, 'kept');
  });

  test('two workers claiming at the same moment send each mail exactly once', async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `buur${i}@race.test.example`);
    for (const to of addresses)
      await mailer.send(pair.one.db, {
        to,
        subject: `Voor ${to}`,
        body: 'Uw link: https://buurt.example.nl/wachtwoord-herstellen?token=geheim',
        listUnsubscribe: 'https://buurt.example.nl/mijn-gegevens/meldingen',
      });
    const { transport, sent } = streamTransport(5);
    const now = new Date(Date.now() + 1000);
    await Promise.all([
      deliverDueMail(pair.one.db, transport, { from, log }, now),
      deliverDueMail(pair.two.db, transport, { from, log }, now),
      deliverDueMail(pair.two.db, transport, { from, log }, now),
    ]);
    // Whatever was left (a batch is 50): a later run, still once.
    await deliverDueMail(pair.one.db, transport, { from, log }, new Date(now.getTime() + 60_000));
    const to = sent.map((m) => m.to).filter((a) => addresses.includes(a));
    assert.equal(to.length, 30);
    assert.equal(new Set(to).size, 30);
    const mine = sent.find((m) => m.to === addresses[0])!;
    assert.match(mine.raw, new RegExp(`^Subject: Voor ${addresses[0]}$`, 'm'));
    assert.match(mine.raw, /^From: Buurtkracht <noreply@test\.example>$/m);
    assert.match(
      mine.raw,
      /^List-Unsubscribe: <https:\/\/buurt\.example\.nl\/mijn-gegevens\/meldingen>$/m,
    );
    const rows = await rowsTo(addresses);
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt));
    assert.ok(
      rows.every((r) => r.body === ''),
      'a sent mail keeps no link with a code in the database',
    );
  });

  test('a failing mail server: tried again after a growing wait, then given up', async () => {
    await mailer.send(pair.one.db, { to: 'stuk@test.example', subject: 'Welkom', body: 'Hallo' });
    const failing: MailTransport = {
      sendMail: async () => {
        throw new Error('421 mail server busy');
      },
    };
    const row = async () => (await rowsTo(['stuk@test.example']))[0]!;
    let now = new Date(Date.now() + 1000);
    await deliverDueMail(pair.one.db, failing, { from, log }, now);
    assert.equal((await row()).attempts, 1);
    assert.equal((await row()).status, 'waiting');
    assert.equal((await row()).nextAttemptAt.getTime(), now.getTime() + retryDelayMs(1));
    // Not due yet: nothing is tried.
    await deliverDueMail(pair.one.db, failing, { from, log }, new Date(now.getTime() + 1000));
    assert.equal((await row()).attempts, 1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await row()).nextAttemptAt;
      await deliverDueMail(pair.one.db, failing, { from, log }, now);
      assert.equal((await row()).attempts, attempt);
    }
    const last = await row();
    assert.equal(last.status, 'failed');
    assert.equal(last.lastError, '421 mail server busy');
    assert.equal(last.body, '');
    assert.ok(retryDelayMs(2) > retryDelayMs(1));
    assert.equal(retryDelayMs(40), 6 * 3_600_000, 'at most six hours');
  });

  test('the worker wakes soon after a nudge, and stops without leaving a timer', async () => {
    const { transport, sent } = streamTransport();
    const delivery = createMailDelivery({
      db: pair.one.db,
      transport,
      from,
      log,
      sweepMs: 3_600_000,
      nudgeMs: [20, 200],
    });
    delivery.start();
    const nudged = createMailer({ smtpUrl: 'smtp://x', onQueued: () => delivery.nudge() });
    const started = Date.now();
    await nudged.send(pair.one.db, { to: 'snel@test.example', subject: 'Snel', body: 'Hallo' });
    while (!sent.some((m) => m.to === 'snel@test.example') && Date.now() - started < 5000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const waited = Date.now() - started;
    assert.ok(sent.some((m) => m.to === 'snel@test.example'));
    assert.ok(waited < 1000, `sent ${waited} ms after it was written`);
    await delivery.stop();
    // After stop: a nudge does nothing, and the mail stays waiting.
    await nudged.send(pair.one.db, { to: 'later@test.example', subject: 'Later', body: 'Hallo' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(sent.filter((m) => m.to === 'later@test.example').length, 0);
    const later = await pair.one.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, 'later@test.example'));
    assert.equal(later[0]!.status, 'waiting');
  });

  test('stopping does not wait for a mail server that hangs longer than its limit', async () => {
    let calls = 0;
    // Only this test's mail hangs; mail an earlier test left waiting goes out at once.
    const hanging: MailTransport = {
      sendMail: (message) => {
        if (message.to !== 'hangt@test.example') return Promise.resolve();
        calls++;
        return new Promise(() => {});
      },
    };
    await mailer.send(pair.one.db, { to: 'hangt@test.example', subject: 'Hangt', body: 'Hallo' });
    // The worker compares with this process's clock in whole milliseconds, PostgreSQL's
    // now() has microseconds: within the same millisecond the mail would not be due yet.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const delivery = createMailDelivery({
      db: pair.one.db,
      transport: hanging,
      from,
      log,
      sweepMs: 3_600_000,
      stopWaitMs: 50,
    });
    delivery.start();
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await delivery.stop();
    assert.ok(Date.now() - started < 1000, 'stopped without the server');
    // The mail keeps its lease and is tried again later.
    const [row] = await rowsTo(['hangt@test.example']);
    assert.equal(row!.status, 'waiting');
    assert.equal(row!.attempts, 1);
  });
});
