import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { experimentsRepository } from './repository.js';

describe('experiments over HTTP: logbook, access, evaluation, stopping', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;
  const base = () => `/netwerk/${a()}/experimenten`;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const role of ['resident', 'professional', 'council', 'coordinatorB', 'admin'] as const) {
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
