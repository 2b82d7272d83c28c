// The sparks wall pages (issue 12, item 9): 50 per page, newest first, every spark reachable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { sparksRepository } from './repository.js';
import { WALL_PAGE_SIZE } from './routes.js';

describe('the sparks wall in pages', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const repo = sparksRepository(t.database.db);
    const start = Date.UTC(2031, 0, 1);
    for (let i = 1; i <= WALL_PAGE_SIZE + 5; i++) {
      await repo.insertSpark({
        networkId: world.networks.a.id,
        authorId: world.people.resident.id,
        text: `Vonkje nummer ${i}.`,
        isPublic: false,
        status: 'published',
        createdAt: new Date(start + i * 60_000),
      });
    }
  });
  after(() => t.close());

  test('the newest 50 on page 1 with a link on; the oldest 5 on page 2; a wrong page is page 1', async () => {
    const client = new TestClient(t.app);
    await client.login(world.people.resident.email!, TEST_PASSWORD);
    const wall = `/netwerk/${world.networks.a.id}/vonkjes`;
    const first = await client.get(wall);
    assert.equal(first.statusCode, 200);
    const count = (body: string) => (body.match(/Vonkje nummer \d+\./g) ?? []).length;
    assert.equal(count(first.body), WALL_PAGE_SIZE);
    assert.match(first.body, /Vonkje nummer 55\./);
    assert.ok(!first.body.includes('Vonkje nummer 5.'));
    assert.match(first.body, /Pagina 1 van 2 \(55 in totaal\)/);
    assert.match(first.body, new RegExp(`href="${wall}\\?pagina=2" rel="next"`));
    const second = await client.get(`${wall}?pagina=2`);
    assert.equal(second.statusCode, 200);
    assert.equal(count(second.body), 5);
    assert.match(second.body, /Vonkje nummer 1\./);
    assert.match(second.body, new RegExp(`href="${wall}" rel="prev"`));
    const wrong = await client.get(`${wall}?pagina=%27%3Bdrop`);
    assert.equal(wrong.statusCode, 200);
    assert.equal(count(wrong.body), WALL_PAGE_SIZE);
  });
});
