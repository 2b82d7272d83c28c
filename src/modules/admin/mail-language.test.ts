// The administration's mail in the reader's language (issue 12 item 13): the test mail goes
// out in the language of the account with that address (Dutch when it chose none), and to an
// address without an account in the administrator's interface language; a new leader's
// set-up mail in the language the administrator chose, which the new account keeps; a first
// coordinator's invitation in the language chosen on the form (Dutch unless chosen).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import {
  createNetwork,
  createPerson,
  createWorld,
  TEST_PASSWORD,
} from '#test/helpers/factories.js';
import { lastMailTo } from '#test/helpers/mail.js';

describe('the administration’s mail in the reader’s language', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  async function adminIn(lang: 'nl' | 'en', address: string): Promise<TestClient> {
    const admin = new TestClient(t.app, address);
    await admin.login(world.people.admin.email!, TEST_PASSWORD);
    await admin.post('/taal', { lang, back: '/' });
    return admin;
  }

  test('a test mail to an address without an account is in the administrator’s language', async () => {
    const english = await adminIn('en', '10.13.0.1');
    const sent = await english.post(
      '/beheer/mail',
      { to: 'postmaster@test.example' },
      { from: '/beheer/mail' },
    );
    assert.equal(sent.statusCode, 303);
    const mail = await lastMailTo(t, 'postmaster@test.example');
    assert.equal(mail?.subject, 'Test message from Buurtkracht');
    assert.match(mail!.body, /^Hello,\n\nThis is a test message from Buurtkracht/);
    const dutch = await adminIn('nl', '10.13.0.2');
    await dutch.post('/beheer/mail', { to: 'postmaster@test.example' }, { from: '/beheer/mail' });
    assert.equal(
      (await lastMailTo(t, 'postmaster@test.example'))?.subject,
      'Testbericht van Buurtkracht',
    );
  });

  test('a test mail to an account’s address is in that person’s language, whatever the administrator’s', async () => {
    const reader = await createPerson(t.database.db, { name: 'Sam' });
    await t.database.db.execute(sql`update people set language = 'en' where id = ${reader.id}`);
    const dutch = await adminIn('nl', '10.13.0.3');
    await dutch.post('/beheer/mail', { to: reader.email! }, { from: '/beheer/mail' });
    const mail = await lastMailTo(t, reader.email!);
    assert.equal(mail?.subject, 'Test message from Buurtkracht');
    assert.equal(mail?.person_id, reader.id);
    const none = await createPerson(t.database.db, { name: 'Fatma' });
    const english = await adminIn('en', '10.13.0.4');
    await english.post('/beheer/mail', { to: none.email! }, { from: '/beheer/mail' });
    assert.equal((await lastMailTo(t, none.email!))?.subject, 'Testbericht van Buurtkracht');
  });

  test('a reset link from the administrator is in the person’s language, not the administrator’s', async () => {
    const reader = await createPerson(t.database.db, { name: 'Robin' });
    await t.database.db.execute(sql`update people set language = 'en' where id = ${reader.id}`);
    const dutch = await adminIn('nl', '10.13.0.7');
    const sent = await dutch.post(
      `/beheer/mensen/${reader.id}/herstellink`,
      {},
      { from: `/beheer/mensen/${reader.id}` },
    );
    assert.equal(sent.statusCode, 303);
    const mail = await lastMailTo(t, reader.email!);
    assert.equal(mail?.subject, 'New password for Buurtkracht');
    assert.match(mail!.body, /^Dear Robin,/);
  });

  test('a new leader gets the set-up mail in the chosen language, and the account keeps it', async () => {
    const admin = await adminIn('nl', '10.13.0.5');
    const form = await admin.get('/beheer/bestuurders');
    assert.match(form.body, /Taal van de e-mail en het account/);
    const added = await admin.post('/beheer/bestuurders', {
      email: 'mayor@test.example',
      displayName: 'Alex Mayor',
      scope: `m${world.municipality.id}`,
      language: 'en',
    });
    assert.equal(added.statusCode, 303);
    const mail = await lastMailTo(t, 'mayor@test.example');
    assert.equal(mail?.subject, 'Your account on Buurtkracht');
    assert.match(mail!.body, /^Dear Alex Mayor,/);
    assert.match(mail!.body, /The link works for three days and only once:/);
    assert.doesNotMatch(mail!.body, /Beste|Kies via deze link/);
    const [account] = await rows<{ language: string | null }>(
      t,
      sql`select language from people where email = 'mayor@test.example'`,
    );
    assert.equal(account?.language, 'en');
  });

  test('a leader’s language that is not offered: 400 naming the field, input kept, nothing saved', async () => {
    const admin = await adminIn('nl', '10.13.0.6');
    await admin.get('/beheer/bestuurders');
    const refused = await admin.post('/beheer/bestuurders', {
      email: 'kept@test.example',
      displayName: 'Kim',
      scope: `m${world.municipality.id}`,
      language: 'fr',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /de taal van de e-mail/);
    assert.match(refused.body, /value="kept@test\.example"/);
    assert.equal(
      (await rows(t, sql`select 1 from people where email = 'kept@test.example'`)).length,
      0,
    );
  });

  test('a first coordinator’s invitation: the letter’s language is chosen on the form, Dutch by default', async () => {
    const admin = await adminIn('en', '10.13.0.8');
    const english = await createNetwork(t.database.db, world.municipality.id);
    const page = await admin.get(`/beheer/netwerken/${english.id}`);
    // The same field as the coordinators' invitation form, in the administrator's language.
    assert.match(page.body, /<legend[^>]*>Language of the invitation<\/legend>/);
    assert.match(page.body, /name="language" value="nl" checked\/>/);
    assert.match(page.body, /lang="nl">Nederlands</);
    const sent = await admin.post(`/beheer/netwerken/${english.id}/coordinator`, {
      email: 'first.coordinator@test.example',
      language: 'en',
    });
    assert.equal(sent.statusCode, 303);
    const mail = await lastMailTo(t, 'first.coordinator@test.example');
    assert.match(mail!.subject, /^Invitation/);
    assert.match(mail!.body, /\/uitnodiging\?code=/);
    assert.doesNotMatch(mail!.body, /Goedendag|Beste|uitgenodigd/);
    // Left out: Dutch, whatever the administrator's own language.
    const dutch = await createNetwork(t.database.db, world.municipality.id);
    await admin.get(`/beheer/netwerken/${dutch.id}`);
    await admin.post(`/beheer/netwerken/${dutch.id}/coordinator`, {
      email: 'eerste.coordinator@test.example',
    });
    assert.match((await lastMailTo(t, 'eerste.coordinator@test.example'))!.subject, /^Uitnodiging/);
  });

  test('a first coordinator’s letter language that is not offered: 400 naming the field, input kept, nothing sent', async () => {
    const admin = await adminIn('nl', '10.13.0.9');
    const network = await createNetwork(t.database.db, world.municipality.id);
    await admin.get(`/beheer/netwerken/${network.id}`);
    const refused = await admin.post(`/beheer/netwerken/${network.id}/coordinator`, {
      email: 'blijft.staan@test.example',
      language: 'fr',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /de taal van de uitnodiging/);
    assert.match(refused.body, /value="blijft\.staan@test\.example"/);
    assert.equal(await lastMailTo(t, 'blijft.staan@test.example'), undefined);
  });
});
