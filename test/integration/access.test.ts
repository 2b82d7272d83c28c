// Access and tenants (docs/quality.md): every route names a policy; every member route × every
// role × own / same-municipality / other-municipality / other-region network; objects of other
// networks by id; denials in the audit log; the leaders' pulse. Invitations under attack:
// access-invitations.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

type World = Awaited<ReturnType<typeof createWorld>>;

/** The routes anyone may use without signing in. Adding one here is a conscious decision. */
const FEED_ROUTE = 'GET /netwerk/:networkId/bijeenkomsten/agenda/:token';

const PUBLIC_ROUTES = [
  'GET /',
  'GET /toegankelijkheid',
  'GET /privacy',
  'GET /healthz',
  'POST /taal',
  'GET /buurten',
  'GET /buurt/:slug',
  'GET /inloggen',
  'POST /inloggen',
  'POST /uitloggen',
  'GET /wachtwoord-vergeten',
  'POST /wachtwoord-vergeten',
  'GET /wachtwoord-herstellen',
  'POST /wachtwoord-herstellen',
  'GET /uitnodiging',
  'POST /uitnodiging/code',
  'POST /uitnodiging',
  // From the neighbourhood: a signal or a spark for the moderation queue, rate-limited.
  'GET /buurt/:slug/signaal',
  'POST /buurt/:slug/signaal',
  'GET /buurt/:slug/vonkje',
  'POST /buurt/:slug/vonkje',
  // Public meetings as iCalendar, and photos (the route itself checks who may see one).
  'GET /buurt/:slug/agenda.ics',
  // A public meeting's own page (other meetings: 404).
  'GET /buurt/:slug/bijeenkomsten/:meetingId',
  // A member's secret calendar feed: a calendar app has no session; the token names the
  // person, who must still be a member of the network (else 404).
  FEED_ROUTE,
  'GET /vonkjes/foto/:photoId',
  // The neighbourhood budget: the round, voting (guarded by wrong-code counts), the results.
  'GET /buurt/:slug/wijkbudget/:roundId',
  'GET /buurt/:slug/wijkbudget/:roundId/stemmen',
  'POST /buurt/:slug/wijkbudget/:roundId/stemmen',
  'POST /buurt/:slug/wijkbudget/:roundId/stemmen/stembiljet',
  'POST /buurt/:slug/wijkbudget/:roundId/stemmen/controle',
  'POST /buurt/:slug/wijkbudget/:roundId/stemmen/insturen',
  'GET /buurt/:slug/wijkbudget/:roundId/bewijs/:receipt',
  'GET /buurt/:slug/wijkbudget/:roundId/uitslag',
  'GET /buurt/:slug/wijkbudget/:roundId/uitslag.pb',
  // The calculator: anyone may count a pabulib file (size-limited, counted in a worker thread).
  'GET /rekenhulp',
  'POST /rekenhulp',
  'GET /rekenhulp/:jobId',
  // A proposal from the neighbourhood (public form guard, into review, rate-limited), and the
  // photos of proposals and realisation updates (the route checks that what they belong to
  // is shown).
  'GET /buurt/:slug/wijkbudget/:roundId/voorstel',
  'POST /buurt/:slug/wijkbudget/:roundId/voorstel',
  'GET /wijkbudget/foto/:photoId',
  // The library and search show public items to everyone; what else a visitor may see is
  // filtered by the visibility rule (platform/visibility.ts), in the query.
  'GET /bibliotheek',
  'GET /bibliotheek/:itemId',
  // A story's photo: the same visibility check as the story page, on every request.
  'GET /bibliotheek/:itemId/foto',
  'GET /zoeken',
  // Anyone who sees a published item may report it (the route checks what they may see;
  // visitors only public items), rate-limited.
  'GET /melden/:kind/:id',
  'POST /melden/:kind/:id',
  // One kind's mail choice from a mail: no sign-in, the signed token in the address decides
  // (a wrong one is 404); only the POST form changes it.
  'GET /meldingen/keuze/:personId/:kind/:token',
  'POST /meldingen/keuze/:personId/:kind/:token',
  // The logo on letters, set by an administrator (letters are printed by anyone's browser).
  'GET /logo.png',
].sort();

