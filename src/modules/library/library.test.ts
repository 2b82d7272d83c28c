import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestApp } from '#test/helpers/app.js';
import {
  LIBRARY_ACTORS,
  type LibraryActor,
  setUpLibraryPages,
  VISIBILITY_LEVELS,
} from '#test/helpers/library.js';
import { libraryRepository } from './repository.js';
import { parseThemes } from './service.js';
import type { ItemVisibility } from './tables.js';

/**
 * Who sees an item of network A at each level: members of A; networks of A's municipality
 * (B) and the municipality's leader; networks of A's region (C); everyone. See
 * platform/visibility.ts.
 */
const expected: Record<LibraryActor, ItemVisibility[]> = {
  anonymous: ['public'],
  resident: VISIBILITY_LEVELS,
  professional: VISIBILITY_LEVELS,
  coordinator: VISIBILITY_LEVELS,
  council: VISIBILITY_LEVELS,
  admin: VISIBILITY_LEVELS,
  leader: ['municipality', 'region', 'public'],
  coordinatorB: ['municipality', 'region', 'public'],
  coordinatorC: ['region', 'public'],
  coordinatorD: ['public'],
};

describe('library: stories, cases, lessons, visibility and reflections', () => {
  const bed = setUpLibraryPages({ addressPrefix: '10.30.0' });
  const { client, a, byLevel, write, queue, decide } = bed;
  let t: TestApp;
  before(() => {
    ({ t } = bed.state);
  });

  test('themes are typed with commas, kept lower case, without doubles', () => {
    assert.deepEqual(parseThemes(' Eenzaamheid, ouderen;eenzaamheid,,\nJongeren '), [
      'eenzaamheid',
      'ouderen',
      'jongeren',
    ]);
  });

  test(`visibility: ${LIBRARY_ACTORS.length} LIBRARY_ACTORS × ${VISIBILITY_LEVELS.length} VISIBILITY_LEVELS, on the item page and in the list`, async () => {
    for (const actor of LIBRARY_ACTORS) {
      const list = await client(actor).get('/bibliotheek');
      assert.equal(list.statusCode, 200);
      for (const level of VISIBILITY_LEVELS) {
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

    // Only A's coordinator decides, on the moderation page; B's coordinator and A's
    // resident are refused.
    const foreign = await decide(client('coordinatorB'), id, 'publiceren', { version: 'region' });
    assert.equal(foreign.statusCode, 404);
    await resident.get('/');
    const own = await resident.post(`/netwerk/${a()}/moderatie/wacht/library/${id}/publiceren`, {
      version: 'region',
    });
    assert.equal(own.statusCode, 403);
    assert.equal((await libraryRepository(t.database.db).findItem(id))!.visibility, 'network');

    const page = await client('coordinator').get(queue());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wijkwandelingen/);
    assert.match(page.body, /name="version" value="region\.[0-9a-f]{16}"/);
    // A decision on a request that has changed since the page was shown changes nothing.
    const stale = await decide(client('coordinator'), id, 'publiceren', { version: 'public' });
    assert.equal(stale.statusCode, 303);
    assert.equal((await libraryRepository(t.database.db).findItem(id))!.visibility, 'network');
    assert.match((await client('coordinator').get(queue())).body, /intussen veranderd/);
    const approved = await decide(client('coordinator'), id, 'publiceren', { version: 'region' });
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
