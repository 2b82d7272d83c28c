// "Ik kom" under concurrency (issue 12, item 4): places are counted, then claimed. On
// PostgreSQL the answers below run at the same moment on separate connections; on PGlite one
// after the other (the maximum must hold either way):
// node scripts/run-tests.mjs --pg src/modules/meetings/meetings-race.test.ts
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import {
  createMunicipality,
  createNetwork,
  createPerson,
  createRegion,
} from '#test/helpers/factories.js';
import { meetingsRepository } from './repository.js';
import { meetingsService } from './service.js';

describe('meetings: "ik kom" under concurrency', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A network with `members` residents and a meeting with `max` places. */
  async function meetingWith(members: number, max: number) {
    const db = t.database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const network = await createNetwork(db, municipality.id);
    const people = [];
    for (let i = 0; i < members; i++) {
      people.push(
        await createPerson(db, { memberOf: [{ networkId: network.id, role: 'resident' }] }),
      );
    }
    const id = await meetingsRepository(db).insertMeeting({
      networkId: network.id,
      kind: 'residents_evening',
      title: 'Kookworkshop',
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      place: 'Buurtkeuken',
      isPublic: true,
      maxPlaces: max,
    });
    return { network, id, people };
  }

  test('six answers at once for three places: exactly three get in, the rest are told it is full (5 tries)', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await meetingWith(6, 3);
      const service = meetingsService(t.database.db);
      const results = await Promise.all(
        m.people.map((p) => service.respond(m.network.id, m.id, p.id, 1)),
      );
      assert.equal(results.filter((r) => r.ok).length, 3, `round ${round}`);
      assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'full'));
      const taken = (await meetingsRepository(t.database.db).listRsvps(m.id)).reduce(
        (sum, r) => sum + r.places,
        0,
      );
      assert.equal(taken, 3);
    }
  });

  test('two people asking for two of three places at once: one is refused (5 tries)', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await meetingWith(2, 3);
      const service = meetingsService(t.database.db);
      const results = await Promise.all(
        m.people.map((p) => service.respond(m.network.id, m.id, p.id, 2)),
      );
      assert.deepEqual(results.map((r) => (r.ok ? 'ok' : `${r.reason}:${r.left}`)).sort(), [
        'full:1',
        'ok',
      ]);
    }
  });
});
