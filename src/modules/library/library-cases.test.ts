import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestApp } from '#test/helpers/app.js';
import { createPerson } from '#test/helpers/factories.js';
import { type LibraryPagesState, setUpLibraryPages } from '#test/helpers/library.js';
import { downloadMyData } from '#test/helpers/my-data.js';
import { libraryRepository } from './repository.js';

describe('library: cases and responses, bad input, private reflections', () => {
  const bed = setUpLibraryPages({
    addressPrefix: '10.31.0',
    actors: [
      'anonymous',
      'resident',
      'professional',
      'coordinator',
      'admin',
      'coordinatorB',
      'coordinatorC',
      'coordinatorD',
    ],
  });
  const { client, a, write, decide } = bed;
  let t: TestApp;
  let world: LibraryPagesState['world'];
  before(() => {
    ({ t, world } = bed.state);
  });

  test('a case: members of other networks respond, only the owner marks what helped', async () => {
    const owner = client('professional');
    const id = await write(owner, a(), {
      kind: 'case',
      title: 'Niemand komt naar de inloop',
      body: 'Wij openen elke week de buurtkamer, maar er komt bijna niemand.',
      extra: 'Hoe hebben jullie mensen bereikt?',
      visibility: 'network',
    });
    // The professional is not the coordinator: sharing to the region waits.
    await owner.get(`/bibliotheek/${id}`);
    assert.equal(
      (await owner.post(`/bibliotheek/${id}/delen`, { visibility: 'region' })).statusCode,
      303,
    );
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${id}`)).statusCode, 404);
    const approved = await decide(client('coordinator'), id, 'publiceren', { version: 'region' });
    assert.equal(approved.statusCode, 303);

    const responder = client('coordinatorC');
    await responder.get(`/bibliotheek/${id}`);
    const empty = await responder.post(`/bibliotheek/${id}/reacties`, { text: '   ' });
    assert.equal(empty.statusCode, 400);
    const responded = await responder.post(`/bibliotheek/${id}/reacties`, {
      text: 'Wij gingen langs de deuren met koffie <b>en koek</b>.',
    });
    assert.equal(responded.statusCode, 303);
    // Another region cannot respond (it cannot see the case).
    await client('coordinatorD').get('/');
    const far = await client('coordinatorD').post(`/bibliotheek/${id}/reacties`, { text: 'Hoi' });
    assert.equal(far.statusCode, 404);
    const anonymous = client('anonymous');
    assert.equal(
      (await anonymous.post(`/bibliotheek/${id}/reacties`, { text: 'Hoi' })).statusCode,
      403,
    );

    const page = await owner.get(`/bibliotheek/${id}`);
    assert.match(page.body, /Wij gingen langs de deuren met koffie &lt;b>en koek/);
    assert.match(page.body, /Netwerk C/);
    const responseId = /reacties\/(\d+)\/hielp/.exec(page.body)![1];
    // The responder may not mark; the owner may.
    await responder.get(`/bibliotheek/${id}`);
    assert.equal(
      (await responder.post(`/bibliotheek/${id}/reacties/${responseId}/hielp`, { helped: 'yes' }))
        .statusCode,
      403,
    );
    await owner.get(`/bibliotheek/${id}`);
    assert.equal(
      (await owner.post(`/bibliotheek/${id}/reacties/${responseId}/hielp`, { helped: 'yes' }))
        .statusCode,
      303,
    );
    const rows = await libraryRepository(t.database.db).listResponses(id);
    assert.deepEqual(
      rows.map((r) => [r.helped, r.authorNetworkId]),
      [[true, world.networks.c.id]],
    );
    // A lesson written from the case names it.
    const lesson = await write(owner, a(), {
      kind: 'lesson',
      title: 'Langs de deuren',
      body: 'Persoonlijk uitnodigen werkt beter dan een folder.',
      casus: String(id),
    });
    const lessonPage = await owner.get(`/bibliotheek/${lesson}`);
    assert.match(lessonPage.body, /Geleerd uit de casus: Niemand komt naar de inloop/);
  });

  test('bad input: 400, the Dutch message names the field, what was typed stays, nothing saved', async () => {
    const count = async () =>
      Number(
        (
          (await t.database.db.execute(
            sql`select count(*)::int as n from library_items`,
          )) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    const before = await count();
    const resident = client('resident');
    await resident.get(`/netwerk/${a()}/bibliotheek/nieuw`);
    const bad = await resident.post(`/netwerk/${a()}/bibliotheek/nieuw`, {
      kind: 'poem',
      title: 'Mijn titel',
      body: '',
      extra: '',
      themes: '',
      visibility: 'network',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies: verhaal, casus of les/);
    assert.match(bad.body, /value="Mijn titel"/);
    assert.equal(await count(), before);
    // Writing in another network's library: 404.
    const foreign = await resident.post(`/netwerk/${world.networks.b.id}/bibliotheek/nieuw`, {
      kind: 'story',
      title: 'x',
      body: 'y',
      visibility: 'public',
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(await count(), before);
  });

  test('reflections are visible to no one else: not to the coordinator, the admin, search or exports of others', async () => {
    const writer = client('resident');
    await writer.get('/reflecties');
    const saved = await writer.post('/reflecties', {
      question: 'patterns',
      text: 'Ik merkte dat ik meteen een vuurtorenplan wilde maken.',
    });
    assert.equal(saved.statusCode, 303);
    const mine = await writer.get('/reflecties');
    assert.match(mine.body, /vuurtorenplan/);
    assert.match(String(mine.headers['cache-control']), /no-store/);
    for (const other of ['coordinator', 'admin', 'professional', 'coordinatorB'] as const) {
      const page = await client(other).get('/reflecties');
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('vuurtorenplan'), other);
      const search = await client(other).get('/zoeken?q=vuurtorenplan');
      assert.equal(search.statusCode, 200);
      assert.ok(!search.body.includes('vuurtorenplan</mark>'), other);
      assert.match(search.body, /Niets gevonden/);
      const exported = await downloadMyData(client(other));
      assert.ok(!exported.text.includes('vuurtorenplan'), `${other} export`);
    }
    assert.match((await writer.get('/zoeken?q=vuurtorenplan')).body, /Niets gevonden/);
    const own = await downloadMyData(writer);
    assert.match(own.text, /vuurtorenplan/);
    // Deleting someone else's entry by id does nothing.
    const id = /reflecties\/(\d+)\/verwijderen/.exec(mine.body)![1];
    await client('coordinator').get('/');
    await client('coordinator').post(`/reflecties/${id}/verwijderen`, {});
    assert.match((await writer.get('/reflecties')).body, /vuurtorenplan/);
    // Anonymous visitors are sent to the login page.
    assert.equal((await client('anonymous').get('/reflecties')).statusCode, 303);
  });

  test('erasure removes reflections and keeps items without the author', async () => {
    const person = await createPerson(t.database.db, {
      memberOf: [{ networkId: a(), role: 'resident' }],
    });
    const repo = libraryRepository(t.database.db);
    await repo.insertReflection(person.id, 'free', 'geheim');
    await repo.erasePerson(person.id);
    assert.deepEqual(await repo.listReflections(person.id), []);
  });
});
