// Changing a story, case or lesson: its author (while a member) or the network's coordinator;
// bad input kept with a Dutch message; the search index follows; a changed text of an item
// shared beyond the network goes back to the coordinator, unless the coordinator changed it.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestApp } from '#test/helpers/app.js';
import { setUpLibraryPages } from '#test/helpers/library.js';

describe('library: editing stories, cases and lessons', () => {
  const bed = setUpLibraryPages({
    addressPrefix: '10.31.0',
    actors: [
      'anonymous',
      'resident',
      'professional',
      'coordinator',
      'coordinatorB',
      'coordinatorC',
    ],
  });
  const { client, a, write, decide } = bed;
  let t: TestApp;
  let storyId: number;
  let sharedId: number;
  before(async () => {
    ({ t } = bed.state);
    storyId = await write(client('resident'), a(), {
      kind: 'story',
      title: 'Koffie op dinsdag',
      body: 'Elke dinsdag kwamen de buren: tuinkabouterwoord.',
      themes: 'ontmoeting',
    });
    // Shared to the region: asked by the resident, approved by the coordinator.
    sharedId = await write(client('resident'), a(), {
      kind: 'lesson',
      title: 'Luisteren eerst',
      body: 'Eerst luisteren, dan pas plannen: deelproefwoord.',
      visibility: 'region',
    });
    const approved = await decide(client('coordinator'), sharedId, 'publiceren', {
      version: 'region',
    });
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 300));
  });

  const edit = (who: Parameters<typeof client>[0], id: number, fields: Record<string, string>) =>
    client(who).post(`/bibliotheek/${id}/bewerken`, fields, { from: `/bibliotheek/${id}` });

  test('the author changes the text; the page and search show the new words only', async () => {
    const form = await client('resident').get(`/bibliotheek/${storyId}/bewerken`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Koffie op dinsdag"/);
    assert.ok(!form.body.includes('name="visibility"'), 'sharing has its own form');
    assert.match(
      (await client('resident').get(`/bibliotheek/${storyId}`)).body,
      new RegExp(`href="/bibliotheek/${storyId}/bewerken"`),
    );
    const saved = await edit('resident', storyId, {
      title: 'Koffie op woensdag',
      body: 'Nu op woensdag: kabouterhuisjes bij de buren.',
      extra: '',
      themes: 'ontmoeting, koffie',
    });
    assert.equal(saved.statusCode, 303);
    const page = await client('resident').get(`/bibliotheek/${storyId}`);
    assert.match(page.body, /Koffie op woensdag/);
    assert.match(page.body, /koffie/);
    assert.match(page.body, /De wijziging is opgeslagen\./);
    const old = await client('resident').get('/zoeken?q=tuinkabouterwoord');
    assert.match(old.body, /Niets gevonden/);
    const found = await client('resident').get('/zoeken?q=kabouterhuisjes');
    assert.match(found.body, /<mark>kabouterhuisjes<\/mark>/);
  });

  test('bad input: 400 with the field named in Dutch, the input kept, nothing saved', async () => {
    const bad = await edit('resident', storyId, {
      title: '   ',
      body: 'Een nieuwe tekst die niet bewaard mag worden.',
      extra: '',
      themes: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /de titel/);
    assert.match(bad.body, /Een nieuwe tekst die niet bewaard mag worden\./);
    const page = await client('resident').get(`/bibliotheek/${storyId}`);
    assert.match(page.body, /Koffie op woensdag/);
    assert.ok(!page.body.includes('niet bewaard mag worden'));
  });

  test('others: another member 403, another network 404, a visitor to sign in; the coordinator may', async () => {
    for (const [who, status] of [
      ['professional', 403],
      ['coordinatorB', 404],
      ['anonymous', 303],
    ] as const) {
      assert.equal((await client(who).get(`/bibliotheek/${storyId}/bewerken`)).statusCode, status);
      const post = await edit(who, storyId, {
        title: 'Overgenomen',
        body: 'Niet van mij.',
        extra: '',
        themes: '',
      });
      assert.ok([303, 403, 404].includes(post.statusCode), `${who}: ${post.statusCode}`);
      if (post.statusCode === 303) assert.match(String(post.headers.location), /inloggen/);
    }
    assert.ok(
      !(await client('resident').get(`/bibliotheek/${storyId}`)).body.includes('Overgenomen'),
    );
    const byCoordinator = await edit('coordinator', storyId, {
      title: 'Koffie op woensdag',
      body: 'Nu op woensdag, met taart.',
      extra: '',
      themes: '',
    });
    assert.equal(byCoordinator.statusCode, 303);
    assert.match((await client('resident').get(`/bibliotheek/${storyId}`)).body, /met taart/);
  });

  test('a shared item: themes alone keep it shared; a new text goes back to the coordinator', async () => {
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${sharedId}`)).statusCode, 200);
    const form = await client('resident').get(`/bibliotheek/${sharedId}/bewerken`);
    assert.match(form.body, /tot de coördinator het opnieuw goedkeurt/);
    const themes = await edit('resident', sharedId, {
      title: 'Luisteren eerst',
      body: 'Eerst luisteren, dan pas plannen: deelproefwoord.',
      extra: '',
      themes: 'luisteren',
    });
    assert.equal(themes.statusCode, 303);
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${sharedId}`)).statusCode, 200);

    const text = await edit('resident', sharedId, {
      title: 'Luisteren eerst',
      body: 'Eerst luisteren, dan plannen; en nu ook: nieuwdeelwoord.',
      extra: '',
      themes: 'luisteren',
    });
    assert.equal(text.statusCode, 303);
    assert.match(
      (await client('resident').get(`/bibliotheek/${sharedId}`)).body,
      /De coördinator beslist opnieuw over het delen/,
    );
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${sharedId}`)).statusCode, 404);
    assert.match(
      (await client('coordinatorC').get('/zoeken?q=nieuwdeelwoord')).body,
      /Niets gevonden/,
    );
    assert.match(
      (await client('resident').get('/zoeken?q=nieuwdeelwoord')).body,
      /<mark>nieuwdeelwoord<\/mark>/,
    );
    const queue = await client('coordinator').get(bed.queue());
    assert.match(queue.body, /Luisteren eerst/);
    assert.match(queue.body, /name="version" value="region\.[0-9a-f]{16}"/);

    // Approved again, then changed by the coordinator: it stays shared.
    const again = await decide(client('coordinator'), sharedId, 'publiceren', {
      version: 'region',
    });
    assert.equal(again.statusCode, 303);
    const byCoordinator = await edit('coordinator', sharedId, {
      title: 'Luisteren eerst',
      body: 'Aangevuld door de coördinator: coordinatorwoord.',
      extra: '',
      themes: 'luisteren',
    });
    assert.equal(byCoordinator.statusCode, 303);
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${sharedId}`)).statusCode, 200);
    assert.match(
      (await client('coordinatorC').get('/zoeken?q=coordinatorwoord')).body,
      /<mark>coordinatorwoord<\/mark>/,
    );
    void t;
  });
});
