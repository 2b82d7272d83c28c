import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { snippetParts } from './presenters.js';
import { MARK_END, MARK_START } from './repository.js';

const actors = [
  'anonymous',
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'admin',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;
type ActorName = (typeof actors)[number];
type Net = 'a' | 'b' | 'c' | 'd';

/** Which networks' members may see a document of network `owner` at `level`. */
function mayFind(actor: ActorName, owner: Net, level: string): boolean {
  if (actor === 'admin' || level === 'public') return true;
  const home: Partial<Record<ActorName, Net>> = {
    resident: 'a',
    professional: 'a',
    coordinator: 'a',
    council: 'a',
    coordinatorB: 'b',
    coordinatorC: 'c',
    coordinatorD: 'd',
  };
  const municipality: Record<Net, string> = { a: 'm1', b: 'm1', c: 'm2', d: 'm3' };
  const region: Record<Net, string> = { a: 'r1', b: 'r1', c: 'r1', d: 'r2' };
  const mine = home[actor];
  if (actor === 'leader') {
    // Leader of A's municipality: what it shares with the municipality or the region.
    return municipality[owner] === 'm1' && (level === 'municipality' || level === 'region');
  }
  if (!mine) return false;
  if (mine === owner) return true;
  if (level === 'municipality') return municipality[mine] === municipality[owner];
  if (level === 'region') return region[mine] === region[owner];
  return false;
}

describe('search: Dutch full-text search within what the searcher may see', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients = new Map<ActorName, TestClient>();
  const client = (name: ActorName) => clients.get(name)!;
  /** Every document written: its unique word, owner network and level. */
  const documents: { word: string; owner: Net; level: string; title: string }[] = [];

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    for (const [i, name] of actors.entries()) {
      const c = new TestClient(t.app, `10.40.0.${i + 1}`);
      if (name !== 'anonymous') await c.login(world.people[name].email!, TEST_PASSWORD);
      await c.get('/');
      clients.set(name, c);
    }
    const coordinatorOf: Record<Net, ActorName> = {
      a: 'coordinator',
      b: 'coordinatorB',
      c: 'coordinatorC',
      d: 'coordinatorD',
    };
    // Each network's coordinator writes a lesson at every level (applied at once) and an
    // experiment with a logbook entry (network only). Every document has its own word,
    // and all share the word "zoekproef".
    let n = 0;
    for (const owner of ['a', 'b', 'c', 'd'] as const) {
      const by = client(coordinatorOf[owner]);
      const networkId = world.networks[owner].id;
      for (const level of ['network', 'municipality', 'region', 'public']) {
        const word = `kenwoord${owner}${level}`;
        const title = `Zoekproef les ${owner} ${level}`;
        await by.get(`/netwerk/${networkId}/bibliotheek/nieuw`);
        const r = await by.post(`/netwerk/${networkId}/bibliotheek/nieuw`, {
          kind: n++ % 2 === 0 ? 'lesson' : 'story',
          title,
          body: `De buurtbewoners leerden veel. ${word} zoekproef`,
          extra: '',
          themes: `thema${owner}`,
          visibility: level,
        });
        assert.equal(r.statusCode, 303);
        documents.push({ word, owner, level, title });
      }
      await by.get(`/netwerk/${networkId}/experimenten/nieuw`);
      const word = `kenwoord${owner}experiment`;
      const r = await by.post(`/netwerk/${networkId}/experimenten/nieuw`, {
        title: `Zoekproef experiment ${owner}`,
        question: `Wat leren buurtbewoners? ${word} zoekproef`,
        approach: '',
        startsOn: '',
        endsOn: '',
        signals: '',
      });
      assert.equal(r.statusCode, 303);
      documents.push({ word, owner, level: 'network', title: `Zoekproef experiment ${owner}` });
      const experiment = String(r.headers.location);
      await by.get(experiment);
      const logWord = `kenwoord${owner}logboek`;
      const logged = await by.post(`${experiment}/logboek`, {
        kind: 'surprise',
        happenedOn: '2031-05-01',
        text: `Een verrassing: ${logWord} zoekproef`,
      });
      assert.equal(logged.statusCode, 303);
      documents.push({
        word: logWord,
        owner,
        level: 'network',
        title: `Zoekproef experiment ${owner}`,
      });
    }
  });
  after(() => t.close());

  test(`never a leak: ${actors.length} actors × ${4 * 6} documents, each searched by its own word`, async () => {
    let found = 0;
    let hidden = 0;
    for (const actor of actors) {
      for (const doc of documents) {
        const page = await client(actor).get(`/zoeken?q=${doc.word}`);
        assert.equal(page.statusCode, 200);
        const sees = mayFind(actor, doc.owner, doc.level);
        const shows = page.body.includes(`${doc.word}</mark>`);
        assert.equal(shows, sees, `${actor} searching ${doc.word}`);
        if (sees) found++;
        else {
          hidden++;
          assert.match(page.body, /Niets gevonden/);
        }
      }
    }
    assert.ok(found > 0 && hidden > 0);
  });

  test('a shared word: the count is exactly what the actor may see, over every page', async () => {
    for (const actor of actors) {
      const allowed = documents.filter((d) => mayFind(actor, d.owner, d.level)).length;
      const seen = new Set<string>();
      for (let page = 1; page <= 4; page++) {
        const response = await client(actor).get(`/zoeken?q=zoekproef&pagina=${page}`);
        assert.equal(response.statusCode, 200);
        for (const m of response.body.matchAll(/kenwoord[a-d][a-z]+/g)) seen.add(m[0]);
        if (page === 1 && allowed > 1) {
          assert.match(response.body, new RegExp(`${allowed} resultaten`), actor);
        }
      }
      const expectedWords = documents
        .filter((d) => mayFind(actor, d.owner, d.level))
        .map((d) => d.word);
      assert.deepEqual([...seen].sort(), [...new Set(expectedWords)].sort(), actor);
    }
  });

  test('Dutch stemming: "buurtbewoner" finds "buurtbewoners", "verrassingen" finds "verrassing"', async () => {
    const one = await client('resident').get('/zoeken?q=buurtbewoner');
    assert.match(one.body, /<mark>buurtbewoners<\/mark>/);
    const two = await client('resident').get('/zoeken?q=verrassingen');
    assert.match(two.body, /<mark>verrassing<\/mark>/);
    const none = await client('resident').get('/zoeken?q=fietsenstalling');
    assert.match(
      none.body,
      /Niets gevonden voor &quot;fietsenstalling&quot;|Niets gevonden voor "fietsenstalling"/,
    );
  });

  test('filters: type, theme, network and period', async () => {
    const resident = client('resident');
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
    const resident = client('resident');
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
