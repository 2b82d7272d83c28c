// Issue 9 in the people module: no self-granted roles, no working secrets in an export,
// saying what really happened to a mail, and the audit pages in plain words.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { mailDeliveryNotice } from '#src/platform/mail.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { lastMailTo } from '#test/helpers/mail.js';
import { downloadMyData } from '#test/helpers/my-data.js';

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
    const { text, json: data } = await downloadMyData(client);
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

  test('nobody grants themselves a role: an administrator cannot become coordinator of a network', async () => {
    const admin = new TestClient(t.app);
    await admin.login(world.people.admin.email!, TEST_PASSWORD);
    const before = await rows<{ n: number }>(t, sql`select count(*)::int as n from invitations`);
    // Their own address, as coordinator of a network that has one: refused, nothing saved.
    await admin.get(`/netwerk/${a()}/uitnodigen`);
    const self = await admin.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: world.people.admin.email!,
      role: 'coordinator',
      addressee: '',
      organisationId: '',
    });
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /Alleen een coördinator van het netwerk kan iemand coördinator maken/);
    const after = await rows<{ n: number }>(t, sql`select count(*)::int as n from invitations`);
    assert.equal(after[0]!.n, before[0]!.n);

    // A letter the administrator made: they cannot redeem it themselves.
    const letter = await admin.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'letter',
      role: 'resident',
      addressee: 'Iemand',
      email: '',
      organisationId: '',
    });
    assert.equal(letter.statusCode, 200);
    const code = /class="bk-letter__code">([A-Z0-9-]+)</.exec(letter.body)?.[1];
    assert.ok(code);
    await admin.get(`/uitnodiging?code=${code}`);
    const redeem = await admin.post('/uitnodiging', {
      code,
      displayName: 'Mijzelf',
      username: 'beheerder-zelf',
      password: 'een-lang-en-sterk-wachtwoord-9',
    });
    assert.equal(redeem.statusCode, 400);
    assert.match(redeem.body, /zelf gemaakt/);

    // Nor make a member coordinator (themselves or anyone) when the network has coordinators.
    const [resident] = await rows<{ id: number }>(
      t,
      sql`select id from memberships where person_id = ${world.people.resident.id} and network_id = ${a()}`,
    );
    await admin.get(`/netwerk/${a()}/leden`);
    const promote = await admin.post(`/netwerk/${a()}/leden/${resident!.id}/rol`, {
      role: 'coordinator',
    });
    assert.equal(promote.statusCode, 303);
    const [role] = await rows<{ role: string }>(
      t,
      sql`select role from memberships where id = ${resident!.id}`,
    );
    assert.equal(role!.role, 'resident');
  });

  test('a coordinator cannot redeem their own invitation, even to their own address', async () => {
    await coordinator.get(`/netwerk/${world.networks.a.id}/uitnodigen`);
    const own = await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: world.people.coordinator.email!,
      role: 'resident',
      addressee: '',
      organisationId: '',
    });
    assert.equal(own.statusCode, 303);
    const mail = await lastMailTo(t, world.people.coordinator.email!);
    const code = /code=([\w-]+)/.exec(mail!.body)?.[1];
    assert.ok(code);
    const visitor = new TestClient(t.app);
    await visitor.get(`/uitnodiging?code=${code}`);
    const res = await visitor.post('/uitnodiging', { code, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /zelf gemaakt/);
  });

  test('when a coordinator joins, the other coordinators are mailed and the log says so', async () => {
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: 'nieuwe.coordinator@test.example',
      role: 'coordinator',
      addressee: '',
      organisationId: '',
    });
    const [mail] = await rows<{ body: string }>(
      t,
      sql`select body from outbox where recipient = 'nieuwe.coordinator@test.example'`,
    );
    const code = /code=([\w-]+)/.exec(mail!.body)?.[1];
    assert.ok(code);
    const invitee = new TestClient(t.app);
    await invitee.get(`/uitnodiging?code=${code}`);
    const joined = await invitee.post('/uitnodiging', {
      code,
      displayName: 'Nieuwe Coördinator',
      password: 'een-lang-en-sterk-wachtwoord-9',
    });
    assert.equal(joined.statusCode, 303);
    const told = await rows<{ body: string; subject: string }>(
      t,
      sql`select subject, body from outbox where recipient = ${world.people.coordinator.email} and subject like 'Nieuwe coördinator%'`,
    );
    assert.equal(told.length, 1);
    assert.match(told[0]!.body, /Nieuwe Coördinator is nu coördinator van Netwerk A/);
    const log = await coordinator.get(`/netwerk/${a()}/logboek`);
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /Nieuwe Coördinator/);
  });

  test('coordinators read the audit log in plain Dutch, without addresses; administrators see the detail', async () => {
    // A resident is refused the audit page; a professional reports a signal and moves it on.
    const resident = new TestClient(t.app, '192.0.2.77');
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    const refused = await resident.get(`/netwerk/${a()}/logboek`);
    assert.ok([403, 404].includes(refused.statusCode));
    const pro = new TestClient(t.app, '192.0.2.78');
    await pro.login(world.people.professional.email!, TEST_PASSWORD);
    await pro.get(`/netwerk/${a()}/signalen/nieuw`);
    const created = await pro.post(`/netwerk/${a()}/signalen/nieuw`, {
      title: 'Bankje in het park is kapot',
      description: 'Meer uitleg',
      theme: 'social_isolation',
      place: 'Het park',
      trigger: 'Iemand viel',
      raisedBy: 'resident',
      origin: 'meeting',
    });
    assert.equal(created.statusCode, 303);
    const signalPath = String(created.headers.location);
    const [residentsMembership] = await rows<{ id: number }>(
      t,
      sql`select id from memberships where person_id = ${world.people.resident.id} and network_id = ${a()}`,
    );
    assert.ok(residentsMembership);
    const page = await coordinator.get(`/netwerk/${a()}/logboek`);
    assert.equal(page.statusCode, 200);
    const body = page.body;
    assert.match(body, new RegExp(world.people.resident.displayName));
    assert.match(body, /Geweigerd: Logboek bekijken/);
    assert.match(body, new RegExp(world.people.professional.displayName));
    assert.match(body, /Signaal gemeld/);
    assert.match(body, /signaal \d+/);
    assert.doesNotMatch(body, /192\.0\.2\.7/, 'no addresses');
    assert.doesNotMatch(body, /:networkId/, 'no route patterns');
    assert.doesNotMatch(body, /audit\.view|signal\.create/, 'no codes');
    assert.ok(signalPath.includes('/signalen/'));

    const admin = new TestClient(t.app);
    await admin.login(world.people.admin.email!, TEST_PASSWORD);
    const technical = await admin.get('/beheer/logboek');
    assert.equal(technical.statusCode, 200);
    assert.match(technical.body, /192\.0\.2\.77/);
    assert.match(technical.body, /GET \/netwerk\/:networkId\/logboek/);
    assert.match(technical.body, /Signaal gemeld/);
  });
});
