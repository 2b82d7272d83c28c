// Issue 9, items 1 and 2: absolute links come from PUBLIC_URL only (never the Host or
// X-Forwarded-Host header someone sends), and every return address (`terug`, `back`) stays
// on this site, through the real routes, for the usual open-redirect corpus.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { safeLocalPath } from '#src/platform/redirects.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';

/** Return addresses that must never lead away from the site (decoded, as a form sends them). */
const FOREIGN = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '//evil.example',
  '///evil.example',
  '/\\/evil.example',
  '/%2F%2Fevil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'https://evil.example',
  'http:evil.example',
  'evil.example',
  '/\u0000/evil.example',
  '',
];

function assertSafe(response: LightMyRequestResponse, expected: string, label: string) {
  assert.equal(response.statusCode, 303, `${JSON.stringify(label)}: status`);
  assert.equal(response.headers.location, expected, `${JSON.stringify(label)}: location`);
}

describe('absolute links and return addresses', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://buurtkracht.example' });
  });
  after(async () => t?.close());

  test('a forgot-password mail links to PUBLIC_URL, whatever Host or X-Forwarded-Host says', async () => {
    const person = await createPerson(t.database.db);
    const client = new TestClient(t.app, '10.9.0.1');
    await client.get('/wachtwoord-vergeten', { host: 'evil.example' });
    const sent = await client.post(
      '/wachtwoord-vergeten',
      { email: person.email! },
      { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } },
    );
    assert.equal(sent.statusCode, 200);
    const mails = await rows<{ body: string }>(
      t,
      sql`select body from outbox where recipient = ${person.email}`,
    );
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.body, /https:\/\/buurtkracht\.example\/wachtwoord-herstellen\?token=/);
    assert.doesNotMatch(mails[0]!.body, /evil\.example/);
  });

  test('behind a trusted proxy, X-Forwarded-Host is not a source of links either', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const person = await createPerson(proxied.database.db);
      const client = new TestClient(proxied.app, '10.9.0.2');
      await client.get('/wachtwoord-vergeten');
      await client.post(
        '/wachtwoord-vergeten',
        { email: person.email! },
        { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } },
      );
      const mails = await rows<{ body: string }>(
        proxied,
        sql`select body from outbox where recipient = ${person.email}`,
      );
      assert.equal(mails.length, 1);
      // Without PUBLIC_URL (not production): the listening address.
      assert.match(mails[0]!.body, /http:\/\/127\.0\.0\.1:3000\/wachtwoord-herstellen\?token=/);
      assert.doesNotMatch(mails[0]!.body, /evil\.example/);
    } finally {
      await proxied.close();
    }
  });

  test('the helper: only same-origin paths, always ASCII', () => {
    for (const value of FOREIGN)
      assert.equal(safeLocalPath(value, '/x'), '/x', JSON.stringify(value));
    assert.equal(safeLocalPath('/netwerk/3?tab=a#b', '/x'), '/netwerk/3?tab=a#b');
    assert.equal(safeLocalPath('/straße', '/x'), '/stra%C3%9Fe');
    assert.equal(safeLocalPath('/\ud800', '/x'), '/%EF%BF%BD');
    assert.equal(safeLocalPath(['/a'], '/x'), '/x');
    assert.equal(safeLocalPath({ a: 1 }, '/x'), '/x');
  });

  test('GET /inloggen?terug=… sends a signed-in person only to paths on this site', async () => {
    const person = await createPerson(t.database.db);
    const client = new TestClient(t.app, '10.9.1.1');
    await client.login(person.email!, TEST_PASSWORD);
    for (const value of FOREIGN) {
      const response = await client.get(`/inloggen?terug=${encodeURIComponent(value)}`);
      assertSafe(response, '/netwerk', value);
    }
    // Bytes that are not UTF-8, and text beyond Latin-1: never a 500.
    for (const raw of ['%ED%A0%80', '%FF', '/%E2%82%AC', '/%F0%9F%98%80']) {
      const response = await client.get(`/inloggen?terug=${raw}`);
      assert.equal(response.statusCode, 303, raw);
      assert.match(String(response.headers.location), /^\/[\x21-\x7e]*$/, raw);
    }
    assertSafe(await client.get('/inloggen?terug=%2F%E2%82%AC'), '/%E2%82%AC', '/€');
    assertSafe(await client.get('/inloggen?terug=%2Fnetwerk%2F1'), '/netwerk/1', '/netwerk/1');
  });

  test('GET /inloggen?terug=… for a visitor puts only a safe path into the form', async () => {
    const client = new TestClient(t.app, '10.9.1.2');
    for (const value of FOREIGN) {
      const response = await client.get(`/inloggen?terug=${encodeURIComponent(value)}`);
      assert.equal(response.statusCode, 200, JSON.stringify(value));
      assert.match(response.body, /name="terug" value="\/netwerk"/, JSON.stringify(value));
    }
  });

  test('the login form post sends back only to paths on this site', async () => {
    let n = 0;
    for (const value of [...FOREIGN, '/\ud800/x']) {
      n += 1;
      // A fresh person and address each time: the sign-in limit is not what is tested here.
      const person = await createPerson(t.database.db);
      const client = new TestClient(t.app, `10.9.2.${n}`);
      await client.get('/inloggen');
      const response = await client.post('/inloggen', {
        identifier: person.email!,
        password: TEST_PASSWORD,
        terug: value,
      });
      assertSafe(response, value === '/\ud800/x' ? '/%EF%BF%BD/x' : '/netwerk', value);
    }
  });

  test('the language switch (POST /taal with back) stays on this site', async () => {
    const client = new TestClient(t.app, '10.9.3.1');
    await client.get('/');
    for (const value of FOREIGN) {
      const response = await client.post('/taal', { lang: 'en', back: value }, { from: '/' });
      assertSafe(response, '/', value);
    }
    assertSafe(await client.post('/taal', { lang: 'nl', back: '/buurten' }), '/buurten', 'ok');
    assertSafe(
      await client.post('/taal', { lang: 'nl', back: '/caf\u00e9 \u20ac' }),
      '/caf%C3%A9%20%E2%82%AC',
      'non-Latin-1',
    );
  });
});
