// "Download mijn gegevens" (issue 12, item 15): a ZIP with a readable summary in the
// person's language, the JSON for machines, a note on what is where, and their photos.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { downloadMyData } from '#test/helpers/my-data.js';

describe('the my-data download', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    const wall = `/netwerk/${world.networks.a.id}/vonkjes`;
    await resident.get(wall);
    const photo = await sharp({
      create: { width: 24, height: 16, channels: 3, background: '#4070c0' },
    })
      .png()
      .toBuffer();
    const sent = await postMultipart(t, resident, wall, {
      text: 'Buurvrouw Els bracht soep <b>rond</b>',
      photo: { filename: 'soep.png', contentType: 'image/png', data: photo },
    });
    assert.equal(sent.statusCode, 303);
  });
  after(() => t.close());

  test('holds the summary, the JSON, the note and the photo; the summary reads in Dutch', async () => {
    const download = await downloadMyData(resident);
    const names = Object.keys(download.files).sort();
    const photo = names.find((n) => /^fotos\/vonkje-\d+\.jpg$/.test(n));
    assert.ok(photo, names.join(', '));
    assert.ok(names.includes('LEESMIJ.txt'));
    // The photo is the stored one (re-encoded as JPEG, without location or camera data).
    const meta = await sharp(Buffer.from(download.files[photo]!)).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.match(download.html, /^<!doctype html><html lang="nl">/);
    assert.match(download.html, /<h2>Uw account<\/h2>/);
    assert.match(download.html, /<h2>Vonkjes<\/h2>/);
    assert.match(download.html, /Buurvrouw Els bracht soep &lt;b>rond&lt;\/b>/, 'escaped');
    assert.ok(!download.html.includes('<b>rond</b>'));
    assert.match(download.html, new RegExp(`href="${photo}"`));
    assert.equal(download.json.person.email, world.people.resident.email);
    const sparks = download.json.sparks.sparks as { text: string; photo: string }[];
    assert.ok(
      sparks.some((s) => s.text.startsWith('Buurvrouw Els') && s.photo.startsWith('fotos/')),
    );
  });

  test('in English the summary is English', async () => {
    await resident.get('/mijn-gegevens');
    await resident.post('/taal', { lang: 'en', back: '/mijn-gegevens' });
    const download = await downloadMyData(resident);
    assert.match(download.html, /^<!doctype html><html lang="en">/);
    assert.match(download.html, /<h2>Your account<\/h2>/);
    assert.match(download.html, /<h2>Sparks<\/h2>/);
    assert.match(download.text, /Your data on Buurtkracht/);
  });
});
