// Issue 12, items 13 and 14, on the demo: with the interface in English, the dates of a
// network's public page are English, and the Dutch content people wrote (network texts,
// signals, meetings, decisions, library items, budget proposals, experiments) is marked
// lang="nl", so a screen reader reads it with a Dutch voice (WCAG 3.1.2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { demoEmail } from '#src/demo/cast.js';
import { DEMO_PASSWORD } from '#src/modules/people/seed.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';

let t: TestApp;
let visitor: TestClient;
let coordinator: TestClient;

async function english(client: TestClient): Promise<void> {
  await client.get('/');
  await client.post('/taal', { lang: 'en', back: '/' });
}

before(async () => {
  t = await createTestApp({}, { demo: true });
  visitor = new TestClient(t.app);
  await english(visitor);
  coordinator = new TestClient(t.app);
  await coordinator.login(demoEmail('Anneke de Wit'), DEMO_PASSWORD);
  await english(coordinator);
});
after(() => t?.close());

test('the public page in English: dates in English, no Dutch month names', async () => {
  const page = await visitor.get('/buurt/zonnehoek');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="en"/);
  const dutchMonths =
    /\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b/;
  assert.doesNotMatch(page.body, dutchMonths);
  assert.match(
    page.body,
    /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/,
  );
});
