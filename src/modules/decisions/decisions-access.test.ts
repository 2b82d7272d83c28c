// Every decisions route for every role: 404 outside one's networks (their existence is not
// revealed), 403 inside where the role lacks the right, and the page itself otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { toLocal } from '../../platform/time.js';
import { decisionsService } from './service.js';

type Role =
  | 'visitor'
  | 'resident'
  | 'council'
  | 'professional'
  | 'coordinator'
  | 'coordinatorB'
  | 'admin';
const roles: Role[] = [
  'visitor',
  'resident',
  'council',
  'professional',
  'coordinator',
  'coordinatorB',
  'admin',
];

/** What a role gets: 'ok' (the page, or the form's own answer), 403 or 404. */
type Outcome = 'ok' | 403 | 404;

const everyone: Record<Exclude<Role, 'visitor'>, Outcome> = {
  resident: 'ok',
  council: 'ok',
  professional: 'ok',
  coordinator: 'ok',
  coordinatorB: 404,
  admin: 'ok',
};
const members = { ...everyone, admin: 404 as Outcome };
const managers: typeof everyone = {
  resident: 403,
  council: 403,
  professional: 403,
  coordinator: 'ok',
  coordinatorB: 404,
  admin: 'ok',
};
const reviewers: typeof everyone = { ...managers, council: 'ok' };
const councilOnly: typeof everyone = {
  resident: 403,
  council: 'ok',
  professional: 403,
  coordinator: 403,
  coordinatorB: 404,
  admin: 404,
};

describe('decisions: every route × every role', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let decisionId: number;
  const clients = new Map<Role, TestClient>();

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const today = toLocal(new Date()).date;
    decisionId = (
      await decisionsService(t.database.db).createDecision(
        world.networks.a.id,
        {
          title: 'Bankjes',
          body: 'Drie bankjes.',
          reasons: 'Om uit te rusten.',
          kind: 'public_space',
          decidedBy: 'network',
          decidedByName: '',
          decidedOn: today,
          meetingId: null,
          involvement: 'co_decided',
          involvementWho: 'De flat',
          involvementCount: null,
          effect: 'strengthens',
          effectReasoning: 'Samen buiten.',
          dissent: [],
          dissentNoneCame: true,
          dissentInvited: 'In het overleg.',
          signalIds: [],
          experimentIds: [],
          lessonIds: [],
          reviewOn: today,
          isInternal: true,
        },
        true,
        { personId: world.people.coordinator.id, origin: '127.0.0.1', today },
      )
    ).id;
    clients.set('visitor', new TestClient(t.app));
    const people = {
      resident: world.people.resident,
      council: world.people.council,
      professional: world.people.professional,
      coordinator: world.people.coordinator,
      coordinatorB: world.people.coordinatorB,
      admin: world.people.admin,
    };
    for (const [role, person] of Object.entries(people)) {
      const client = new TestClient(t.app);
      await client.login(person.email!, TEST_PASSWORD);
      clients.set(role as Role, client);
    }
  });
  after(() => t.close());

  const routes = () => {
    const base = `/netwerk/${world.networks.a.id}/besluiten`;
    const one = `${base}/${decisionId}`;
    // POST bodies that the route refuses on their own merits (400/409), so nothing changes
    // while access is being checked; the settings form changes nothing (no kinds ticked).
    return [
      { method: 'GET', url: base, rule: everyone },
      { method: 'GET', url: `${base}/te-herzien`, rule: everyone },
      { method: 'GET', url: one, rule: everyone },
      { method: 'GET', url: `${one}/geschiedenis`, rule: everyone },
      { method: 'GET', url: `${base}/nieuw`, rule: members },
      { method: 'POST', url: `${base}/nieuw`, rule: members, body: { title: '' } },
      { method: 'GET', url: `${base}/instellingen`, rule: managers },
      { method: 'POST', url: `${base}/instellingen`, rule: managers, body: {} },
      { method: 'GET', url: `${one}/bewerken`, rule: managers },
      { method: 'POST', url: `${one}/bewerken`, rule: managers, body: { title: '' } },
      { method: 'POST', url: `${one}/stand`, rule: managers, body: { to: 'elders' } },
      { method: 'GET', url: `${one}/herzien`, rule: reviewers },
      { method: 'POST', url: `${one}/herzien`, rule: reviewers, body: { reviewText: '' } },
      { method: 'POST', url: `${one}/instemmen`, rule: councilOnly, body: { version: '0' } },
    ] as const;
  };

  test('each route answers each role by the rule: 404 outside, 403 inside without the right', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const role of roles) {
        const client = clients.get(role)!;
        const response =
          route.method === 'GET'
            ? await client.get(route.url)
            : await client.post(route.url, 'body' in route ? { ...route.body } : {}, {
                from: '/',
              });
        const status = response.statusCode;
        let fine: boolean;
        if (role === 'visitor') {
          // Visitors are sent to the login page (GET) or refused (POST); never the page.
          fine = route.method === 'GET' ? status === 303 : status === 403;
          if (route.method === 'GET')
            fine &&= String(response.headers.location).startsWith('/inloggen');
        } else {
          const expected = route.rule[role];
          fine =
            expected === 'ok'
              ? status === 200 || status === 303 || status === 400 || status === 409
              : status === expected;
        }
        if (!fine) failures.push(`${route.method} ${route.url} as ${role}: ${status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('another network’s decision is not found through one’s own network', async () => {
    const coordinatorB = clients.get('coordinatorB')!;
    const b = world.networks.b.id;
    for (const url of [
      `/netwerk/${b}/besluiten/${decisionId}`,
      `/netwerk/${b}/besluiten/${decisionId}/geschiedenis`,
      `/netwerk/${b}/besluiten/${decisionId}/bewerken`,
      `/netwerk/${b}/besluiten/${decisionId}/herzien`,
    ]) {
      assert.equal((await coordinatorB.get(url)).statusCode, 404, url);
    }
    const post = await coordinatorB.post(
      `/netwerk/${b}/besluiten/${decisionId}/stand`,
      { to: 'withdrawn' },
      { from: `/netwerk/${b}/besluiten` },
    );
    assert.equal(post.statusCode, 404);
    const row = await decisionsService(t.database.db).findDecision(world.networks.a.id, decisionId);
    assert.equal(row!.status, 'decided');
    // An internal decision stays off the public page.
    const pub = await clients.get('visitor')!.get(`/buurt/${world.networks.a.slug}`);
    assert.ok(!pub.body.includes('Bankjes'));
  });
});
