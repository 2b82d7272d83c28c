import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { libraryRepository } from './repository.js';
import { parseThemes } from './service.js';
import type { ItemVisibility } from './tables.js';

const actors = [
  'anonymous',
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'admin',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;
type ActorName = (typeof actors)[number];
const levels: ItemVisibility[] = ['network', 'municipality', 'region', 'public'];

/**
 * Who sees an item of network A at each level: members of A; networks of A's municipality
 * (B) and the municipality's leader; networks of A's region (C); everyone. See
 * platform/visibility.ts.
 */
const expected: Record<ActorName, ItemVisibility[]> = {
  anonymous: ['public'],
  resident: levels,
  professional: levels,
  coordinator: levels,
  council: levels,
  admin: levels,
  leader: ['municipality', 'region', 'public'],
  coordinatorB: ['municipality', 'region', 'public'],
  coordinatorC: ['region', 'public'],
  coordinatorD: ['public'],
};

describe('library: stories, cases, lessons, visibility and reflections', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<ActorName, TestClient>();
  const client = (name: ActorName) => clients.get(name)!;
  const a = () => world.networks.a.id;
  /** Item id per level, written by A's coordinator (whose choice applies at once). */
  const byLevel = new Map<ItemVisibility, number>();

  async function write(
    by: TestClient,
    networkId: number,
    fields: Record<string, string>,
  ): Promise<number> {
    await by.get(`/netwerk/${networkId}/bibliotheek/nieuw`);
    const response = await by.post(`/netwerk/${networkId}/bibliotheek/nieuw`, {
      kind: 'lesson',
      title: 'Een les',
      body: 'Wat we leerden',
      extra: '',
      themes: '',
      visibility: 'network',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    return Number(/bibliotheek\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const [i, name] of actors.entries()) {
      const c = new TestClient(t.app, `10.30.0.${i + 1}`);
      if (name !== 'anonymous') await c.login(world.people[name].email!, TEST_PASSWORD);
      await c.get('/');
      clients.set(name, c);
    }
    for (const level of levels) {
      byLevel.set(
        level,
        await write(client('coordinator'), a(), {
          title: `Les voor niveau ${level}`,
          body: `Zichtbaarheidsproef ${level}: samen koken met buurtbewoners werkt.`,
          themes: 'Eenzaamheid, ouderen',
          visibility: level,
        }),
      );
    }
  });
  after(() => t.close());

  test('themes are typed with commas, kept lower case, without doubles', () => {
    assert.deepEqual(parseThemes(' Eenzaamheid, ouderen;eenzaamheid,,\nJongeren '), [
      'eenzaamheid',
      'ouderen',
      'jongeren',
    ]);
  });

  test(`visibility: ${actors.length} actors × ${levels.length} levels, on the item page and in the list`, async () => {
    for (const actor of actors) {
      const list = await client(actor).get('/bibliotheek');
      assert.equal(list.statusCode, 200);
      for (const level of levels) {
        const id = byLevel.get(level)!;
        const page = await client(actor).get(`/bibliotheek/${id}`);
        const sees = expected[actor].includes(level);
        assert.equal(page.statusCode, sees ? 200 : 404, `${actor} on ${level}`);
        if (sees) assert.match(page.body, new RegExp(`Les voor niveau ${level}`));
        else assert.ok(!page.body.includes(`Les voor niveau ${level}`));
        assert.equal(
          list.body.includes(`Les voor niveau ${level}<`),
          sees,
          `${actor} lists ${level}`,
        );
      }
    }
  });

  test('sharing beyond the network waits for the coordinator; then another municipality of the region finds it, another region does not', async () => {
    const resident = client('resident');
    const id = await write(resident, a(), {
      kind: 'lesson',
      title: 'Wijkwandelingen',
      body: 'Door samen te wandelen leerden wij de wijkbewoners van de nieuwbouw kennen.',
      visibility: 'region',
    });
    const stored = (await libraryRepository(t.database.db).findItem(id))!;
    assert.equal(stored.visibility, 'network');
    assert.equal(stored.requestedVisibility, 'region');
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${id}`)).statusCode, 404);
    const hidden = await client('coordinatorC').get('/zoeken?q=wijkbewoner');
    assert.equal(hidden.statusCode, 200);
    assert.ok(!hidden.body.includes('Wijkwandelingen'));

    // Only A's coordinator decides; B's coordinator and A's resident are refused.
    await client('coordinatorB').get('/');
    const foreign = await client('coordinatorB').post(`/netwerk/${a()}/bibliotheek/${id}/besluit`, {
      decision: 'approve',
    });
    assert.equal(foreign.statusCode, 404);
    await resident.get('/');
    const own = await resident.post(`/netwerk/${a()}/bibliotheek/${id}/besluit`, {
      decision: 'approve',
    });
    assert.equal(own.statusCode, 403);
    assert.equal((await libraryRepository(t.database.db).findItem(id))!.visibility, 'network');

    const queue = await client('coordinator').get(`/netwerk/${a()}/bibliotheek/goedkeuren`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Wijkwandelingen/);
    const approved = await client('coordinator').post(`/netwerk/${a()}/bibliotheek/${id}/besluit`, {
      decision: 'approve',
    });
    assert.equal(approved.statusCode, 303);
    assert.equal((await libraryRepository(t.database.db).findItem(id))!.visibility, 'region');

    assert.equal((await client('coordinatorC').get(`/bibliotheek/${id}`)).statusCode, 200);
    const found = await client('coordinatorC').get('/zoeken?q=wijkbewoner');
    assert.match(found.body, /Wijkwandelingen/);
    assert.equal((await client('coordinatorD').get(`/bibliotheek/${id}`)).statusCode, 404);
    const far = await client('coordinatorD').get('/zoeken?q=wijkbewoner');
    assert.equal(far.statusCode, 200);
    assert.ok(!far.body.includes('Wijkwandelingen'));
  });
});
