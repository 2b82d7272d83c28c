// One moderation page (issue 8 item 5, issue 12 item 1; decision 0009): what waits for
// publication — visitors' sparks, members' public sparks, signals from the public form — is
// listed together on /netwerk/:id/moderatie, oldest first and paged, and approved or refused
// there through the owning module's face.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { WAITING_PAGE_SIZE } from './routes-waiting.js';

describe('the moderation page: what waits for publication', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;
  const page = () => `/netwerk/${a()}/moderatie`;
  const decide = (kind: string, id: number, decision: 'publiceren' | 'afwijzen') =>
    `${page()}/wacht/${kind}/${id}/${decision}`;
  const ids = { visitorSpark: 0, memberSpark: 0, signal: 0 };

  /** Inserts a row at a given age (minutes ago), so the order is known. */
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    const [signal] = await rows<{ id: number }>(
      t,
      sql`insert into signals (network_id, title, description, place, theme, raised_by, origin, status, contact_email, created_at)
          values (${a()}, 'Losse tegels bij de school', 'Losse tegels bij de school, iemand viel bijna', 'Schoolplein', 'other', 'resident', 'public_page', 'pending', 'buur@example.org', ${minutesAgo(30)})
          returning id`,
    );
    const [visitor] = await rows<{ id: number }>(
      t,
      sql`insert into sparks (network_id, author_id, visitor_name, text, is_public, status, created_at)
          values (${a()}, null, 'Gerda', 'Gerda zag de buurtkamer vol kinderen', true, 'pending', ${minutesAgo(20)})
          returning id`,
    );
    const [member] = await rows<{ id: number }>(
      t,
      sql`insert into sparks (network_id, author_id, text, is_public, public_requested, status, created_at)
          values (${a()}, ${world.people.resident.id}, 'Mevrouw K. van nummer 7 kreeg hulp', false, true, 'published', ${minutesAgo(10)})
          returning id`,
    );
    ids.signal = signal!.id;
    ids.visitorSpark = visitor!.id;
    ids.memberSpark = member!.id;
  });
  after(() => t.close());

  test('lists the three sorts together, oldest first, with kind, author and the right forms', async () => {
    const response = await coordinator.get(page());
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h2[^>]*>Wacht op publicatie<\/h2>/);
    assert.match(html, /<h2[^>]*>Gemelde berichten<\/h2>/);
    const order = [
      html.indexOf('Losse tegels bij de school'),
      html.indexOf('Gerda zag de buurtkamer'),
      html.indexOf('Mevrouw K. van nummer 7'),
    ];
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)),
      `oldest first: ${order}`,
    );
    assert.match(html, /Melding voor een signaal: Losse tegels bij de school/);
    assert.match(html, /iemand via de openbare pagina \(buur@example\.org\)/);
    assert.match(html, /Van Gerda,/);
    assert.match(html, /3 berichten wachten/);
    // The signal is approved with a theme; the forms carry the CSRF token.
    assert.match(html, new RegExp(`id="field-choice-signal-${ids.signal}"`));
    assert.match(html, new RegExp(`action="${decide('spark', ids.memberSpark, 'afwijzen')}"`));
    assert.match(html, /name="_csrf"/);
    // The sparks' setting is here now, in one place.
    assert.match(html, new RegExp(`action="/netwerk/${a()}/vonkjes/instelling"`));
    // Filtered on one kind.
    const sparksOnly = (await coordinator.get(`${page()}?soort=spark`)).body;
    assert.doesNotMatch(sparksOnly, /Losse tegels bij de school/);
    assert.match(sparksOnly, /Gerda zag de buurtkamer/);
  });

  test('only the coordinators of that network; CSRF kept', async () => {
    assert.equal((await resident.get(page())).statusCode, 403);
    await resident.get(`/netwerk/${a()}`);
    assert.equal(
      (await resident.post(decide('spark', ids.visitorSpark, 'publiceren'), {})).statusCode,
      403,
    );
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    assert.equal((await other.get(page())).statusCode, 404);
    await other.get(`/netwerk/${world.networks.b.id}/moderatie`);
    assert.equal(
      (await other.post(decide('spark', ids.visitorSpark, 'publiceren'), {})).statusCode,
      404,
    );
    // Their own network's address with A's item: not found there either.
    const own = `/netwerk/${world.networks.b.id}/moderatie/wacht/signal/${ids.signal}/publiceren`;
    assert.equal((await other.post(own, {})).statusCode, 404);
    // Without the form's token: refused, nothing published.
    await coordinator.get(page());
    const forged = await coordinator.post(decide('spark', ids.visitorSpark, 'publiceren'), {
      _csrf: 'wrong',
    });
    assert.equal(forged.statusCode, 403);
    const [still] = await rows<{ status: string }>(
      t,
      sql`select status from sparks where id = ${ids.visitorSpark}`,
    );
    assert.equal(still!.status, 'pending');
  });

  test("refusing a member's spark needs a reason (400, input kept); with one the author is told", async () => {
    await coordinator.get(page());
    const empty = await coordinator.post(decide('spark', ids.memberSpark, 'afwijzen'), {
      reason: '  ',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Schrijf op waarom u het bericht afwijst/);
    assert.match(
      empty.body,
      new RegExp(`id="field-reason-spark-${ids.memberSpark}"[^>]*aria-invalid="true"`),
    );
    const [unchanged] = await rows<{ public_requested: boolean }>(
      t,
      sql`select public_requested from sparks where id = ${ids.memberSpark}`,
    );
    assert.equal(unchanged!.public_requested, true, 'nothing changed');
    const tooShort = await coordinator.post(decide('spark', ids.memberSpark, 'afwijzen'), {
      reason: 'Nee',
    });
    assert.equal(tooShort.statusCode, 400);
    assert.match(tooShort.body, />Nee<\/textarea>/);

    const reason = 'Noem geen buren met naam en huisnummer.';
    const done = await coordinator.post(decide('spark', ids.memberSpark, 'afwijzen'), { reason });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, page());
    const [after] = await rows<{ status: string; is_public: boolean; public_requested: boolean }>(
      t,
      sql`select status, is_public, public_requested from sparks where id = ${ids.memberSpark}`,
    );
    assert.deepEqual(after, { status: 'published', is_public: false, public_requested: false });
    const mail = await rows<{ recipient: string; body: string }>(
      t,
      sql`select recipient, body from outbox where subject like '%niet openbaar gemaakt%'`,
    );
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.recipient, world.people.resident.email);
    assert.match(mail[0]!.body, /Noem geen buren met naam en huisnummer/);
    assert.match(mail[0]!.body, /Mevrouw K\. van nummer 7/);
    const audit = await rows<{ action: string }>(
      t,
      sql`select action from audit_log where object_type = 'spark' and object_id = ${String(ids.memberSpark)} and result = 'ok'`,
    );
    assert.deepEqual(
      audit.map((x) => x.action),
      ['sparks.reject'],
    );
    // Refused again: it no longer waits.
    const again = await coordinator.post(decide('spark', ids.memberSpark, 'afwijzen'), { reason });
    assert.equal(again.statusCode, 404);
  });

  test('approving publishes: the visitor’s spark on the public page, the signal a new signal', async () => {
    await coordinator.get(`${page()}?soort=spark`);
    const sent = await coordinator.post(decide('spark', ids.visitorSpark, 'publiceren'), {
      soort: 'spark',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${page()}?soort=spark`);
    const publicPage = await new TestClient(t.app).get(`/buurt/${world.networks.a.slug}`);
    assert.match(publicPage.body, /Gerda zag de buurtkamer vol kinderen/);

    await coordinator.get(page());
    const approved = await coordinator.post(decide('signal', ids.signal, 'publiceren'), {
      choice: 'safety',
    });
    assert.equal(approved.statusCode, 303);
    const [signal] = await rows<{ status: string; theme: string }>(
      t,
      sql`select status, theme from signals where id = ${ids.signal}`,
    );
    assert.deepEqual(signal, { status: 'new', theme: 'safety' });
    const empty = await coordinator.get(page());
    assert.match(empty.body, /Er wacht niets op publicatie/);

    // A second coordinator's tab still shows the signal and decides it too: not found, but
    // the page says why and leads back to the moderation page (and nothing changes).
    const late = await coordinator.post(decide('signal', ids.signal, 'afwijzen'), {
      reason: 'Dubbel, al eerder gemeld.',
    });
    assert.equal(late.statusCode, 404);
    assert.match(late.body, /Misschien heeft een andere coördinator het net afgehandeld/);
    assert.match(late.body, new RegExp(`href="${page()}"`));
    const [after] = await rows<{ status: string }>(
      t,
      sql`select status from signals where id = ${ids.signal}`,
    );
    assert.equal(after!.status, 'new');
  });

  test('pages: the oldest first, page 2 holds the rest', async () => {
    const total = WAITING_PAGE_SIZE + 3;
    for (let i = 0; i < total; i++) {
      await t.database.db.execute(
        sql`insert into sparks (network_id, visitor_name, text, is_public, status, created_at)
            values (${a()}, 'Bezoeker', ${`Wachtend vonkje nummer ${String(i).padStart(2, '0')}`}, true, 'pending', ${minutesAgo(500 - i)})`,
      );
    }
    const first = (await coordinator.get(page())).body;
    assert.match(first, new RegExp(`${total} berichten wachten`));
    assert.match(first, /Wachtend vonkje nummer 00/);
    assert.doesNotMatch(first, /Wachtend vonkje nummer 20/);
    assert.match(first, /href="\/netwerk\/\d+\/moderatie\?pagina=2"/);
    const second = (await coordinator.get(`${page()}?pagina=2`)).body;
    assert.doesNotMatch(second, /Wachtend vonkje nummer 19/);
    assert.match(second, /Wachtend vonkje nummer 20/);
    assert.match(second, /Wachtend vonkje nummer 22/);
  });
});
