import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { lastMailTo } from '#test/helpers/mail.js';

describe('signing in, sessions and password reset', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  test('login gives a new HttpOnly, SameSite session cookie, and a planted session id is worthless', async () => {
    const client = new TestClient(t.app);
    client.setCookie('sid', 'planted-by-an-attacker');
    const res = await client.login(world.people.resident.email!, TEST_PASSWORD);
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('sid='));
    assert.ok(setCookie);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    const sid = client.cookie('sid')!;
    assert.notEqual(sid, 'planted-by-an-attacker');
    assert.ok(Buffer.from(sid, 'base64url').length >= 32, 'at least 256 bits');
    // The database holds only a hash of the id.
    const stored = await rows<{ id_hash: string }>(t, sql`select id_hash from sessions`);
    assert.ok(stored.length > 0);
    assert.ok(stored.every((r) => r.id_hash !== sid));
    const page = await client.get('/netwerk');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Netwerk A/);
  });

  test('a second login gives another session id', async () => {
    const client = new TestClient(t.app);
    await client.login(world.people.resident.email!, TEST_PASSWORD);
    const first = client.cookie('sid');
    await client.login(world.people.resident.email!, TEST_PASSWORD);
    assert.notEqual(client.cookie('sid'), first);
    // The replaced session is gone from the server.
    const thief = new TestClient(t.app);
    thief.setCookie('sid', first!);
    assert.equal((await thief.get('/netwerk')).statusCode, 303);
  });

  test('logout ends the session on the server: the old cookie no longer works', async () => {
    const client = new TestClient(t.app);
    await client.login(world.people.council.email!, TEST_PASSWORD);
    const sid = client.cookie('sid')!;
    await client.get('/netwerk');
    const out = await client.post('/uitloggen', {});
    assert.equal(out.statusCode, 303);
    const replay = new TestClient(t.app);
    replay.setCookie('sid', sid);
    const res = await replay.get('/netwerk');
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /^\/inloggen\?terug=/);
  });

  test('sessions end after 2 idle hours and after 12 hours in any case', async () => {
    const client = new TestClient(t.app);
    await client.login(world.people.professional.email!, TEST_PASSWORD);
    const personId = world.people.professional.id;
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '121 minutes' where person_id = ${personId}`,
    );
    assert.equal((await client.get('/netwerk')).statusCode, 303, 'idle time-out');

    await client.login(world.people.professional.email!, TEST_PASSWORD);
    await t.database.db.execute(
      sql`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where person_id = ${personId}`,
    );
    assert.equal((await client.get('/netwerk')).statusCode, 303, 'absolute time-out');

    await client.login(world.people.professional.email!, TEST_PASSWORD);
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '100 minutes' where person_id = ${personId}`,
    );
    assert.equal((await client.get('/netwerk')).statusCode, 200, 'still within the idle time');
  });

  test('a wrong password gets a clear Dutch message, keeps the typed name, and is audited', async () => {
    const client = new TestClient(t.app, '10.1.1.1');
    await client.get('/inloggen');
    const res = await client.post('/inloggen', {
      identifier: world.people.resident.email!,
      password: 'fout-fout-fout',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Het e-mailadres, de gebruikersnaam of het wachtwoord klopt niet/);
    assert.match(res.body, new RegExp(`value="${world.people.resident.email}"`));
    assert.doesNotMatch(res.body, /fout-fout-fout/, 'the password is never sent back');
    const audit = await rows<{ action: string; result: string; actor_id: number; origin: string }>(
      t,
      sql`select action, result, actor_id, origin from audit_log where action = 'login' and result = 'failed'`,
    );
    assert.ok(
      audit.some((a) => a.actor_id === world.people.resident.id && a.origin === '10.1.1.1'),
    );
    const ok = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_log where action = 'login' and result = 'ok'`,
    );
    assert.ok(ok[0]!.n > 0);
  });

  test('login is rate-limited per account, even from many addresses', async () => {
    const victim = await createPerson(t.database.db);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const client = new TestClient(t.app, `10.2.0.${i}`);
      await client.get('/inloggen');
      statuses.push(
        (
          await client.post('/inloggen', {
            identifier: victim.email!,
            password: `guess-${i}-xxxxx`,
          })
        ).statusCode,
      );
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(400));
    assert.equal(statuses[10], 429);
    // Even the right password is refused while the account is limited.
    const client = new TestClient(t.app, '10.2.1.1');
    await client.get('/inloggen');
    const res = await client.post('/inloggen', {
      identifier: victim.email!,
      password: TEST_PASSWORD,
    });
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /te vaak geprobeerd/);
  });

  test('an address is slowed down, never locked: after failures across accounts the right password still works', async () => {
    const client = new TestClient(t.app, '10.3.3.3');
    await client.get('/inloggen');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (
          await client.post('/inloggen', {
            identifier: `nobody-${i}@x.example`,
            password: 'whatever-123',
          })
        ).statusCode,
      );
    }
    assert.deepEqual(statuses, Array(21).fill(400));
    // Someone else at the same address, whose account nobody attacked, signs in.
    const neighbour = await createPerson(t.database.db);
    const other = new TestClient(t.app, '10.3.3.3');
    await other.get('/inloggen');
    const res = await other.post('/inloggen', {
      identifier: neighbour.email!,
      password: TEST_PASSWORD,
    });
    assert.equal(res.statusCode, 303);
  });

  test('password reset: one-hour, single-use link by email; old sessions end; unknown addresses look the same', async () => {
    const person = await createPerson(t.database.db);
    const other = new TestClient(t.app);
    await other.login(person.email!, TEST_PASSWORD);

    const client = new TestClient(t.app, '10.4.4.4');
    await client.get('/wachtwoord-vergeten');
    const known = await client.post('/wachtwoord-vergeten', { email: person.email! });
    const unknown = await client.post(
      '/wachtwoord-vergeten',
      { email: 'niemand@test.example' },
      { from: '/wachtwoord-vergeten' },
    );
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.match(known.body, /Als dit e-mailadres bij ons bekend is/);
    assert.match(unknown.body, /Als dit e-mailadres bij ons bekend is/);

    const mails = await rows<{ body: string; recipient: string }>(
      t,
      sql`select body, recipient from outbox where recipient = ${person.email}`,
    );
    assert.equal(mails.length, 1);
    const token = /token=([\w-]+)/.exec(mails[0]!.body)?.[1];
    assert.ok(token);
    const stored = await rows<{ token_hash: string }>(
      t,
      sql`select token_hash from password_resets`,
    );
    assert.ok(
      stored.every((r) => r.token_hash !== token),
      'only a hash is stored',
    );

    await client.get(`/wachtwoord-herstellen?token=${token}`);
    const weak = await client.post('/wachtwoord-herstellen', {
      token: token!,
      password: 'Wachtwoord123',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /te vaak gebruikt/);
    const done = await client.post('/wachtwoord-herstellen', {
      token: token!,
      password: 'een-heel-nieuw-wachtwoord',
    });
    assert.equal(done.statusCode, 303);
    const again = await client.post('/wachtwoord-herstellen', {
      token: token!,
      password: 'nog-een-ander-wachtwoord',
    });
    assert.equal(again.statusCode, 400, 'single use');

    assert.equal(
      (await other.get('/netwerk')).statusCode,
      303,
      'sessions with the old password ended',
    );
    await new TestClient(t.app).login(person.email!, 'een-heel-nieuw-wachtwoord');

    // An expired link does not work.
    await client.post(
      '/wachtwoord-vergeten',
      { email: person.email! },
      { from: '/wachtwoord-vergeten' },
    );
    const second = await lastMailTo(t, person.email!);
    const token2 = /token=([\w-]+)/.exec(second!.body)?.[1];
    await t.database.db.execute(
      sql`update password_resets set expires_at = now() - interval '1 second'`,
    );
    const expired = await client.get(`/wachtwoord-herstellen?token=${token2}`);
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /Deze link werkt niet meer/);
  });

  test('pages for members send visitors to the login page and back', async () => {
    const client = new TestClient(t.app);
    const res = await client.get(`/netwerk/${world.networks.a.id}/leden`);
    assert.equal(res.statusCode, 303);
    assert.equal(
      res.headers.location,
      `/inloggen?terug=${encodeURIComponent(`/netwerk/${world.networks.a.id}/leden`)}`,
    );
    await client.get(res.headers.location as string);
    const login = await client.post('/inloggen', {
      identifier: world.people.coordinator.email!,
      password: TEST_PASSWORD,
      terug: `/netwerk/${world.networks.a.id}/leden`,
    });
    assert.equal(login.headers.location, `/netwerk/${world.networks.a.id}/leden`);
    // Never back to another site.
    await client.post('/uitloggen', {});
    await client.get('/inloggen');
    const evil = await client.post('/inloggen', {
      identifier: world.people.coordinator.email!,
      password: TEST_PASSWORD,
      terug: '//evil.example/',
    });
    assert.equal(evil.headers.location, '/netwerk');
  });
});
