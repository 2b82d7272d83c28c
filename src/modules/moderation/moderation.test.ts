// Moderation after publication (issue 12, item 1; decision 0009), tried on sparks: members'
// public sparks wait by default, anyone reports, the coordinator hides (with a reason, the
// author told by mail) or keeps, the author withdraws; hidden means gone everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { sparksModule } from '../sparks/index.js';
import { moderationPersonData } from './person-data.js';

describe('moderation after publication', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;
  const wall = () => `/netwerk/${a()}/vonkjes`;
  const publicPage = () => `/buurt/${world.networks.a.slug}`;
  const oldStamp = () => t.app.signCookie(String(Date.now() - 10_000));

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  /** The resident adds a spark (public or not) and gets its id from the wall. */
  async function addSpark(text: string, isPublic: boolean): Promise<number> {
    await resident.get(wall());
    const fields: Record<string, string> = { text };
    if (isPublic) fields.isPublic = 'on';
    const r = await resident.post(wall(), fields);
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    const found = await rows<{ id: number }>(
      t,
      sql`select id from sparks where text = ${text} order by id desc limit 1`,
    );
    return found[0]!.id;
  }

  test("by default a member's public spark waits for the coordinator before it goes public", async () => {
    const id = await addSpark('Mevrouw K. van nummer 7 kreeg hulp met haar boodschappen', true);
    const wallPage = await resident.get(wall());
    assert.equal(wallPage.statusCode, 200);
    assert.match(wallPage.body, /Mevrouw K\. van nummer 7/);
    assert.match(wallPage.body, /wacht op de coördinator/);
    const before = await new TestClient(t.app).get(publicPage());
    assert.equal(before.statusCode, 200);
    assert.ok(!before.body.includes('Mevrouw K. van nummer 7'), 'not public yet');
    // In the coordinator's queue, with the member's name; refused, it stays for members only.
    const queue = await coordinator.get(`/netwerk/${a()}/moderatie`);
    assert.match(queue.body, /Mevrouw K\. van nummer 7/);
    const r = await coordinator.post(`/netwerk/${a()}/moderatie/wacht/spark/${id}/afwijzen`, {
      reason: 'Noem geen buren met naam en huisnummer.',
    });
    assert.equal(r.statusCode, 303);
    const after = await rows<{ status: string; is_public: boolean; public_requested: boolean }>(
      t,
      sql`select status, is_public, public_requested from sparks where id = ${id}`,
    );
    assert.deepEqual(after, [{ status: 'published', is_public: false, public_requested: false }]);
    assert.match((await resident.get(wall())).body, /Mevrouw K\. van nummer 7/);
    // Approved, another one goes public.
    const second = await addSpark('De buurtkamer had weer een volle tafel', true);
    await coordinator.get(`/netwerk/${a()}/moderatie`);
    await coordinator.post(`/netwerk/${a()}/moderatie/wacht/spark/${second}/publiceren`, {});
    assert.match(
      (await new TestClient(t.app).get(publicPage())).body,
      /De buurtkamer had weer een volle tafel/,
    );
  });

  test('the coordinator lets members publish at once (audited); others may not change it', async () => {
    const path = `${wall()}/instelling`;
    assert.equal((await resident.post(path, { atOnce: 'on' }, { from: wall() })).statusCode, 403);
    // The setting's form is on the moderation page.
    const page = await coordinator.get(`/netwerk/${a()}/moderatie`);
    assert.match(page.body, new RegExp(`action="${path}"`));
    assert.equal((await coordinator.post(path, { atOnce: 'on' })).statusCode, 303);
    await addSpark('Jan repareerde de bank bij de speeltuin', true);
    assert.match(
      (await new TestClient(t.app).get(publicPage())).body,
      /Jan repareerde de bank bij de speeltuin/,
    );
    const audit = await rows<{ detail: string }>(
      t,
      sql`select detail from audit_log where action = 'sparks.settings'`,
    );
    assert.deepEqual(audit, [{ detail: 'members public at once' }]);
  });

  test('a visitor reports a public spark: checked, kept on error, stored without a name, rate-limited', async () => {
    const id = await addSpark('Iemand zette weer afval naast de container', true);
    const visitor = new TestClient(t.app, '10.9.0.1');
    const form = await visitor.get(`/melden/spark/${id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Iemand zette weer afval/);
    assert.match(form.body, /name="stamp"/);
    const empty = await visitor.post(`/melden/spark/${id}`, { reason: '', stamp: oldStamp() });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Wat is er mis met dit bericht/);
    const fast = await visitor.post(`/melden/spark/${id}`, {
      reason: 'Dit gaat over mijn buurman <script>x</script>',
      stamp: /name="stamp" value="([^"]+)"/.exec(form.body)![1]!,
    });
    assert.equal(fast.statusCode, 400);
    assert.match(fast.body, /Dat ging wel erg snel/);
    assert.match(fast.body, /Dit gaat over mijn buurman &lt;script>x&lt;\/script>/);
    const sent = await visitor.post(`/melden/spark/${id}`, {
      reason: 'Dit gaat over mijn buurman',
      stamp: oldStamp(),
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, publicPage());
    assert.match((await visitor.get(publicPage())).body, /Dank u wel\. De coördinator kijkt/);
    const stored = await rows<{ reporter_id: number | null; reason: string }>(
      t,
      sql`select reporter_id, reason from moderation_reports where object_id = ${id}`,
    );
    assert.deepEqual(stored, [{ reporter_id: null, reason: 'Dit gaat over mijn buurman' }]);
    // A spark for members only is not there for a visitor.
    const closed = await addSpark('Alleen voor leden bedoeld', false);
    assert.equal((await visitor.get(`/melden/spark/${closed}`)).statusCode, 404);
    assert.equal((await visitor.get('/melden/onbekend/1')).statusCode, 404);
    // Five posts per quarter of an hour from one address (the three above count), then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await visitor.post(`/melden/spark/${id}`, { reason: `Melding ${i}`, stamp: oldStamp() }))
          .statusCode,
      );
    }
    assert.deepEqual(statuses, [303, 303, 429, 429, 429]);
  });

  test('the coordinator hides a reported spark with a reason: gone everywhere, author told, audited', async () => {
    await resident.get(wall());
    const photo = await sharp({
      create: { width: 30, height: 20, channels: 3, background: '#e08030' },
    })
      .png()
      .toBuffer();
    await postMultipart(t, resident, wall(), {
      text: 'Mevrouw K. (nr 7) drinkt weer',
      isPublic: 'on',
      photo: { filename: 'k.png', contentType: 'image/png', data: photo },
    });
    const [spark] = await rows<{ id: number; photo_id: number }>(
      t,
      sql`select id, photo_id from sparks where text = 'Mevrouw K. (nr 7) drinkt weer'`,
    );
    const photoUrl = `/vonkjes/foto/${spark!.photo_id}`;
    const visitor = new TestClient(t.app, '10.9.0.2');
    const shown = await visitor.get(photoUrl);
    assert.equal(shown.statusCode, 200);
    assert.match(String(shown.headers['cache-control']), /no-cache/);
    // A member reports it.
    await resident.get(`/melden/spark/${spark!.id}`);
    const report = await resident.post(`/melden/spark/${spark!.id}`, {
      reason: 'Dit gaat over een buurvrouw',
    });
    assert.equal(report.statusCode, 303);
    // The queue: only for this network's coordinator.
    const queuePath = `/netwerk/${a()}/moderatie`;
    assert.equal((await resident.get(queuePath)).statusCode, 403);
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    assert.equal((await other.get(queuePath)).statusCode, 404);
    assert.equal(
      (await other.get(`/netwerk/${world.networks.b.id}/moderatie/spark/${spark!.id}`)).statusCode,
      404,
    );
    const queue = await coordinator.get(queuePath);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Mevrouw K\. \(nr 7\) drinkt weer/);
    const itemPath = `${queuePath}/spark/${spark!.id}`;
    const item = await coordinator.get(itemPath);
    assert.match(item.body, /Dit gaat over een buurvrouw/);
    // A reason is required; the page keeps what was typed.
    const noReason = await coordinator.post(`${itemPath}/verbergen`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    const hidden = await coordinator.post(`${itemPath}/verbergen`, {
      reason: 'Het noemt een buurvrouw bij naam en huisnummer',
    });
    assert.equal(hidden.statusCode, 303);
    // Gone everywhere: the wall, the public page, the sparks round, the photo at once.
    assert.ok(!(await resident.get(wall())).body.includes('drinkt weer'));
    assert.ok(!(await visitor.get(publicPage())).body.includes('drinkt weer'));
    const round = await sparksModule.api.listPublishedBetween(
      t.database.db,
      a(),
      null,
      new Date(Date.now() + 60_000),
    );
    assert.ok(!round.some((s) => s.id === spark!.id));
    assert.equal((await visitor.get(photoUrl)).statusCode, 404);
    assert.equal((await coordinator.get(photoUrl)).statusCode, 404);
    assert.equal((await visitor.get(`/melden/spark/${spark!.id}`)).statusCode, 404);
    // Reports closed, audited, the author told with the reason.
    const open = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from moderation_reports where object_id = ${spark!.id} and handled_at is null`,
    );
    assert.equal(open[0]!.n, 0);
    const audit = await rows<{ action: string }>(
      t,
      sql`select action from audit_log where object_type = 'spark' and object_id = ${String(spark!.id)} and result = 'ok' order by id`,
    );
    assert.deepEqual(
      audit.map((x) => x.action),
      ['moderation.report', 'moderation.hide'],
    );
    const mail = await rows<{ recipient: string; body: string }>(
      t,
      sql`select recipient, body from outbox where subject like '%verborgen%'`,
    );
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.recipient, world.people.resident.email);
    assert.match(mail[0]!.body, /Het noemt een buurvrouw bij naam en huisnummer/);
    // Hiding it again: it is already gone.
    const again = await coordinator.post(`${itemPath}/verbergen`, { reason: 'Nog een keer' });
    assert.equal(again.statusCode, 303);
    assert.match((await coordinator.get(queuePath)).body, /al verborgen of ingetrokken/);
  });

  test('the coordinator keeps a reported spark: it stays, the reports are closed', async () => {
    const id = await addSpark('De moestuin heeft tomaten', false);
    await resident.get(`/melden/spark/${id}`);
    await resident.post(`/melden/spark/${id}`, { reason: 'Ik vind dit niet nodig' });
    const itemPath = `/netwerk/${a()}/moderatie/spark/${id}`;
    await coordinator.get(itemPath);
    assert.equal((await coordinator.post(`${itemPath}/laten-staan`, {})).statusCode, 303);
    assert.match((await resident.get(wall())).body, /De moestuin heeft tomaten/);
    const outcomes = await rows<{ outcome: string }>(
      t,
      sql`select outcome from moderation_reports where object_id = ${id}`,
    );
    assert.deepEqual(outcomes, [{ outcome: 'kept' }]);
  });

  test('an author withdraws their own spark; nobody else can', async () => {
    const id = await addSpark('Spijt van dit vonkje', true);
    const page = await resident.get(wall());
    assert.match(page.body, new RegExp(`action="/intrekken/spark/${id}"`));
    const professional = new TestClient(t.app);
    await professional.login(world.people.professional.email!, TEST_PASSWORD);
    await professional.get(wall());
    assert.equal((await professional.post(`/intrekken/spark/${id}`, {})).statusCode, 403);
    assert.equal(
      (await coordinator.post(`/intrekken/spark/${id}`, {}, { from: wall() })).statusCode,
      403,
    );
    await resident.get(wall());
    const r = await resident.post(`/intrekken/spark/${id}`, {});
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, wall());
    const after = await resident.get(wall());
    assert.match(after.body, /Uw bericht is ingetrokken/);
    assert.ok(!after.body.includes('Spijt van dit vonkje'));
    assert.ok(!(await new TestClient(t.app).get(publicPage())).body.includes('Spijt van dit'));
  });

  test("a reporter's data: their reports in the export; erased, the reports stay unnamed", async () => {
    const personId = world.people.resident.id;
    const exported = (await moderationPersonData.export(t.database.db, personId)) as {
      reports: { reason: string }[];
    };
    assert.ok(exported.reports.some((r) => r.reason === 'Dit gaat over een buurvrouw'));
    await moderationPersonData.erase(t.database.db, personId);
    const named = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from moderation_reports where reporter_id = ${personId}`,
    );
    assert.equal(named[0]!.n, 0);
  });
});
