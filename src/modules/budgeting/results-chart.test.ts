// The results page shows the votes per project as the platform's SVG bar chart with its table
// (issue 13, item 6): one bar per project, funded and not funded told apart, titles escaped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createVotingRound } from '#test/helpers/budgeting.js';
import { createWorld } from '#test/helpers/factories.js';
import { budgetingRepository } from './repository.js';

describe('results: votes per project as a chart with its table', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  test('bars and table per project, most votes first; an XSS title is escaped in the chart too', async () => {
    const a = world.networks.a;
    const xss = '<img src=x onerror=alert(1)>Speeltuin';
    const { roundId, ids, codes, service } = await createVotingRound(t.database.db, a.id, {
      codes: 5,
      proposals: [
        { title: xss, costCents: 400_000 },
        { title: 'Moestuin', costCents: 300_000 },
        { title: 'Buurtfeest', costCents: 500_000 },
      ],
    });
    const votes = [[0, 1], [0], [0, 2], [1], [0]];
    for (const [k, picks] of votes.entries()) {
      const cast = await service.castBallot(
        a.id,
        roundId,
        { code: codes[k]! },
        new Map(picks.map((p) => [ids[p]!, 1])),
        `chart-ballot-${k}-abcdefgh`,
      );
      assert.equal(cast.ok, true);
    }
    await budgetingRepository(t.database.db).updateRound(a.id, roundId, { phase: 'counting' });
    const round = (await service.findRound(a.id, roundId))!;
    await service.countVotes(round, a, { personId: null, origin: 'test' });
    const page = await new TestClient(t.app).get(`/buurt/${a.slug}/wijkbudget/${roundId}/uitslag`);
    assert.equal(page.statusCode, 200);
    const svg = /<svg class="bk-chart"[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '';
    assert.match(svg, /<title id="votes-chart-title">Aantal stemmen per plan<\/title>/);
    assert.equal((svg.match(/<rect /g) ?? []).length, 3, 'one bar per project with votes');
    assert.match(page.body, /<caption class="utrecht-table__caption">Aantal stemmen per plan/);
    // Most votes first: 1. the XSS title (4), 2. Moestuin (2), 3. Buurtfeest (1).
    assert.match(page.body, /1\. &lt;img src=x onerror=alert\(1\)>Speeltuin/);
    assert.ok(!page.body.includes('<img src=x'), 'the title is escaped');
    assert.match(page.body, /2\. Moestuin/);
    assert.match(page.body, /3\. Buurtfeest/);
    assert.match(page.body, /Krijgt geld/);
    assert.match(page.body, /Krijgt geen geld/);
  });
});
