// The administration: who may use it (every /beheer route × every other role; a network's
// own settings by the one refusal rule), that it shows nobody's person-bound signals or
// reflections, bad input (400, a Dutch message naming the field, the input kept, nothing
// saved), closing accounts, and the CSV import's all-or-nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { adminMain } from '#src/cli/admin.js';
import { reflections } from '#src/modules/library/tables.js';
import { runSignalRetention } from '#src/modules/signals/service/index.js';
import { signals } from '#src/modules/signals/tables.js';
import { createTestApp, type TestApp, TestClient, testConfig } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';

type World = Awaited<ReturnType<typeof createWorld>>;

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Everything the administration can change, as counts: a refused request changes none. */
async function snapshot(t: TestApp): Promise<string> {
  const found = await rows<Record<string, number>>(
    t,
    sql`select
      (select count(*)::int from regions) as regions,
      (select count(*)::int from municipalities) as municipalities,
      (select count(*)::int from areas) as areas,
      (select count(*)::int from networks) as networks,
      (select string_agg(concat(name, description, contact_phone, is_public), '|' order by id) from networks) as details,
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from network_organisations) as links,
      (select count(*)::int from leader_scopes) as leaders,
      (select count(*)::int from people) as people,
      (select count(*)::int from people where deactivated_at is not null) as closed,
      (select count(*)::int from sessions) as sessions,
      (select count(*)::int from invitations) as invitations,
      (select count(*)::int from password_resets) as resets,
      (select count(*)::int from app_settings) as settings,
      (select count(*)::int from outbox) as mails`,
  );
  return JSON.stringify(found[0]);
}

