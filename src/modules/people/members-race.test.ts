// The "last coordinator" rule under concurrency (issue 9, item 5): two coordinators who
// demote each other at the same moment leave one. Meant for PostgreSQL, where the two
// requests run on two connections: node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
  TEST_PASSWORD,
} from '#test/helpers/factories.js';

describe('the last coordinator, under concurrency', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /**
   * Two coordinators of a new network, signed in, each sending `path` about the other.
   * `refused` is the status of a request authorised after the other demoted or removed its
   * sender: 403 for a member without the role, 404 for someone no longer a member (the
   * network's existence is not revealed to outsiders; docs/architecture.md, access).
   */
  async function eachOther(path: string, fields: Record<string, string>, refused: 403 | 404) {
    const db = t.database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const lefts: number[] = [];
    for (let round = 0; round < 5; round++) {
      const network = await createNetwork(db, municipality.id);
      const one = await createPerson(db, {
        memberOf: [{ networkId: network.id, role: 'coordinator' }],
      });
      const two = await createPerson(db, {
        memberOf: [{ networkId: network.id, role: 'coordinator' }],
      });
      const membership = async (personId: number) =>
        (
          await rows<{ id: number }>(
            t,
            sql`select id from memberships where person_id = ${personId} and network_id = ${network.id}`,
          )
        )[0]!.id;
      const [mOne, mTwo] = [await membership(one.id), await membership(two.id)];
      const clientOne = new TestClient(t.app, '10.7.0.1');
      const clientTwo = new TestClient(t.app, '10.7.0.2');
      await clientOne.login(one.email!, TEST_PASSWORD);
      await clientTwo.login(two.email!, TEST_PASSWORD);
      await clientOne.get(`/netwerk/${network.id}/leden`);
      await clientTwo.get(`/netwerk/${network.id}/leden`);
      const responses = await Promise.all([
        clientOne.post(`/netwerk/${network.id}/leden/${mTwo}/${path}`, fields),
        clientTwo.post(`/netwerk/${network.id}/leden/${mOne}/${path}`, fields),
      ]);
      // Both overlap (303 each, one of them told it is the last coordinator), or one request
      // is authorised after the other demoted or removed its sender: then it is refused.
      // Never both succeed in taking the role away.
      const statuses = responses.map((r) => r.statusCode).sort();
      assert.ok(
        ['303,303', `303,${refused}`].includes(statuses.join(',')),
        `statuses: ${statuses.join(' ')}`,
      );
      const left = await rows<{ n: number }>(
        t,
        sql`select count(*)::int as n from memberships where network_id = ${network.id} and role = 'coordinator'`,
      );
      lefts.push(left[0]!.n);
    }
    return lefts;
  }

  test('two coordinators demoting each other at once leave one coordinator (5 tries)', async () => {
    assert.deepEqual(await eachOther('rol', { role: 'resident' }, 403), [1, 1, 1, 1, 1]);
  });

  test('two coordinators removing each other at once leave one coordinator (5 tries)', async () => {
    assert.deepEqual(await eachOther('verwijderen', {}, 404), [1, 1, 1, 1, 1]);
  });
});
