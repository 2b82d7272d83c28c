// A story's photo (issue 14, item 2): added with its description (the alt text), shown on the
// story and in the list, served only to whoever the story reaches now, replaced and removed
// on a change, refused with a field message when bad (nothing saved), in the author's
// download, and gone on erasure while the story stays.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import {
  jpegField,
  notAPhotoField,
  tooLargeField,
  tooManyPixelsField,
} from '#test/helpers/photos.js';
import { libraryPersonData } from './person-data.js';
import { libraryItems, libraryPhotos } from './tables.js';

describe('library: a story with a photo', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<string, TestClient>();
  let storyId: number;
  const client = (name: string) => clients.get(name)!;
  const newForm = () => `/netwerk/${world.networks.a.id}/bibliotheek/nieuw`;
  const items = async () => (await t.database.db.select({ n: count() }).from(libraryItems))[0]!.n;
  const photoRows = async () =>
    t.database.db.select().from(libraryPhotos).where(eq(libraryPhotos.itemId, storyId));

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const name of ['resident', 'coordinator', 'coordinatorB', 'visitor'] as const) {
      const c = new TestClient(t.app, `10.44.0.${clients.size + 1}`);
      if (name !== 'visitor') await c.login(world.people[name].email!, TEST_PASSWORD);
      clients.set(name, c);
    }
  });
  after(() => t.close());

  test('a resident writes a story with a photo: shown with its alt text, size and lazy loading', async () => {
    await client('resident').get(newForm());
    const sent = await postMultipart(t, client('resident'), newForm(), {
      kind: 'story',
      title: 'Koffie op de bank',
      body: 'Elke dinsdag zitten we samen op de bank bij de flat.',
      extra: '',
      themes: 'ontmoeting',
      visibility: 'network',
      photoDescription: 'Twee buren met koffie op de bank',
      photo: await jpegField(400, 300),
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    storyId = Number(/\/bibliotheek\/(\d+)/.exec(String(sent.headers.location))![1]);
    const page = await client('resident').get(`/bibliotheek/${storyId}`);
    assert.match(
      page.body,
      new RegExp(
        `<img class="bk-photo" src="/bibliotheek/${storyId}/foto" alt="Twee buren met koffie op de bank" lang="nl" width="400" height="300" loading="lazy"`,
      ),
    );
    const list = await client('resident').get('/bibliotheek');
    assert.match(list.body, new RegExp(`bk-photo--thumb" src="/bibliotheek/${storyId}/foto"`));
  });

  test('the photo is served to whoever the story reaches, and no one else', async () => {
    const url = `/bibliotheek/${storyId}/foto`;
    const own = await client('resident').get(url);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['content-type'], 'image/jpeg');
    assert.equal(own.headers['cache-control'], 'private, no-cache');
    assert.equal((await client('coordinator').get(url)).statusCode, 200);
    // Within its network only: another network of the municipality and visitors get nothing.
    assert.equal((await client('coordinatorB').get(url)).statusCode, 404);
    assert.equal((await client('visitor').get(url)).statusCode, 404);
    // The coordinator shares it publicly: now visitors see it, and a shared cache may keep it
    // only while it revalidates every time.
    const shared = await client('coordinator').post(
      `/bibliotheek/${storyId}/delen`,
      { visibility: 'public' },
      { from: `/bibliotheek/${storyId}` },
    );
    assert.equal(shared.statusCode, 303);
    const seen = await client('visitor').get(url);
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.headers['cache-control'], 'public, no-cache');
  });

  test('replacing the photo of a public story takes it back to the network: visitors get 404 at once', async () => {
    const form = `/bibliotheek/${storyId}/bewerken`;
    const page = await client('resident').get(form);
    assert.match(page.body, /Foto weghalen/);
    assert.match(page.body, /value="Twee buren met koffie op de bank"/);
    const sent = await postMultipart(t, client('resident'), form, {
      title: 'Koffie op de bank',
      body: 'Elke dinsdag zitten we samen op de bank bij de flat.',
      extra: '',
      themes: 'ontmoeting',
      photoDescription: 'Drie buren op de bank',
      photo: await jpegField(300, 500),
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    const [row] = await photoRows();
    assert.deepEqual(
      [row!.width, row!.height, row!.description],
      [300, 500, 'Drie buren op de bank'],
    );
    assert.equal((await client('visitor').get(`/bibliotheek/${storyId}/foto`)).statusCode, 404);
    assert.equal((await client('resident').get(`/bibliotheek/${storyId}/foto`)).statusCode, 200);
  });

  test('bad files and a missing description: 400 with the field named, input kept, nothing saved', async () => {
    const cases = [
      { photo: notAPhotoField(), message: /geen foto die we kunnen gebruiken/ },
      { photo: tooLargeField(), message: /groter dan 10 MB/ },
      { photo: await tooManyPixelsField(), message: /meer dan 120 megapixel/ },
    ];
    const before = await items();
    for (const c of cases) {
      await client('resident').get(newForm());
      const sent = await postMultipart(t, client('resident'), newForm(), {
        kind: 'story',
        title: 'Het buurtfeest',
        body: 'Iedereen nam iets mee.',
        visibility: 'network',
        photoDescription: 'De lange tafel',
        photo: c.photo,
      });
      assert.equal(sent.statusCode, 400);
      assert.match(sent.body, c.message);
      assert.match(sent.body, /id="field-photo"[^>]*aria-invalid="true"/);
      assert.match(sent.body, /value="Het buurtfeest"/);
    }
    await client('resident').get(newForm());
    const noDescription = await postMultipart(t, client('resident'), newForm(), {
      kind: 'story',
      title: 'Het buurtfeest',
      body: 'Iedereen nam iets mee.',
      visibility: 'network',
      photoDescription: '',
      photo: await jpegField(200, 100),
    });
    assert.equal(noDescription.statusCode, 400);
    assert.match(noDescription.body, /Schrijf kort op wat er op de foto staat/);
    await client('resident').get(newForm());
    const aCase = await postMultipart(t, client('resident'), newForm(), {
      kind: 'case',
      title: 'Hoe krijgen we jongeren erbij?',
      body: 'Ze komen niet.',
      extra: 'Wie heeft een idee?',
      visibility: 'network',
      photoDescription: 'Het lege plein',
      photo: await jpegField(200, 100),
    });
    assert.equal(aCase.statusCode, 400);
    assert.match(aCase.body, /Alleen een verhaal kan een foto hebben/);
    assert.equal(await items(), before);
  });

  test("the author's download holds the photo; erasure removes it and keeps the story", async () => {
    const db = t.database.db;
    const personId = world.people.resident.id;
    const files = await libraryPersonData.files!(db, personId);
    assert.deepEqual(
      files.map((f) => f.name),
      [`fotos/verhaal-${storyId}.jpg`],
    );
    assert.deepEqual([...files[0]!.data.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const data = (await libraryPersonData.export(db, personId)) as {
      libraryItems: { title: string; photo: string | null }[];
    };
    assert.deepEqual(
      data.libraryItems.map((i) => i.photo),
      [`fotos/verhaal-${storyId}.jpg`],
    );
    assert.deepEqual(await libraryPersonData.files!(db, world.people.coordinator.id), []);
    await libraryPersonData.erase(db, personId);
    assert.equal((await photoRows()).length, 0);
    const page = await client('coordinator').get(`/bibliotheek/${storyId}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /bk-photo/);
  });

  test('removing the photo: gone from the page and the photo address at once', async () => {
    await client('coordinator').get(newForm());
    const sent = await postMultipart(t, client('coordinator'), newForm(), {
      kind: 'story',
      title: 'De moestuin',
      body: 'Tomaten en bonen.',
      visibility: 'network',
      photoDescription: 'De moestuinbak',
      photo: await jpegField(200, 200),
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    storyId = Number(/\/bibliotheek\/(\d+)/.exec(String(sent.headers.location))![1]);
    const form = `/bibliotheek/${storyId}/bewerken`;
    await client('coordinator').get(form);
    const removed = await postMultipart(t, client('coordinator'), form, {
      title: 'De moestuin',
      body: 'Tomaten en bonen.',
      extra: '',
      themes: '',
      photoDescription: 'De moestuinbak',
      removePhoto: 'on',
    });
    assert.equal(removed.statusCode, 303, removed.body.slice(0, 400));
    assert.equal((await photoRows()).length, 0);
    assert.equal((await client('coordinator').get(`/bibliotheek/${storyId}/foto`)).statusCode, 404);
    assert.doesNotMatch(
      (await client('coordinator').get(`/bibliotheek/${storyId}`)).body,
      /bk-photo/,
    );
  });
});
