// The administration, part two: a leader's scope, closing and reopening accounts, the name
// and logo on letters, the retention period as the signals' default, and the CSV import's
// all-or-nothing. Access and bad input are in admin.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { adminMain } from '#src/cli/admin.js';
import { runSignalRetention } from '#src/modules/signals/service/index.js';
import { signals } from '#src/modules/signals/tables.js';
import { signedInWorld, snapshot, type World } from '#test/helpers/admin.js';
import { createTestApp, type TestApp, TestClient, testConfig } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { TEST_PASSWORD } from '#test/helpers/factories.js';
import { lastMailTo } from '#test/helpers/mail.js';
import { postMultipart } from '#test/helpers/multipart.js';

describe('the administration: accounts, letters, retention and import', () => {
  let t: TestApp;
  let world: World;
  let clients: Map<string, TestClient>;

  before(async () => {
    t = await createTestApp();
    ({ world, clients } = await signedInWorld(t));
  });
  after(() => t.close());

  test("a leader's scope is added for an existing account (no new account, no mail) and taken away again", async () => {
    const admin = clients.get('admin')!;
    const person = world.people.professional;
    await admin.get('/beheer/bestuurders');
    const mailsBefore = await rows<{ n: number }>(t, sql`select count(*)::int as n from outbox`);
    const added = await admin.post('/beheer/bestuurders', {
      email: person.email!,
      displayName: 'Wordt genegeerd',
      scope: `r${world.region.id}`,
    });
    assert.equal(added.statusCode, 303);
    const scopes = await rows<{ id: number; region_id: number }>(
      t,
      sql`select id, region_id from leader_scopes where person_id = ${person.id}`,
    );
    assert.deepEqual(
      scopes.map((s) => s.region_id),
      [world.region.id],
    );
    const mailsAfter = await rows<{ n: number }>(t, sql`select count(*)::int as n from outbox`);
    assert.equal(mailsAfter[0]!.n, mailsBefore[0]!.n, 'no set-up mail for an existing account');
    const page = await admin.get('/beheer/bestuurders');
    assert.match(page.body, new RegExp(`Gebied afnemen van ${person.displayName}`));
    const removed = await admin.post(`/beheer/bestuurders/${scopes[0]!.id}/verwijderen`, {});
    assert.equal(removed.statusCode, 303);
    const left = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from leader_scopes where person_id = ${person.id}`,
    );
    assert.equal(left[0]!.n, 0);
    assert.equal(
      (await admin.post(`/beheer/bestuurders/${scopes[0]!.id}/verwijderen`, {})).statusCode,
      404,
    );
  });

  test('closing an account ends its sessions and refuses sign-in; reopening lets it in; not oneself', async () => {
    const admin = clients.get('admin')!;
    const person = world.people.council;
    const theirs = clients.get('council')!;
    assert.equal((await theirs.get(`/netwerk/${world.networks.a.id}`)).statusCode, 200);
    const closed = await admin.post(
      `/beheer/mensen/${person.id}/deactiveren`,
      {},
      { from: `/beheer/mensen/${person.id}` },
    );
    assert.equal(closed.statusCode, 303);
    // The open session is gone, and the right password no longer signs in.
    assert.equal((await theirs.get(`/netwerk/${world.networks.a.id}`)).statusCode, 303);
    const again = new TestClient(t.app, '10.30.2.1');
    await again.get('/inloggen');
    const refused = await again.post('/inloggen', {
      identifier: person.email!,
      password: TEST_PASSWORD,
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /gesloten door een beheerder/);
    // Reopened: signing in works again.
    await admin.post(
      `/beheer/mensen/${person.id}/heractiveren`,
      {},
      { from: `/beheer/mensen/${person.id}` },
    );
    await again.login(person.email!, TEST_PASSWORD);
    // Signing someone out everywhere, and a reset link by mail.
    await admin.post(
      `/beheer/mensen/${person.id}/sessies-beeindigen`,
      {},
      { from: `/beheer/mensen/${person.id}` },
    );
    assert.equal((await again.get(`/netwerk/${world.networks.a.id}`)).statusCode, 303);
    await admin.post(
      `/beheer/mensen/${person.id}/herstellink`,
      {},
      { from: `/beheer/mensen/${person.id}` },
    );
    const mail = await lastMailTo(t, person.email!);
    assert.match(mail!.body, /wachtwoord-herstellen\?token=/);
    // An administrator cannot close their own account (nobody would be left to reopen it).
    const self = await admin.post(
      `/beheer/mensen/${world.people.admin.id}/deactiveren`,
      {},
      { from: `/beheer/mensen/${world.people.admin.id}` },
    );
    assert.equal(self.statusCode, 303);
    const still = await rows<{ closed: boolean }>(
      t,
      sql`select deactivated_at is not null as closed from people where id = ${world.people.admin.id}`,
    );
    assert.equal(still[0]!.closed, false);
    const actions = await rows<{ action: string }>(
      t,
      sql`select action from audit_log where object_id = ${String(person.id)} and action like 'admin.account.%' order by id`,
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'admin.account.deactivate',
        'admin.account.reactivate',
        'admin.account.endSessions',
        'admin.account.resetLink',
      ],
    );
  });

  test('the name and logo on letters: set, checked, re-encoded, shown on the letter, removed', async () => {
    const admin = clients.get('admin')!;
    await admin.get('/beheer/instellingen');
    const settings = await admin.post('/beheer/instellingen', {
      organisationName: 'Gemeente Voorbeeld',
      privacyContact: 'privacy@gemeente.example',
      personalSignalMonths: '18',
      closedAccountMonths: '24',
    });
    assert.equal(settings.statusCode, 303);
    await admin.get('/beheer/instellingen');
    const notAnImage = await postMultipart(t, admin, '/beheer/instellingen/logo', {
      logo: { filename: 'logo.png', contentType: 'image/png', data: Buffer.from('geen plaatje') },
    });
    assert.equal(notAnImage.statusCode, 400);
    assert.match(notAnImage.body, /Dit is geen afbeelding in PNG, JPEG of WebP\./);
    assert.equal((await admin.get('/logo.png')).statusCode, 404);

    const big = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#336699' },
    })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'GEHEIM-EXIF' } } })
      .toBuffer();
    await admin.get('/beheer/instellingen');
    const uploaded = await postMultipart(t, admin, '/beheer/instellingen/logo', {
      logo: { filename: 'logo.jpg', contentType: 'image/jpeg', data: big },
    });
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 500));
    const logo = await new TestClient(t.app, '10.30.3.1').get('/logo.png');
    assert.equal(logo.statusCode, 200);
    assert.equal(logo.headers['content-type'], 'image/png');
    const meta = await sharp(logo.rawPayload).metadata();
    assert.equal(meta.format, 'png');
    assert.ok(
      (meta.width ?? 0) <= 600 && (meta.height ?? 0) <= 200,
      `${meta.width}×${meta.height}`,
    );
    assert.equal(meta.exif, undefined, 'no metadata kept');

    // The printed invitation letter carries the logo, named after the organisation.
    const coordinator = clients.get('coordinator')!;
    const letter = await coordinator.post(
      `/netwerk/${world.networks.a.id}/uitnodigen`,
      { kind: 'letter', addressee: 'Truus', role: 'resident' },
      { from: `/netwerk/${world.networks.a.id}/uitnodigen` },
    );
    assert.equal(letter.statusCode, 200);
    assert.match(
      letter.body,
      /<img class="bk-letter__logo" src="\/logo.png" alt="Gemeente Voorbeeld"/,
    );

    await admin.get('/beheer/instellingen');
    const removed = await admin.post('/beheer/instellingen/logo/verwijderen', {});
    assert.equal(removed.statusCode, 303);
    assert.equal((await admin.get('/logo.png')).statusCode, 404);
  });

  test("the retention period set on /beheer is the signals' default: a network without its own is anonymised by it", async () => {
    const admin = clients.get('admin')!;
    await admin.get('/beheer/instellingen');
    const saved = await admin.post('/beheer/instellingen', {
      organisationName: '',
      privacyContact: '',
      personalSignalMonths: '2',
      closedAccountMonths: '24',
    });
    assert.equal(saved.statusCode, 303);
    const [signal] = await t.database.db
      .insert(signals)
      .values({
        networkId: world.networks.c.id,
        title: 'Meneer in de flat',
        description: 'Details',
        theme: 'elderly',
        raisedBy: 'resident',
        origin: 'other',
        status: 'closed',
        personBound: true,
        closedAt: new Date('2026-01-10T12:00:00Z'),
      })
      .returning();
    const title = async () =>
      (
        await rows<{ title: string }>(t, sql`select title from signals where id = ${signal!.id}`)
      )[0]!.title;
    await runSignalRetention(t.database.db, new Date('2026-03-01T12:00:00Z'));
    assert.equal(await title(), 'Meneer in de flat', 'not yet after seven weeks');
    await runSignalRetention(t.database.db, new Date('2026-03-11T12:00:00Z'));
    assert.equal(await title(), '[geanonimiseerd]', 'after two months');
  });

  test('CSV import: every row checked, errors by file, row and field in Dutch, all or nothing, idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'buurtkracht-import-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
    const session = { config: testConfig(), database: t.database };
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await adminMain(
        args[0]!,
        args.slice(1),
        { out: (l) => out.push(l), err: (l) => err.push(l) },
        session,
      );
      return { status, out: out.join('\n'), err: err.join('\n') };
    };
    write('regions.csv', 'slug,name\ntwente,Twente\n');
    write('municipalities.csv', 'slug,name,region\nhengelo,Hengelo,twente\nborne,Borne,nergens\n');
    write(
      'areas.csv',
      'slug,name,kind,municipality\nhengelo-noord,Hengelo Noord,wijk,hengelo\nzenderen,Zenderen,stad,borne\n',
    );
    write(
      'networks.csv',
      'area,name,description,contact_email,contact_phone,contact_address,public\nhengelo-noord,Buurtnetwerk Noord,"Samen, in Noord",noord@example.org,074 123 4567,,misschien\n',
    );
    write(
      'organisations.csv',
      'name,type,website,networks\nWelzijn Twente,welfare,,hengelo-noord\n',
    );
    const before = await snapshot(t);
    const bad = await run('import', dir);
    assert.equal(bad.status, 1);
    assert.match(bad.err, /areas\.csv, rij 3, veld kind: Kies wijk, buurt, kern of dorp\./);
    assert.match(bad.err, /networks\.csv, rij 2, veld public: Vul ja of nee in\./);
    assert.match(bad.err, /municipalities\.csv, rij 3, veld region: "nergens" bestaat niet/);
    assert.match(bad.err, /Niets opgeslagen/);
    assert.equal(await snapshot(t), before, 'nothing half-saved');

    write('municipalities.csv', 'slug,name,region\nhengelo,Hengelo,twente\nborne,Borne,twente\n');
    write(
      'areas.csv',
      'slug,name,kind,municipality\nhengelo-noord,Hengelo Noord,wijk,hengelo\nzenderen,Zenderen,dorp,borne\n',
    );
    write(
      'networks.csv',
      'area,name,description,contact_email,contact_phone,contact_address,public\nhengelo-noord,Buurtnetwerk Noord,"Samen, in Noord",noord@example.org,074 123 4567,,ja\nzenderen,Dorpsnetwerk Zenderen,,,,,nee\n',
    );
    const dry = await run('import', dir, '--dry-run');
    assert.equal(dry.status, 0, dry.err);
    assert.equal(await snapshot(t), before, 'a dry run saves nothing');
    const good = await run('import', dir);
    assert.equal(good.status, 0, good.err);
    assert.match(good.out, /networks: 2 new, 0 updated/);
    const once = await snapshot(t);
    const twice = await run('import', dir);
    assert.equal(twice.status, 0);
    assert.match(twice.out, /networks: 0 new, 2 updated/);
    assert.equal(await snapshot(t), once, 'importing again changes nothing');

    // The export reads back in as it is.
    const exported = join(dir, 'export');
    assert.equal((await run('export', exported)).status, 0);
    assert.equal((await run('import', exported)).status, 0);
    assert.equal(await snapshot(t), once);
  });
});
