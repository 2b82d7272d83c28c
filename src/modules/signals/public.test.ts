import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { signalsRepository } from './repository/index.js';
import {
  countSignals,
  runSignalRetention,
  signalsPersonData,
  signalsService,
} from './service/index.js';
import { signalRevisions, signals, signalUpdates } from './tables.js';

describe('signals: public page, moderation, themes, pattern, retention, person data', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  /** A token as if the form was shown `seconds` ago. */
  const tokenFrom = (seconds: number) => t.app.signCookie(String(Date.now() - seconds * 1000));

  test('a public submission: honeypot, too fast, then into the moderation queue; approve and reject', async () => {
    const slug = world.networks.a.slug;
    const visitor = new TestClient(t.app, '10.0.0.1');
    const form = await visitor.get(`/buurt/${slug}/signaal`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Laat dit veld leeg/);
    const what = 'De lantaarn op het pleintje is al weken stuk';
    // Too fast: the token of the page just shown.
    const fast = await visitor.post(`/buurt/${slug}/signaal`, {
      what,
      where: 'Pleintje',
      email: '',
      website: '',
      stamp: /name="stamp" value="([^"]+)"/.exec(form.body)![1]!,
    });
    assert.equal(fast.statusCode, 400);
    assert.match(fast.body, /Dat ging wel erg snel/);
    assert.ok(fast.body.includes(what), 'the input is kept');
    // A forged token.
    const forged = await visitor.post(`/buurt/${slug}/signaal`, { what, stamp: '123.abc' });
    assert.equal(forged.statusCode, 400);
    // The honeypot: thanked, nothing kept.
    const bot = await visitor.post(`/buurt/${slug}/signaal`, {
      what: 'spam',
      website: 'http://spam.example',
      stamp: tokenFrom(10),
    });
    assert.equal(bot.statusCode, 303);
    for (const text of [what, 'Hangjongeren bij de snackbar']) {
      const ok = await visitor.post(`/buurt/${slug}/signaal`, {
        what: text,
        where: 'Pleintje',
        email: 'buur@example.nl',
        website: '',
        stamp: tokenFrom(10),
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, `/buurt/${slug}/signaal`);
      const thanked = await visitor.get(`/buurt/${slug}/signaal`);
      assert.match(thanked.body, /Dank u wel\. Uw melding is aangekomen/);
    }
    const stored = await t.database.db.select().from(signals).where(eq(signals.networkId, a()));
    assert.equal(stored.length, 2);
    assert.ok(stored.every((s) => s.status === 'pending'));
    // Pending submissions are not in the members' list.
    const list = await coordinator.get(`/netwerk/${a()}/signalen`);
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(what));
    // The old queue's address leads to the one moderation page, filtered on signals.
    const old = await coordinator.get(`/netwerk/${a()}/signalen/moderatie`);
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, `/netwerk/${a()}/moderatie?soort=signal`);
    const queue = await coordinator.get(`/netwerk/${a()}/moderatie?soort=signal`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /De lantaarn op het pleintje/);
    const resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    // Their own network, a page they lack the role for: 403 (the one refusal rule).
    assert.equal((await resident.get(`/netwerk/${a()}/signalen/moderatie`)).statusCode, 403);
    assert.equal((await resident.get(`/netwerk/${a()}/moderatie`)).statusCode, 403);
    const [first, second] = stored.sort((x, y) => x.id - y.id);
    assert.equal((await coordinator.get(`/netwerk/${a()}/signalen/${first!.id}`)).statusCode, 404);
    const decide = (network: number, id: number, decision: 'publiceren' | 'afwijzen') =>
      `/netwerk/${network}/moderatie/wacht/signal/${id}/${decision}`;
    let r = await coordinator.post(decide(a(), first!.id, 'publiceren'), {
      choice: 'public_space',
    });
    assert.equal(r.statusCode, 303);
    r = await coordinator.post(
      decide(a(), second!.id, 'afwijzen'),
      {},
      { from: `/netwerk/${a()}/moderatie` },
    );
    assert.equal(r.statusCode, 303);
    const after = await t.database.db.select().from(signals).where(eq(signals.networkId, a()));
    assert.equal(after.length, 1);
    assert.equal(after[0]!.status, 'new');
    assert.equal(after[0]!.origin, 'public_page');
    assert.equal(after[0]!.raisedBy, 'resident');
    assert.equal(after[0]!.theme, 'public_space');
    const audit = await rows<{ action: string }>(
      t,
      sql`select action from audit_log where action in ('signal.approve', 'signal.reject') order by id`,
    );
    assert.deepEqual(
      audit.map((x) => x.action),
      ['signal.approve', 'signal.reject'],
    );
    // The coordinator of another network cannot approve A's submissions.
    const b = new TestClient(t.app);
    await b.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    r = await b.post(
      decide(world.networks.b.id, first!.id, 'afwijzen'),
      {},
      { from: `/netwerk/${world.networks.b.id}/moderatie` },
    );
    assert.equal(r.statusCode, 404);
  });

  test('the public form is rate-limited: 5 posts per quarter of an hour', async () => {
    const slug = world.networks.c.slug;
    const visitor = new TestClient(t.app, '10.0.0.99');
    await visitor.get(`/buurt/${slug}/signaal`);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await visitor.post(`/buurt/${slug}/signaal`, {
        what: `Melding ${i}`,
        stamp: tokenFrom(10),
      });
      statuses.push(r.statusCode);
    }
    assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
    assert.equal((await visitor.get('/buurt/bestaat-niet/signaal')).statusCode, 404);
  });

  test('the coordinator adds and removes extra themes; members can use them', async () => {
    let r = await coordinator.get(`/netwerk/${a()}/signalen/themas`);
    assert.equal(r.statusCode, 200);
    r = await coordinator.post(`/netwerk/${a()}/signalen/themas`, { theme: 'Zwerfafval' });
    assert.equal(r.statusCode, 303);
    r = await coordinator.post(
      `/netwerk/${a()}/signalen/themas`,
      { theme: 'zwerfafval' },
      {
        from: `/netwerk/${a()}/signalen/themas`,
      },
    );
    assert.equal(r.statusCode, 400);
    const form = await coordinator.get(`/netwerk/${a()}/signalen/nieuw`);
    assert.match(form.body, /value="Zwerfafval"/);
    r = await coordinator.post(`/netwerk/${a()}/signalen/nieuw`, {
      title: 'Afval bij de container',
      theme: 'Zwerfafval',
      raisedBy: 'professional',
      origin: 'street',
    });
    assert.equal(r.statusCode, 303);
    r = await coordinator.post(
      `/netwerk/${a()}/signalen/themas/verwijderen`,
      { theme: 'Zwerfafval' },
      {
        from: `/netwerk/${a()}/signalen/themas`,
      },
    );
    assert.equal(r.statusCode, 303);
    assert.deepEqual(await signalsRepository(t.database.db).listThemes(a()), []);
    const resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
    assert.equal((await resident.get(`/netwerk/${a()}/signalen/themas`)).statusCode, 403);
  });

  test('the pattern view: an accessible SVG chart with its table; person-bound signals count', async () => {
    const db = t.database.db;
    const now = new Date();
    await db.insert(signals).values([
      {
        networkId: a(),
        title: 'Geheim',
        theme: 'poverty',
        raisedBy: 'resident',
        origin: 'other',
        status: 'new',
        personBound: true,
        createdAt: now,
      },
      {
        networkId: a(),
        title: 'Open',
        theme: 'poverty',
        raisedBy: 'resident',
        origin: 'other',
        status: 'new',
        createdAt: now,
      },
      {
        networkId: a(),
        title: 'Oud',
        theme: 'poverty',
        raisedBy: 'resident',
        origin: 'other',
        status: 'new',
        createdAt: new Date(Date.now() - 400 * 86_400_000),
      },
    ]);
    const page = await coordinator.get(`/netwerk/${a()}/signalen/patroon`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<svg[^>]*role="img"[^>]*aria-labelledby="pattern-chart-title pattern-chart-desc"/,
    );
    assert.match(page.body, /<title id="pattern-chart-title">/);
    const povertyRow = /<th[^>]*scope="row">Armoede<\/th>(.*?)<\/tr>/s.exec(page.body)?.[1] ?? '';
    const total = [...povertyRow.matchAll(/>(\d+)</g)].map((m) => Number(m[1])).at(-1);
    assert.equal(total, 2, 'the person-bound one counts, the one of 400 days ago does not');
    assert.ok(!page.body.includes('Geheim'));
    // Months in words ("dec 2025"), never as "2025-12" or a bare "12" under a bar.
    assert.doesNotMatch(page.body, />\d{4}-\d{2}</);
    assert.doesNotMatch(page.body, /<text[^>]*text-anchor="middle"[^>]*>\d{2}<\/text>/);
    const counts = await countSignals(db, [a(), world.networks.d.id]);
    assert.equal(counts[0]!.personBound, 1);
    assert.deepEqual(counts[1], {
      networkId: world.networks.d.id,
      total: 0,
      open: 0,
      closed: 0,
      personBound: 0,
    });
  });

  test("the pattern's months are Amsterdam's: a signal on the last evening of a month (UTC) counts in the next", async () => {
    const db = t.database.db;
    const d = world.networks.d.id;
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam.
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    await db.insert(signals).values({
      networkId: d,
      title: 'Middernacht',
      theme: 'loneliness',
      raisedBy: 'resident',
      origin: 'other',
      status: 'new',
      createdAt: lateEvening,
    });
    const pattern = await signalsService(db).summarisePattern(d, lateEvening);
    assert.equal(pattern.months.at(-1), '2026-12', 'the current month is December');
    const row = pattern.rows.find((r) => r.theme === 'loneliness');
    assert.equal(row?.counts.at(-1), 1, 'the signal counts in December');
  });

  test('retention: person-bound signals closed more than N months ago are made anonymous', async () => {
    const db = t.database.db;
    const d = world.networks.d.id;
    await signalsService(db).updateRetentionMonths(d, 3);
    const closedAt = new Date('2026-01-10T12:00:00Z');
    const insert = async (networkId: number, personBound: boolean) => {
      const [s] = await db
        .insert(signals)
        .values({
          networkId,
          title: 'Mevrouw op de hoek',
          description: 'Details',
          place: 'Hoek',
          trigger: 'Val',
          outcome: 'Hulp geregeld',
          contactEmail: 'x@example.nl',
          theme: 'elderly',
          raisedBy: 'resident',
          origin: 'other',
          status: 'closed',
          personBound,
          closedAt,
        })
        .returning();
      await db
        .insert(signalUpdates)
        .values({ networkId, signalId: s!.id, kind: 'note', text: 'Ik ben langs geweest' });
      return s!.id;
    };
    const inA = await insert(a(), true);
    await db.insert(signalRevisions).values({
      signalId: inA,
      networkId: a(),
      title: 'Mevrouw K. op de hoek',
      description: 'Eerdere tekst',
      theme: 'elderly',
      place: 'Hoek',
      trigger: 'Val',
    });
    const inD = await insert(d, true);
    const ordinary = await insert(a(), false);
    const state = async (id: number) =>
      (await db.select().from(signals).where(eq(signals.id, id)))[0]!;
    // 2 months after closing: nothing yet (A keeps 12 months, D 3).
    assert.equal(await runSignalRetention(db, new Date('2026-03-10T12:00:00Z')), 0);
    // 4 months: D's rule (3 months) applies, A's (default 12) not yet.
    assert.equal(await runSignalRetention(db, new Date('2026-05-11T12:00:00Z')), 1);
    assert.equal((await state(inD)).title, '[geanonimiseerd]');
    assert.equal((await state(inA)).title, 'Mevrouw op de hoek');
    // 13 months: A's too; the ordinary signal stays as it is.
    assert.equal(await runSignalRetention(db, new Date('2027-02-11T12:00:00Z')), 1);
    const anon = await state(inA);
    assert.equal(anon.description, '[geanonimiseerd]');
    assert.equal(anon.place, '[geanonimiseerd]');
    assert.equal(anon.trigger, '[geanonimiseerd]');
    assert.equal(anon.outcome, '[geanonimiseerd]');
    assert.equal(anon.contactEmail, null);
    assert.ok(anon.anonymisedAt);
    const notes = await db.select().from(signalUpdates).where(eq(signalUpdates.signalId, inA));
    assert.deepEqual(
      notes.map((n) => n.text),
      ['[geanonimiseerd]'],
    );
    const revisions = await db
      .select()
      .from(signalRevisions)
      .where(eq(signalRevisions.signalId, inA));
    assert.deepEqual(
      revisions.map((rev) => [rev.title, rev.description, rev.place, rev.trigger]),
      [['[geanonimiseerd]', '[geanonimiseerd]', '[geanonimiseerd]', '[geanonimiseerd]']],
      'earlier versions are anonymised with the signal',
    );
    assert.equal((await state(ordinary)).title, 'Mevrouw op de hoek');
    assert.equal(await runSignalRetention(db, new Date('2027-02-12T12:00:00Z')), 0, 'once only');
  });

  test('person data: export holds their signals and updates; erasure removes their contact email', async () => {
    const db = t.database.db;
    const person = world.people.professional;
    await db.insert(signals).values({
      networkId: a(),
      title: 'Van de publieke pagina',
      theme: 'other',
      raisedBy: 'resident',
      origin: 'public_page',
      status: 'pending',
      contactEmail: person.email!.toUpperCase(),
    });
    const data = (await signalsPersonData.export(db, person.id)) as {
      publicSubmissions: unknown[];
    };
    assert.equal(data.publicSubmissions.length, 1);
    await signalsPersonData.erase(db, person.id);
    const left = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from signals where contact_email is not null and lower(contact_email) = lower(${person.email})`,
    );
    assert.equal(left[0]!.n, 0);
  });
});
