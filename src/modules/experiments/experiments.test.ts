import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
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

describe('experiments over HTTP', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;
  const base = () => `/netwerk/${a()}/experimenten`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const role of [
      'resident',
      'professional',
      'coordinator',
      'council',
      'coordinatorB',
      'admin',
    ] as const) {
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

  test('the logbook: the team writes typed entries; others may read but not write', async () => {
    const resident = clients.resident!;
    const id = await propose(resident, { [`team-${world.people.professional.id}`]: 'on' });
    await resident.get(`${base()}/${id}`);
    const xss = '<script>alert(1)</script>';
    const logged = await resident.post(`${base()}/${id}/logboek`, {
      kind: 'surprise',
      happenedOn: '2031-03-04',
      text: `Mevrouw van de overkant kwam zelf een taart brengen ${xss}`,
    });
    assert.equal(logged.statusCode, 303);
    const bad = await resident.post(`${base()}/${id}/logboek`, {
      kind: 'gossip',
      happenedOn: '2031-03-05',
      text: 'Wat ik wilde zeggen',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Wat ik wilde zeggen/);
    const page = await clients.council!.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Verrassing · 4 maart 2031/);
    assert.ok(!page.body.includes(xss));
    // The council member is not on the team: may read, may not write.
    await clients.council!.get(`${base()}/${id}`);
    const refused = await clients.council!.post(`${base()}/${id}/logboek`, {
      kind: 'observation',
      happenedOn: '2031-03-05',
      text: 'Ik was er niet bij',
    });
    assert.equal(refused.statusCode, 403);
    const entries = await experimentsRepository(t.database.db).listLogEntries(id);
    assert.deepEqual(
      entries.map((e) => e.kind),
      ['surprise'],
    );
  });

  test('other networks do not see experiments: 404 for the board and an experiment; the admin may look', async () => {
    const id = await propose(clients.resident!);
    const b = clients.coordinatorB!;
    assert.equal((await b.get(base())).statusCode, 404);
    assert.equal((await b.get(`${base()}/${id}`)).statusCode, 404);
    assert.equal(
      (await b.get(`/netwerk/${world.networks.b.id}/experimenten/${id}`)).statusCode,
      404,
    );
    await b.get(`/netwerk/${world.networks.b.id}/experimenten`);
    const posted = await b.post(`${base()}/${id}/logboek`, {
      kind: 'observation',
      happenedOn: '2031-03-05',
      text: 'binnengedrongen',
    });
    assert.equal(posted.statusCode, 404);
    const anonymous = new TestClient(t.app);
    const redirected = await anonymous.get(`${base()}/${id}`);
    assert.equal(redirected.statusCode, 303);
    assert.equal((await clients.admin!.get(`${base()}/${id}`)).statusCode, 200);
    assert.equal((await experimentsRepository(t.database.db).listLogEntries(id)).length, 0);
  });

  test('evaluation needs a running experiment and at least one lesson; the lessons land in the library', async () => {
    const resident = clients.resident!;
    const id = await propose(resident, { [`team-${world.people.professional.id}`]: 'on' });
    await resident.get(`${base()}/${id}/evaluatie`);
    // Still an idea: evaluating is refused and nothing is written.
    const early = await resident.post(`${base()}/${id}/evaluatie`, {
      evaluation: 'Te vroeg',
      lesson1Title: 'Een les',
      lesson1Body: 'Iets geleerd',
      lesson1Differently: '',
    });
    assert.equal(early.statusCode, 409);
    assert.equal(await statusOf(id), 'idea');
    await resident.get(`${base()}/${id}`);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'running' })).statusCode, 303);

    await resident.get(`${base()}/${id}/evaluatie`);
    const none = await resident.post(`${base()}/${id}/evaluatie`, {
      evaluation: 'Het liep goed.',
      lesson1Title: '',
      lesson1Body: '',
      lesson1Differently: '',
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Schrijf minstens één les/);
    assert.match(none.body, /Het liep goed\./);
    assert.equal(await statusOf(id), 'running');

    const half = await resident.post(`${base()}/${id}/evaluatie`, {
      evaluation: 'Het liep goed.',
      lesson1Title: 'Koffie verbindt',
      lesson1Body: '',
      lesson1Differently: '',
    });
    assert.equal(half.statusCode, 400);
    assert.match(half.body, /value="Koffie verbindt"/);

    const done = await resident.post(`${base()}/${id}/evaluatie`, {
      evaluation: 'Het liep goed; elke week kwamen er meer mensen.',
      lesson1Title: 'Koffie verbindt buurtbewoners',
      lesson1Body: 'Een vaste plek en tijd maakt het makkelijk om aan te schuiven.',
      lesson1Differently: 'Eerder de flatbewoners uitnodigen.',
      lesson2Title: 'Een duo trekt meer mensen',
      lesson2Body: 'Met een bewoner erbij voelde het minder als hulpverlening.',
      lesson2Differently: '',
      lesson3Title: '',
      lesson3Body: '',
      lesson3Differently: '',
    });
    assert.equal(done.statusCode, 303);
    assert.equal(await statusOf(id), 'evaluated');
    const page = await resident.get(`${base()}/${id}`);
    const lessonLinks = [...page.body.matchAll(/href="\/bibliotheek\/(\d+)"/g)].map((m) => m[1]);
    assert.equal(lessonLinks.length, 2);
    const lesson = await clients.council!.get(`/bibliotheek/${lessonLinks[0]}`);
    assert.equal(lesson.statusCode, 200);
    assert.match(lesson.body, /Koffie verbindt buurtbewoners/);
    assert.match(lesson.body, /Geleerd in het experiment: Koffie op het bankje/);
    assert.match(lesson.body, /Alleen ons buurtnetwerk/);
    // Network visibility: another network does not see it.
    assert.equal(
      (await clients.coordinatorB!.get(`/bibliotheek/${lessonLinks[0]}`)).statusCode,
      404,
    );

    // Evaluated is final: no restart, no second evaluation, no more logbook entries.
    await resident.get(`${base()}/${id}`);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'running' })).statusCode, 409);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'stopped' })).statusCode, 409);
    const late = await resident.post(`${base()}/${id}/logboek`, {
      kind: 'success',
      happenedOn: '2031-03-05',
      text: 'Nog iets',
    });
    assert.equal(late.statusCode, 409);
    assert.equal(await statusOf(id), 'evaluated');
  });

  test('an idea can be stopped and then stays stopped; the board groups by status', async () => {
    const resident = clients.resident!;
    const id = await propose(resident, { title: 'Straatspeeldag' });
    await resident.get(`${base()}/${id}`);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'stopped' })).statusCode, 303);
    assert.equal(await statusOf(id), 'stopped');
    await resident.get(`${base()}/${id}`);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'running' })).statusCode, 409);
    assert.equal((await resident.post(`${base()}/${id}/stand`, { to: 'bogus' })).statusCode, 409);
    const board = await resident.get(base());
    const stoppedColumn = board.body.split('id="status-stopped"')[1]!;
    assert.match(stoppedColumn, /Straatspeeldag/);
    const ideaColumn = board.body.split('id="status-idea"')[1]!.split('id="status-running"')[0]!;
    assert.ok(!ideaColumn.includes('Straatspeeldag'));
  });

  test('a member joins the team with one button', async () => {
    const newcomer = await createPerson(t.database.db, {
      memberOf: [{ networkId: a(), role: 'resident' }],
    });
    const client = new TestClient(t.app);
    await client.login(newcomer.email!, TEST_PASSWORD);
    const id = await propose(clients.professional!);
    await client.get(`${base()}/${id}`);
    assert.equal((await client.post(`${base()}/${id}/meedoen`, {})).statusCode, 303);
    assert.ok((await experimentsRepository(t.database.db).listTeam(id)).includes(newcomer.id));
  });
});
