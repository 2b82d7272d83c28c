// The administration: who may use it (every /beheer route × every other role; a network's
// own settings by the one refusal rule), that it shows nobody's person-bound signals or
// reflections, bad input (400, a Dutch message naming the field, the input kept, nothing
// saved), closing accounts, and the CSV import's all-or-nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { libraryModule } from '#src/modules/library/index.js';
import { signals } from '#src/modules/signals/tables.js';
import { roles, signedInWorld, snapshot, type World } from '#test/helpers/admin.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';

describe('the administration', () => {
  let t: TestApp;
  let world: World;
  let clients: Map<string, TestClient>;

  before(async () => {
    t = await createTestApp();
    ({ world, clients } = await signedInWorld(t));
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
      .insert(libraryModule.tables.reflections)
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
});
