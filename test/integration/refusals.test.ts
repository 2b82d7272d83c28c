// Issue 9, item 9: refusals answer one way, decided in platform/access.ts. A network the
// person does not belong to (or an unknown one) → 404; a page of their own network that
// their role does not open → 403, with a sentence that says so and a way back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';

describe('refusals: 404 outside one’s networks, 403 with a helpful sentence inside', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    resident = new TestClient(t.app, '10.30.0.1');
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
  });
  after(async () => t?.close());

  /** Pages for coordinators, one per module that has them. */
  const coordinatorPages = [
    '/netwerk/:id/moderatie',
    '/netwerk/:id/vonkjes/moderatie',
    '/netwerk/:id/bijeenkomsten/nieuw',
    '/netwerk/:id/uitnodigen',
    '/netwerk/:id/logboek',
    '/netwerk/:id/signalen/moderatie',
    '/netwerk/:id/signalen/themas',
    '/netwerk/:id/bibliotheek/goedkeuren',
  ];

  test('a resident opening a coordinator page of their own network: 403, says why, links back', async () => {
    const a = world.networks.a.id;
    for (const page of coordinatorPages) {
      const response = await resident.get(page.replace(':id', String(a)));
      assert.equal(response.statusCode, 403, page);
      assert.match(
        response.body,
        /U bent lid van dit buurtnetwerk, maar deze pagina is voor een andere rol/,
        page,
      );
      assert.match(response.body, new RegExp(`href="/netwerk/${a}"`), page);
    }
  });

  test('the same pages of another network, or of none: 404, nothing said about it', async () => {
    for (const id of [world.networks.b.id, world.networks.d.id, 999_999]) {
      for (const page of [
        ...coordinatorPages,
        '/netwerk/:id/vonkjes',
        '/netwerk/:id/bijeenkomsten',
      ]) {
        const response = await resident.get(page.replace(':id', String(id)));
        assert.equal(response.statusCode, 404, `${page} ${id}`);
        assert.doesNotMatch(response.body, /U bent lid van dit buurtnetwerk/);
      }
    }
  });

  test('a post the role does not allow, in one’s own network: 403', async () => {
    const a = world.networks.a.id;
    await resident.get(`/netwerk/${a}/vonkjes`);
    const response = await resident.post(`/netwerk/${a}/bijeenkomsten/nieuw`, {
      kind: 'network_meeting',
    });
    assert.equal(response.statusCode, 403);
    const other = await resident.post(`/netwerk/${world.networks.b.id}/bijeenkomsten/nieuw`, {
      kind: 'network_meeting',
    });
    assert.equal(other.statusCode, 404);
  });

  test('in English the sentence is English', async () => {
    const client = new TestClient(t.app, '10.30.0.2');
    await client.login(world.people.resident.email!, TEST_PASSWORD);
    client.setCookie('lang', 'en');
    const response = await client.get(`/netwerk/${world.networks.a.id}/vonkjes/moderatie`);
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /You are a member of this neighbourhood network/);
  });
});
