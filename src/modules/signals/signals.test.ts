import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { checkTransition, hasDuo } from './policy.js';
import { personalDetails } from './privacy.js';
import { ANONYMISED } from './repository/index.js';
import { signalFollowers, signals } from './tables.js';

const signalForm = (title: string, extra: Record<string, string> = {}) => ({
  title,
  description: 'Meer uitleg',
  theme: 'social_isolation',
  place: 'Het pleintje bij de school',
  trigger: 'De koelkast ging kapot',
  raisedBy: 'resident',
  origin: 'meeting',
  ...extra,
});

describe('signals', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;
  const base = () => `/netwerk/${a()}/signalen`;

  async function create(who: string, title: string, extra: Record<string, string> = {}) {
    const c = clients[who]!;
    await c.get(`${base()}/nieuw`);
    const r = await c.post(`${base()}/nieuw`, signalForm(title, extra));
    assert.equal(r.statusCode, 303, r.body.slice(0, 500));
    return Number(/signalen\/(\d+)$/.exec(String(r.headers.location))![1]);
  }

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const p = world.people;
    for (const [name, person] of Object.entries({
      resident: p.resident,
      professional: p.professional,
      coordinator: p.coordinator,
      council: p.council,
      leader: p.leader,
      admin: p.admin,
      coordinatorB: p.coordinatorB,
    })) {
      const c = new TestClient(t.app);
      await c.login(person.email!, TEST_PASSWORD);
      clients[name] = c;
    }
    const resident2 = await createPerson(t.database.db, {
      memberOf: [{ networkId: world.networks.a.id, role: 'resident' }],
    });
    clients.resident2 = new TestClient(t.app);
    await clients.resident2.login(resident2.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  test('pure rules: the duo and the status flow (closed is final: no reopening)', () => {
    assert.equal(hasDuo(['resident']), false);
    assert.equal(hasDuo(['professional', 'coordinator']), false);
    assert.equal(hasDuo(['council', 'coordinator']), true);
    assert.equal(hasDuo(['resident', 'professional']), true);
    assert.equal(checkTransition('new', 'taken_up', ['professional'], undefined), 'noDuo');
    assert.equal(
      checkTransition('new', 'taken_up', ['resident', 'professional'], undefined),
      undefined,
    );
    assert.equal(
      checkTransition('new', 'followed_up', ['resident', 'professional'], undefined),
      'notAllowed',
    );
    assert.equal(checkTransition('new', 'closed', ['resident', 'professional'], 'x'), 'notAllowed');
    assert.equal(checkTransition('taken_up', 'new', [], undefined), 'notAllowed');
    assert.equal(checkTransition('followed_up', 'closed', [], '  '), 'outcomeRequired');
    assert.equal(checkTransition('followed_up', 'closed', [], 'Opgelost'), undefined);
    assert.equal(
      checkTransition('closed', 'new', ['resident', 'professional'], undefined),
      'notAllowed',
    );
    assert.equal(
      checkTransition('closed', 'taken_up', ['resident', 'professional'], undefined),
      'notAllowed',
    );
  });

  test('an empty new-signal form names every field it misses, with the fitting verb', async () => {
    const c = clients.professional!;
    await c.get(`${base()}/nieuw`);
    const r = await c.post(`${base()}/nieuw`, {});
    assert.equal(r.statusCode, 400);
    for (const message of [
      'Vul de titel in.',
      'Kies een thema.',
      'Kies wie het inbracht.',
      'Kies waar het vandaan kwam.',
    ]) {
      assert.ok(r.body.includes(message), message);
    }
    assert.ok(!r.body.includes('Vul dit veld in.'));
  });

  test('a signal goes new → taken up (only with a duo) → followed up → closed (with an outcome)', async () => {
    const id = await create('professional', 'Koelkast van de buurtkamer is kapot');
    const detail = `${base()}/${id}`;
    const pro = clients.professional!;
    let page = await pro.get(detail);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nieuw/);
    // Only the professional follows it: no duo yet.
    let r = await pro.post(`${detail}/status`, { to: 'taken_up' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /minstens één bewoner en één professional/);
    // A resident may not change the status before joining.
    r = await clients.resident!.post(`${detail}/status`, { to: 'taken_up' }, { from: detail });
    assert.equal(r.statusCode, 403);
    r = await clients.resident!.post(`${detail}/duo`, {}, { from: detail });
    assert.equal(r.statusCode, 303);
    // Skipping a step is refused.
    r = await pro.post(`${detail}/status`, { to: 'closed', outcome: 'Klaar' }, { from: detail });
    assert.equal(r.statusCode, 400);
    r = await pro.post(`${detail}/status`, { to: 'taken_up' }, { from: detail });
    assert.equal(r.statusCode, 303);
    r = await pro.post(`${detail}/status`, { to: 'new' }, { from: detail });
    assert.equal(r.statusCode, 400, 'no going back');
    r = await clients.resident!.post(`${detail}/status`, { to: 'followed_up' }, { from: detail });
    assert.equal(r.statusCode, 303, 'a duo member moves it on');
    r = await pro.post(`${detail}/status`, { to: 'closed', outcome: '' }, { from: detail });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Schrijf de uitkomst op/);
    r = await clients.coordinator!.post(
      `${detail}/status`,
      { to: 'closed', outcome: 'Nieuwe koelkast via de kringloop' },
      { from: detail },
    );
    assert.equal(r.statusCode, 303, 'the coordinator may close it');
    r = await pro.post(`${detail}/status`, { to: 'new' }, { from: detail });
    assert.equal(r.statusCode, 400, 'a closed signal is not reopened');
    page = await pro.get(detail);
    assert.match(page.body, /Nieuwe koelkast via de kringloop/);
    assert.match(page.body, /Status gewijzigd naar “Afgesloten”/);
    // An update in the thread.
    r = await clients.council!.post(
      `${detail}/bericht`,
      { text: 'Mooi gedaan!' },
      { from: detail },
    );
    assert.equal(r.statusCode, 303);
    r = await clients.council!.post(`${detail}/bericht`, { text: '' }, { from: detail });
    assert.equal(r.statusCode, 400);
    assert.match((await pro.get(detail)).body, /Mooi gedaan!/);
  });

  test('person-bound signals: only the duo and the coordinator; every read is audited', async () => {
    const id = await create('professional', 'Meneer zit veel alleen', { personBound: 'on' });
    const detail = `${base()}/${id}`;
    // The professional adds a resident to the duo.
    await clients.professional!.get(detail);
    const r = await clients.professional!.post(`${detail}/duo/toevoegen`, {
      personId: String(world.people.resident.id),
    });
    assert.equal(r.statusCode, 303);
    const expected: Record<string, boolean> = {
      professional: true,
      resident: true,
      coordinator: true,
      council: false,
      resident2: false,
      admin: false,
      leader: false,
      coordinatorB: false,
    };
    for (const [who, sees] of Object.entries(expected)) {
      const c = clients[who]!;
      const page = await c.get(detail);
      assert.equal(page.statusCode, sees ? 200 : 404, `${who} on the detail page`);
      const list = await c.get(base());
      if (who === 'leader' || who === 'coordinatorB') {
        assert.equal(list.statusCode, 404, `${who} has no list`);
        continue;
      }
      assert.equal(list.statusCode, 200);
      assert.equal(list.body.includes('Meneer zit veel alleen'), sees, `${who} in the list`);
      if (!sees) assert.match(list.body, /1 persoonsgebonden signaal\./);
      const pattern = await c.get(`${base()}/patroon`);
      assert.equal(pattern.statusCode, 200);
      assert.ok(!pattern.body.includes('Meneer zit veel alleen'));
    }
    const reads = await rows<{ actor_id: number; result: string }>(
      t,
      sql`select actor_id, result from audit_log where action = 'signal.read.personal' and object_id = ${String(id)} order by id`,
    );
    // Every read, including the professional's first one before the resident was added.
    assert.equal(reads.length, 4);
    assert.deepEqual(
      [...new Set(reads.map((x) => x.actor_id))].sort(),
      [world.people.professional.id, world.people.resident.id, world.people.coordinator.id].sort(),
    );
    const denied = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_log where action = 'signal.read' and result = 'denied' and object_id = ${String(id)}`,
    );
    assert.ok(denied[0]!.n >= 3);
  });

  test('the form warns about phone numbers, email addresses and house numbers; sending again saves', async () => {
    assert.deepEqual(personalDetails('Bel 06-12345678'), ['phone']);
    assert.deepEqual(personalDetails('+31 10 123 4567'), ['phone']);
    assert.deepEqual(personalDetails('mail piet@example.nl'), ['email']);
    assert.deepEqual(personalDetails('Dorpsstraat 12'), ['houseNumber']);
    assert.deepEqual(personalDetails('op nr 12'), ['houseNumber']);
    assert.deepEqual(personalDetails('De koelkast ging kapot in 2024'), []);
    const c = clients.resident!;
    await c.get(`${base()}/nieuw`);
    const first = await c.post(
      `${base()}/nieuw`,
      signalForm('Lekkage', { place: 'Dorpsstraat 12', description: 'Bel 0612345678' }),
    );
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /telefoonnummer/);
    assert.match(first.body, /huisnummer/);
    assert.match(first.body, /value="Dorpsstraat 12"/);
    const confirmed = await c.post(
      `${base()}/nieuw`,
      signalForm('Lekkage', {
        place: 'Dorpsstraat 12',
        description: 'Bel 0612345678',
        bevestigd: /name="bevestigd" value="([^"]+)"/.exec(first.body)![1]!,
      }),
    );
    assert.equal(confirmed.statusCode, 303);
  });

  test('bad input: 400 with the error summary and the input kept', async () => {
    const c = clients.resident!;
    await c.get(`${base()}/nieuw`);
    const r = await c.post(
      `${base()}/nieuw`,
      signalForm('', { theme: 'bestaat-niet', place: 'Kerkplein' }),
    );
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /bk-error-summary/);
    assert.match(r.body, /value="Kerkplein"/);
  });

  test('filters with SQL fragments are ignored, never a 500', async () => {
    const c = clients.resident!;
    for (const q of [
      "status=' or 1=1 --",
      'thema=;drop table signals',
      'status=closed&thema=safety',
      'status[]=x&thema[a]=1',
      'thema=%00',
    ]) {
      const r = await c.get(`${base()}?${q}`);
      assert.equal(r.statusCode, 200, q);
    }
    const filtered = await c.get(`${base()}?status=closed`);
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /Koelkast van de buurtkamer/);
    assert.ok(!filtered.body.includes('Lekkage'));
    const counted = await rows<{ n: number }>(t, sql`select count(*)::int as n from signals`);
    assert.ok(counted[0]!.n > 0, 'the table is still there');
  });

  test('an XSS payload in every field comes back escaped', async () => {
    const x = '<script>alert(1)</script>';
    const id = await create('resident', x, { description: x, place: x, trigger: x });
    const page = await clients.resident!.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(x));
    assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    const list = await clients.resident!.get(base());
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(x));
  });

  test('a step back with a reason (audited), leaving a duo; the page says a coordinator counts as professional', async () => {
    const id = await create('professional', 'Bankje bij de vijver is weg');
    const detail = `${base()}/${id}`;
    const pro = clients.professional!;
    const resident2 = clients.resident2!;
    let r = await resident2.post(`${detail}/duo`, {}, { from: detail });
    assert.equal(r.statusCode, 303);
    r = await pro.post(`${detail}/status`, { to: 'taken_up' }, { from: detail });
    assert.equal(r.statusCode, 303);
    const page = await pro.get(detail);
    assert.match(page.body, /Een coördinator telt als professional/);
    // A step back needs a reason; the field is named and the input kept.
    r = await pro.post(`${detail}/status/terug`, { reason: '  ' }, { from: detail });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /Schrijf op waarom/);
    r = await pro.post(
      `${detail}/status/terug`,
      { reason: 'De bewoner wil eerst zelf met de gemeente praten' },
      { from: detail },
    );
    assert.equal(r.statusCode, 303);
    const after = await pro.get(detail);
    assert.match(after.body, /<dd class="bk-dl__value">Nieuw<\/dd>/);
    assert.match(after.body, /De bewoner wil eerst zelf met de gemeente praten/);
    const audit = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_log where action = 'signal.status.back' and object_id = ${String(id)}`,
    );
    assert.equal(audit[0]!.n, 1);
    // Nothing before "new".
    r = await pro.post(`${detail}/status/terug`, { reason: 'Nog verder' }, { from: detail });
    assert.equal(r.statusCode, 400);
    // Someone outside the duo cannot step it back or leave it.
    r = await clients.resident!.post(`${detail}/status/terug`, { reason: 'x' }, { from: detail });
    assert.equal(r.statusCode, 403);
    r = await clients.resident!.post(`${detail}/duo/verlaten`, {}, { from: detail });
    assert.equal(r.statusCode, 403);
    // A follower leaves the duo.
    r = await resident2.post(`${detail}/duo/verlaten`, {}, { from: detail });
    assert.equal(r.statusCode, 303);
    const left = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from signal_followers where signal_id = ${id}`,
    );
    assert.equal(left[0]!.n, 1);
  });

  test('the author and the coordinator edit a signal; earlier versions are kept and shown', async () => {
    const id = await create('professional', 'Lantaarn kapot');
    const detail = `${base()}/${id}`;
    const pro = clients.professional!;
    let page = await pro.get(`${detail}/bewerken`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Lantaarn kapot"/);
    let r = await pro.post(`${detail}/bewerken`, signalForm('', { title: '' }), {
      from: `${detail}/bewerken`,
    });
    assert.equal(r.statusCode, 400);
    r = await pro.post(`${detail}/bewerken`, signalForm('Lantaarnpaal bij het speelveld kapot'), {
      from: `${detail}/bewerken`,
    });
    assert.equal(r.statusCode, 303);
    page = await pro.get(detail);
    assert.match(page.body, /<h1[^>]*>Lantaarnpaal bij het speelveld kapot<\/h1>/);
    assert.match(page.body, /Eerdere versies/);
    assert.match(page.body, /Lantaarn kapot/);
    // The coordinator may edit too; another member may not.
    r = await clients.coordinator!.post(
      `${detail}/bewerken`,
      signalForm('Lantaarnpaal kapot (gemeld bij de gemeente)'),
      { from: `${detail}/bewerken` },
    );
    assert.equal(r.statusCode, 303);
    assert.equal((await clients.resident!.get(`${detail}/bewerken`)).statusCode, 403);
    r = await clients.resident!.post(`${detail}/bewerken`, signalForm('Anders'), { from: detail });
    assert.equal(r.statusCode, 403);
    const kept = await rows<{ title: string }>(
      t,
      sql`select title from signal_revisions where signal_id = ${id} order by id`,
    );
    assert.deepEqual(
      kept.map((k) => k.title),
      ['Lantaarn kapot', 'Lantaarnpaal bij het speelveld kapot'],
    );
  });

  test('an anonymised signal is one clear line with its theme and dates, and offers no actions', async () => {
    const db = t.database.db;
    const [row] = await db
      .insert(signals)
      .values({
        networkId: a(),
        title: ANONYMISED,
        description: ANONYMISED,
        place: ANONYMISED,
        trigger: ANONYMISED,
        outcome: ANONYMISED,
        theme: 'elderly',
        raisedBy: 'resident',
        origin: 'other',
        status: 'closed',
        personBound: true,
        createdAt: new Date('2025-01-06T10:00:00Z'),
        closedAt: new Date('2025-02-03T10:00:00Z'),
        anonymisedAt: new Date('2026-02-04T03:00:00Z'),
      })
      .returning();
    const id = row!.id;
    await db.insert(signalFollowers).values({
      networkId: a(),
      signalId: id,
      personId: world.people.professional.id,
      role: 'professional',
    });
    const coordinator = clients.coordinator!;
    const page = await coordinator.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Persoonsgebonden signaal, geanonimiseerd op 4 februari 2026/);
    assert.match(page.body, /Ouderen/);
    assert.match(page.body, /6 januari 2025/);
    assert.match(page.body, /3 februari 2025/);
    assert.ok(!page.body.includes(ANONYMISED), 'no "[geanonimiseerd]" placeholders');
    assert.doesNotMatch(page.body, /<form[^>]*method="post"[^>]*action="[^"]*\/signalen\/\d+\//);
    // The list shows the same words instead of the placeholder title.
    const list = await coordinator.get(base());
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(ANONYMISED));
    assert.match(list.body, /Persoonsgebonden signaal, geanonimiseerd/);
    // Nothing can be added to it any more.
    const post = await coordinator.post(
      `${base()}/${id}/bericht`,
      { text: 'Nog iets' },
      { from: `${base()}/${id}` },
    );
    assert.equal(post.statusCode, 403);
    const add = await coordinator.post(
      `${base()}/${id}/duo/toevoegen`,
      { personId: String(world.people.resident.id) },
      { from: `${base()}/${id}` },
    );
    assert.equal(add.statusCode, 403);
  });

  test('tenancy: a signal of network A through network B, and unknown ids, are 404', async () => {
    const id = await create('resident', 'Alleen voor A');
    const b = world.networks.b.id;
    const other = clients.coordinatorB!;
    assert.equal((await other.get(`/netwerk/${b}/signalen/${id}`)).statusCode, 404);
    assert.equal((await other.get(`/netwerk/${a()}/signalen/${id}`)).statusCode, 404);
    assert.equal((await other.get(`/netwerk/${b}/signalen/999999`)).statusCode, 404);
    assert.equal((await other.get(`/netwerk/${b}/signalen/abc`)).statusCode, 404);
    const r = await other.post(
      `/netwerk/${b}/signalen/${id}/duo`,
      {},
      { from: `/netwerk/${b}/signalen` },
    );
    assert.equal(r.statusCode, 404);
  });
});
