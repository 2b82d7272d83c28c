// Issue 11, "what it must show": from an empty database in production mode, through the
// command line and the administration screens only, a region, a municipality, two areas, two
// networks, an organisation, a coordinator (by invitation) and a leader are set up; then the
// coordinator invites a resident, and the resident signs in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { adminMain } from '#src/cli/admin.js';
import { createTestApp, type TestApp, TestClient, testConfig } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { lastMailTo } from '#test/helpers/mail.js';

const PUBLIC_URL = 'https://buurtkracht.test';
const production = { NODE_ENV: 'production', PUBLIC_URL };

/** Runs a command of the command line on the test database; what it printed, and its status. */
async function cli(t: TestApp, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const [command, ...rest] = args;
  const status = await adminMain(
    command!,
    rest,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { config: testConfig(production), database: t.database },
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** The last mail to an address, from the outbox (no mail server in tests). */
async function mailBodyTo(t: TestApp, address: string): Promise<string> {
  const found = await lastMailTo(t, address);
  assert.ok(found, `a mail to ${address}`);
  return found.body;
}

/** The path and query of the first link to this site in a text. */
function linkIn(text: string): string {
  const match = new RegExp(`${PUBLIC_URL}(/[^\\s]+)`).exec(text);
  assert.ok(match, `a link in: ${text}`);
  return match[1]!;
}

/** The id in a path such as /beheer/regios/3, from a redirect's location. */
async function idOfRow(t: TestApp, table: string, column: string, value: string) {
  const found = await rows<{ id: number }>(
    t,
    sql`select id from ${sql.identifier(table)} where ${sql.identifier(column)} = ${value}`,
  );
  assert.equal(found.length, 1, `${table} ${value}`);
  return found[0]!.id;
}

describe('a new installation, set up through the command line and /beheer only', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(production);
  });
  after(() => t.close());

  test('first administrator, places, networks, organisation, coordinator, leader, resident', async () => {
    // Nothing there: no networks, no account.
    const visitor = new TestClient(t.app, '10.1.0.1');
    assert.match((await visitor.get('/buurten')).body, /nog geen buurtnetwerken/);
    const people = await rows<{ n: number }>(t, sql`select count(*)::int as n from people`);
    assert.equal(people[0]!.n, 0);
    // The administration is not reachable before anyone can sign in.
    const closed = await visitor.get('/beheer');
    assert.equal(closed.statusCode, 303);
    assert.match(String(closed.headers.location), /^\/inloggen/);

    // 1. The command line makes the first administrator and prints a one-time set-up link.
    const created = await cli(t, 'admin', 'create', '--email', 'Beheer@Gemeente.example', '--link');
    assert.equal(created.status, 0, created.err);
    assert.match(created.out, /Administrator beheer@gemeente\.example created/);
    const setup = linkIn(created.out);
    const listed = await cli(t, 'admin', 'list');
    assert.match(listed.out, /beheer@gemeente\.example\t.*\tno password yet/);

    const admin = new TestClient(t.app, '10.1.0.2');
    assert.equal((await admin.get(setup)).statusCode, 200);
    const token = new URL(setup, PUBLIC_URL).searchParams.get('token')!;
    const chosen = await admin.post('/wachtwoord-herstellen', {
      token,
      password: 'regenboog-brug-2026',
    });
    assert.equal(chosen.statusCode, 303);
    // The link works once.
    assert.equal((await admin.get(setup)).statusCode, 400);
    await admin.login('beheer@gemeente.example', 'regenboog-brug-2026');
    assert.equal((await admin.get('/beheer')).statusCode, 200);

    // 2. Places: a region, a municipality, two areas.
    const post = async (url: string, form: Record<string, string | string[]>) => {
      const res = await admin.post(url, form, { from: url.replace(/\/\d+\/coordinator$/, '') });
      assert.equal(res.statusCode, 303, `${url}: ${res.statusCode}\n${res.body.slice(0, 3000)}`);
      return res;
    };
    await post('/beheer/regios', { name: 'Achterhoek', slug: 'achterhoek' });
    const regionId = await idOfRow(t, 'regions', 'slug', 'achterhoek');
    await post('/beheer/gemeenten', {
      name: 'Oost Gelre',
      slug: 'oost-gelre',
      regionId: String(regionId),
    });
    const municipalityId = await idOfRow(t, 'municipalities', 'slug', 'oost-gelre');
    await post('/beheer/gebieden', {
      name: 'Groenlo',
      slug: 'groenlo',
      kind: 'kern',
      municipalityId: String(municipalityId),
    });
    await post('/beheer/gebieden', {
      name: 'Harreveld',
      slug: 'harreveld',
      kind: 'dorp',
      municipalityId: String(municipalityId),
    });
    const groenlo = await idOfRow(t, 'areas', 'slug', 'groenlo');
    const harreveld = await idOfRow(t, 'areas', 'slug', 'harreveld');

    // 3. Two networks, one public with contact details, one not public.
    await post('/beheer/netwerken', {
      areaId: String(groenlo),
      name: 'Buurtnetwerk Groenlo',
      description: 'Bewoners en professionals in Groenlo.',
      contactEmail: 'groenlo@netwerk.example',
      contactPhone: '0544 123 456',
      contactAddress: 'Markt 1, Groenlo',
      isPublic: 'on',
    });
    await post('/beheer/netwerken', {
      areaId: String(harreveld),
      name: 'Dorpsnetwerk Harreveld',
      description: '',
    });
    const groenloNetwork = await idOfRow(t, 'networks', 'name', 'Buurtnetwerk Groenlo');
    const harreveldNetwork = await idOfRow(t, 'networks', 'name', 'Dorpsnetwerk Harreveld');

    // 4. An organisation in both networks.
    await post('/beheer/organisaties', {
      name: 'Welzijn Oost Gelre',
      type: 'welfare',
      website: 'https://welzijn.example',
      networkIds: [String(groenloNetwork), String(harreveldNetwork)],
    });
    const links = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from network_organisations`,
    );
    assert.equal(links[0]!.n, 2);

    // The public directory shows the public network only.
    const directory = await visitor.get('/buurten');
    assert.match(directory.body, /Buurtnetwerk Groenlo/);
    assert.doesNotMatch(directory.body, /Dorpsnetwerk Harreveld/);
    const page = await visitor.get('/buurt/groenlo');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /0544 123 456/);
    assert.match(page.body, /Welzijn Oost Gelre/);
    assert.equal((await visitor.get('/buurt/harreveld')).statusCode, 404);

    // 5. The first coordinator, by invitation.
    await post(`/beheer/netwerken/${groenloNetwork}/coordinator`, {
      email: 'coordinator@welzijn.example',
    });
    const invitation = linkIn(await mailBodyTo(t, 'coordinator@welzijn.example'));
    const waiting = await admin.get(`/beheer/netwerken/${groenloNetwork}`);
    assert.match(waiting.body, /Uitnodigingen die nog open staan/);
    assert.match(waiting.body, /coordinator@welzijn\.example/);
    const coordinator = new TestClient(t.app, '10.1.0.3');
    assert.equal((await coordinator.get(invitation)).statusCode, 200);
    const code = new URL(invitation, PUBLIC_URL).searchParams.get('code')!;
    const accepted = await coordinator.post('/uitnodiging', {
      code,
      displayName: 'Carla Coördinator',
      password: 'zonnebloem-markt-88',
    });
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 2000));
    assert.equal(accepted.headers.location, `/netwerk/${groenloNetwork}`);
    // The administration sees the coordinator, and offers no second first invitation.
    const networkPage = await admin.get(`/beheer/netwerken/${groenloNetwork}`);
    assert.match(networkPage.body, /Carla Coördinator/);
    assert.doesNotMatch(networkPage.body, /name="email"/);
    assert.doesNotMatch(networkPage.body, /Uitnodigingen die nog open staan/);

    // 6. A leader of the municipality: an account with a mailed link to choose a password.
    await post('/beheer/bestuurders', {
      email: 'wethouder@gemeente.example',
      displayName: 'Wim Wethouder',
      scope: `m${municipalityId}`,
    });
    const leaderLink = linkIn(await mailBodyTo(t, 'wethouder@gemeente.example'));
    const leader = new TestClient(t.app, '10.1.0.4');
    await leader.get(leaderLink);
    const leaderPassword = await leader.post('/wachtwoord-herstellen', {
      token: new URL(leaderLink, PUBLIC_URL).searchParams.get('token')!,
      password: 'kastanje-plein-704',
    });
    assert.equal(leaderPassword.statusCode, 303);
    await leader.login('wethouder@gemeente.example', 'kastanje-plein-704');
    const leaderView = await leader.get('/netwerk');
    assert.equal(leaderView.statusCode, 200);
    assert.match(leaderView.body, /Buurtnetwerk Groenlo/);
    assert.match(leaderView.body, /Dorpsnetwerk Harreveld/);

    // 7. The coordinator edits the network's own details and invites a resident.
    const settings = await coordinator.post(
      `/netwerk/${groenloNetwork}/instellingen`,
      {
        description: 'Samen maken we Groenlo sterker.',
        contactEmail: 'groenlo@netwerk.example',
        contactPhone: '0544 654 321',
        contactAddress: 'Markt 1, Groenlo',
        isPublic: 'on',
      },
      { from: `/netwerk/${groenloNetwork}/instellingen` },
    );
    assert.equal(settings.statusCode, 303);
    assert.match((await visitor.get('/buurt/groenlo')).body, /0544 654 321/);
    const invited = await coordinator.post(
      `/netwerk/${groenloNetwork}/uitnodigen`,
      { kind: 'email', email: 'bewoner@groenlo.example', role: 'resident' },
      { from: `/netwerk/${groenloNetwork}/uitnodigen` },
    );
    assert.equal(invited.statusCode, 303);

    // 8. The resident accepts and is signed in; later signs in again with the password.
    const residentLink = linkIn(await mailBodyTo(t, 'bewoner@groenlo.example'));
    const resident = new TestClient(t.app, '10.1.0.5');
    await resident.get(residentLink);
    const joined = await resident.post('/uitnodiging', {
      code: new URL(residentLink, PUBLIC_URL).searchParams.get('code')!,
      displayName: 'Ria Bewoner',
      password: 'vlinder-tuin-5531',
    });
    assert.equal(joined.statusCode, 303);
    const home = await resident.get(`/netwerk/${groenloNetwork}`);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Ria Bewoner/);
    const again = new TestClient(t.app, '10.1.0.6');
    await again.login('bewoner@groenlo.example', 'vlinder-tuin-5531');
    assert.equal((await again.get(`/netwerk/${groenloNetwork}`)).statusCode, 200);

    // Everything the administrator did is in the audit log.
    const actions = await rows<{ action: string }>(
      t,
      sql`select distinct action from audit_log where result = 'ok' and action like 'admin.%'`,
    );
    const done = new Set(actions.map((a) => a.action));
    for (const action of [
      'admin.account.create',
      'admin.account.resetLink',
      'admin.region.save',
      'admin.municipality.save',
      'admin.area.save',
      'admin.network.create',
      'admin.organisation.save',
      'admin.leader.add',
    ]) {
      assert.ok(done.has(action), action);
    }
  });
});
