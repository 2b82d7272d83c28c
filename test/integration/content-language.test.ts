// Issue 12, items 13 and 14, on the demo: with the interface in English, the dates of a
// network's public page are English, and the Dutch content people wrote (network texts,
// signals, meetings, decisions, library items, budget proposals, experiments) is marked
// lang="nl", so a screen reader reads it with a Dutch voice (WCAG 3.1.2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
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

async function first<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = await t.database.db.execute(query);
  const row = (result as unknown as { rows: T[] }).rows[0];
  assert.ok(row, 'the demo has such a row');
  return row;
}

const VOID = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'wbr',
]);

/** How `text` is escaped in our HTML. */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Whether every occurrence of `text` in the page's body sits inside an element marked
 * lang="nl" (the elements open at that point, read from the tags before it).
 */
function markedDutch(
  html: string,
  text: string,
): { found: number; unmarked: number; context?: string } {
  const body = html.slice(html.indexOf('<body'));
  const needle = escaped(text);
  let found = 0;
  let unmarked = 0;
  let context: string | undefined;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + 1)) {
    found += 1;
    const open: { name: string; dutch: boolean }[] = [];
    for (const tag of body.slice(0, at).matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
      const name = tag[2]!.toLowerCase();
      if (tag[1]) {
        const i = open.map((o) => o.name).lastIndexOf(name);
        if (i !== -1) open.length = i;
      } else if (!VOID.has(name) && !tag[3]!.endsWith('/')) {
        open.push({ name, dutch: /\blang="nl"/.test(tag[3]!) });
      }
    }
    // Inside an attribute (a title or an aria-label) the element itself counts.
    const inTag = body.lastIndexOf('<', at) > body.lastIndexOf('>', at);
    const own = inTag && /\blang="nl"/.test(body.slice(body.lastIndexOf('<', at), at));
    if (!own && !open.some((o) => o.dutch)) {
      unmarked += 1;
      context ??= body.slice(Math.max(0, at - 160), at + needle.length).replace(/\s+/g, ' ');
    }
  }
  return { found, unmarked, ...(context ? { context } : {}) };
}

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

test('in English mode every kind of Dutch content carries lang="nl"', async () => {
  const network = await first<{ id: number; description: string }>(
    sql`select n.id, n.description from networks n join areas a on a.id = n.area_id where a.slug = 'zonnehoek'`,
  );
  const id = network.id;
  const line = (s: string) => s.split('\n')[0]!.trim();
  const checks: { what: string; client: TestClient; url: string; text: string }[] = [];
  checks.push({
    what: 'network text',
    client: visitor,
    url: '/buurt/zonnehoek',
    text: line(network.description),
  });
  const signal = await first<{ id: number; title: string }>(
    sql`select id, title from signals where network_id = ${id} and not person_bound and status <> 'pending' order by id limit 1`,
  );
  checks.push({
    what: 'signal in the list',
    client: coordinator,
    url: `/netwerk/${id}/signalen`,
    text: signal.title,
  });
  checks.push({
    what: 'signal',
    client: coordinator,
    url: `/netwerk/${id}/signalen/${signal.id}`,
    text: signal.title,
  });
  const meeting = await first<{ id: number; title: string; place: string }>(
    sql`select id, title, place from meetings where network_id = ${id} and title <> '' order by id limit 1`,
  );
  checks.push({
    what: 'meeting in the list',
    client: coordinator,
    url: `/netwerk/${id}/bijeenkomsten`,
    text: meeting.title,
  });
  checks.push({
    what: 'meeting',
    client: coordinator,
    url: `/netwerk/${id}/bijeenkomsten/${meeting.id}`,
    text: meeting.place,
  });
  const decision = await first<{ id: number; title: string }>(
    sql`select id, title from decisions where network_id = ${id} order by id limit 1`,
  );
  checks.push({
    what: 'decision in the list',
    client: coordinator,
    url: `/netwerk/${id}/besluiten`,
    text: decision.title,
  });
  checks.push({
    what: 'decision',
    client: coordinator,
    url: `/netwerk/${id}/besluiten/${decision.id}`,
    text: decision.title,
  });
  const item = await first<{ id: number; title: string }>(
    sql`select id, title from library_items where visibility = 'public' order by id limit 1`,
  );
  checks.push({
    what: 'library item in the list',
    client: coordinator,
    url: '/bibliotheek',
    text: item.title,
  });
  checks.push({
    what: 'library item',
    client: coordinator,
    url: `/bibliotheek/${item.id}`,
    text: item.title,
  });
  const proposal = await first<{ round_id: number; title: string }>(
    sql`select p.round_id, p.title from budget_proposals p join budget_rounds r on r.id = p.round_id
        where r.network_id = ${id} and p.status = 'accepted' order by p.id limit 1`,
  );
  checks.push({
    what: 'budget proposal',
    client: coordinator,
    url: `/netwerk/${id}/wijkbudget/${proposal.round_id}`,
    text: proposal.title,
  });
  const experiment = await first<{ id: number; title: string; question: string }>(
    sql`select id, title, question from experiments where network_id = ${id} order by id limit 1`,
  );
  checks.push({
    what: 'experiment on the board',
    client: coordinator,
    url: `/netwerk/${id}/experimenten`,
    text: experiment.title,
  });
  checks.push({
    what: 'experiment',
    client: coordinator,
    url: `/netwerk/${id}/experimenten/${experiment.id}`,
    text: line(experiment.question),
  });

  const wrong: string[] = [];
  for (const c of checks) {
    const page = await c.client.get(c.url);
    assert.equal(page.statusCode, 200, `${c.what}: ${c.url}`);
    assert.match(page.body, /<html lang="en"/, `${c.what}: the page is English`);
    const { found, unmarked, context } = markedDutch(page.body, c.text);
    if (found === 0) wrong.push(`${c.what}: "${c.text}" not on ${c.url}`);
    else if (unmarked > 0)
      wrong.push(`${c.what}: ${unmarked} of ${found} without lang="nl" on ${c.url}: …${context}`);
  }
  assert.deepEqual(wrong, []);
});
