import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { letterCode } from '#test/helpers/invitations.js';
import { saveLogo } from '../../platform/settings.js';

async function login(t: TestApp, email: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

/** Whether a code is accepted at /uitnodiging (the step that shows the accept form). */
async function codeWorks(t: TestApp, code: string): Promise<boolean> {
  const invitee = new TestClient(t.app);
  await invitee.get('/uitnodiging');
  const step = await invitee.post('/uitnodiging/code', { code });
  return step.statusCode === 200 && /U bent uitgenodigd/.test(step.body);
}

describe('open invitations managed by coordinators', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  const a = () => world.networks.a.id;

  async function newLetter(addressee: string): Promise<{ id: number; code: string }> {
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    const letter = await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'letter',
      addressee,
      role: 'resident',
      email: '',
      organisationId: '',
    });
    assert.equal(letter.statusCode, 200);
    const rows = (await t.database.db.execute(
      sql`select id from invitations where addressee = ${addressee} order by id desc limit 1`,
    )) as unknown as { rows: Array<{ id: number }> };
    return { id: rows.rows[0]!.id, code: letterCode(letter.body) };
  }

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    await t.database.db.execute(
      sql`update networks set contact_phone = '030 123 45 67', contact_address = 'Buurthuis De Linde, Lindelaan 1' where id = ${world.networks.a.id}`,
    );
    coordinator = await login(t, world.people.coordinator.email!);
  });
  after(() => t.close());

  test('the list shows to whom, role, sent and valid until', async () => {
    await newLetter('Meneer Bakker');
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email: 'nieuwe.buur@test.example',
      addressee: '',
      role: 'professional',
      organisationId: '',
    });
    const page = await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Brief voor Meneer Bakker/);
    assert.match(page.body, /E-mail aan nieuwe\.buur@test\.example/);
    assert.match(page.body, /Bewoner/);
    assert.match(page.body, /Verstuurd/);
    assert.match(page.body, /Geldig tot/);
  });

  test('the letter: print button, the no-JavaScript hint, a way back, help by phone and address, the name', async () => {
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    const letter = await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'letter',
      addressee: 'Mevrouw de Vries',
      role: 'resident',
      email: '',
      organisationId: '',
    });
    assert.match(letter.body, /data-print/);
    assert.match(letter.body, /Afdrukken in uw browser/);
    assert.match(letter.body, new RegExp(`href="/netwerk/${a()}/uitnodigingen"`));
    assert.match(letter.body, /030 123 45 67/);
    assert.match(letter.body, /Lindelaan 1/);
    assert.match(letter.body, /Beste Mevrouw de Vries,/);
    assert.equal(letter.headers['cache-control'], 'no-store');
    assert.doesNotMatch(letter.body, /bk-letter__logo/, 'no logo before one is set');
  });

  test('the letter shows the logo from the platform settings when one is set', async () => {
    // A 1×1 PNG: the letter only refers to /logo.png, it does not read the image.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await saveLogo(t.database.db, png);
    try {
      const { id } = await newLetter('Logo Test');
      await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
      const again = await coordinator.post(`/netwerk/${a()}/uitnodigingen/${id}/opnieuw`, {});
      assert.match(
        again.body,
        /class="bk-letter__logo"[^>]*src="\/logo.png"|src="\/logo.png"[^>]*class="bk-letter__logo"/,
      );
    } finally {
      await saveLogo(t.database.db, null);
    }
  });

  test('reprinting a letter gives a new code; the old code stops working', async () => {
    const { id, code } = await newLetter('Familie Smit');
    assert.ok(await codeWorks(t, code));
    await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    const again = await coordinator.post(`/netwerk/${a()}/uitnodigingen/${id}/opnieuw`, {});
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /Beste Familie Smit,/);
    const fresh = letterCode(again.body);
    assert.notEqual(fresh, code);
    assert.equal(await codeWorks(t, code), false, 'the old code is dead');
    assert.ok(await codeWorks(t, fresh));
  });

  test('resending an email invitation mails a new link; the old link stops working', async () => {
    const email = 'opnieuw@test.example';
    await coordinator.get(`/netwerk/${a()}/uitnodigen`);
    await coordinator.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'email',
      email,
      addressee: '',
      role: 'resident',
      organisationId: '',
    });
    const mails = async () =>
      (
        (await t.database.db.execute(
          sql`select body from outbox where recipient = ${email} order by id`,
        )) as unknown as { rows: Array<{ body: string }> }
      ).rows.map((r) => /code=([\w-]+)/.exec(r.body)?.[1] ?? '');
    const [first] = await mails();
    const row = (await t.database.db.execute(
      sql`select id from invitations where email = ${email}`,
    )) as unknown as { rows: Array<{ id: number }> };
    await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    const resent = await coordinator.post(
      `/netwerk/${a()}/uitnodigingen/${row.rows[0]!.id}/opnieuw`,
      {},
    );
    assert.equal(resent.statusCode, 303);
    const all = await mails();
    assert.equal(all.length, 2);
    assert.equal(await codeWorks(t, first!), false);
    assert.ok(await codeWorks(t, all[1]!));
  });

  test('a revoked code is refused at /uitnodiging', async () => {
    const { id, code } = await newLetter('Meneer Jansen');
    await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    const revoked = await coordinator.post(`/netwerk/${a()}/uitnodigingen/${id}/intrekken`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(await codeWorks(t, code), false);
    const list = await coordinator.get(`/netwerk/${a()}/uitnodigingen`);
    assert.doesNotMatch(list.body, /Meneer Jansen/);
  });

  test('access: visitor to sign in (or refused), another network 404, a member without the role 403, another network’s invitation 404', async () => {
    const { id, code } = await newLetter('Toegang Test');
    const routes = [
      { method: 'GET', url: (n: number) => `/netwerk/${n}/uitnodigingen` },
      { method: 'POST', url: (n: number) => `/netwerk/${n}/uitnodigingen/${id}/opnieuw` },
      { method: 'POST', url: (n: number) => `/netwerk/${n}/uitnodigingen/${id}/intrekken` },
    ];
    const visitor = new TestClient(t.app);
    const resident = await login(t, world.people.resident.email!);
    const professional = await login(t, world.people.professional.email!);
    const council = await login(t, world.people.council.email!);
    const coordinatorB = await login(t, world.people.coordinatorB.email!);
    for (const route of routes) {
      const send = (client: TestClient, n: number) =>
        route.method === 'GET'
          ? client.get(route.url(n))
          : client.post(route.url(n), {}, { from: '/' });
      const v = await send(visitor, a());
      if (route.method === 'GET') {
        assert.equal(v.statusCode, 303);
        assert.match(String(v.headers.location), /^\/inloggen/);
      } else assert.equal(v.statusCode, 403, `visitor ${route.url(a())}`);
      for (const member of [resident, professional, council]) {
        assert.equal((await send(member, a())).statusCode, 403, `member ${route.url(a())}`);
      }
      assert.equal(
        (await send(coordinatorB, a())).statusCode,
        404,
        `other network ${route.url(a())}`,
      );
      // Network B's coordinator, through their own network: the invitation of A is not there.
      if (route.method === 'POST') {
        assert.equal(
          (await send(coordinatorB, world.networks.b.id)).statusCode,
          404,
          `A's invitation via B ${route.url(world.networks.b.id)}`,
        );
      }
    }
    assert.ok(await codeWorks(t, code), 'nothing above touched the invitation');
  });
});
