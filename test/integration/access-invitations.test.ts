// Invitations as an attacker tries them: extra form fields ignored (mass assignment),
// codes single-use under 20 parallel redemptions, expiring, and never stored in plain text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SQL, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

describe('invitations under attack', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  /** Network B's coordinator's membership, which nobody else may change. */
  let coordinatorBMembership: number;
  const networkId = (target: 'a' | 'b' | 'd') => world.networks[target].id;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app, '10.20.0.4');
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    const [membership] = await rows<{ id: number }>(
      t,
      sql`select id from memberships
          where person_id = ${world.people.coordinatorB.id} and network_id = ${networkId('b')}`,
    );
    coordinatorBMembership = membership!.id;
  });
  after(() => t.close());

  test('mass assignment: extra fields on the invite and accept forms are ignored', async () => {
    const a = networkId('a');
    await coordinator.get(`/netwerk/${a}/uitnodigen`);
    const letter = await coordinator.post(`/netwerk/${a}/uitnodigen`, {
      kind: 'letter',
      role: 'council',
      addressee: 'Mevrouw Jansen',
      networkId: String(networkId('b')),
      network_id: String(networkId('b')),
      invitedBy: String(world.people.admin.id),
    });
    assert.equal(letter.statusCode, 200);
    const code = /class="bk-letter__code">([^<]+)</.exec(letter.body)?.[1];
    assert.ok(code, 'the letter shows the code');
    const [invitation] = await rows<{ network_id: number; invited_by: number; role: string }>(
      t,
      sql`select network_id, invited_by, role from invitations order by id desc limit 1`,
    );
    assert.deepEqual(invitation, {
      network_id: a,
      invited_by: world.people.coordinator.id,
      role: 'council',
    });

    // An organisation of another network cannot be attached to an invitation.
    const foreign = await coordinator.post(
      `/netwerk/${a}/uitnodigen`,
      {
        kind: 'letter',
        role: 'professional',
        organisationId: String(world.networks.b.organisationId),
      },
      { from: `/netwerk/${a}/uitnodigen` },
    );
    assert.equal(foreign.statusCode, 400);

    const newcomer = new TestClient(t.app, '10.21.0.1');
    await newcomer.get('/uitnodiging');
    const accepted = await newcomer.post('/uitnodiging', {
      code,
      displayName: 'Nieuw Lid',
      username: 'nieuw-lid',
      password: 'een-goed-wachtwoord-77',
      role: 'coordinator',
      networkId: String(networkId('d')),
      network_id: String(networkId('d')),
      isAdmin: 'true',
      is_admin: 'true',
      organisationId: String(world.networks.a.organisationId),
    });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, `/netwerk/${a}`);
    const [person] = await rows<{ id: number; is_admin: boolean }>(
      t,
      sql`select id, is_admin from people where username = 'nieuw-lid'`,
    );
    assert.equal(person?.is_admin, false, 'not an administrator');
    const joined = await rows<{ network_id: number; role: string; organisation_id: number | null }>(
      t,
      sql`select network_id, role, organisation_id from memberships where person_id = ${person!.id}`,
    );
    assert.deepEqual(joined, [{ network_id: a, role: 'council', organisation_id: null }]);
    assert.equal((await newcomer.get('/beheer/logboek')).statusCode, 403);
    assert.equal((await newcomer.get(`/netwerk/${networkId('d')}`)).statusCode, 404);

    // My data: the visibility form changes only the actor's own memberships.
    const before = await rows<{ listed: boolean }>(
      t,
      sql`select listed from memberships where id = ${coordinatorBMembership}`,
    );
    await newcomer.post(
      '/mijn-gegevens/zichtbaarheid',
      { networkId: String(networkId('b')), [`listed-${networkId('b')}`]: 'on' },
      { from: '/mijn-gegevens' },
    );
    assert.deepEqual(
      await rows<{ listed: boolean }>(
        t,
        sql`select listed from memberships where id = ${coordinatorBMembership}`,
      ),
      before,
    );
  });

  test('invitations: 20 parallel redemptions of one code make exactly 1 account; used and expired codes fail; codes are stored hashed', async () => {
    const a = networkId('a');
    const makeLetter = async () => {
      const res = await coordinator.post(
        `/netwerk/${a}/uitnodigen`,
        { kind: 'letter', role: 'resident' },
        { from: `/netwerk/${a}/uitnodigen` },
      );
      assert.equal(res.statusCode, 200);
      return /class="bk-letter__code">([^<]+)</.exec(res.body)![1]!;
    };
    const mail = await coordinator.post(
      `/netwerk/${a}/uitnodigen`,
      { kind: 'email', role: 'resident', email: 'nieuwe.buur@example.org' },
      { from: `/netwerk/${a}/uitnodigen` },
    );
    assert.equal(mail.statusCode, 303);
    const code = await makeLetter();
    const count = async (query: SQL) => (await rows<{ n: number }>(t, query))[0]!.n;
    const peopleBefore = await count(sql`select count(*)::int as n from people`);
    const membersBefore = await count(
      sql`select count(*)::int as n from memberships where network_id = ${a}`,
    );

    const racers = Array.from({ length: 20 }, (_, i) => new TestClient(t.app, `10.22.0.${i + 1}`));
    await Promise.all(racers.map((c) => c.get('/uitnodiging')));
    const responses = await Promise.all(
      racers.map((c, i) =>
        c.post('/uitnodiging', {
          code,
          displayName: `Racer ${i}`,
          username: `racer-${i}`,
          password: 'een-goed-wachtwoord-77',
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 303).length, 1, `statuses: ${statuses.join(' ')}`);
    assert.equal(statuses.filter((s) => s === 400).length, 19, `statuses: ${statuses.join(' ')}`);
    for (const r of responses.filter((r) => r.statusCode === 400)) {
      assert.match(r.body, /Deze code werkt niet/);
    }
    assert.equal(await count(sql`select count(*)::int as n from people`), peopleBefore + 1);
    assert.equal(
      await count(sql`select count(*)::int as n from memberships where network_id = ${a}`),
      membersBefore + 1,
    );

    // Used: the code no longer works, typed or as a link.
    const late = new TestClient(t.app, '10.22.1.1');
    await late.get('/uitnodiging');
    const again = await late.post('/uitnodiging/code', { code });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Deze code werkt niet/);

    // Expired: refused with the same Dutch message.
    const old = await makeLetter();
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 second'
          where id = (select max(id) from invitations)`,
    );
    const expired = await late.post('/uitnodiging/code', { code: old });
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /Deze code werkt niet/);
    const expiredLink = await late.get(`/uitnodiging?code=${encodeURIComponent(old)}`);
    assert.equal(expiredLink.statusCode, 400);
    assert.match(expiredLink.body, /Deze code werkt niet/);
    const redeem = await late.post('/uitnodiging', {
      code: old,
      displayName: 'Te Laat',
      username: 'te-laat',
      password: 'een-goed-wachtwoord-77',
    });
    assert.equal(redeem.statusCode, 400);
    assert.equal(
      await count(sql`select count(*)::int as n from people where username = 'te-laat'`),
      0,
    );

    // A copy of the database reveals no code: not in any column of any invitation.
    const dump = (await rows<{ row: string }>(t, sql`select i::text as row from invitations i`))
      .map((r) => r.row)
      .join('\n');
    for (const c of [code, old]) {
      assert.ok(!dump.includes(c), 'code stored in plain text');
      assert.ok(!dump.includes(c.replaceAll('-', '')), 'code stored without dashes');
    }
    const mailed = await rows<{ body: string }>(
      t,
      sql`select body from outbox where body like '%/uitnodiging?code=%' limit 1`,
    );
    const token = /code=([\w-]+)/.exec(mailed[0]?.body ?? '')?.[1];
    assert.ok(token, 'the email invitation was sent');
    assert.ok(!dump.includes(token), 'email token stored in plain text');
  });
});