const roles = [
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;

describe('the administration', () => {
  let t: TestApp;
  let world: World;
  const clients = new Map<string, TestClient>();

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const [i, name] of [...roles, 'admin' as const].entries()) {
      const client = new TestClient(t.app, `10.30.0.${i + 1}`);
      await client.login(world.people[name].email!, TEST_PASSWORD);
      await client.get('/');
      clients.set(name, client);
    }
  });
  after(() => t.close());

  /** Every /beheer route as registered, with `:id` filled in by an id of its kind that exists. */
  function adminRoutes(): Array<{ method: 'GET' | 'POST'; url: string }> {
    const ids: Record<string, number> = {
      regios: world.region.id,
      gemeenten: world.municipality.id,
      gebieden: world.networks.a.areaId,
      netwerken: world.networks.a.id,
      organisaties: world.networks.a.organisationId,
      mensen: world.people.resident.id,
      bestuurders: 1,
    };
    return t.app.routeList
      .filter((r) => r.url.startsWith('/beheer') && (r.method === 'GET' || r.method === 'POST'))
      .map((r) => ({
        method: r.method as 'GET' | 'POST',
        url: r.url.replace(':id', String(ids[r.url.split('/')[2] ?? ''] ?? 1)),
      }));
  }

  test('every /beheer route refuses every role but the administrator (403), changing nothing', async () => {
    const routes = adminRoutes();
    assert.ok(routes.length >= 30, `found ${routes.length} /beheer routes`);
    const before = await snapshot(t);
    for (const role of roles) {
      const client = clients.get(role)!;
      for (const route of routes) {
        const res =
          route.method === 'GET'
            ? await client.get(route.url)
            : await client.post(route.url, {
                name: 'X',
                slug: 'x',
                email: 'x@example.org',
                to: 'x@example.org',
                regionId: String(world.region.id),
              });
        assert.equal(res.statusCode, 403, `${role} ${route.method} ${route.url}`);
      }
    }
    // A visitor is sent to the login page, and cannot post.
    const visitor = new TestClient(t.app, '10.30.1.1');
    for (const route of routes) {
      const res =
        route.method === 'GET' ? await visitor.get(route.url) : await visitor.post(route.url, {});
      assert.equal(
        res.statusCode,
        route.method === 'GET' ? 303 : 403,
        `${route.method} ${route.url}`,
      );
    }
    assert.equal(await snapshot(t), before);
    // The refusals are in the audit log.
    const denied = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_log where action like 'admin.%' and result = 'denied'`,
    );
    assert.ok(denied[0]!.n >= routes.length * roles.length);
    // The administrator opens every page.
    const admin = clients.get('admin')!;
    for (const route of routes.filter((r) => r.method === 'GET')) {
      assert.equal((await admin.get(route.url)).statusCode, 200, route.url);
    }
  });

  test("a network's settings: its coordinators and the administrator; 403 for its other members, 404 elsewhere", async () => {
    const a = world.networks.a.id;
    const b = world.networks.b.id;
    const expected: Record<string, Record<'a' | 'b', number>> = {
      resident: { a: 403, b: 404 },
      professional: { a: 403, b: 404 },
      council: { a: 403, b: 404 },
      coordinator: { a: 200, b: 404 },
      leader: { a: 404, b: 404 },
      coordinatorB: { a: 404, b: 200 },
      coordinatorC: { a: 404, b: 404 },
      admin: { a: 200, b: 200 },
    };
    const before = await snapshot(t);
    for (const [role, want] of Object.entries(expected)) {
      const client = clients.get(role)!;
      for (const [name, id] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const url = `/netwerk/${id}/instellingen`;
        assert.equal((await client.get(url)).statusCode, want[name], `${role} GET ${name}`);
        if (want[name] !== 200) {
          const res = await client.post(url, { description: 'overgenomen', isPublic: 'on' });
          assert.equal(res.statusCode, want[name], `${role} POST ${name}`);
        }
      }
    }
    assert.equal((await clients.get('admin')!.get('/netwerk/999999/instellingen')).statusCode, 404);
    assert.equal(await snapshot(t), before);
    // The coordinator saves; the change is audited with the network.
    const saved = await clients
      .get('coordinator')!
      .post(
        `/netwerk/${a}/instellingen`,
        { description: 'Wij zijn netwerk A.', contactPhone: '0543 111 222', isPublic: 'on' },
        { from: `/netwerk/${a}/instellingen` },
      );
    assert.equal(saved.statusCode, 303);
    const audited = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_log where action = 'network.settings.save' and network_id = ${a} and actor_id = ${world.people.coordinator.id}`,
    );
    assert.equal(audited[0]!.n, 1);
  });

  test('an administrator reads no person-bound signal and no reflection through any /beheer page', async () => {
    const author = world.people.resident;
    await t.database.db.insert(signals).values({
      networkId: world.networks.a.id,
      title: 'GEHEIM-SIGNAAL-TITEL',
      description: 'GEHEIM-SIGNAAL-TEKST over een buurvrouw',
      theme: 'social_isolation',
      raisedBy: 'resident',
      origin: 'street',
      status: 'new',
      personBound: true,
      createdBy: author.id,
    });
    await t.database.db
      .insert(reflections)
      .values({ personId: author.id, question: 'free', text: 'GEHEIME-REFLECTIE' });
    const admin = clients.get('admin')!;
    const pages = [
      ...adminRoutes()
        .filter((r) => r.method === 'GET')
        .map((r) => r.url),
      `/beheer/mensen?q=${encodeURIComponent(author.displayName)}`,
      `/beheer/mensen/${author.id}`,
      `/beheer/mensen/${world.people.coordinator.id}`,
    ];
    for (const page of pages) {
      const res = await admin.get(page);
      assert.equal(res.statusCode, 200, page);
      assert.doesNotMatch(res.body, /GEHEIM/, page);
    }
    // The account page shows the account, not what the person wrote.
    const account = await admin.get(`/beheer/mensen/${author.id}`);
    assert.match(account.body, new RegExp(author.displayName));
    assert.match(account.body, /Netwerk A/);
    const leader = await admin.get(`/beheer/mensen/${world.people.leader.id}`);
    assert.match(leader.body, /Bestuurder van/);
    assert.match(leader.body, new RegExp(`gemeente ${world.municipality.name}`));
  });

  test('bad input: 400, a Dutch message that names the field, the input kept, nothing saved', async () => {
    const admin = clients.get('admin')!;
    const before = await snapshot(t);
    const cases: Array<{
      url: string;
      form: Record<string, string | string[]>;
      says: RegExp[];
      keeps?: string;
    }> = [
      {
        url: '/beheer/regios',
        form: { name: '', slug: 'Geen Slug!' },
        says: [/Vul de naam in\./, /Gebruik voor het webadres alleen kleine letters/],
        keeps: 'Geen Slug!',
      },
      {
        url: '/beheer/regios',
        form: { name: 'Dubbel', slug: world.region.slug },
        says: [/Dit webadres is al in gebruik/],
        keeps: 'Dubbel',
      },
      {
        url: '/beheer/gemeenten',
        form: { name: 'Nergenshuizen', slug: 'nergenshuizen', regionId: '999999' },
        says: [/Kies de regio\./],
        keeps: 'Nergenshuizen',
      },
      {
        url: '/beheer/gebieden',
        form: {
          name: 'Wijk Zonder Soort',
          slug: 'wijk-zonder-soort',
          kind: 'stad',
          municipalityId: String(world.municipality.id),
        },
        says: [/Kies wijk, buurt, kern of dorp\./],
        keeps: 'Wijk Zonder Soort',
      },
      {
        url: '/beheer/netwerken',
        form: {
          areaId: 'geen',
          name: 'Netwerk Nergens',
          contactEmail: 'geen-adres',
          contactPhone: 'bel me',
        },
        says: [
          /Kies het gebied\./,
          /Vul bij het e-mailadres voor contact een geldig e-mailadres in/,
          /Vul een telefoonnummer in/,
        ],
        keeps: 'Netwerk Nergens',
      },
      {
        url: `/beheer/netwerken/${world.networks.a.id}`,
        form: { name: '', description: 'Nieuwe tekst die blijft staan', contactPhone: 'abc' },
        says: [/Vul de naam in\./, /Vul een telefoonnummer in/],
        keeps: 'Nieuwe tekst die blijft staan',
      },
      {
        // A valid organisation with one unknown network: not saved, not even in part.
        url: '/beheer/organisaties',
        form: {
          name: 'Half Opgeslagen',
          type: 'welfare',
          networkIds: [String(world.networks.a.id), '999999'],
        },
        says: [/Kies de buurtnetwerken\./],
        keeps: 'Half Opgeslagen',
      },
      {
        url: '/beheer/organisaties',
        form: { name: 'Website Fout', type: 'welfare', website: 'www zonder schema' },
        says: [/Vul een volledig webadres in/],
        keeps: 'www zonder schema',
      },
      {
        url: `/beheer/netwerken/${world.networks.b.id}/coordinator`,
        form: { email: 'geen adres' },
        says: [/Vul bij het e-mailadres van de coördinator een geldig e-mailadres in/],
        keeps: 'geen adres',
      },
      {
        // Network A has a coordinator already: a first coordinator is no longer offered.
        url: `/beheer/netwerken/${world.networks.a.id}/coordinator`,
        form: { email: 'nog.een@example.org' },
        says: [/Dit netwerk heeft al een coördinator/],
        keeps: 'nog.een@example.org',
      },
      {
        url: '/beheer/bestuurders',
        form: { email: 'nieuw@example.org', displayName: 'Nieuwe Bestuurder', scope: 'm999999' },
        says: [/Kies de gemeente of regio\./],
        keeps: 'Nieuwe Bestuurder',
      },
      {
        url: '/beheer/instellingen',
        form: {
          organisationName: 'Gemeente Voorbeeld',
          privacyContact: '',
          personalSignalMonths: 'twaalf',
          closedAccountMonths: '0',
        },
        says: [
          /Vul bij de bewaartermijn van persoonsgebonden signalen een aantal maanden in/,
          /Vul bij de bewaartermijn van gesloten accounts een aantal maanden in/,
        ],
        keeps: 'Gemeente Voorbeeld',
      },
      {
        url: '/beheer/mail',
        form: { to: 'niet-een-adres' },
        says: [/Vul bij het e-mailadres voor de proefmail een geldig e-mailadres in/],
        keeps: 'niet-een-adres',
      },
    ];
    for (const c of cases) {
      const res = await admin.post(c.url, c.form, { from: c.url.replace(/\/coordinator$/, '') });
      assert.equal(res.statusCode, 400, `${c.url}: ${res.statusCode}`);
      assert.match(res.body, /<title>Fout: /, c.url);
      assert.match(res.body, /id="error-summary"/, c.url);
      for (const message of c.says) assert.match(res.body, message, `${c.url}: ${message}`);
      if (c.keeps) assert.ok(res.body.includes(c.keeps), `${c.url} keeps ${c.keeps}`);
    }
    // A coordinator's own settings form follows the same pattern.
    const coordinatorForm = await clients
      .get('coordinator')!
      .post(
        `/netwerk/${world.networks.a.id}/instellingen`,
        { description: 'Blijft staan', contactEmail: 'fout@' },
        { from: `/netwerk/${world.networks.a.id}/instellingen` },
      );
    assert.equal(coordinatorForm.statusCode, 400);
    assert.match(
      coordinatorForm.body,
      /Vul bij het e-mailadres voor contact een geldig e-mailadres in/,
    );
    assert.match(coordinatorForm.body, /Blijft staan/);
    assert.equal(await snapshot(t), before);
  });

  test('the same new slug posted ten times at once: one region, nine forms back with the reason, no 500', async () => {
    const admin = clients.get('admin')!;
    await admin.get('/beheer/regios');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        admin.post('/beheer/regios', { name: 'Tegelijk', slug: 'tegelijk' }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, ...Array(9).fill(400)]);
    for (const a of answers.filter((x) => x.statusCode === 400)) {
      assert.match(a.body, /Dit webadres is al in gebruik/);
    }
    const found = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from regions where slug = 'tegelijk'`,
    );
    assert.equal(found[0]!.n, 1);
  });

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
    const mail = await rows<{ body: string }>(
      t,
      sql`select body from outbox where recipient = ${person.email} order by id desc limit 1`,
    );
    assert.match(mail[0]!.body, /wachtwoord-herstellen\?token=/);
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