/** Static files: served by @fastify/static, which sets no route config; nothing personal. */
const STATIC_ROUTES = ['GET /assets/*'];

const actorNames = [
  'anonymous',
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'admin',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;
type ActorName = (typeof actorNames)[number];
const targetNames = ['a', 'b', 'c', 'd'] as const;
type TargetName = (typeof targetNames)[number];

/** The network each actor belongs to, and their role there. */
const homeOf: Partial<Record<ActorName, { network: TargetName; coordinator: boolean }>> = {
  resident: { network: 'a', coordinator: false },
  professional: { network: 'a', coordinator: false },
  coordinator: { network: 'a', coordinator: true },
  council: { network: 'a', coordinator: false },
  coordinatorB: { network: 'b', coordinator: true },
  coordinatorC: { network: 'c', coordinator: true },
  coordinatorD: { network: 'd', coordinator: true },
};

interface MemberRoute {
  method: 'GET' | 'POST';
  /** As registered, for the report. */
  route: string;
  /**
   * 'member': every member (and the admin); 'manage': coordinators (and the admin); 'pulse':
   * every member, the admin, and leaders of the network's municipality (A and B).
   */
  access: 'member' | 'manage' | 'pulse';
}

const memberRoutes: MemberRoute[] = [
  { method: 'GET', route: '/netwerk/:networkId', access: 'member' },
  { method: 'GET', route: '/netwerk/:networkId/leden', access: 'member' },
  { method: 'GET', route: '/netwerk/:networkId/uitnodigen', access: 'manage' },
  { method: 'POST', route: '/netwerk/:networkId/uitnodigen', access: 'manage' },
  { method: 'GET', route: '/netwerk/:networkId/uitnodigingen', access: 'manage' },
  { method: 'GET', route: '/netwerk/:networkId/logboek', access: 'manage' },
  { method: 'GET', route: '/netwerk/:networkId/puls', access: 'pulse' },
  { method: 'GET', route: '/netwerk/:networkId/puls.csv', access: 'pulse' },
  { method: 'GET', route: '/netwerk/:networkId/instellingen', access: 'manage' },
  { method: 'POST', route: '/netwerk/:networkId/instellingen', access: 'manage' },
  { method: 'POST', route: '/netwerk/:networkId/leden/:membershipId/rol', access: 'manage' },
  {
    method: 'POST',
    route: '/netwerk/:networkId/leden/:membershipId/verwijderen',
    access: 'manage',
  },
];

const cases = actorNames.flatMap((actor) =>
  targetNames.flatMap((target) => memberRoutes.map((route) => ({ actor, target, route }))),
);

function allowed(actor: ActorName, target: TargetName, route: MemberRoute): boolean {
  if (actor === 'admin') return true;
  if (route.access === 'pulse' && actor === 'leader') return target === 'a' || target === 'b';
  const home = homeOf[actor];
  if (!home || home.network !== target) return false;
  return route.access !== 'manage' || home.coordinator;
}

describe('access and tenants', () => {
  let t: TestApp;
  let world: World;
  const clients = new Map<ActorName, TestClient>();
  /** Per network: a resident (the victim of forbidden writes) and the only coordinator. */
  const memberships = new Map<TargetName, { resident: number; coordinator: number }>();

  const networkId = (target: TargetName) => world.networks[target].id;

  async function membershipOf(personId: number, network: number): Promise<number> {
    const found = await rows<{ id: number }>(
      t,
      sql`select id from memberships where person_id = ${personId} and network_id = ${network}`,
    );
    assert.equal(found.length, 1);
    return found[0]!.id;
  }

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const residents = {
      a: world.people.resident,
      b: await createPerson(t.database.db, {
        memberOf: [{ networkId: world.networks.b.id, role: 'resident' }],
      }),
      c: await createPerson(t.database.db, {
        memberOf: [{ networkId: world.networks.c.id, role: 'resident' }],
      }),
      d: await createPerson(t.database.db, {
        memberOf: [{ networkId: world.networks.d.id, role: 'resident' }],
      }),
    };
    const coordinators = {
      a: world.people.coordinator,
      b: world.people.coordinatorB,
      c: world.people.coordinatorC,
      d: world.people.coordinatorD,
    };
    for (const target of targetNames) {
      memberships.set(target, {
        resident: await membershipOf(residents[target].id, networkId(target)),
        coordinator: await membershipOf(coordinators[target].id, networkId(target)),
      });
    }
    // Each actor from its own address, so per-address rate limits stay out of the way.
    for (const [i, name] of actorNames.entries()) {
      const client = new TestClient(t.app, `10.20.0.${i + 1}`);
      if (name !== 'anonymous') await client.login(world.people[name].email!, TEST_PASSWORD);
      await client.get('/');
      clients.set(name, client);
    }
  });
  after(() => t.close());

  test('route audit: every route names a policy; the public ones are listed here', () => {
    const routes = t.app.routeList.filter((r) => r.method !== 'HEAD');
    assert.ok(routes.length >= 30, `found only ${routes.length} routes`);
    const withoutPolicy = routes
      .filter((r) => !['public', 'signedIn', 'check'].includes(r.policy as string))
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(withoutPolicy, STATIC_ROUTES, 'routes without a policy');
    const publicRoutes = routes
      .filter((r) => r.policy === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    assert.deepEqual(publicRoutes, PUBLIC_ROUTES, 'public routes');
    // Every network page checks the network in its handler.
    for (const r of routes.filter(
      (r) => r.url.includes(':networkId') && `${r.method} ${r.url}` !== FEED_ROUTE,
    )) {
      assert.equal(r.policy, 'check', `${r.method} ${r.url}`);
    }
  });

  test(`tenancy matrix: ${cases.length} cases (${actorNames.length} actors × ${targetNames.length} networks × ${memberRoutes.length} routes), 0 cross-tenant reads or writes`, async () => {
    const snapshot = () =>
      rows<{ id: number; person_id: number; network_id: number; role: string; listed: boolean }>(
        t,
        sql`select id, person_id, network_id, role, listed from memberships order by id`,
      );
    const before = await snapshot();
    const [{ n: invitationsBefore }] = (await rows<{ n: number }>(
      t,
      sql`select coalesce(max(id), 0)::int as n from invitations`,
    )) as [{ n: number }];

    const wrong: string[] = [];
    let allowedInvitations = 0;
    for (const { actor, target, route } of cases) {
      const client = clients.get(actor)!;
      const ok = allowed(actor, target, route);
      const ids = memberships.get(target)!;
      const path = route.route
        .replace(':networkId', String(networkId(target)))
        // Forbidden writes aim at a resident; allowed ones at the only coordinator (a no-op).
        .replace(':membershipId', String(ok ? ids.coordinator : ids.resident));
      let response: LightMyRequestResponse;
      if (route.method === 'GET') {
        response = await client.get(path);
      } else if (route.route.endsWith('/uitnodigen')) {
        if (ok) allowedInvitations++;
        response = await client.post(path, {
          kind: 'email',
          email: `aanvaller-${actor}-${target}@evil.example`,
          // Not 'coordinator': that role comes only from a network's coordinators (issue 9).
          role: 'resident',
        });
      } else if (route.route.endsWith('/instellingen')) {
        response = await client.post(path, { description: `door ${actor}`, isPublic: 'on' });
      } else {
        response = await client.post(path, { role: 'coordinator' });
      }
      const expected =
        actor === 'anonymous'
          ? route.method === 'GET'
            ? 303
            : 403
          : !ok
            ? // The one rule (platform/access.ts): 403 in one's own network, else 404.
              homeOf[actor]?.network === target
              ? 403
              : 404
            : route.method === 'GET'
              ? 200
              : 303;
      let problem = response.statusCode !== expected ? `${response.statusCode}` : '';
      if (!problem && actor === 'anonymous' && route.method === 'GET') {
        const to = `/inloggen?terug=${encodeURIComponent(path)}`;
        if (response.headers.location !== to) problem = `to ${response.headers.location}`;
      }
      if (!problem && !ok && actor !== 'anonymous' && homeOf[actor]?.network !== target) {
        // A refusal says nothing about the network it refused (the header names the actor's own).
        if (response.body.includes(world.networks[target].name)) problem = 'name leaked';
      }
      if (problem) wrong.push(`${actor} ${route.method} ${route.route} on ${target}: ${problem}`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${cases.length} cases wrong`);

    // Nothing changed in any network: roles, members and listing as they were.
    assert.deepEqual(await snapshot(), before, 'memberships unchanged');
    // Invitations only where the sender may invite.
    const created = await rows<{ network_id: number; invited_by: number }>(
      t,
      sql`select network_id, invited_by from invitations where id > ${invitationsBefore}`,
    );
    const mayInvite = (personId: number, network: number) =>
      personId === world.people.admin.id ||
      (personId === world.people.coordinator.id && network === networkId('a')) ||
      (personId === world.people.coordinatorB.id && network === networkId('b')) ||
      (personId === world.people.coordinatorC.id && network === networkId('c')) ||
      (personId === world.people.coordinatorD.id && network === networkId('d'));
    assert.equal(created.length, allowedInvitations, 'one invitation per allowed request');
    assert.deepEqual(
      created.filter((i) => !mayInvite(i.invited_by, i.network_id)),
      [],
      'no invitations for networks the sender cannot manage',
    );
    const mails = await rows<{ recipient: string }>(
      t,
      sql`select recipient from outbox where recipient like 'aanvaller-%'`,
    );
    assert.equal(mails.length, allowedInvitations, 'mail only for allowed invitations');
  });

  test('unknown and malformed network ids are 404 for everyone signed in', async () => {
    const admin = clients.get('admin')!;
    const coordinator = clients.get('coordinator')!;
    for (const id of ['999999', '0', '-1', 'abc', '1e3', '99999999999']) {
      assert.equal((await admin.get(`/netwerk/${id}/leden`)).statusCode, 404, id);
      assert.equal((await coordinator.get(`/netwerk/${id}`)).statusCode, 404, id);
    }
  });

  test("another network's membership by id, through a network the actor manages: 404, nothing changes (IDOR)", async () => {
    const coordinator = clients.get('coordinator')!;
    const a = networkId('a');
    const snapshot = () =>
      rows<{ id: number; role: string; network_id: number }>(
        t,
        sql`select id, role, network_id from memberships order by id`,
      );
    const before = await snapshot();
    const statuses: number[] = [];
    for (const target of ['b', 'c', 'd'] as const) {
      for (const membership of Object.values(memberships.get(target)!)) {
        statuses.push(
          (await coordinator.post(`/netwerk/${a}/leden/${membership}/rol`, { role: 'resident' }))
            .statusCode,
          (await coordinator.post(`/netwerk/${a}/leden/${membership}/verwijderen`, {})).statusCode,
        );
      }
    }
    // And A's own membership through another network's address.
    const own = memberships.get('a')!.resident;
    statuses.push(
      (await coordinator.post(`/netwerk/${networkId('b')}/leden/${own}/rol`, { role: 'council' }))
        .statusCode,
      (await coordinator.post(`/netwerk/${networkId('b')}/leden/${own}/verwijderen`, {}))
        .statusCode,
      (await coordinator.post(`/netwerk/${a}/leden/999999/verwijderen`, {})).statusCode,
    );
    assert.deepEqual(statuses, Array(statuses.length).fill(404), '100 % 404');
    assert.deepEqual(await snapshot(), before, 'memberships unchanged');
  });

  test('admin pages: the admin only; others 403, visitors to the login page', async () => {
    for (const path of ['/beheer/logboek', '/beheer/uitgaande-mail']) {
      for (const actor of actorNames) {
        const res = await clients.get(actor)!.get(path);
        const expected = actor === 'admin' ? 200 : actor === 'anonymous' ? 303 : 403;
        assert.equal(res.statusCode, expected, `${actor} ${path}`);
      }
    }
  });

  test('policy denials are written to the audit log with result denied', async () => {
    // The matrix and the IDOR test ran before this one.
    const denied = await rows<{
      actor_id: number | null;
      action: string;
      object_type: string | null;
      object_id: string | null;
      network_id: number | null;
      origin: string | null;
      detail: string | null;
    }>(
      t,
      sql`select actor_id, action, object_type, object_id, network_id, origin, detail
          from audit_log where result = 'denied'`,
    );
    const has = (what: string, match: (row: (typeof denied)[number]) => boolean) =>
      assert.ok(denied.some(match), `no denial logged: ${what}`);
    const a = networkId('a');
    has(
      'coordinator of B reading the members of A',
      (r) =>
        r.actor_id === world.people.coordinatorB.id &&
        r.action === 'members.view' &&
        r.network_id === a &&
        r.object_type === 'network' &&
        r.detail === 'GET /netwerk/:networkId/leden',
    );
    has(
      'leader entering A',
      (r) =>
        r.actor_id === world.people.leader.id && r.action === 'network.enter' && r.network_id === a,
    );
    has(
      'resident changing a role in A',
      (r) =>
        r.actor_id === world.people.resident.id &&
        r.action === 'members.manage' &&
        r.network_id === a &&
        r.origin === '10.20.0.2',
    );
    has(
      'coordinator of D inviting into C',
      (r) =>
        r.actor_id === world.people.coordinatorD.id &&
        r.action === 'invitations.create' &&
        r.network_id === networkId('c'),
    );
    has(
      'a visitor posting an invitation',
      (r) =>
        r.actor_id === null &&
        r.action === 'access.anonymous' &&
        r.detail === 'POST /netwerk/:networkId/uitnodigen',
    );
    has(
      "coordinator of A reaching B's membership through A (IDOR)",
      (r) =>
        r.actor_id === world.people.coordinator.id &&
        r.object_type === 'membership' &&
        r.object_id === String(memberships.get('b')!.resident) &&
        r.network_id === a,
    );
    has(
      'the council member opening the admin audit log',
      (r) => r.actor_id === world.people.council.id && r.action === 'admin.audit',
    );
  });

  test("leaders' pulse matrix: a municipality or region only for its leaders and administrators", async () => {
    const scopes = {
      municipality: `/puls/gemeente/${world.municipality.id}`,
      otherMunicipality: `/puls/gemeente/${world.networks.c.municipalityId}`,
      region: `/puls/regio/${world.region.id}`,
      otherRegion: `/puls/regio/${world.otherRegion.id}`,
    };
    const wrong: string[] = [];
    for (const actor of actorNames) {
      for (const [scope, base] of Object.entries(scopes)) {
        for (const path of [base, `${base}/cijfers.csv`]) {
          const ok = actor === 'admin' || (actor === 'leader' && scope === 'municipality');
          const expected = actor === 'anonymous' ? 303 : ok ? 200 : 404;
          const response = await clients.get(actor)!.get(path);
          if (response.statusCode !== expected) {
            wrong.push(`${actor} ${path}: ${response.statusCode}, expected ${expected}`);
          }
        }
      }
    }
    // The leader's overview: only for leaders (administrators have /beheer).
    for (const actor of actorNames) {
      const expected = actor === 'anonymous' ? 303 : actor === 'leader' ? 200 : 404;
      const response = await clients.get(actor)!.get('/bestuurder');
      if (response.statusCode !== expected) {
        wrong.push(`${actor} /bestuurder: ${response.statusCode}, expected ${expected}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
