// Choices per kind (issue 11 item 5): the signed-in settings page (form pattern: 400 with the
// field named, input kept, nothing saved) and the one-click link from a mail (signed token,
// a GET that changes nothing, a POST form that does).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { choicePath, findChoices, notify } from './service.js';
import { notifications } from './tables.js';

const SECRET = 'test-secret-test-secret-test-secret-0123';

describe('notification choices', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const tell = (personId: number) =>
    notify(t.database.db, {
      kind: 'signal',
      event: 'update',
      personIds: [personId],
      networkId: null,
      params: { title: 'Bankje' },
      link: '/netwerk',
    });

  test('the settings page shows the defaults and saves every choice', async () => {
    const person = await createPerson(t.database.db);
    const client = new TestClient(t.app);
    await client.login(person.email!, TEST_PASSWORD);
    const page = await client.get('/mijn-gegevens/meldingen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="duo" value="immediate" checked/);
    assert.match(page.body, /name="signal" value="daily" checked/);
    assert.match(page.body, /name="budget" value="immediate" checked/);
    const account = await client.get('/mijn-gegevens');
    assert.match(account.body, /href="\/mijn-gegevens\/meldingen"/);

    await client.get('/mijn-gegevens/meldingen');
    const saved = await client.post('/mijn-gegevens/meldingen', {
      signal: 'off',
      duo: 'daily',
      moderation: 'immediate',
      meeting: 'off',
      invitation: 'immediate',
      budget: 'daily',
    });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await findChoices(t.database.db, person.id), {
      signal: 'off',
      duo: 'daily',
      moderation: 'immediate',
      meeting: 'off',
      invitation: 'immediate',
      budget: 'daily',
    });
    assert.equal(await tell(person.id), 0, 'off: nothing is made');
  });

  test('a missing or unknown choice: 400 naming the field, input kept, nothing saved', async () => {
    const person = await createPerson(t.database.db);
    const client = new TestClient(t.app);
    await client.login(person.email!, TEST_PASSWORD);
    await client.get('/mijn-gegevens/meldingen');
    const response = await client.post('/mijn-gegevens/meldingen', {
      signal: 'off',
      duo: 'sometimes',
      moderation: 'daily',
      meeting: 'immediate',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Kies de keuze voor duo’s\./);
    assert.match(response.body, /Kies de keuze voor uitnodigingen\./);
    assert.match(response.body, /name="signal" value="off" checked/, 'the input is kept');
    assert.equal((await findChoices(t.database.db, person.id)).signal, 'daily');
  });

  test('the one-click link: a GET changes nothing, the POST form does, without signing in', async () => {
    const person = await createPerson(t.database.db);
    const path = choicePath(SECRET, person.id, 'signal');
    const visitor = new TestClient(t.app, '10.9.0.1');
    const page = await visitor.get(path);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.match(page.body, /name="choice" value="daily" checked/);
    assert.equal(await tell(person.id), 1, 'the GET changed nothing');

    const saved = await visitor.post(path, { choice: 'off' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, path);
    assert.equal((await findChoices(t.database.db, person.id)).signal, 'off');
    assert.match((await visitor.get(path)).body, /Uw keuze is opgeslagen: Geen e-mail\./);
    assert.equal(await tell(person.id), 0);
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.personId, person.id));
    assert.equal(rows.length, 1);
  });

  test('a link with a wrong token, another person or an unknown kind is refused', async () => {
    const person = await createPerson(t.database.db);
    const other = await createPerson(t.database.db);
    const good = choicePath(SECRET, person.id, 'duo');
    const visitor = new TestClient(t.app, '10.9.0.2');
    for (const path of [
      good.replace(/\/[^/]+$/, '/abc'),
      good.replace(`/${person.id}/`, `/${other.id}/`),
      good.replace('/duo/', '/signal/'),
      good.replace('/duo/', '/onbekend/'),
    ]) {
      assert.equal((await visitor.get(path)).statusCode, 404, path);
    }
    await visitor.get(good);
    const forged = await visitor.post(good.replace(/\/[^/]+$/, '/abc'), { choice: 'off' });
    assert.equal(forged.statusCode, 404);
    assert.equal((await findChoices(t.database.db, person.id)).duo, 'immediate');
  });
});
