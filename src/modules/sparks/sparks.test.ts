import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { sparksRepository } from './repository.js';

async function count(t: TestApp, table: 'sparks' | 'spark_photos'): Promise<number> {
  const result = await t.database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

async function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#e08030' } })
    .withExif({
      IFD0: { Make: 'Fotofabriek', Model: 'Kiekje 3000' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 5/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 7/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

describe('sparks: the wall, photos and moderation', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;
  const wall = () => `/netwerk/${a()}/vonkjes`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    // These tests follow members' public sparks onto the public page: network A shows them
    // at once (the default, waiting, is tested in moderation.test.ts).
    await sparksRepository(t.database.db).saveMembersPublicAtOnce(a(), true);
  });
  after(() => t.close());

  test('a member adds a spark; it is on the wall, newest first, with its text escaped', async () => {
    await resident.get(wall());
    const first = await resident.post(wall(), {
      text: 'Mevrouw Bos bracht soep naar haar buurman',
    });
    assert.equal(first.statusCode, 303);
    await resident.get(wall());
    await resident.post(wall(), { text: '<script>alert(1)</script> & "samen"' });
    const page = await resident.get(wall());
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('<script>alert(1)</script>'));
    assert.match(
      page.body,
      /&lt;script>alert\(1\)&lt;\/script> &amp; &quot;samen&quot;|&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;samen&quot;/,
    );
    assert.ok(page.body.indexOf('alert(1)') < page.body.indexOf('Mevrouw Bos'), 'newest first');
  });

  test('more than 280 characters: a Dutch message, the text kept, nothing stored', async () => {
    const before = await count(t, 'sparks');
    await resident.get(wall());
    const long = 'Wat een mooie dag. '.repeat(16).slice(0, 281);
    const response = await resident.post(wall(), { text: long });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Een vonkje is hooguit 280 tekens/);
    assert.ok(response.body.includes(long.trim()), 'the input is kept');
    assert.equal(await count(t, 'sparks'), before);
    await resident.get(wall());
    const exact = await resident.post(wall(), { text: 'x'.repeat(280) });
    assert.equal(exact.statusCode, 303, '280 characters is fine');
  });

  test('a photo with GPS and camera data is stored and served without them, at most 1600 px', async () => {
    const input = await gpsJpeg();
    const exif = exifReader((await sharp(input).metadata()).exif!);
    assert.ok(exif.GPSInfo?.GPSLatitude, 'the input really carries a location');
    assert.equal(exif.Image?.Make, 'Fotofabriek');

    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'De kinderen hebben samen de speeltuin opgeruimd',
      isPublic: 'on',
      photo: { filename: 'speeltuin.jpg', contentType: 'image/jpeg', data: input },
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const page = await resident.get(wall());
    const url = /src="(\/vonkjes\/foto\/\d+)"/.exec(page.body)?.[1];
    assert.ok(url, 'the wall shows the photo');
    const photo = await resident.get(url);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
    assert.equal(photo.headers['x-content-type-options'], 'nosniff');
    assert.equal(photo.headers['content-disposition'], 'inline');
    assert.match(String(photo.headers['content-security-policy']), /default-src 'none'/);
    const served = photo.rawPayload;
    const meta = await sharp(served).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.ok(Math.max(meta.width!, meta.height!) <= 1600);
    assert.equal(meta.exif, undefined, 'no EXIF at all');
    assert.ok(
      !served.includes(Buffer.from('Fotofabriek')) && !served.includes(Buffer.from('Kiekje')),
    );
    const stored = await t.database.db.execute(sql`select data from spark_photos`);
    for (const row of (stored as unknown as { rows: { data: Uint8Array }[] }).rows) {
      assert.ok(!Buffer.from(row.data).includes(Buffer.from('Fotofabriek')));
    }
  });

  test('uploads that are not photos, or too big, are refused with a clear message and nothing stored', async () => {
    const sparksBefore = await count(t, 'sparks');
    const photosBefore = await count(t, 'spark_photos');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    );
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    for (const file of [
      { filename: 'zon.svg', contentType: 'image/svg+xml', data: svg },
      { filename: 'foto.jpg', contentType: 'image/jpeg', data: html },
    ]) {
      await resident.get(wall());
      const response = await postMultipart(t, resident, wall(), {
        text: 'Met een foto',
        photo: file,
      });
      assert.equal(response.statusCode, 400, file.filename);
      assert.match(response.body, /geen foto die we kunnen gebruiken/);
      assert.match(response.body, /Met een foto/, 'the text is kept');
    }
    // 20 MB: a real JPEG header followed by padding, larger than the limit.
    const big = Buffer.concat([await gpsJpeg(), Buffer.alloc(20 * 1024 * 1024, 7)]);
    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'Een hele grote foto',
      photo: { filename: 'groot.jpg', contentType: 'image/jpeg', data: big },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /groter dan 10 MB/);
    assert.equal(await count(t, 'sparks'), sparksBefore);
    assert.equal(await count(t, 'spark_photos'), photosBefore);
  });

  test('photo access: public ones to anyone; others only to members of the network', async () => {
    await resident.get(wall());
    await postMultipart(t, resident, wall(), {
      text: 'Alleen voor het netwerk',
      photo: {
        filename: 'p.png',
        contentType: 'image/png',
        data: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3080e0' } })
          .png()
          .toBuffer(),
      },
    });
    const page = await resident.get(wall());
    const urls = [...page.body.matchAll(/src="(\/vonkjes\/foto\/\d+)"/g)].map((m) => m[1]!);
    assert.equal(urls.length, 2);
    const [privateUrl, publicUrl] = urls as [string, string];
    const visitor = new TestClient(t.app);
    assert.equal((await visitor.get(publicUrl)).statusCode, 200);
    assert.equal((await visitor.get(privateUrl)).statusCode, 404);
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    assert.equal((await other.get(privateUrl)).statusCode, 404);
    const own = await coordinator.get(privateUrl);
    assert.equal(own.statusCode, 200);
    assert.match(String(own.headers['cache-control']), /private/);
    assert.equal((await visitor.get('/vonkjes/foto/999999')).statusCode, 404);
  });

  test('a plain 12000×9000 camera photo is shrunk like any other', async () => {
    const huge = await sharp({
      create: { width: 12000, height: 9000, channels: 3, background: '#80a040' },
    })
      .jpeg({ quality: 50 })
      .toBuffer();
    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'Een foto van de hele straat',
      photo: { filename: 'straat.jpg', contentType: 'image/jpeg', data: huge },
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const page = await resident.get(wall());
    const url = /src="(\/vonkjes\/foto\/\d+)"/.exec(page.body)?.[1];
    assert.ok(url);
    const meta = await sharp((await resident.get(url)).rawPayload).metadata();
    assert.equal(meta.width, 1600);
    assert.equal(meta.height, 1200);
  });

  test('a photo beyond the pixel limit is refused with the limit in the message', async () => {
    // A small JPEG whose header says 12000×12000 (144 megapixels): the header is what counts.
    const small = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#fff' },
    })
      .jpeg({ progressive: false })
      .toBuffer();
    const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
    assert.ok(sof > 0);
    small.writeUInt16BE(12000, sof + 5);
    small.writeUInt16BE(12000, sof + 7);
    const sparksBefore = await count(t, 'sparks');
    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'Heel veel pixels',
      photo: { filename: 'veel.jpg', contentType: 'image/jpeg', data: small },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /meer dan 120 megapixel/);
    assert.match(response.body, /Heel veel pixels/);
    assert.equal(await count(t, 'sparks'), sparksBefore);
  });

  test('a transparent PNG is flattened onto white, not black', async () => {
    const png = await sharp({
      create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'Een doorzichtig logo',
      photo: { filename: 'logo.png', contentType: 'image/png', data: png },
    });
    assert.equal(response.statusCode, 303);
    const page = await resident.get(wall());
    const url = /src="(\/vonkjes\/foto\/\d+)"/.exec(page.body)?.[1];
    assert.ok(url);
    const { data } = await sharp((await resident.get(url)).rawPayload)
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.ok(data[0]! > 245 && data[1]! > 245 && data[2]! > 245, `white, not ${data[0]}`);
  });

  test('a 0-byte photo gives a message and saves nothing; no file chosen is fine', async () => {
    const sparksBefore = await count(t, 'sparks');
    const photosBefore = await count(t, 'spark_photos');
    await resident.get(wall());
    const response = await postMultipart(t, resident, wall(), {
      text: 'Met een lege foto',
      photo: { filename: 'leeg.jpg', contentType: 'image/jpeg', data: Buffer.alloc(0) },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Dit bestand is leeg/);
    // Issue 12, item 11: the title says there is an error, the summary takes the focus (with
    // a small script, and autofocus without one), the photo field is marked invalid.
    assert.match(response.body, /<title>Fout: /);
    assert.match(response.body, /id="error-summary" tabindex="-1" autofocus/);
    assert.match(response.body, /<script src="\/assets\/forms\.[0-9a-f]+\.js" defer/);
    assert.match(response.body, /<input[^>]*name="photo"[^>]*aria-invalid="true"/);
    assert.match(response.body, /Met een lege foto/);
    assert.equal(await count(t, 'sparks'), sparksBefore);
    assert.equal(await count(t, 'spark_photos'), photosBefore);
    // What a browser sends when no file was chosen: an empty part without a name.
    await resident.get(wall());
    const none = await postMultipart(t, resident, wall(), {
      text: 'Zonder foto',
      photo: { filename: '', contentType: 'application/octet-stream', data: Buffer.alloc(0) },
    });
    assert.equal(none.statusCode, 303);
    assert.equal(await count(t, 'sparks'), sparksBefore + 1);
    assert.equal(await count(t, 'spark_photos'), photosBefore);
  });

  test('tenancy: the wall of another network is not found; visitors go to the login page', async () => {
    assert.equal((await resident.get(`/netwerk/${world.networks.b.id}/vonkjes`)).statusCode, 404);
    await resident.get(wall());
    const post = await resident.post(`/netwerk/${world.networks.b.id}/vonkjes`, { text: 'Hallo' });
    assert.equal(post.statusCode, 404);
    assert.equal((await new TestClient(t.app).get(wall())).statusCode, 303);
    assert.equal((await resident.get(`${wall()}/moderatie`)).statusCode, 403);
  });

  describe('from the neighbourhood', () => {
    const slug = () => world.networks.a.slug;
    const oldStamp = () => t.app.signCookie(String(Date.now() - 10_000));

    test('a visitor sends a spark; the coordinator approves one and rejects another, both audited', async () => {
      const visitor = new TestClient(t.app, '10.0.0.1');
      const form = await visitor.get(`/buurt/${slug()}/vonkje`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="website"/);
      for (const text of ['Buurman Piet repareerde alle fietsen', 'Koop nu goedkope horloges']) {
        const sent = await visitor.post(`/buurt/${slug()}/vonkje`, {
          text,
          name: 'Piet',
          website: '',
          stamp: oldStamp(),
        });
        assert.equal(sent.statusCode, 303);
      }
      // The old queue's address leads to the one moderation page, filtered on sparks.
      const old = await coordinator.get(`${wall()}/moderatie`);
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, `/netwerk/${a()}/moderatie?soort=spark`);
      const queue = await coordinator.get(`/netwerk/${a()}/moderatie?soort=spark`);
      assert.match(queue.body, /Buurman Piet repareerde/);
      const ids = [...queue.body.matchAll(/wacht\/spark\/(\d+)\/publiceren"/g)].map((m) => m[1]!);
      assert.equal(ids.length, 2);
      const decide = (id: string, decision: 'publiceren' | 'afwijzen') =>
        `/netwerk/${a()}/moderatie/wacht/spark/${id}/${decision}`;
      assert.equal((await coordinator.post(decide(ids[0]!, 'publiceren'), {})).statusCode, 303);
      await coordinator.get(`/netwerk/${a()}/moderatie`);
      // A visitor has no account to tell: no reason needed.
      assert.equal(
        (await coordinator.post(decide(ids[1]!, 'afwijzen'), { reason: '' })).statusCode,
        303,
      );
      const wallPage = await resident.get(wall());
      assert.equal(wallPage.statusCode, 200);
      assert.match(wallPage.body, /Buurman Piet repareerde/);
      assert.ok(!wallPage.body.includes('horloges'));
      const audit = await t.database.db.execute(
        sql`select action, object_id from audit_log where action like 'sparks.%' and result = 'ok' order by id`,
      );
      assert.deepEqual(
        (audit as unknown as { rows: { action: string; object_id: string }[] }).rows,
        [
          { action: 'sparks.approve', object_id: ids[0] },
          { action: 'sparks.reject', object_id: ids[1] },
        ],
      );
      // Approved sparks are public: on the public section.
      const { sparksPublicSection } = await import('./public.js');
      const { translator } = await import('#src/platform/i18n/index.js');
      const section = await sparksPublicSection(
        t.database.db,
        { id: a(), slug: world.networks.a.slug },
        translator('nl'),
        'nl',
      );
      const { renderToString } = await import('preact-render-to-string');
      assert.match(renderToString(section!.body), /Buurman Piet repareerde/);
      // Another network's coordinator cannot moderate here.
      const other = new TestClient(t.app);
      await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
      await other.get(`/netwerk/${world.networks.b.id}/vonkjes`);
      assert.equal((await other.post(decide(ids[0]!, 'afwijzen'), {})).statusCode, 404);
    });

    test('the honeypot and a too-fast submit store nothing; too fast keeps the input', async () => {
      const before = await count(t, 'sparks');
      const visitor = new TestClient(t.app, '10.0.0.2');
      await visitor.get(`/buurt/${slug()}/vonkje`);
      const bot = await visitor.post(`/buurt/${slug()}/vonkje`, {
        text: 'Spam',
        name: '',
        website: 'http://spam.example',
        stamp: oldStamp(),
      });
      assert.equal(bot.statusCode, 303);
      const page = await visitor.get(`/buurt/${slug()}/vonkje`);
      const stamp = /name="stamp" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(stamp);
      const fast = await visitor.post(`/buurt/${slug()}/vonkje`, {
        text: 'Snel getypt vonkje',
        name: 'Ans',
        website: '',
        stamp,
      });
      assert.equal(fast.statusCode, 400);
      assert.match(fast.body, /Dat ging wel erg snel/);
      assert.match(fast.body, /Snel getypt vonkje/);
      assert.match(fast.body, /value="Ans"/);
      const forged = await visitor.post(`/buurt/${slug()}/vonkje`, {
        text: 'Vervalst',
        website: '',
        stamp: `${Date.now() - 60_000}.nep`,
      });
      assert.equal(forged.statusCode, 400);
      assert.equal(await count(t, 'sparks'), before);
    });

    test('the speed check: the field’s own message first; the timer does not restart on the form shown again', async () => {
      const visitor = new TestClient(t.app, '10.0.0.7');
      const page = await visitor.get(`/buurt/${slug()}/vonkje`);
      const fresh = /name="stamp" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(fresh);
      // Empty, at once: what is wrong with the text, not "that was fast".
      const empty = await visitor.post(`/buurt/${slug()}/vonkje`, { text: '', stamp: fresh });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Schrijf op wat u zag gebeuren/);
      assert.doesNotMatch(empty.body, /snel/);
      // A name too long, in a form shown long enough ago: the form comes back with the same
      // stamp, so correcting it and sending at once is not "too fast".
      const old = oldStamp();
      const bad = await visitor.post(`/buurt/${slug()}/vonkje`, {
        text: 'De buren hielpen met verhuizen',
        name: 'n'.repeat(81),
        stamp: old,
      });
      assert.equal(bad.statusCode, 400);
      const kept = /name="stamp" value="([^"]+)"/.exec(bad.body)?.[1];
      assert.equal(kept, old);
      const fixed = await visitor.post(`/buurt/${slug()}/vonkje`, {
        text: 'De buren hielpen met verhuizen',
        name: 'Buurman',
        stamp: kept!,
      });
      assert.equal(fixed.statusCode, 303);
    });

    test('the public form is rate-limited per address', async () => {
      const visitor = new TestClient(t.app, '10.0.0.3');
      await visitor.get(`/buurt/${slug()}/vonkje`);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await visitor.post(`/buurt/${slug()}/vonkje`, {
          text: `Vonkje ${i}`,
          website: '',
          stamp: oldStamp(),
        });
        statuses.push(r.statusCode);
      }
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
      assert.equal((await visitor.get('/buurt/bestaat-niet/vonkje')).statusCode, 404);
    });
  });

  test("a photo's description is its alt text; without one a general text; content is marked Dutch", async () => {
    await resident.get(wall());
    const png = await sharp({
      create: { width: 20, height: 20, channels: 3, background: '#20a040' },
    })
      .png()
      .toBuffer();
    const described = await postMultipart(t, resident, wall(), {
      text: 'De moestuinbak staat er',
      photoDescription: 'Drie buren bij de nieuwe moestuinbak',
      photo: { filename: 'm.png', contentType: 'image/png', data: png },
    });
    assert.equal(described.statusCode, 303);
    await resident.get(wall());
    await postMultipart(t, resident, wall(), {
      text: 'Zonder beschrijving',
      photo: { filename: 'n.png', contentType: 'image/png', data: png },
    });
    const page = await resident.get(wall());
    assert.match(page.body, /alt="Drie buren bij de nieuwe moestuinbak" lang="nl"/);
    assert.match(page.body, /alt="Foto bij het vonkje"/);
    assert.match(page.body, /<p class="utrecht-paragraph bk-spark__text" lang="nl">De moestuinbak/);
    // Too long a description: refused with its own message, nothing stored.
    await resident.get(wall());
    const long = await postMultipart(t, resident, wall(), {
      text: 'Te lange beschrijving',
      photoDescription: 'x'.repeat(201),
      photo: { filename: 'l.png', contentType: 'image/png', data: png },
    });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Gebruik voor de beschrijving van de foto hoogstens 200 tekens/);
    assert.match(long.body, /Te lange beschrijving/);
  });
});
