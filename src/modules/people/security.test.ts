// Issue 9 in the people module: no self-granted roles, no working secrets in an export,
// saying what really happened to a mail, and the audit pages in plain words.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { mailDeliveryNotice } from '#src/platform/mail.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

describe('people: security and honesty', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  test('an export holds no working secrets: no reset link, no invitation code, no session id', async () => {
    const person = await createPerson(t.database.db, {
      email: 'geheim.export@test.example',
      memberOf: [{ networkId: world.networks.b.id, role: 'resident' }],
    });
    // A reset link and an invitation (to the address that has an account) in the outbox.
    const visitor = new TestClient(t.app, '10.9.0.1');
    await visitor.get('/wachtwoord-vergeten');
    await visitor.post('/wachtwoord-vergeten', { email: person.email! });
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    const invited = await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: person.email!,
      role: 'resident',
      addressee: '',
      organisationId: '',
    });
    assert.equal(invited.statusCode, 303);
    const mails = await rows<{ body: string }>(
      t,
      sql`select body from outbox where recipient = ${person.email}`,
    );
    const secrets = mails.flatMap((m) => [
      ...[...m.body.matchAll(/[?&](?:token|code)=([\w-]+)/g)].map((x) => x[1]!),
    ]);
    assert.equal(secrets.length, 2, 'a reset token and an invitation code were mailed');

    const client = new TestClient(t.app);
    await client.login(person.email!, TEST_PASSWORD);
    await client.get('/mijn-gegevens');
    const res = await client.post('/mijn-gegevens/download', {});
    assert.equal(res.statusCode, 200);
    const text = res.body;
    const data = res.json();
    assert.equal(data.emails.length, 2, 'the mails are in the export, as copies');
    for (const secret of secrets) assert.ok(!text.includes(secret), 'no working secret');
    assert.match(text, /\[verwijderd\]/);
    const sessionId = client.cookie('sid');
    assert.ok(sessionId);
    assert.ok(!text.includes(sessionId), 'no session id');
    // The reset link still works for the person: only the copy was redacted.
    const reset = await new TestClient(t.app).get(
      `/wachtwoord-herstellen?token=${encodeURIComponent(secrets[0]!)}`,
    );
    assert.equal(reset.statusCode, 200);
  });

  test('without a mail server, the coordinator is told the invitation only went to the outbox', async () => {
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    const res = await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: 'niet.verstuurd@test.example',
      role: 'resident',
      addressee: '',
      organisationId: '',
    });
    assert.equal(res.statusCode, 303);
    const page = await coordinator.get(`/netwerk/${a()}/leden`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /niet verstuurd/);
    assert.match(page.body, /geen mailserver/);
    assert.doesNotMatch(page.body, /De uitnodiging is verstuurd/);
    // The administrator reads it in the start-up log.
    assert.match(mailDeliveryNotice(undefined) ?? '', /No mail server.*outbox/);
    assert.equal(mailDeliveryNotice('smtp://mail.example:25'), undefined);
  });
});
