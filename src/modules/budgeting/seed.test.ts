import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { networkModule } from '#src/modules/network/index.js';
import { peopleModule } from '#src/modules/people/index.js';
import { platformRepository } from '#src/platform/repository.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { budgetingRepository } from './repository.js';
import { seedBudgetingDemo } from './seed.js';
import { budgetingService } from './service.js';

describe('budgeting: the demo', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('Zonnehoek has a counted round with results and a round in its voting phase with codes to try', async () => {
    const db = t.database.db;
    await networkModule.seed!(db);
    await peopleModule.seed?.(db);
    await seedBudgetingDemo(db);
    const network = (await networkModule.api.networks(db).findNetworkBySlug('zonnehoek'))!;
    const repo = budgetingRepository(db);
    const rounds = await repo.listRounds(network.id);
    assert.deepEqual(rounds.map((r) => r.phase).sort(), ['results', 'voting']);
    const done = rounds.find((r) => r.phase === 'results')!;
    const open = rounds.find((r) => r.phase === 'voting')!;
    assert.equal(await repo.countBallots(done.id), 137);
    assert.equal(await repo.countBallots(open.id), 23);
    assert.equal(await repo.countVoters(open.id), 23);
    // The demo's codes open with the secret the app generates in the demo.
    const secret = (await platformRepository(db).findSetting('cookie_secret'))!;
    const codes = await budgetingService(db, secret).listDemoCodes(open, 8);
    assert.equal(codes.length, 8);
    const results = await new TestClient(t.app).get(
      `/buurt/zonnehoek/wijkbudget/${done.id}/uitslag`,
    );
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /137 bewoners hebben gestemd/);
    assert.match(results.body, /krijgt geld/);
    assert.match(results.body, /krijgt geen geld/);
    const page = await new TestClient(t.app).get('/buurt/zonnehoek');
    assert.match(page.body, /Stem nu: Wijkbudget Zonnehoek 2026/);
    // Realisation: funded projects under way are on the network page and the round's page.
    const updates = await repo.listUpdates(done.id);
    assert.ok(updates.length >= 2, 'the finished round has realisation updates');
    assert.match(page.body, /Uitvoering/);
    const donePage = await new TestClient(t.app).get(`/buurt/zonnehoek/wijkbudget/${done.id}`);
    assert.match(donePage.body, /% klaar/);
    const ballotPage = await new TestClient(t.app).get(`/buurt/zonnehoek/wijkbudget/${open.id}`);
    assert.match(ballotPage.body, /Repair Café/);
    assert.match(ballotPage.body, /De indiener schatte/);
  });

  test('"Zelf narekenen": the results and the round link to the calculator, which offers the round\'s file and links back', async () => {
    const db = t.database.db;
    const network = (await networkModule.api.networks(db).findNetworkBySlug('zonnehoek'))!;
    const rounds = await budgetingRepository(db).listRounds(network.id);
    const done = rounds.find((r) => r.phase === 'results')!;
    const open = rounds.find((r) => r.phase === 'voting')!;
    const client = new TestClient(t.app);
    const recount = `/rekenhulp?buurt=zonnehoek&amp;ronde=${done.id}`;
    const results = await client.get(`/buurt/zonnehoek/wijkbudget/${done.id}/uitslag`);
    assert.ok(results.body.includes(`href="${recount}">Zelf narekenen</a>`), 'results link');
    const round = await client.get(`/buurt/zonnehoek/wijkbudget/${done.id}`);
    assert.ok(round.body.includes(`href="${recount}">Zelf narekenen</a>`), 'round page link');
    // The round still voting has no results yet, so no link to recount.
    const voting = await client.get(`/buurt/zonnehoek/wijkbudget/${open.id}`);
    assert.doesNotMatch(voting.body, /Zelf narekenen/);

    const base = `/buurt/zonnehoek/wijkbudget/${done.id}`;
    const calc = await client.get(`/rekenhulp?buurt=zonnehoek&ronde=${done.id}`);
    assert.equal(calc.statusCode, 200);
    assert.match(calc.body, /Narekenen: Wijkbudget Zonnehoek 2025/);
    assert.ok(calc.body.includes(`href="${base}/uitslag.pb" download`), 'the round file');
    assert.ok(calc.body.includes(`href="${base}/uitslag">Terug naar de uitslag`), 'way back');
    const file = await client.get(`${base}/uitslag.pb`);
    assert.equal(file.statusCode, 200);
    // An uncounted round, an unknown network or a malformed query: the plain calculator.
    for (const query of [
      `buurt=zonnehoek&ronde=${open.id}`,
      `buurt=nergens&ronde=${done.id}`,
      `buurt=../x&ronde=${done.id}`,
      'buurt=zonnehoek&ronde=1e3',
    ]) {
      const plain = await client.get(`/rekenhulp?${query}`);
      assert.equal(plain.statusCode, 200, query);
      assert.doesNotMatch(plain.body, /Narekenen:|Terug naar de uitslag/, query);
    }
  });
});
