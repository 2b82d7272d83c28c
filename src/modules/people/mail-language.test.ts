// Mail in the recipient's language (issue 12 item 13): a person who chose English gets the
// password reset in English, with the link on PUBLIC_URL; a person who chose nothing, Dutch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { letterCode } from '#test/helpers/invitations.js';
import { lastMailTo } from '#test/helpers/mail.js';
import { people } from './tables.js';

describe('mail in the recipient’s language', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://buurt.example.nl' });
  });
  after(() => t.close());

  async function resetMailOf(email: string) {
    const client = new TestClient(t.app, '10.11.0.1');
    await client.get('/wachtwoord-vergeten');
    await client.post('/wachtwoord-vergeten', { email });
    return (await lastMailTo(t, email))!;
  }

  test('English for a person who chose English, in whatever language the form was sent', async () => {
    const person = await createPerson(t.database.db, { name: 'Sam' });
    await t.database.db.update(people).set({ language: 'en' }).where(eq(people.id, person.id));
    const mail = await resetMailOf(person.email!);
    assert.equal(mail.subject, 'New password for Buurtkracht');
    assert.match(mail.body, /^Dear Sam,/);
    assert.match(mail.body, /https:\/\/buurt\.example\.nl\/wachtwoord-herstellen\?token=/);
    assert.doesNotMatch(mail.body, /Beste|wachtwoord\. Kies/);
  });

  test('Dutch for a person who chose no language', async () => {
    const person = await createPerson(t.database.db, { name: 'Fatma' });
    const mail = await resetMailOf(person.email!);
    assert.equal(mail.subject, 'Nieuw wachtwoord voor Buurtkracht');
    assert.match(mail.body, /^Beste Fatma,/);
  });

  test('the mail about a new coordinator is in each coordinator’s language', async () => {
    const world = await createWorld(t.database.db);
    const english = world.people.coordinator;
    await t.database.db.update(people).set({ language: 'en' }).where(eq(people.id, english.id));
    const coordinator = new TestClient(t.app, '10.11.0.2');
    await coordinator.login(english.email!, TEST_PASSWORD);
    const letter = await coordinator.post(
      `/netwerk/${world.networks.a.id}/uitnodigen`,
      { kind: 'letter', email: '', addressee: 'Noor', role: 'coordinator', organisationId: '' },
      { from: `/netwerk/${world.networks.a.id}/uitnodigen` },
    );
    const code = letterCode(letter.body);
    const invitee = new TestClient(t.app, '10.11.0.3');
    await invitee.get(`/uitnodiging?code=${code}`);
    const joined = await invitee.post('/uitnodiging', {
      code,
      displayName: 'Noor',
      username: 'noor-coordinator',
      password: 'een-lang-wachtwoord-42',
    });
    assert.equal(joined.statusCode, 303);
    const mail = await lastMailTo(t, english.email!);
    assert.equal(mail?.subject, `New coordinator in ${world.networks.a.name}`);
    assert.match(mail!.body, /Noor is now a coordinator of/);
  });
});
