// From a signal to its experiments: the signal's page lists the experiments of its network
// linked to it and offers to start one from it (the new-experiment form then holds the
// signal), never for a person-bound signal; other networks see neither.
// The module list first, as the app loads it (signals' service reaches other modules' faces).
import '#src/modules/index.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signalsService } from '#src/modules/signals/service/index.js';
import type { Actor } from '#src/platform/actor.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { buildSearchActors } from '#test/helpers/search-actors.js';
import { experimentsService } from './service.js';

describe('experiments on a signal’s page', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  let signalId: number;
  let personalId: number;
  const base = () => `/netwerk/${world.networks.a.id}/signalen`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const db = t.database.db;
    const actors = buildSearchActors(world);
    const resActor = actors.get('resident') as Actor;
    const input = (title: string, personBound: boolean) => ({
      title,
      description: 'Bij de bushalte staat vaak iemand alleen te wachten.',
      theme: 'social_isolation',
      place: 'Bushalte Kerkplein',
      trigger: '',
      raisedBy: 'resident' as const,
      origin: 'street' as const,
      personBound,
    });
    signalId = await signalsService(db).createSignal(
      resActor,
      world.networks.a.id,
      input('Alleen bij de bushalte', false),
    );
    personalId = await signalsService(db).createSignal(
      resActor,
      world.networks.a.id,
      input('Een buurman redt het niet', true),
    );
    const experiment = (networkId: number, personId: number, title: string, ids: number[]) =>
      experimentsService(db).createExperiment(networkId, personId, {
        title,
        question: 'Helpt een bankje met een bordje "kletsbank"?',
        approach: '',
        startsOn: null,
        endsOn: null,
        signalIds: ids,
        teamIds: [],
      });
    await experiment(world.networks.a.id, world.people.resident.id, 'Kletsbank bij de halte', [
      signalId,
    ]);
    await experiment(world.networks.a.id, world.people.resident.id, 'Los experiment', []);
    // Another network that names the same signal id does not reach A's page.
    await experiment(world.networks.b.id, world.people.coordinatorB.id, 'Vreemd experiment', [
      signalId,
    ]);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  test('the page lists the linked experiment with its status, and only that one', async () => {
    const page = await resident.get(`${base()}/${signalId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Experimenten bij dit signaal/);
    assert.match(page.body, /Kletsbank bij de halte<\/a> \(Idee\)/);
    assert.ok(!page.body.includes('Los experiment'));
    assert.ok(!page.body.includes('Vreemd experiment'));
  });

  test('a member may start one from the signal; the form then holds the signal', async () => {
    const page = await resident.get(`${base()}/${signalId}`);
    const start = `/netwerk/${world.networks.a.id}/experimenten/nieuw?signaal=${signalId}`;
    assert.ok(page.body.includes(`href="${start}"`));
    assert.match(page.body, /Begin een experiment met dit signaal/);
    const form = await resident.get(start);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`name="signals"[^>]*value="${signalId}"`));
  });

  test('no start from a person-bound signal; an empty list says so', async () => {
    const page = await resident.get(`${base()}/${personalId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Er is nog geen experiment bij dit signaal\./);
    assert.ok(!page.body.includes('experimenten/nieuw?signaal='));
  });

  test('another network sees neither the signal nor its experiments', async () => {
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    const page = await other.get(`${base()}/${signalId}`);
    assert.equal(page.statusCode, 404);
    assert.ok(!page.body.includes('Kletsbank'));
  });
});
