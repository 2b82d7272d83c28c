import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { lastMailTo } from '#test/helpers/mail.js';

async function signedIn(t: TestApp, email: string, userAgent?: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.get('/inloggen');
  const response = await client.post(
    '/inloggen',
    { identifier: email, password: TEST_PASSWORD, terug: '/mijn-gegevens' },
    userAgent ? { headers: { 'user-agent': userAgent } } : {},
  );
  assert.equal(response.statusCode, 303, `login of ${email}`);
  return client;
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('account self-service on /mijn-gegevens', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  test('the name changes; an empty name is refused with the field named and the input kept', async () => {
    const person = await createPerson(t.database.db, { name: 'Oude Naam' });
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const empty = await client.post('/mijn-gegevens/naam', { displayName: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /uw naam/);
    const saved = await client.post('/mijn-gegevens/naam', { displayName: 'Nieuwe Naam' });
    assert.equal(saved.statusCode, 303);
    const page = await client.get('/mijn-gegevens');
    assert.match(page.body, /value="Nieuwe Naam"/);
  });

  test('the language is stored; the interface follows it after the next sign-in', async () => {
    const person = await createPerson(t.database.db);
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const bad = await client.post('/mijn-gegevens/taal', { language: 'fr' });
    assert.equal(bad.statusCode, 400);
    const saved = await client.post('/mijn-gegevens/taal', { language: 'en' });
    assert.equal(saved.statusCode, 303);
    assert.equal(client.cookie('lang'), 'en');
    const stored = await rows<{ language: string }>(
      t,
      sql`select language from people where id = ${person.id}`,
    );
    assert.equal(stored[0]!.language, 'en');
    // Another browser, in Dutch until the person signs in.
    const other = new TestClient(t.app);
    assert.match((await other.get('/inloggen')).body, /lang="nl"/);
    await other.post('/inloggen', { identifier: person.email!, password: TEST_PASSWORD });
    assert.equal(other.cookie('lang'), 'en');
    const after = (await other.get('/mijn-gegevens')).body;
    assert.match(after, /lang="en"/);
    // The welcome, asked for on a Dutch page, is written in the page's language: English.
    assert.match(after, /Welcome, you are logged in\./);
    assert.doesNotMatch(after, /Welkom, u bent ingelogd/);
  });

  test('email change: link to the new address works once, the old address is told, nothing changes before', async () => {
    const person = await createPerson(t.database.db);
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const invalid = await client.post('/mijn-gegevens/e-mailadres', { newEmail: 'geen-adres' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /uw nieuwe e-mailadres/);
    assert.match(invalid.body, /value="geen-adres"/);
    const taken = await client.post('/mijn-gegevens/e-mailadres', {
      newEmail: world.people.resident.email!,
    });
    assert.equal(taken.statusCode, 400);

    const newEmail = `nieuw-${person.id}@test.example`;
    const sent = await client.post('/mijn-gegevens/e-mailadres', { newEmail });
    assert.equal(sent.statusCode, 303);
    const before = await rows<{ email: string }>(
      t,
      sql`select email from people where id = ${person.id}`,
    );
    assert.equal(before[0]!.email, person.email, 'nothing changes until confirmed');
    const mail = await lastMailTo(t, newEmail);
    assert.ok(mail, 'a mail to the new address');
    const token = /token=([\w-]+)/.exec(mail.body)?.[1];
    assert.ok(token);
    const stored = await rows<{ token_hash: string }>(
      t,
      sql`select token_hash from email_changes where person_id = ${person.id}`,
    );
    assert.notEqual(stored[0]!.token_hash, token, 'only a hash is stored');

    // Someone else's link is refused and stays usable for its owner.
    const stranger = await signedIn(t, world.people.professional.email!);
    const page = await stranger.get(`/mijn-gegevens/e-mailadres/bevestigen?token=${token}`);
    assert.equal(page.statusCode, 200, 'the page itself changes nothing');
    const refused = await stranger.post('/mijn-gegevens/e-mailadres/bevestigen', { token });
    assert.equal(refused.statusCode, 303);
    const strangerRow = await rows<{ email: string }>(
      t,
      sql`select email from people where id = ${world.people.professional.id}`,
    );
    assert.equal(strangerRow[0]!.email, world.people.professional.email);

    await client.get(`/mijn-gegevens/e-mailadres/bevestigen?token=${token}`);
    const confirmed = await client.post('/mijn-gegevens/e-mailadres/bevestigen', { token });
    assert.equal(confirmed.statusCode, 303);
    const afterRow = await rows<{ email: string }>(
      t,
      sql`select email from people where id = ${person.id}`,
    );
    assert.equal(afterRow[0]!.email, newEmail);
    const told = await lastMailTo(t, person.email!);
    assert.ok(told, 'the old address is told');
    assert.match(told.subject, /gewijzigd/);
    assert.ok(told.body.includes(newEmail));

    // Once only.
    const again = await client.post('/mijn-gegevens/e-mailadres/bevestigen', { token });
    assert.equal(again.statusCode, 303);
    const flash = await client.get('/mijn-gegevens');
    assert.match(flash.body, /werkt niet \(meer\)/);
  });

  test('the mail about an email change is in the language stored on the account', async () => {
    const person = await createPerson(t.database.db);
    await t.database.db.execute(sql`update people set language = 'en' where id = ${person.id}`);
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const newEmail = `english-${person.id}@test.example`;
    await client.post('/mijn-gegevens/e-mailadres', { newEmail });
    const mail = await lastMailTo(t, newEmail);
    assert.match(mail!.subject, /Confirm your new email address/);
    assert.match(mail!.body, /works for 24 hours and only once/);
  });

  test('a link opened while signed out leads through sign-in back to the confirmation', async () => {
    const person = await createPerson(t.database.db);
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const newEmail = `uitgelogd-${person.id}@test.example`;
    await client.post('/mijn-gegevens/e-mailadres', { newEmail });
    const token = /token=([\w-]+)/.exec((await lastMailTo(t, newEmail))!.body)?.[1];
    const link = `/mijn-gegevens/e-mailadres/bevestigen?token=${token}`;
    const visitor = new TestClient(t.app);
    const away = await visitor.get(link);
    assert.equal(away.statusCode, 303);
    assert.equal(away.headers.location, `/inloggen?terug=${encodeURIComponent(link)}`);
    await visitor.get(String(away.headers.location));
    const back = await visitor.post('/inloggen', {
      identifier: person.email!,
      password: TEST_PASSWORD,
      terug: link,
    });
    assert.equal(back.headers.location, link);
    const page = await visitor.get(link);
    assert.match(page.body, /Ja, gebruik mijn nieuwe e-mailadres/);
  });

  test('email change: an expired link is refused', async () => {
    const person = await createPerson(t.database.db);
    const client = await signedIn(t, person.email!);
    await client.get('/mijn-gegevens');
    const newEmail = `later-${person.id}@test.example`;
    await client.post('/mijn-gegevens/e-mailadres', { newEmail });
    const token = /token=([\w-]+)/.exec((await lastMailTo(t, newEmail))!.body)?.[1];
    await t.database.db.execute(
      sql`update email_changes set expires_at = now() - interval '1 minute' where person_id = ${person.id}`,
    );
    await client.get(`/mijn-gegevens/e-mailadres/bevestigen?token=${token}`);
    await client.post('/mijn-gegevens/e-mailadres/bevestigen', { token: token! });
    const row = await rows<{ email: string }>(
      t,
      sql`select email from people where id = ${person.id}`,
    );
    assert.equal(row[0]!.email, person.email);
  });

  test('password change: wrong current password is 400 naming the field; other sessions end, this one stays', async () => {
    const person = await createPerson(t.database.db);
    const other = await signedIn(t, person.email!, IPHONE);
    const client = await signedIn(t, person.email!, FIREFOX);
    await client.get('/mijn-gegevens');
    const wrong = await client.post('/mijn-gegevens/wachtwoord', {
      currentPassword: 'niet-het-goede-wachtwoord',
      newPassword: 'een-heel-nieuw-wachtwoord-7',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Dit is niet uw huidige wachtwoord/);
    assert.match(wrong.body, /href="#[^"]*currentPassword/);
    const weak = await client.post('/mijn-gegevens/wachtwoord', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kort',
    });
    assert.equal(weak.statusCode, 400);
    const common = await client.post('/mijn-gegevens/wachtwoord', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'wachtwoord123',
    });
    assert.equal(common.statusCode, 400);
    assert.match(common.body, /te vaak gebruikt/);

    const changed = await client.post('/mijn-gegevens/wachtwoord', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'een-heel-nieuw-wachtwoord-7',
    });
    assert.equal(changed.statusCode, 303);
    assert.equal((await client.get('/mijn-gegevens')).statusCode, 200, 'this session stays');
    const ended = await other.get('/mijn-gegevens');
    assert.equal(ended.statusCode, 303, 'the other session has ended');
    assert.match(String(ended.headers.location), /^\/inloggen/);
  });

  test('sessions: listed with their device, this one marked; end one, end all others; not someone else’s', async () => {
    const person = await createPerson(t.database.db);
    const phone = await signedIn(t, person.email!, IPHONE);
    const tablet = await signedIn(t, person.email!, IPHONE);
    const client = await signedIn(t, person.email!, FIREFOX);
    const page = await client.get('/mijn-gegevens');
    assert.match(page.body, /Firefox op Windows · Dit apparaat/);
    assert.match(page.body, /Safari op iOS/);

    const ids = await rows<{ public_id: number }>(
      t,
      sql`select public_id from sessions where person_id = ${person.id} order by public_id`,
    );
    assert.equal(ids.length, 3);
    // Someone else's session: 404, and it stays.
    const intruder = await signedIn(t, world.people.resident.email!);
    await intruder.get('/mijn-gegevens');
    const refused = await intruder.post(
      `/mijn-gegevens/sessies/${ids[0]!.public_id}/beeindigen`,
      {},
    );
    assert.equal(refused.statusCode, 404);
    assert.equal((await phone.get('/mijn-gegevens')).statusCode, 200);

    await client.get('/mijn-gegevens');
    const one = await client.post(`/mijn-gegevens/sessies/${ids[0]!.public_id}/beeindigen`, {});
    assert.equal(one.statusCode, 303);
    assert.equal((await phone.get('/mijn-gegevens')).statusCode, 303);
    assert.equal((await tablet.get('/mijn-gegevens')).statusCode, 200);

    await client.get('/mijn-gegevens');
    const others = await client.post('/mijn-gegevens/sessies/andere-beeindigen', {});
    assert.equal(others.statusCode, 303);
    assert.equal((await tablet.get('/mijn-gegevens')).statusCode, 303);
    assert.equal((await client.get('/mijn-gegevens')).statusCode, 200);
  });

  test('leaving a network: a member leaves; the last coordinator cannot; another network is 404', async () => {
    const a = world.networks.a.id;
    const member = await createPerson(t.database.db, {
      memberOf: [{ networkId: a, role: 'resident' }],
    });
    const client = await signedIn(t, member.email!);
    await client.get('/mijn-gegevens');
    const elsewhere = await client.post(
      `/mijn-gegevens/netwerken/${world.networks.b.id}/verlaten`,
      {},
    );
    assert.equal(elsewhere.statusCode, 404);
    const left = await client.post(`/mijn-gegevens/netwerken/${a}/verlaten`, {});
    assert.equal(left.statusCode, 303);
    const rest = await rows<{ id: number }>(
      t,
      sql`select id from memberships where person_id = ${member.id}`,
    );
    assert.equal(rest.length, 0);

    // Network B has one coordinator.
    const last = await signedIn(t, world.people.coordinatorB.email!);
    await last.get('/mijn-gegevens');
    const refused = await last.post(`/mijn-gegevens/netwerken/${world.networks.b.id}/verlaten`, {});
    assert.equal(refused.statusCode, 303);
    assert.match((await last.get('/mijn-gegevens')).body, /enige coördinator/);
    const still = await rows<{ role: string }>(
      t,
      sql`select role from memberships where person_id = ${world.people.coordinatorB.id}`,
    );
    assert.equal(still[0]!.role, 'coordinator');
  });

  test('two coordinators leaving at the same moment: one stays', async () => {
    const c = world.networks.c.id;
    const second = await createPerson(t.database.db, {
      memberOf: [{ networkId: c, role: 'coordinator' }],
    });
    const first = await signedIn(t, world.people.coordinatorC.email!);
    const other = await signedIn(t, second.email!);
    await first.get('/mijn-gegevens');
    await other.get('/mijn-gegevens');
    await Promise.all([
      first.post(`/mijn-gegevens/netwerken/${c}/verlaten`, {}),
      other.post(`/mijn-gegevens/netwerken/${c}/verlaten`, {}),
    ]);
    const left = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from memberships where network_id = ${c} and role = 'coordinator'`,
    );
    assert.equal(left[0]!.n, 1);
  });

  test('a visitor: the link page sends them to sign in, every form post is refused', async () => {
    const visitor = new TestClient(t.app);
    await visitor.get('/');
    for (const url of [
      '/mijn-gegevens/naam',
      '/mijn-gegevens/e-mailadres',
      '/mijn-gegevens/e-mailadres/bevestigen',
      '/mijn-gegevens/wachtwoord',
      '/mijn-gegevens/taal',
      `/mijn-gegevens/netwerken/${world.networks.a.id}/verlaten`,
      '/mijn-gegevens/sessies/1/beeindigen',
      '/mijn-gegevens/sessies/andere-beeindigen',
    ]) {
      const response = await visitor.post(url, {}, { from: '/' });
      assert.equal(response.statusCode, 403, url);
    }
    const page = await visitor.get('/mijn-gegevens/e-mailadres/bevestigen?token=x');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /^\/inloggen/);
  });
});
