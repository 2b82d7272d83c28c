import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';

// A real SMTP server on this machine: with SMTP_URL set, mail goes out and not to the outbox.
const received: Array<{ to: string[]; data: string }> = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => {
      data += chunk.toString();
    });
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

let t: TestApp;
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Buurtkracht <noreply@test.example>',
  });
});
after(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('with SMTP configured, a password reset mail is sent through it and not kept in the outbox', async () => {
  const person = await createPerson(t.database.db, { email: 'smtp.ontvanger@test.example' });
  const client = new TestClient(t.app);
  const res = await client.post(
    '/wachtwoord-vergeten',
    { email: person.email! },
    { from: '/wachtwoord-vergeten' },
  );
  assert.equal(res.statusCode, 200);
  assert.equal(received.length, 1);
  assert.deepEqual(received[0]!.to, ['smtp.ontvanger@test.example']);
  assert.match(received[0]!.data, /Subject: Nieuw wachtwoord voor Buurtkracht/);
  assert.match(received[0]!.data, /From: Buurtkracht <noreply@test\.example>/);
  assert.match(received[0]!.data.replace(/=\r?\n/g, ''), /wachtwoord-herstellen\?token=/);
  const admin = await createPerson(t.database.db, { isAdmin: true });
  const adminClient = new TestClient(t.app);
  await adminClient.login(admin.email!, TEST_PASSWORD);
  assert.match((await adminClient.get('/beheer/uitgaande-mail')).body, /Er zijn nog geen e-mails/);
});
