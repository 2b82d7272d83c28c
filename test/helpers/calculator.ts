// The calculator (/rekenhulp) as a visitor uses it: open the form, post a file, follow the
// redirect to the count and look again while it is busy.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, TestClient } from './app.js';
import { postMultipart } from './multipart.js';

/**
 * Opens the form and posts `data` with `rule` as `visitor` (by default a new visitor who is
 * not signed in); returns the visitor and the form's answer.
 */
export async function uploadToCalculator(
  t: TestApp,
  data: Buffer | string,
  rule: string,
  filename = 'stemmen.pb',
  visitor = new TestClient(t.app),
) {
  const page = await visitor.get('/rekenhulp');
  assert.equal(page.statusCode, 200);
  const response = await postMultipart(t, visitor, '/rekenhulp', {
    rule,
    file: { filename, contentType: 'text/plain', data: Buffer.from(data) },
  });
  return { visitor, response };
}

/** Follows the redirect to the count and looks again until it is no longer busy (a Dutch visitor). */
export async function calculatorOutcome(visitor: TestClient, response: LightMyRequestResponse) {
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  const location = String(response.headers.location);
  assert.match(location, /^\/rekenhulp\/[A-Za-z0-9_-]{22}$/);
  for (let k = 0; k < 600; k++) {
    const page = await visitor.get(location);
    if (!page.headers.refresh) return page;
    assert.match(page.body, /Bezig met tellen/);
    assert.match(page.body, /Al (1 seconde|\d+ seconden) bezig\./);
    // Soon at first, then less often (a screen reader starts again at each load).
    const elapsed = Number(/Al (\d+) second/.exec(page.body)?.[1]);
    assert.equal(page.headers.refresh, elapsed < 10 ? '2' : '5');
    assert.ok(page.body.includes(`href="${location}"`), 'the busy page links to itself');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the count did not finish');
}
