import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';

describe('site pages and platform plumbing', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the home page answers in Dutch, styled, with skip link, navigation and footer', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(res.body, /^<!doctype html><html lang="nl"/);
    assert.match(res.body, /<a class="utrecht-skip-link[^"]*" href="#main">Naar de inhoud<\/a>/);
    assert.match(res.body, /<nav class="utrecht-nav-bar[^"]*" aria-label="Hoofdmenu">/);
    assert.match(res.body, /<main id="main"/);
    assert.match(res.body, /href="\/toegankelijkheid"/);
    assert.match(res.body, /href="\/privacy"/);
    assert.match(res.body, /Samen beslissen over het buurtbudget/);
    assert.match(res.body, /<link rel="stylesheet" href="\/assets\/utrecht\.[0-9a-f]{12}\.css"\/>/);
  });

  test('the language switch remembers English in a cookie and returns to the same page', async () => {
    const client = new TestClient(t.app);
    await client.get('/privacy');
    const res = await client.post('/taal', { lang: 'en', back: '/privacy' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/privacy');
    assert.equal(client.cookie('lang'), 'en');
    const page = await client.get('/privacy');
    assert.match(page.body, /<html lang="en"/);
    assert.match(page.body, /We sell nothing and we do not track you/);
    assert.match(page.body, /lang="nl">Lees deze site in het Nederlands/);
  });

  test('the language switch never sends a visitor to another site', async () => {
    const client = new TestClient(t.app);
    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await client.post('/taal', { lang: 'en', back });
      assert.equal(res.headers.location, '/', back);
    }
  });

  test('a visitor without cookies gets no cookie on pages without a form (no CSRF secret made)', async () => {
    for (const url of ['/', '/privacy', '/toegankelijkheid', '/buurten']) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['set-cookie'], undefined, url);
      assert.doesNotMatch(res.body, /name="_csrf"/, url);
    }
    // A page with a form that changes data still gets its secret and token.
    const form = await t.app.inject('/inloggen');
    assert.match(String(form.headers['set-cookie']), /^csrf=/);
    assert.match(form.body, /name="_csrf" value="[^"]+"/);
  });

  test('the language switch works without a token or any cookie, and stays on this site', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/taal',
      payload: 'lang=en&back=%2Fprivacy',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/privacy');
    assert.match(String(res.headers['set-cookie']), /^lang=en;/);
    const page = await t.app.inject('/');
    assert.match(page.body, /<form method="post" action="\/taal" class="bk-lang">/);
  });

  test('a post to a protected route without a valid CSRF token is refused with 403 and changes nothing', async () => {
    const client = new TestClient(t.app);
    await client.get('/inloggen');
    assert.ok(client.cookie('csrf'));
    const forged = await client.post('/inloggen', {
      identifier: 'nobody@example.org',
      password: 'wrong-password-1',
      _csrf: 'forged',
    });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /Het formulier is verlopen/);
    assert.equal(client.cookie('sid'), undefined);

    // A post from another site: no CSRF cookie, no token (the sign-out form too).
    for (const url of ['/inloggen', '/uitloggen', '/wachtwoord-vergeten']) {
      const foreign = await t.app.inject({
        method: 'POST',
        url,
        payload: 'identifier=nobody%40example.org&password=x&email=nobody%40example.org',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(foreign.statusCode, 403, url);
    }
  });

  test('unknown pages get the friendly 404 page in the visitor language', async () => {
    const res = await t.app.inject('/bestaat-niet');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Deze pagina bestaat niet/);
    const en = await t.app.inject({ url: '/does-not-exist', headers: { cookie: 'lang=en' } });
    assert.match(en.body, /This page does not exist/);
  });

  test('an unreadable body gets a friendly 400 page without inner details', async () => {
    const client = new TestClient(t.app);
    await client.get('/');
    const res = await t.app.inject({
      method: 'POST',
      url: '/taal',
      payload: '{"broken json',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Dit verzoek klopt niet/);
    assert.doesNotMatch(res.body, /SyntaxError|at .*\.js|JSON/);
  });

  test('security headers: CSP without inline scripts, HSTS, nosniff, referrer policy, framing', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(res.headers['strict-transport-security'] as string, /max-age=31536000/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
  });

  test('static files have hashed names, a year of cache and compressed copies', async () => {
    const home = await t.app.inject('/');
    const href = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(home.body)?.[1];
    assert.ok(href);
    const res = await t.app.inject({ url: href, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /max-age=31536000.*immutable/);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal((await t.app.inject('/assets/manifest.json')).statusCode, 404);
    assert.equal((await t.app.inject('/assets/../package.json')).statusCode, 404);
  });

  test('/healthz reports the database', async () => {
    const res = await t.app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: 'ok' });
  });

  test('form posts are rate-limited per address, with a friendly page', async () => {
    const client = new TestClient(t.app, '10.9.8.7');
    await client.get('/');
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await client.post('/taal', { lang: 'nl', back: '/' })).statusCode);
    }
    assert.deepEqual(statuses.slice(0, 60), Array(60).fill(303));
    assert.equal(statuses[60], 429);
    assert.match(client.lastHtml, /Even rustig aan/);
    // Another address is not affected.
    const other = new TestClient(t.app, '10.9.8.6');
    assert.equal((await other.post('/taal', { lang: 'nl', back: '/' })).statusCode, 303);
  });
});
