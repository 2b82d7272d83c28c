// The privacy and accessibility statements (issue 11, item 7): the platform's structure and
// text, filled in with what the administrator sets on /beheer/instellingen, in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

describe('the legal pages', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    admin = new TestClient(t.app);
    await admin.login(world.people.admin.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  test('without settings: every part of the statements, with the defaults', async () => {
    const visitor = new TestClient(t.app);
    const privacy = await visitor.get('/privacy');
    assert.equal(privacy.statusCode, 200);
    for (const part of [
      'Wie is verantwoordelijk?',
      'Welke gegevens, en waarvoor?',
      'Op welke grond?',
      'Hoe lang bewaren we het?',
      'Uw rechten',
      '12 maanden nadat ze zijn afgesloten',
      'E-mails die we u sturen, bewaren we 90 dagen.',
      'Autoriteit Persoonsgegevens',
      'De organisatie die Buurtkracht voor uw buurt gebruikt',
    ]) {
      assert.ok(privacy.body.includes(part), part);
    }
    const accessibility = await visitor.get('/toegankelijkheid');
    for (const part of [
      'Hoe toegankelijk is Buurtkracht?',
      'Hoe testen we?',
      'Wat werkt nog niet goed?',
      'Er zijn op dit moment geen problemen bekend.',
      'nog niet laten onderzoeken',
    ]) {
      assert.ok(accessibility.body.includes(part), part);
    }
  });

  test('the administrator fills them in; both languages follow; bad input is kept with a message', async () => {
    await admin.get('/beheer/instellingen');
    let r = await admin.post('/beheer/instellingen', {
      organisationName: 'Gemeente Zonnestad',
      privacyContact: 'privacy@zonnestad.example, 014 123',
      personalSignalMonths: '9',
      closedAccountMonths: '18',
    });
    assert.equal(r.statusCode, 303);
    await admin.get('/beheer/instellingen');
    const bad = await admin.post('/beheer/instellingen/verklaringen', {
      organisationAddress: 'Raadhuisplein 1, Zonnestad',
      accessibilityStatus: 'partial',
      accessibilityReviewedOn: '30-11-2026',
      accessibilityIssues: 'De PDF-brieven hebben nog geen koppen.',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul de datum in als jjjj-mm-dd/);
    assert.match(bad.body, /De PDF-brieven hebben nog geen koppen\./);
    r = await admin.post('/beheer/instellingen/verklaringen', {
      organisationAddress: 'Raadhuisplein 1, Zonnestad',
      accessibilityStatus: 'partial',
      accessibilityReviewedOn: '2026-11-30',
      accessibilityIssues: 'De PDF-brieven hebben nog geen koppen.\n\nDe kaart <b>komt</b> later.',
      privacyNoteNl: 'Onze functionaris gegevensbescherming: fg@zonnestad.example.',
      privacyNoteEn: 'Our data protection officer: fg@zonnestad.example.',
      accessibilityNoteNl: '',
      accessibilityNoteEn: '',
    });
    assert.equal(r.statusCode, 303);
    const visitor = new TestClient(t.app);
    const privacy = await visitor.get('/privacy');
    for (const part of [
      'Gemeente Zonnestad is verantwoordelijk voor uw gegevens',
      'Adres: Raadhuisplein 1, Zonnestad',
      'privacy@zonnestad.example, 014 123',
      '9 maanden nadat ze zijn afgesloten',
      'Een gesloten account bewaren we 18 maanden',
      'Aanvulling van Gemeente Zonnestad',
      'Onze functionaris gegevensbescherming',
    ]) {
      assert.ok(privacy.body.includes(part), part);
    }
    const accessibility = await visitor.get('/toegankelijkheid');
    assert.match(accessibility.body, /voldoet gedeeltelijk/);
    assert.match(accessibility.body, /30 november 2026/);
    assert.match(
      accessibility.body,
      /<p class="utrecht-paragraph">De kaart &lt;b>komt&lt;\/b> later\.<\/p>/,
    );
    // In English.
    await visitor.post('/taal', { lang: 'en', back: '/privacy' });
    const english = await visitor.get('/privacy');
    assert.match(english.body, /Gemeente Zonnestad is responsible for your data/);
    assert.match(english.body, /Our data protection officer/);
    assert.ok(!english.body.includes('Onze functionaris'));
    // Only administrators change them.
    const resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    const refused = await resident.post(
      '/beheer/instellingen/verklaringen',
      { accessibilityStatus: 'full' },
      { from: '/mijn-gegevens' },
    );
    assert.equal(refused.statusCode, 403);
  });
});
