// Changing a logbook entry: its author (while a member) or the network's coordinator; bad
// input kept with a message; the search index follows; others are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { experimentsService } from './service.js';

describe('experiments: editing a logbook entry', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<string, TestClient>();
  let base: string;
  let entryId: number;
  let otherExperimentId: number;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const db = t.database.db;
    const a = world.networks.a.id;
    const service = experimentsService(db);
    const create = (title: string) =>
      service.createExperiment(a, world.people.resident.id, {
        title,
        question: 'Komen er meer mensen als we koffie schenken?',
        approach: '',
        startsOn: null,
        endsOn: null,
        signalIds: [],
        teamIds: [],
      });
    const id = await create('Koffie bij de ingang');
    otherExperimentId = await create('Ander experiment');
    const experiment = (await service.findExperiment(a, id))!;
    const logged = await service.addLogEntry(experiment, {
      kind: 'observation',
      happenedOn: '2031-04-02',
      text: 'Er kwamen twaalf mensen: logproefoud.',
      authorId: world.people.resident.id,
    });
    assert.equal(logged.ok, true);
    entryId = (await service.findDetail(a, id))!.log[0]!.id;
    base = `/netwerk/${a}/experimenten/${id}`;
    for (const name of ['resident', 'professional', 'coordinator', 'coordinatorB'] as const) {
      const c = new TestClient(t.app, `10.32.0.${clients.size + 1}`);
      await c.login(world.people[name].email!, TEST_PASSWORD);
      clients.set(name, c);
    }
  });
  after(() => t.close());

  const edit = (who: string, path: string, fields: Record<string, string>) =>
    clients.get(who)!.post(path, fields, { from: base });

  test('the author changes kind, date and text; the page and search follow', async () => {
    const resident = clients.get('resident')!;
    const page = await resident.get(base);
    const path = `${base}/logboek/${entryId}/bewerken`;
    assert.ok(page.body.includes(`href="${path}"`));
    const form = await resident.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /logproefoud/);
    const saved = await edit('resident', path, {
      kind: 'surprise',
      happenedOn: '2031-04-03',
      text: 'Er kwamen twintig verrassende bezoekers: logproefnieuw.',
    });
    assert.equal(saved.statusCode, 303);
    const after = await resident.get(base);
    assert.match(after.body, /logproefnieuw/);
    assert.match(after.body, /De wijziging in het logboek is opgeslagen\./);
    assert.match((await resident.get('/zoeken?q=logproefoud')).body, /Niets gevonden/);
    assert.match(
      (await resident.get('/zoeken?q=bezoeker')).body,
      /<mark>bezoekers<\/mark>/,
      'Dutch stemming',
    );
  });

  test('bad input: 400, the field named, the input kept, nothing saved', async () => {
    const path = `${base}/logboek/${entryId}/bewerken`;
    const bad = await edit('resident', path, {
      kind: 'surprise',
      happenedOn: '2031-02-30',
      text: 'Deze tekst mag niet bewaard worden.',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Deze tekst mag niet bewaard worden\./);
    const empty = await edit('resident', path, {
      kind: 'surprise',
      happenedOn: '2031-04-03',
      text: ' ',
    });
    assert.equal(empty.statusCode, 400);
    assert.ok(!(await clients.get('resident')!.get(base)).body.includes('niet bewaard'));
  });

  test('others: a member who did not write it 403, another network 404; the coordinator may', async () => {
    const path = `${base}/logboek/${entryId}/bewerken`;
    assert.equal((await clients.get('professional')!.get(path)).statusCode, 403);
    assert.equal((await clients.get('coordinatorB')!.get(path)).statusCode, 404);
    const wrongExperiment = `/netwerk/${world.networks.a.id}/experimenten/${otherExperimentId}/logboek/${entryId}/bewerken`;
    assert.equal((await clients.get('resident')!.get(wrongExperiment)).statusCode, 404);
    const byProfessional = await edit('professional', path, {
      kind: 'setback',
      happenedOn: '2031-04-03',
      text: 'Overgenomen',
    });
    assert.equal(byProfessional.statusCode, 403);
    const byCoordinator = await edit('coordinator', path, {
      kind: 'success',
      happenedOn: '2031-04-03',
      text: 'Aangevuld door de coördinator.',
    });
    assert.equal(byCoordinator.statusCode, 303);
    const page = await clients.get('resident')!.get(base);
    assert.match(page.body, /Aangevuld door de coördinator\./);
    assert.ok(!page.body.includes('Overgenomen'));
  });
});
