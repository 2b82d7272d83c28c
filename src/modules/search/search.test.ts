import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { experimentsModule } from '#src/modules/experiments/index.js';
import { experimentsService } from '#src/modules/experiments/service.js';
import { libraryModule } from '#src/modules/library/index.js';
import { libraryService } from '#src/modules/library/service.js';
import type { Actor } from '#src/platform/actor.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import {
  buildSearchActors,
  type Level,
  mayFind,
  type Net,
  type SearchActorName,
  searchActors,
} from '#test/helpers/search-actors.js';
import { snippetParts } from './presenters.js';
import { MARK_END, MARK_START } from './repository.js';
import { searchService } from './service.js';

const actors = searchActors;
type ActorName = SearchActorName;

describe('search: Dutch full-text search within what the searcher may see', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let resident: TestClient;
  const actorsByName = new Map<ActorName, Actor | undefined>();
  /** Every document written: its unique word, owner network and level. */
  const documents: { word: string; owner: Net; level: Level }[] = [];

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const db = t.database.db;
    const id = (n: Net) => world.networks[n].id;
    for (const [name, actor] of buildSearchActors(world)) actorsByName.set(name, actor);

    // Each network's coordinator writes an item at every level (applied at once) and an
    // experiment with a logbook entry (network only), through the modules' services, which
    // refresh the index. Every document has its own word; all share "zoekproef".
    const library = libraryService(db);
    const experiments = experimentsService(db);
    let n = 0;
    for (const owner of ['a', 'b', 'c', 'd'] as const) {
      const by = actorsByName.get(
        owner === 'a' ? 'coordinator' : (`coordinator${owner.toUpperCase()}` as ActorName),
      )!;
      for (const level of ['network', 'municipality', 'region', 'public'] as const) {
        const word = `kenwoord${owner}${level}`;
        await library.createItem(by, id(owner), {
          kind: n++ % 2 === 0 ? 'lesson' : 'story',
          title: `Zoekproef les ${owner} ${level}`,
          body: `De buurtbewoners leerden veel. ${word} zoekproef`,
          extra: '',
          themes: [`thema${owner}`],
          visibility: level,
        });
        documents.push({ word, owner, level });
      }
      const word = `kenwoord${owner}experiment`;
      const experimentId = await experiments.createExperiment(id(owner), by.personId, {
        title: `Zoekproef experiment ${owner}`,
        question: `Wat leren buurtbewoners? ${word} zoekproef`,
        approach: '',
        startsOn: null,
        endsOn: null,
        signalIds: [],
        teamIds: [],
      });
      documents.push({ word, owner, level: 'network' });
      const experiment = (await experiments.findExperiment(id(owner), experimentId))!;
      const logWord = `kenwoord${owner}logboek`;
      const logged = await experiments.addLogEntry(experiment, {
        kind: 'surprise',
        happenedOn: '2031-05-01',
        text: `Een verrassing: ${logWord} zoekproef`,
        authorId: by.personId,
      });
      assert.equal(logged.ok, true);
      documents.push({ word: logWord, owner, level: 'network' });
    }
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  const search = () =>
    searchService(t.database.db, [experimentsModule.search!, libraryModule.search!]);

  test(`never a leak: ${actors.length} actors × 24 documents, each searched by its own word`, async () => {
    let found = 0;
    let hidden = 0;
    for (const name of actors) {
      for (const doc of documents) {
        const result = await search().search(actorsByName.get(name), { text: doc.word }, 1);
        const sees = mayFind(name, doc.owner, doc.level);
        assert.equal(result.total, sees ? 1 : 0, `${name} searching ${doc.word}`);
        assert.equal(result.hits.length, sees ? 1 : 0);
        if (sees) {
          found++;
          assert.ok(result.hits[0]!.snippet.includes(`${MARK_START}${doc.word}${MARK_END}`));
        } else hidden++;
      }
    }
    assert.ok(found > 0 && hidden > 0);
  });

  test('a shared word: the count is exactly what the actor may see, over every page', async () => {
    for (const name of actors) {
      const allowed = documents.filter((d) => mayFind(name, d.owner, d.level)).map((d) => d.word);
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const result = await search().search(actorsByName.get(name), { text: 'zoekproef' }, page);
        assert.equal(result.total, allowed.length, name);
        for (const hit of result.hits) seen.push(/kenwoord[a-d][a-z]+/.exec(hit.snippet)![0]);
      }
      assert.deepEqual(seen.sort(), [...allowed].sort(), name);
    }
  });

  test('over HTTP the page shows the same: the resident finds A and shared items, never B’s own', async () => {
    const page = await resident.get('/zoeken?q=kenwoordbnetwork');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Niets gevonden/);
    const shared = await resident.get('/zoeken?q=kenwoordbmunicipality');
    assert.match(shared.body, /<mark>kenwoordbmunicipality<\/mark>/);
    const anonymous = new TestClient(t.app);
    assert.match((await anonymous.get('/zoeken?q=kenwoordanetwork')).body, /Niets gevonden/);
    assert.match(
      (await anonymous.get('/zoeken?q=kenwoordapublic')).body,
      /<mark>kenwoordapublic<\/mark>/,
    );
  });

  test('Dutch stemming: "buurtbewoner" finds "buurtbewoners", "verrassingen" finds "verrassing"', async () => {
    const one = await resident.get('/zoeken?q=buurtbewoner');
    assert.match(one.body, /<mark>buurtbewoners<\/mark>/);
    const two = await resident.get('/zoeken?q=verrassingen');
    assert.match(two.body, /<mark>verrassing<\/mark>/);
    const none = await resident.get('/zoeken?q=fietsenstalling');
    assert.match(
      none.body,
      /Niets gevonden voor &quot;fietsenstalling&quot;|Niets gevonden voor "fietsenstalling"/,
    );
  });

  test('filters: type, theme, network and period', async () => {
    const typed = await resident.get('/zoeken?q=zoekproef&soort=logbook_entry');
    assert.equal(typed.statusCode, 200);
    assert.match(typed.body, /1 resultaat/);
    assert.match(typed.body, /kenwoordalogboek/);
    const themed = await resident.get('/zoeken?q=zoekproef&thema=themab');
    assert.ok(themed.body.includes('kenwoordbmunicipality'));
    assert.ok(!themed.body.includes('kenwoordalogboek'));
    const network = await resident.get(`/zoeken?q=zoekproef&netwerk=${world.networks.a.id}`);
    assert.ok(!network.body.includes('kenwoordbpublic'));
    assert.ok(network.body.includes('kenwoordapublic'));
    // The logbook entry happened on 1 May 2031; the lessons today.
    const period = await resident.get('/zoeken?q=zoekproef&van=2031-04-30&tot=2031-05-01');
    assert.match(period.body, /1 resultaat/);
    assert.match(period.body, /kenwoordalogboek/);
    // A network the searcher does not belong to cannot be chosen.
    const foreign = await resident.get(`/zoeken?q=zoekproef&netwerk=${world.networks.b.id}`);
    assert.equal(foreign.statusCode, 400);
    assert.ok(!foreign.body.includes('kenwoordb'));
  });

  test('bad and hostile input: 400 or nothing found, never a 500, the input kept and escaped', async () => {
    const badDate = await resident.get('/zoeken?q=zoekproef&van=2031-02-30');
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /value="zoekproef"/);
    const reversed = await resident.get('/zoeken?q=zoekproef&van=2031-05-02&tot=2031-05-01');
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.body, /moet vóór/);
    assert.equal((await resident.get('/zoeken?q=x&soort=signal_secret')).statusCode, 400);
    assert.equal((await resident.get(`/zoeken?q=${'a'.repeat(201)}`)).statusCode, 400);
    for (const q of [
      "'; drop table search_documents; --",
      '" OR 1=1 --',
      '!!! & | :* <-> (',
      '<script>alert(1)</script>',
      '\uE000kenwoordanetwork\uE001',
    ]) {
      const response = await resident.get(`/zoeken?q=${encodeURIComponent(q)}&pagina=abc`);
      assert.equal(response.statusCode, 200, q);
      assert.ok(!response.body.includes('<script>alert(1)</script>'), q);
    }
    const still = await resident.get('/zoeken?q=zoekproef');
    assert.match(still.body, /resultaten/);
  });

  test('snippets: only the markers become <mark>, everything else is text', () => {
    assert.deepEqual(snippetParts(`a ${MARK_START}<b>${MARK_END} c`), [
      { text: 'a ', marked: false },
      { text: '<b>', marked: true },
      { text: ' c', marked: false },
    ]);
    assert.deepEqual(snippetParts(`${MARK_START}open`), [{ text: 'open', marked: true }]);
    assert.deepEqual(snippetParts(''), []);
  });
});
