// Input and output (docs/quality.md): XSS payloads in every text a person can set that a page shows
// (display name, letter addressee, invitee address; network name, description, contact and
// organisation name as an administrator enters them), on every page that shows them, members'
// and admin and audit pages too: never unescaped, and shown escaped where the value belongs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
/** Both markup payloads; a letter in front tells the fields apart. 57 characters. */
const payload = (field: string) => `${field}${SCRIPT}${IMG}`;

const networkName = payload('N');
const description = payload('D');
const organisationName = payload('O');
const address = payload('W');
const displayName = payload('U');
const addressee = payload('L');
/** Accepted by the e-mail check, and still with a quote in it. */
const oddEmail = "o'neil'+script-alert-1@xss.example";

/** What the markup payloads must never look like in a page. */
const RAW = ['<script>alert(1)', '<img src=x onerror', 'href="javascript:', 'src="javascript:'];

/** A value as Preact writes it into text: the form that must appear where it is shown. */
function escaped(value: string): string {
  return renderToString(h('b', null, value)).slice('<b>'.length, -'</b>'.length);
}

function assertSafe(page: string, html: string, shown: string[]): void {
  for (const raw of RAW) assert.ok(!html.includes(raw), `${page}: unescaped ${raw}`);
  for (const value of shown) {
    assert.ok(html.includes(escaped(value)), `${page}: ${value} is not shown (escaped)`);
  }
}

