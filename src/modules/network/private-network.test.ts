// A network that is not public (set by an administrator, decision 0010) has no public pages:
// not its page, nor the public forms, the public calendar or the budget pages under it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld } from '#test/helpers/factories.js';

describe('a network that is not public', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  test('every public address under its slug answers 404; the public one still answers', async () => {
    const visitor = new TestClient(t.app);
    const paths = (slug: string) => [
      `/buurt/${slug}`,
      `/buurt/${slug}/vonkje`,
      `/buurt/${slug}/signaal`,
      `/buurt/${slug}/agenda.ics`,
    ];
    for (const path of paths(world.networks.a.slug)) {
      assert.equal((await visitor.get(path)).statusCode, 200, path);
    }
    await t.database.db.execute(
      sql`update networks set is_public = false where id = ${world.networks.a.id}`,
    );
    for (const path of paths(world.networks.a.slug)) {
      assert.equal((await visitor.get(path)).statusCode, 404, path);
    }
    assert.equal((await visitor.get(`/buurt/${world.networks.b.slug}/vonkje`)).statusCode, 200);
  });
});
