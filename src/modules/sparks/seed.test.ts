import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { createWorld } from '#test/helpers/factories.js';
import { sparksPersonData } from './person-data.js';
import { sparksRepository } from './repository.js';

describe('sparks: the demo and a person’s data', () => {
  let t: TestApp;
  before(async () => {
    // A copy of the demo, seeded once for the whole test run.
    t = await createTestApp({}, { demo: true });
  });
  after(() => t.close());

  test('the demo holds a believable year: sparks with photos, one pending spark', async () => {
    const db = t.database.db;
    const result = (await db.execute(sql`select
        (select count(*)::int from sparks where status = 'published') as published,
        (select count(*)::int from sparks where status = 'pending') as pending,
        (select count(*)::int from sparks where is_public) as public,
        (select count(*)::int from spark_photos) as photos`)) as unknown as {
      rows: Record<string, number>[];
    };
    const c = result.rows[0]!;
    assert.ok(c.published! >= 28, `published ${c.published}`);
    assert.equal(c.pending, 1);
    assert.ok(c.public! >= 3);
    assert.equal(c.photos, 3);
    // Generated photos are re-encoded like an upload: JPEG, no metadata.
    const photo = (await db.execute(sql`select data from spark_photos limit 1`)) as unknown as {
      rows: { data: Uint8Array }[];
    };
    const bytes = Buffer.from(photo.rows[0]!.data);
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'ffd8ff');
  });

  test('export lists sparks (the photo by its file name in the download, no bytes); erasure keeps sparks, drops photos', async () => {
    const db = t.database.db;
    const world = await createWorld(db);
    const repo = sparksRepository(db);
    const person = world.people.resident;
    const a = world.networks.a.id;
    const photoId = await repo.insertPhoto({
      networkId: a,
      contentType: 'image/jpeg',
      width: 1,
      height: 1,
      data: Buffer.from('ffd8ff', 'hex'),
    });
    await repo.insertSpark({
      networkId: a,
      authorId: person.id,
      text: 'Mijn vonkje',
      isPublic: true,
      status: 'published',
      photoId,
    });
    const exported = (await sparksPersonData.export(db, person.id)) as {
      sparks: { text: string; photo: string; public: boolean }[];
    };
    const sparkId = (await repo.sparksOfPerson(person.id))[0]!.id;
    assert.deepEqual(
      exported.sparks.map((s) => [s.text, s.photo, s.public]),
      [['Mijn vonkje', `fotos/vonkje-${sparkId}.jpg`, true]],
    );
    assert.ok(!JSON.stringify(exported).includes('ffd8ff'));

    await db.transaction((tx) => sparksPersonData.erase(tx, person.id));
    const sparks = await repo.sparksOfPerson(person.id);
    assert.deepEqual(
      sparks.map((s) => [s.text, s.photoId]),
      [['Mijn vonkje', null]],
    );
    assert.equal((await repo.findPhoto(photoId)) === undefined, true);
  });
});
