// The language of an invitation (issue 12 item 13): the inviter chooses it (Dutch unless
// chosen); the mail, the printed letter and a reprinted letter are in it whatever the
// coordinator's own interface language is, and the new account starts with it. The accept
// page is in the invitation's language for a visitor who chose none (a chosen one wins).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { letterCode } from '#test/helpers/invitations.js';
import { lastMailTo } from '#test/helpers/mail.js';

describe('the language of an invitation', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  /** A coordinator whose interface is Dutch (no language cookie). */
  let coordinator: TestClient;
  const a = () => world.networks.a.id;

  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://buurt.example.nl' });
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  const invite = (fields: Record<string, string>) =>
    coordinator.post(
      `/netwerk/${a()}/uitnodigen`,
      { kind: 'letter', email: '', addressee: '', role: 'resident', organisationId: '', ...fields },
      { from: `/netwerk/${a()}/uitnodigen` },
    );

  async function redeem(code: string, fields: Record<string, string>) {
    const invitee = new TestClient(t.app, '10.12.0.1');
    await invitee.get(`/uitnodiging?code=${encodeURIComponent(code)}`);
    return invitee.post('/uitnodiging', { code, password: 'een-lang-wachtwoord-42', ...fields });
  }

  test('the form offers the language, Dutch chosen unless the inviter picks another', async () => {
    const page = await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    assert.match(page.body, /Taal van de uitnodiging/);
    assert.match(page.body, /name="language" value="nl"[^>]*checked/);
    assert.match(page.body, /name="language" value="en"/);
    // The language's name is read in its own language (WCAG 3.1.2).
    assert.match(page.body, /<label[^>]*lang="en"[^>]*>English<\/label>/);
  });

  test('an English email invitation from a Dutch coordinator is written in English', async () => {
    const sent = await invite({
      kind: 'email',
      email: 'new.neighbour@test.example',
      language: 'en',
    });
    assert.equal(sent.statusCode, 303);
    const [mail] = await rows<{ subject: string; body: string }>(
      t,
      sql`select subject, body from outbox where recipient = 'new.neighbour@test.example'`,
    );
    assert.ok(mail);
    assert.equal(mail.subject, `Invitation to ${world.networks.a.name}`);
    assert.match(mail.body, /^Hello,/);
    assert.match(mail.body, /invites you to take part in/);
    assert.match(mail.body, /The link works for 30 days and only once:/);
    assert.match(mail.body, /https:\/\/buurt\.example\.nl\/uitnodiging\?code=/);
    assert.doesNotMatch(mail.body, /nodigt u uit|Goedendag/);
  });

  test('an email invitation without a choice is Dutch', async () => {
    await invite({ kind: 'email', email: 'nieuwe.buur@test.example' });
    const [mail] = await rows<{ subject: string; body: string }>(
      t,
      sql`select subject, body from outbox where recipient = 'nieuwe.buur@test.example'`,
    );
    assert.equal(mail?.subject, `Uitnodiging voor ${world.networks.a.name}`);
    assert.match(mail!.body, /nodigt u uit om mee te doen/);
    // It says the role, and what the link asks of someone without an account.
    assert.match(mail!.body, /op Buurtkracht, als bewoner\./);
    assert.match(mail!.body, /Via deze link kiest u een naam en een wachtwoord/);
  });

  test('an email invitation to an address that has an account asks for the password, not a new one', async () => {
    const existing = world.people.resident.email!;
    await invite({ kind: 'email', email: existing, language: 'en' });
    const mail = await lastMailTo(t, existing);
    assert.match(
      mail!.body,
      /You already have an account\. With this link you accept the invitation with your password\./,
    );
    assert.doesNotMatch(mail!.body, /choose a name and a password/);
    assert.match(mail!.body, /on Buurtkracht, as a resident\./);
  });

  test('an English letter from a Dutch coordinator: lang attribute, text and date in English; a reprint too', async () => {
    const letter = await invite({ addressee: 'Mr Smith', language: 'en' });
    assert.equal(letter.statusCode, 200);
    assert.match(letter.body, /<html lang="en"/);
    assert.match(letter.body, /Dear Mr Smith,/);
    assert.match(letter.body, new RegExp(`Invitation to ${world.networks.a.name}`));
    assert.match(letter.body, /valid until \d{1,2} [A-Z][a-z]+ \d{4}/);
    assert.doesNotMatch(letter.body, /Uw code|geldig tot|Beste /);
    const [row] = await rows<{ id: number; language: string }>(
      t,
      sql`select id, language from invitations where addressee = 'Mr Smith'`,
    );
    assert.equal(row?.language, 'en');
    const list = await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    assert.match(list.body, /<dt>Taal<\/dt><dd lang="en">English<\/dd>/);
    const reprint = await coordinator.post(`/netwerk/${a()}/uitnodigingen/${row!.id}/opnieuw`, {});
    assert.equal(reprint.statusCode, 200);
    assert.match(reprint.body, /<html lang="en"/);
    assert.match(reprint.body, /Dear Mr Smith,/);
    assert.notEqual(letterCode(reprint.body), letterCode(letter.body));
  });

  test('a Dutch letter from a coordinator whose interface is English stays Dutch', async () => {
    const english = new TestClient(t.app, '10.12.0.2');
    await english.login(world.people.coordinator.email!, TEST_PASSWORD);
    await english.post('/taal', { lang: 'en', back: '/' });
    const form = await english.get(`/netwerk/${a()}/uitnodigen`);
    assert.match(form.body, /Language of the invitation/);
    const letter = await english.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'letter',
      email: '',
      addressee: 'Mevrouw Jansen',
      role: 'resident',
      organisationId: '',
      language: 'nl',
    });
    assert.equal(letter.statusCode, 200);
    assert.match(letter.body, /<html lang="nl"/);
    assert.match(letter.body, /Beste Mevrouw Jansen,/);
    assert.match(letter.body, /geldig tot \d{1,2} [a-z]+ \d{4}/);
  });

  test('the new account starts in the invitation’s language, unless the invitee chooses another', async () => {
    const first = letterCode((await invite({ addressee: 'Ann', language: 'en' })).body);
    const form = await new TestClient(t.app, '10.12.0.3').get(`/uitnodiging?code=${first}`);
    assert.match(form.body, /name="language"/);
    assert.match(form.body, /<option value="en" selected/);
    const kept = await redeem(first, { displayName: 'Ann', username: 'ann-en' });
    assert.equal(kept.statusCode, 303);
    assert.match(String(kept.headers['set-cookie']), /lang=en/, 'the site goes on in English');
    const second = letterCode((await invite({ addressee: 'Bob', language: 'en' })).body);
    const changed = await redeem(second, {
      displayName: 'Bob',
      username: 'bob-nl',
      language: 'nl',
    });
    assert.equal(changed.statusCode, 303);
    const people = await rows<{ username: string; language: string | null }>(
      t,
      sql`select username, language from people where username in ('ann-en', 'bob-nl') order by username`,
    );
    assert.deepEqual(
      people.map((p) => [p.username, p.language]),
      [
        ['ann-en', 'en'],
        ['bob-nl', 'nl'],
      ],
    );
  });

  test('a language that is not offered: 400 naming the field, the input kept, nothing saved', async () => {
    const before = await rows<{ n: number }>(t, sql`select count(*)::int as n from invitations`);
    const refused = await invite({ kind: 'email', email: 'kept@test.example', language: 'de' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /id="error-summary"/);
    assert.match(refused.body, /de taal van de uitnodiging/);
    assert.match(refused.body, /value="kept@test\.example"/);
    const after = await rows<{ n: number }>(t, sql`select count(*)::int as n from invitations`);
    assert.equal(after[0]!.n, before[0]!.n);
    const code = letterCode((await invite({ addressee: 'Cor' })).body);
    const redeemRefused = await redeem(code, {
      displayName: 'Cor',
      username: 'cor-de',
      language: 'de',
    });
    assert.equal(redeemRefused.statusCode, 400);
    assert.match(redeemRefused.body, /de taal/);
    assert.match(redeemRefused.body, /value="cor-de"/);
  });

  /** The code in the link of the last mail to an address. */
  async function mailedCode(to: string): Promise<string> {
    const mail = await lastMailTo(t, to);
    const code = /uitnodiging\?code=([\w-]+)/.exec(mail?.body ?? '')?.[1];
    assert.ok(code, `a link in the mail to ${to}`);
    return code;
  }

  test('the accept page of an English invitation is English unless the visitor chose a language; the footer switch keeps the code', async () => {
    await invite({ kind: 'email', email: 'reader@test.example', language: 'en' });
    const url = `/uitnodiging?code=${await mailedCode('reader@test.example')}`;
    // No language cookie: the invitation's language.
    const visitor = new TestClient(t.app, '10.12.0.20');
    const page = await visitor.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en"/);
    assert.match(page.body, /<h1 class="utrecht-heading-1">Join a neighbourhood network<\/h1>/);
    // The footer's switch returns to this very page, code and all.
    assert.ok(page.body.includes(`name="back" value="${url}"`), 'the switch keeps the code');
    const switched = await visitor.post('/taal', { lang: 'nl', back: url });
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, url);
    const dutch = await visitor.get(url);
    assert.match(dutch.body, /<html lang="nl"/);
    assert.match(dutch.body, /Meedoen met een buurtnetwerk/);
    // A browser that chose Dutch before gets Dutch at once.
    const dutchReader = new TestClient(t.app, '10.12.0.21');
    dutchReader.setCookie('lang', 'nl');
    assert.match((await dutchReader.get(url)).body, /<html lang="nl"/);
  });

  test('on an English invitation’s accept page the errors and the welcome are English too', async () => {
    await invite({ kind: 'email', email: 'writer@test.example', language: 'en' });
    const code = await mailedCode('writer@test.example');
    const visitor = new TestClient(t.app, '10.12.0.22');
    await visitor.get(`/uitnodiging?code=${code}`);
    const refused = await visitor.post('/uitnodiging', {
      code,
      displayName: '',
      password: 'een-lang-wachtwoord-42',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<html lang="en"/);
    assert.match(refused.body, /<title>Error: /);
    assert.doesNotMatch(refused.body, /Vul /);
    const joined = await visitor.post('/uitnodiging', {
      code,
      displayName: 'Writer',
      password: 'een-lang-wachtwoord-42',
    });
    assert.equal(joined.statusCode, 303);
    const next = await visitor.get(String(joined.headers.location));
    assert.match(next.body, /<html lang="en"/);
    assert.match(next.body, new RegExp(`Welcome to ${world.networks.a.name}!`));
  });
});
