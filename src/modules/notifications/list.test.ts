// The notification list (issue 11 item 5): the count in the header, /meldingen with one's own
// notifications in one's language, marking one or all read, without JavaScript (plain forms).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { notify } from './service.js';

describe('the notification list', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const tell = (personId: number, title: string) =>
    notify(t.database.db, {
      kind: 'duo',
      event: 'added',
      personIds: [personId],
      networkId: null,
      params: { title },
      link: '/netwerk',
    });

  test('the header counts the unread ones; read one, then all', async () => {
    const person = await createPerson(t.database.db);
    const other = await createPerson(t.database.db);
    await tell(person.id, 'Bankje kapot');
    await tell(person.id, 'Lantaarn uit');
    await tell(other.id, 'Geheim van een ander');
    const client = new TestClient(t.app);
    await client.login(person.email!, TEST_PASSWORD);

    let page = await client.get('/meldingen');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<a class="utrecht-link" href="\/meldingen">Meldingen \(2 nieuw\)<\/a>/,
    );
    assert.match(
      page.body,
      /U bent toegevoegd aan het duo van het signaal &quot;Lantaarn uit&quot;/,
    );
    assert.doesNotMatch(page.body, /Geheim van een ander/);
    const ids = [...page.body.matchAll(/action="\/meldingen\/(\d+)\/gelezen"/g)].map((m) => m[1]);
    assert.equal(ids.length, 2);

    // Another person's notification cannot be marked from here.
    const othersId = Number(ids[0]) + 1;
    await client.post(`/meldingen/${othersId}/gelezen`, {});
    const read = await client.post(`/meldingen/${ids[0]}/gelezen`, {});
    assert.equal(read.statusCode, 303);
    page = await client.get('/meldingen');
    assert.match(page.body, /Meldingen \(1 nieuw\)/);
    assert.match(page.body, /De melding is gelezen\./);

    await client.post('/meldingen/gelezen', {});
    page = await client.get('/meldingen');
    assert.match(page.body, /<a class="utrecht-link" href="\/meldingen">Meldingen<\/a>/);
    assert.doesNotMatch(page.body, /gelezen"/);

    const otherClient = new TestClient(t.app, '10.8.0.2');
    await otherClient.login(other.email!, TEST_PASSWORD);
    assert.match((await otherClient.get('/meldingen')).body, /Meldingen \(1 nieuw\)/);
  });

  test('in English for a reader in English; visitors are sent to sign in', async () => {
    const person = await createPerson(t.database.db);
    await tell(person.id, 'Bankje kapot');
    const client = new TestClient(t.app, '10.8.0.3');
    await client.login(person.email!, TEST_PASSWORD);
    client.setCookie('lang', 'en');
    const page = await client.get('/meldingen');
    assert.match(page.body, /Notifications \(1 new\)/);
    assert.match(page.body, /You were added to the duo of the signal &quot;Bankje kapot&quot;/);

    const visitor = new TestClient(t.app, '10.8.0.4');
    const away = await visitor.get('/meldingen');
    assert.equal(away.statusCode, 303);
    assert.match(String(away.headers.location), /^\/inloggen/);
  });
});
