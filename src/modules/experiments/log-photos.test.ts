// A logbook entry's photo (issue 14, item 1): added with its description (the alt text),
// shown in the logbook, served only to members of the experiment's network, kept, replaced
// and removed on a change, refused with a field message when bad (no entry without its
// photo), in the author's download, and gone on erasure while the entry stays.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { type Field, postMultipart } from '#test/helpers/multipart.js';
import {
  jpegField,
  notAPhotoField,
  tooLargeField,
  tooManyPixelsField,
} from '#test/helpers/photos.js';
import { experimentsPersonData } from './person-data.js';
import { experimentsService } from './service.js';
import { experimentLogEntries, experimentLogPhotos } from './tables.js';

describe('experiments: a logbook entry with a photo', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<string, TestClient>();
  let base: string;
  let entryId: number;
  const client = (name: string) => clients.get(name)!;
  const entries = async () =>
    (await t.database.db.select({ n: count() }).from(experimentLogEntries))[0]!.n;
  const photoRows = async () =>
    t.database.db
      .select()
      .from(experimentLogPhotos)
      .where(eq(experimentLogPhotos.entryId, entryId));

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const id = await experimentsService(t.database.db).createExperiment(
      world.networks.a.id,
      world.people.resident.id,
      {
        title: 'Soep op woensdag',
        question: 'Komen er meer buren als we soep koken?',
        approach: '',
        startsOn: null,
        endsOn: null,
        signalIds: [],
        teamIds: [],
      },
    );
    base = `/netwerk/${world.networks.a.id}/experimenten/${id}`;
    for (const name of ['resident', 'coordinator', 'coordinatorB', 'visitor'] as const) {
      const c = new TestClient(t.app, `10.45.0.${clients.size + 1}`);
      if (name !== 'visitor') await c.login(world.people[name].email!, TEST_PASSWORD);
      clients.set(name, c);
    }
  });
  after(() => t.close());

  const entry = (extra: Record<string, Field>): Record<string, Field> => ({
    kind: 'surprise',
    happenedOn: '2031-05-07',
    text: 'Er kwamen twintig buren, ook van de overkant.',
    ...extra,
  });

  test('a team member logs a surprise with a photo: shown with alt text, size and lazy loading', async () => {
    await client('resident').get(base);
    const sent = await postMultipart(
      t,
      client('resident'),
      `${base}/logboek`,
      entry({ photoDescription: 'Een pan soep op tafel', photo: await jpegField(400, 300) }),
    );
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    const page = await client('resident').get(base);
    entryId = Number(/id="logboek-(\d+)"/.exec(page.body)![1]);
    assert.match(
      page.body,
      new RegExp(
        `<img class="bk-photo" src="${base}/logboek/${entryId}/foto" alt="Een pan soep op tafel" lang="nl" width="400" height="300" loading="lazy"`,
      ),
    );
  });

  test("the photo is served to the network's members only", async () => {
    const url = `${base}/logboek/${entryId}/foto`;
    const own = await client('resident').get(url);
    assert.equal(own.statusCode, 200);
    assert.equal(own.headers['content-type'], 'image/jpeg');
    assert.equal(own.headers['cache-control'], 'private, no-cache');
    assert.equal((await client('coordinator').get(url)).statusCode, 200);
    assert.equal((await client('coordinatorB').get(url)).statusCode, 404);
    assert.notEqual((await client('visitor').get(url)).statusCode, 200);
    // Another experiment's address for the same entry finds nothing.
    const elsewhere = `/netwerk/${world.networks.a.id}/experimenten/999999/logboek/${entryId}/foto`;
    assert.equal((await client('resident').get(elsewhere)).statusCode, 404);
  });

  test('changing the entry keeps the photo, changes its description, replaces it, removes it', async () => {
    const form = `${base}/logboek/${entryId}/bewerken`;
    const page = await client('resident').get(form);
    assert.match(page.body, /value="Een pan soep op tafel"/);
    const kept = await postMultipart(
      t,
      client('resident'),
      form,
      entry({ text: 'Twintig buren.', photoDescription: 'Soep en brood' }),
    );
    assert.equal(kept.statusCode, 303, kept.body.slice(0, 400));
    let [row] = await photoRows();
    assert.deepEqual([row!.width, row!.description], [400, 'Soep en brood']);
    // Keeping the photo without a description is refused: it is the alt text.
    await client('resident').get(form);
    const bare = await postMultipart(t, client('resident'), form, entry({ photoDescription: '' }));
    assert.equal(bare.statusCode, 400);
    assert.match(bare.body, /Schrijf kort op wat er op de foto staat/);
    await client('resident').get(form);
    const replaced = await postMultipart(
      t,
      client('resident'),
      form,
      entry({ photoDescription: 'De lege pan', photo: await jpegField(300, 500) }),
    );
    assert.equal(replaced.statusCode, 303);
    [row] = await photoRows();
    assert.deepEqual([row!.width, row!.height, row!.description], [300, 500, 'De lege pan']);
    await client('resident').get(form);
    const removed = await postMultipart(
      t,
      client('resident'),
      form,
      entry({ photoDescription: 'De lege pan', removePhoto: 'on' }),
    );
    assert.equal(removed.statusCode, 303);
    assert.equal((await photoRows()).length, 0);
    assert.equal((await client('resident').get(`${base}/logboek/${entryId}/foto`)).statusCode, 404);
    assert.doesNotMatch((await client('resident').get(base)).body, /class="bk-photo"/);
  });

  test('bad files: 400 with the photo field named, the text kept, no entry without its photo', async () => {
    const before = await entries();
    for (const [photo, message] of [
      [notAPhotoField(), /geen foto die we kunnen gebruiken/],
      [tooLargeField(), /groter dan 10 MB/],
      [await tooManyPixelsField(), /meer dan 120 megapixel/],
    ] as const) {
      await client('resident').get(base);
      const sent = await postMultipart(
        t,
        client('resident'),
        `${base}/logboek`,
        entry({ text: 'Een tegenvaller met foto.', photoDescription: 'Regen', photo }),
      );
      assert.equal(sent.statusCode, 400);
      assert.match(sent.body, message);
      assert.match(sent.body, /id="field-photo"[^>]*aria-invalid="true"/);
      assert.match(sent.body, /Een tegenvaller met foto\./);
    }
    assert.equal(await entries(), before);
  });

  test("the author's download holds the photo; erasure removes it and keeps the entry", async () => {
    await client('resident').get(base);
    const sent = await postMultipart(
      t,
      client('resident'),
      `${base}/logboek`,
      entry({ photoDescription: 'De soeppan', photo: await jpegField(200, 200) }),
    );
    assert.equal(sent.statusCode, 303);
    const page = await client('resident').get(base);
    entryId = Number([...page.body.matchAll(/id="logboek-(\d+)"/g)].at(-1)![1]);
    const db = t.database.db;
    const personId = world.people.resident.id;
    const files = await experimentsPersonData.files!(db, personId);
    assert.deepEqual(
      files.map((f) => f.name),
      [`fotos/logboek-${entryId}.jpg`],
    );
    assert.deepEqual([...files[0]!.data.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    assert.deepEqual(await experimentsPersonData.files!(db, world.people.coordinator.id), []);
    await experimentsPersonData.erase(db, personId);
    assert.equal((await photoRows()).length, 0);
    const after = await client('coordinator').get(base);
    assert.match(after.body, new RegExp(`id="logboek-${entryId}"`));
    assert.doesNotMatch(after.body, /class="bk-photo"/);
  });
});