describe('XSS payloads in every field, on every page that shows them', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let a: number;
  let slug: string;
  let coordinator: TestClient;
  let member: TestClient;
  let admin: TestClient;
  let letterHtml = '';
  let membersBeforeAcceptance = '';
  let invitePage = '';

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    a = world.networks.a.id;
    slug = world.networks.a.slug;
    // As an administrator enters them, straight into the tables.
    await t.database.db.execute(
      sql`update networks set name = ${networkName}, description = ${`${description}\n\n${SCRIPT}`},
          contact_email = ${JS}, contact_phone = ${JS}, contact_address = ${address}
          where id = ${a}`,
    );
    await t.database.db.execute(
      sql`update organisations set name = ${organisationName}
          where id = ${world.networks.a.organisationId}`,
    );

    coordinator = new TestClient(t.app, '10.30.0.1');
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    const invite = await coordinator.get(`/netwerk/${a}/uitnodigen`);
    assert.equal(invite.statusCode, 200);
    invitePage = invite.body;
    // A letter for a professional of the (payload-named) organisation.
    const letter = await coordinator.post(`/netwerk/${a}/uitnodigen`, {
      kind: 'letter',
      role: 'professional',
      organisationId: String(world.networks.a.organisationId),
      addressee,
    });
    assert.equal(letter.statusCode, 200);
    letterHtml = letter.body;
    const code = /class="bk-letter__code">([^<]+)</.exec(letterHtml)?.[1];
    assert.ok(code);
    // E-mail invitations: one to an odd but valid address, one to the administrator.
    for (const email of [oddEmail, world.people.admin.email!]) {
      const sent = await coordinator.post(
        `/netwerk/${a}/uitnodigen`,
        { kind: 'email', role: 'resident', email },
        { from: `/netwerk/${a}/uitnodigen` },
      );
      assert.equal(sent.statusCode, 303);
    }
    const membersPage = await coordinator.get(`/netwerk/${a}/leden`);
    assert.equal(membersPage.statusCode, 200);
    membersBeforeAcceptance = membersPage.body;

    // The addressee accepts, choosing a payload as display name, listed on the public page.
    member = new TestClient(t.app, '10.30.0.2');
    await member.get(`/uitnodiging?code=${encodeURIComponent(code)}`);
    const accepted = await member.post('/uitnodiging', {
      code,
      displayName,
      username: 'xss-lid',
      password: 'een-goed-wachtwoord-77',
      listed: 'on',
    });
    assert.equal(accepted.statusCode, 303);

    // The administrator joins A through the e-mailed link, so A shows in their header too.
    const [mail] = await rows<{ body: string }>(
      t,
      sql`select body from outbox where recipient = ${world.people.admin.email}`,
    );
    const token = /code=([\w-]+)/.exec(mail!.body)![1]!;
    admin = new TestClient(t.app, '10.30.0.3');
    await admin.get(`/uitnodiging?code=${token}`);
    const joined = await admin.post('/uitnodiging', { code: token, password: TEST_PASSWORD });
    assert.equal(joined.statusCode, 303);
  });
  after(() => t.close());

  test("coordinator's pages: invite form, letter, members with open invitations, audit log", async () => {
    assertSafe('invite form', invitePage, [networkName, organisationName]);
    assertSafe('letter', letterHtml, [networkName, addressee]);
    assertSafe('members with open invitations', membersBeforeAcceptance, [networkName]);
    assert.ok(membersBeforeAcceptance.includes(oddEmail), 'the odd address is listed');
    // After acceptance the letter is no longer open; the new member is listed.
    const members = await coordinator.get(`/netwerk/${a}/leden`);
    assert.equal(members.statusCode, 200);
    assertSafe('members', members.body, [networkName, displayName, organisationName]);
    const log = await coordinator.get(`/netwerk/${a}/logboek`);
    assert.equal(log.statusCode, 200);
    assertSafe('network audit log', log.body, [networkName]);
  });

  test('the open letter invitation shows its addressee escaped on the members page', async () => {
    const second = await coordinator.post(
      `/netwerk/${a}/uitnodigen`,
      { kind: 'letter', role: 'resident', addressee },
      { from: `/netwerk/${a}/uitnodigen` },
    );
    assert.equal(second.statusCode, 200);
    assertSafe('second letter', second.body, [addressee]);
    const members = await coordinator.get(`/netwerk/${a}/leden`);
    assert.equal(members.statusCode, 200);
    assertSafe('members with an open letter', members.body, [addressee, displayName]);
  });

  test("the member's own pages and the header user bar", async () => {
    for (const path of ['/netwerk', `/netwerk/${a}`, `/netwerk/${a}/leden`, '/mijn-gegevens']) {
      const res = await member.get(path);
      assert.equal(res.statusCode, 200, path);
      assertSafe(path, res.body, [networkName, displayName]);
    }
  });

  test('public pages: the directory and the network page', async () => {
    const visitor = new TestClient(t.app, '10.30.0.4');
    for (const client of [visitor, member]) {
      const directory = await client.get('/buurten');
      assert.equal(directory.statusCode, 200);
      assertSafe('/buurten', directory.body, [networkName, description]);
      const page = await client.get(`/buurt/${slug}`);
      assert.equal(page.statusCode, 200);
      assertSafe(`/buurt/${slug}`, page.body, [
        networkName,
        description,
        SCRIPT,
        address,
        organisationName,
        displayName,
        JS,
      ]);
      assert.ok(!/href=["']?\s*javascript:/i.test(page.body), 'no javascript: links');
    }
  });

  test('the invitation page names the network escaped', async () => {
    await coordinator.get(`/netwerk/${a}/uitnodigen`);
    const letter = await coordinator.post(`/netwerk/${a}/uitnodigen`, {
      kind: 'letter',
      role: 'resident',
    });
    const code = /class="bk-letter__code">([^<]+)</.exec(letter.body)![1]!;
    const visitor = new TestClient(t.app, '10.30.0.5');
    const page = await visitor.get(`/uitnodiging?code=${encodeURIComponent(code)}`);
    assert.equal(page.statusCode, 200);
    assertSafe('/uitnodiging', page.body, [networkName]);
  });

  test("a leader's overview of the networks in their municipality", async () => {
    const leader = new TestClient(t.app, '10.30.0.6');
    await leader.login(world.people.leader.email!, TEST_PASSWORD);
    const page = await leader.get('/netwerk');
    assert.equal(page.statusCode, 200);
    assertSafe("leader's /netwerk", page.body, [networkName]);
  });

  test('admin pages: the audit log and the outbox', async () => {
    const log = await admin.get('/beheer/logboek');
    assert.equal(log.statusCode, 200);
    assertSafe('/beheer/logboek', log.body, [networkName]);
    const outbox = await admin.get('/beheer/uitgaande-mail');
    assert.equal(outbox.statusCode, 200);
    assertSafe('/beheer/uitgaande-mail', outbox.body, [networkName]);
    assert.ok(outbox.body.includes(oddEmail), 'the odd address is shown');
  });

  test('forms that show the typed values again after an error escape them', async () => {
    const visitor = new TestClient(t.app, '10.30.0.7');
    await visitor.get('/inloggen');
    const login = await visitor.post('/inloggen', { identifier: displayName, password: 'x' });
    assert.equal(login.statusCode, 400);
    assertSafe('login form', login.body, []);

    const invite = await coordinator.post(
      `/netwerk/${a}/uitnodigen`,
      { kind: 'email', role: 'resident', email: `${IMG}@xss.example`, addressee },
      { from: `/netwerk/${a}/uitnodigen` },
    );
    assert.equal(invite.statusCode, 400, 'a payload is no e-mail address');
    assertSafe('invite form with errors', invite.body, []);

    await coordinator.get(`/netwerk/${a}/uitnodigen`);
    const letter = await coordinator.post(`/netwerk/${a}/uitnodigen`, {
      kind: 'letter',
      role: 'resident',
    });
    const code = /class="bk-letter__code">([^<]+)</.exec(letter.body)![1]!;
    await visitor.get('/uitnodiging');
    const accept = await visitor.post('/uitnodiging', {
      code,
      displayName,
      username: IMG,
      password: 'kort',
    });
    assert.equal(accept.statusCode, 400);
    assertSafe('accept form with errors', accept.body, [networkName]);
  });
});
