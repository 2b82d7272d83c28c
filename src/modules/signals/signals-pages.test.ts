// The signals list pages (issue 12, item 9): 50 a page, newest first, filters kept in the
// page links, every signal reachable (the list stopped at 500 before).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { SIGNAL_LIST_LIMIT } from './repository/index.js';
import { signals } from './tables.js';

describe('the signals list in pages', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const start = Date.UTC(2031, 0, 1);
    await t.database.db.insert(signals).values(
      Array.from({ length: SIGNAL_LIST_LIMIT + 3 }, (_, n) => ({
        networkId: world.networks.a.id,
        title: `Signaal nummer ${n + 1}.`,
        theme: n % 2 === 0 ? 'poverty' : 'youth',
        raisedBy: 'resident' as const,
        origin: 'street' as const,
        status: 'new' as const,
        createdAt: new Date(start + n * 60_000),
      })),
    );
  });
  after(() => t.close());

  test('page 1 has the newest 50 and a link on; page 2 the rest; a filter stays in the links', async () => {
    const client = new TestClient(t.app);
    await client.login(world.people.resident.email!, TEST_PASSWORD);
    const list = `/netwerk/${world.networks.a.id}/signalen`;
    const count = (body: string) => (body.match(/Signaal nummer \d+\./g) ?? []).length;
    const first = await client.get(list);
    assert.equal(first.statusCode, 200);
    assert.equal(count(first.body), SIGNAL_LIST_LIMIT);
    assert.match(first.body, /Signaal nummer 53\./);
    assert.match(first.body, /Pagina 1 van 2 \(53 in totaal\)/);
    const second = await client.get(`${list}?pagina=2`);
    assert.equal(count(second.body), 3);
    assert.match(second.body, /Signaal nummer 1\./);
    // Filtered (26 about youth, 27 about poverty): one page each, no page links.
    const youth = await client.get(`${list}?thema=youth`);
    assert.equal(count(youth.body), 26);
    assert.ok(!youth.body.includes('rel="next"'));
    const poverty = await client.get(`${list}?thema=poverty&status=new`);
    assert.equal(count(poverty.body), 27);
    assert.ok(!poverty.body.includes('Pagina 1 van'));
  });
});
