// Issue 9, item 6: bad input never gives a 500 and never loses what was typed. The form
// fuzz over every POST form of every module (test/helpers/form-fuzz.ts; the other odd values
// are in the other form-fuzz-*.test.ts files, two each to stay within the time limit per
// file), bodies that cannot be read, and paths with control characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineFormFuzz } from '#test/helpers/form-fuzz.js';

const fuzz = defineFormFuzz(['NUL bytes', 'control characters']);

test('bodies that cannot be read: 400 or 413 with a friendly page, before any access check', async () => {
  const t = fuzz.app();
  const params = fuzz.params;
  const client = fuzz.sessions.get('coordinator')!;
  await client.get(`/netwerk/${params.networkId}/vonkjes`);
  const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
  const cases: { type: string; payload: string | Buffer; status: number; text: RegExp }[] = [
    { type: 'multipart/form-data', payload: 'x', status: 400, text: /kon niet worden gelezen/ },
    // Cut off before the token: nothing could be read, the form counts as expired.
    {
      type: 'multipart/form-data; boundary=abc',
      payload: '--abc\r\nContent-Disposition: form-data; name="text"\r\n\r\nhalf',
      status: 403,
      text: /Het formulier is verlopen/,
    },
    {
      type: 'application/json',
      payload: '{"text": bad',
      status: 400,
      text: /kon niet worden gelezen/,
    },
    {
      type: 'application/x-www-form-urlencoded',
      payload: `text=${'x'.repeat(1_100_000)}`,
      status: 413,
      text: /te groot/,
    },
    { type: 'text/plain', payload: 'hallo', status: 403, text: /Het formulier is verlopen/ },
    { type: 'application/xml', payload: '<a/>', status: 415, text: /kon niet worden gelezen/ },
  ];
  for (const url of [
    `/netwerk/${params.networkId}/vonkjes`,
    `/netwerk/${params.networkId}/bijeenkomsten/${params.meetingId}/vonkjesronde`,
    `/buurt/${params.slug}/vonkje`,
    '/inloggen',
  ]) {
    for (const c of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        payload: c.payload,
        headers: { cookie, 'content-type': c.type },
        remoteAddress: fuzz.nextAddress(),
      });
      assert.equal(response.statusCode, c.status, `${url} ${c.type}`);
      assert.match(response.body, c.text, `${url} ${c.type}`);
      assert.match(String(response.headers['content-type']), /text\/html/);
    }
  }
});

test('a path with a NUL byte or another control character names nothing: 404, not 500', async () => {
  const params = fuzz.params;
  const visitor = fuzz.sessions.get('visitor')!;
  for (const url of ['/buurt/zonne%00hoek', '/buurt/zonne%0Ahoek', '/buurt/%7F', '/netwerk/1%00']) {
    const response = await visitor.get(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /Deze pagina bestaat niet/);
  }
  const query = await visitor.get(`/buurt/${params.slug}?q=%00`);
  assert.equal(query.statusCode, 200);
});
