import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';

describe('decisions: the demo', () => {
  let t: TestApp;
  before(async () => {
    // A copy of the demo, seeded once for the whole test run.
    t = await createTestApp({}, { demo: true });
  });
  after(() => t.close());

  test('a year of decisions: every effect and involvement, reviewed and due, one with council consent', async () => {
    const result = (await t.database.db.execute(sql`select
        (select count(distinct effect)::int from decisions) as effects,
        (select count(distinct involvement)::int from decisions) as involvement,
        (select count(*)::int from decisions where status = 'reviewed') as reviewed,
        (select count(*)::int from decisions where status = 'decided' and review_on <= current_date) as due,
        (select count(*)::int from decisions d where status = 'decided' and kind = 'budget'
           and exists (select 1 from decision_consents c where c.decision_id = d.id)) as consented,
        (select count(*)::int from decisions where status = 'proposed' and consent_requested) as waiting,
        (select count(*)::int from decisions where decided_on < current_date - 366) as older,
        (select count(*)::int from decision_versions) as versions`)) as unknown as {
      rows: Record<string, number>[];
    };
    const c = result.rows[0]!;
    assert.equal(c.effects, 4);
    assert.equal(c.involvement, 4);
    assert.ok(c.reviewed! >= 1);
    assert.ok(c.due! >= 2);
    assert.equal(c.consented, 1);
    assert.equal(c.waiting, 1);
    assert.equal(c.older, 0);
    assert.ok(c.versions! > 9);
  });

  test('Zonnehoek’s public page shows its decisions with their check, and not the internal one', async () => {
    const page = await new TestClient(t.app).get('/buurt/zonnehoek');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Besluiten van het afgelopen jaar'));
    assert.ok(page.body.includes('De weekmarkt komt terug op het Zonneplein'));
    assert.ok(page.body.includes('Dit besluit herstelt'));
    // A reviewed decision shows what it did, with hindsight.
    assert.ok(page.body.includes('Met wat we nu weten: dit besluit versterkt'));
    assert.ok(page.body.includes('Let op: bewoners waren niet betrokken bij dit besluit.'));
    assert.ok(!page.body.includes('Vaste tijden voor het spreekuur van de wijkagent'));
    assert.ok(!page.body.includes('een sportplek voor jongeren'));
  });
});
