import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { canMove, teamIsComplete } from './policy.js';
import { experimentsRepository } from './repository.js';

describe('the team rule and the status flow (pure)', () => {
  test('a team needs a resident and a professional; a coordinator counts as professional', () => {
    assert.equal(teamIsComplete(['resident', 'professional']).complete, true);
    assert.equal(teamIsComplete(['resident', 'coordinator']).complete, true);
    assert.equal(teamIsComplete(['council', 'professional']).complete, true);
    assert.equal(teamIsComplete(['resident', 'resident']).complete, false);
    assert.equal(teamIsComplete(['professional', 'coordinator']).complete, false);
    assert.equal(teamIsComplete([]).complete, false);
    assert.equal(teamIsComplete(['resident', undefined]).complete, false);
  });

  test('idea → running → evaluated, or stopped; nothing goes back', () => {
    assert.ok(canMove('idea', 'running'));
    assert.ok(canMove('idea', 'stopped'));
    assert.ok(canMove('running', 'evaluated'));
    assert.ok(canMove('running', 'stopped'));
    assert.ok(!canMove('idea', 'evaluated'));
    assert.ok(!canMove('evaluated', 'running'));
    assert.ok(!canMove('stopped', 'running'));
    assert.ok(!canMove('evaluated', 'stopped'));
  });
});

describe('experiments over HTTP: proposing, the team rule, starting', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;
  const base = () => `/netwerk/${a()}/experimenten`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const role of ['resident', 'coordinator'] as const) {
      const client = new TestClient(t.app);
      await client.login(world.people[role].email!, TEST_PASSWORD);
      clients[role] = client;
    }
  });
  after(() => t.close());

  async function propose(by: TestClient, fields: Record<string, string> = {}): Promise<number> {
    await by.get(`${base()}/nieuw`);
    const response = await by.post(`${base()}/nieuw`, {
      title: 'Koffie op het bankje',
      question: 'Komen oudere bewoners vaker buiten als er elke dinsdag koffie is?',
      approach: 'Een bewoner en de welzijnswerker schenken koffie bij het bankje.',
      startsOn: '',
      endsOn: '',
      signals: '',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    return Number(/experimenten\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  const statusOf = async (id: number) =>
    (await experimentsRepository(t.database.db).findExperiment(a(), id))!.status;

  test('a resident proposes an experiment from a signal; bad input keeps what was typed', async () => {
    const resident = clients.resident!;
    const form = await resident.get(`${base()}/nieuw?signaal=42`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="signals"[^>]*value="42"/);
    const bad = await resident.post(`${base()}/nieuw`, {
      title: 'Soep <b>samen</b>',
      question: '',
      signals: 'twaalf',
      startsOn: '2031-02-30',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(
      bad.body,
      /value="Soep &lt;b>samen&lt;\/b>"|value="Soep &lt;b&gt;samen&lt;\/b&gt;"/,
    );
    assert.match(bad.body, /Vul nummers in/);
    assert.match(bad.body, /field-question-error/);
    assert.match(bad.body, /field-startsOn-error/);
    const id = await propose(resident, { signals: '42, 7' });
    assert.equal(await statusOf(id), 'idea');
    const page = await resident.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Signaal 42/);
    assert.match(page.body, /Er zit nog geen professional in het team/);
    assert.match((await resident.get(base())).body, /Koffie op het bankje/);
  });

  test('it cannot start without a resident and a professional on the team', async () => {
    const resident = clients.resident!;
    const id = await propose(resident);
    await resident.get(`${base()}/${id}`);
    const refused = await resident.post(`${base()}/${id}/stand`, { to: 'running' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /minstens één bewoner en één professional/);
    assert.equal(await statusOf(id), 'idea');

    // Two professionals (one is the coordinator) without a resident: refused too.
    const coordinator = clients.coordinator!;
    const other = await propose(coordinator, {
      [`team-${world.people.professional.id}`]: 'on',
    });
    await coordinator.get(`${base()}/${other}`);
    assert.equal(
      (await coordinator.post(`${base()}/${other}/stand`, { to: 'running' })).statusCode,
      409,
    );
    assert.equal(await statusOf(other), 'idea');

    // With the professional on the team it starts; the start date is set.
    await resident.get(`${base()}/${id}`);
    const added = await resident.post(`${base()}/${id}/team`, {
      personId: String(world.people.professional.id),
    });
    assert.equal(added.statusCode, 303);
    const started = await resident.post(`${base()}/${id}/stand`, { to: 'running' });
    assert.equal(started.statusCode, 303);
    const row = await experimentsRepository(t.database.db).findExperiment(a(), id);
    assert.equal(row!.status, 'running');
    assert.match(row!.startsOn ?? '', /^\d{4}-\d{2}-\d{2}$/);

    // A running experiment keeps its duo.
    await resident.get(`${base()}/${id}`);
    const removed = await resident.post(`${base()}/${id}/team/verwijderen`, {
      personId: String(world.people.professional.id),
    });
    assert.equal(removed.statusCode, 409);
    assert.deepEqual(
      (await experimentsRepository(t.database.db).listTeam(id)).sort(),
      [world.people.resident.id, world.people.professional.id].sort(),
    );
  });

  test('a coordinator and a council member make a complete team; people of other networks cannot be added', async () => {
    const coordinator = clients.coordinator!;
    const id = await propose(coordinator, { [`team-${world.people.council.id}`]: 'on' });
    await coordinator.get(`${base()}/${id}`);
    const outsider = await coordinator.post(`${base()}/${id}/team`, {
      personId: String(world.people.coordinatorB.id),
    });
    assert.equal(outsider.statusCode, 400);
    assert.ok(
      !(await experimentsRepository(t.database.db).listTeam(id)).includes(
        world.people.coordinatorB.id,
      ),
    );
    assert.equal(
      (await coordinator.post(`${base()}/${id}/stand`, { to: 'running' })).statusCode,
      303,
    );
    assert.equal(await statusOf(id), 'running');
  });
});
