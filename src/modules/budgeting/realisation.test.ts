// Realisation (issue 13, item 8): the coordinator's updates on funded projects — text,
// optional photo, progress in percent, money spent in euros with cents — on the round's public
// page and the network's public page until the project is done.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditLog } from '#src/platform/tables.js';
import { type TestApp, TestClient } from '#test/helpers/app.js';
import {
  type BudgetPagesState,
  createVotingRound,
  setUpBudgetPages,
} from '#test/helpers/budgeting.js';
import { TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { budgetingRepository } from './repository.js';

const XSS = '<script>alert(1)</script>';

describe('realisation: updates on funded projects', () => {
  const bed = setUpBudgetPages();
  const { a, base, pub } = bed;
  let t: TestApp;
  let world: BudgetPagesState['world'];
  let coordinator: TestClient;
  let resident: TestClient;
  before(() => {
    ({ t, world, coordinator, resident } = bed.state);
  });

  /** A counted round: Speeltuin (€ 4.000) and Moestuin (€ 3.000) funded, Buurtfeest not. */
  async function countedRound() {
    const db = t.database.db;
    const { roundId, ids, codes, service } = await createVotingRound(db, a().id, { codes: 3 });
    const picks = [[0, 1], [0, 1], [2]];
    for (const [k, chosen] of picks.entries()) {
      const cast = await service.castBallot(
        a().id,
        roundId,
        { code: codes[k]! },
        new Map(chosen.map((p) => [ids[p]!, 1])),
        `realisation-${roundId}-${k}-abcdef`,
      );
      assert.equal(cast.ok, true);
    }
    await budgetingRepository(db).updateRound(a().id, roundId, { phase: 'counting' });
    const round = (await service.findRound(a().id, roundId))!;
    await service.countVotes(round, a(), { personId: null, origin: 'test' });
    const counted = (await service.findRound(a().id, roundId))!;
    const funded = (counted.result as { outcome: { selected: string[] } }).outcome.selected;
    assert.ok(funded.includes(String(ids[0])) && !funded.includes(String(ids[2])));
    return { roundId, ids };
  }

  test('an update with a photo: shown on the round and network pages, escaped; gone from them when done', async () => {
    const { roundId, ids } = await countedRound();
    const page = `${base()}/${roundId}`;
    const action = `${page}/voorstellen/${ids[0]}/uitvoering`;
    const member = await coordinator.get(page);
    assert.match(member.body, new RegExp(`action="${action}"`));
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#40a040' },
    })
      .withExif({ IFD0: { Make: 'Fotofabriek' } })
      .jpeg()
      .toBuffer();
    const sent = await postMultipart(t, coordinator, action, {
      text: `De schommels staan er ${XSS}`,
      progress: '40',
      spent: '1.250,50',
      photoDescription: `Twee nieuwe schommels ${XSS}`,
      photo: { filename: `${XSS}.jpg`, contentType: 'image/jpeg', data: photo },
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
    const [update] = await budgetingRepository(t.database.db).listUpdates(roundId);
    assert.equal(update!.spentCents, 125_050);
    assert.equal(update!.progress, 40);
    const visitor = new TestClient(t.app);
    const round = await visitor.get(pub(roundId));
    assert.match(round.body, /De schommels staan er &lt;script>/);
    assert.match(round.body, /40% klaar · €\s1\.250,50 uitgegeven van €\s4\.000(,00)?/);
    assert.match(round.body, /alt="Twee nieuwe schommels &lt;script>/);
    const network = await visitor.get(`/buurt/${a().slug}`);
    assert.match(network.body, /Uitvoering/);
    assert.match(network.body, new RegExp(`href="${pub(roundId)}#uitvoering"`));
    for (const body of [round.body, network.body, sent.body])
      assert.ok(!body.includes(XSS), 'a text or file name is not escaped');
    const served = await visitor.get(`/wijkbudget/foto/${update!.photoId}`);
    assert.equal(served.statusCode, 200);
    assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'budget.realisation.update'),
          eq(auditLog.objectId, String(roundId)),
        ),
      );
    assert.equal(audits.length, 1);

    // Done: the project leaves the public pages (the coordinator still sees it).
    await coordinator.get(page);
    const done = await coordinator.post(action, {
      text: 'Klaar, de speeltuin is open.',
      progress: '100',
      spent: '3980',
    });
    assert.equal(done.statusCode, 303);
    assert.ok(!(await visitor.get(pub(roundId))).body.includes('De schommels staan er'));
    assert.ok(
      !(await visitor.get(`/buurt/${a().slug}`)).body.includes(`${pub(roundId)}#uitvoering`),
    );
    assert.match((await coordinator.get(page)).body, /100% klaar/);
  });

  test('bad input: 400 with each field named and the input kept; a project that was not funded: 409', async () => {
    const { roundId, ids } = await countedRound();
    const page = `${base()}/${roundId}`;
    const action = `${page}/voorstellen/${ids[1]}/uitvoering`;
    await coordinator.get(page);
    const bad = await coordinator.post(action, {
      text: '',
      progress: '101',
      spent: 'veel',
      photoDescription: `Blijft staan ${XSS}`,
    });
    assert.equal(bad.statusCode, 400);
    for (const field of ['text', 'progress', 'spent'])
      assert.match(bad.body, new RegExp(`href="#field-${field}"`));
    assert.match(bad.body, /value="101"/);
    assert.match(bad.body, /value="veel"/);
    assert.match(bad.body, /Blijft staan &lt;script>/);
    assert.ok(!bad.body.includes(XSS));
    const negative = await coordinator.post(action, { text: 'Ok', progress: '-5', spent: '10' });
    assert.equal(negative.statusCode, 400);
    assert.match(negative.body, /Vul een heel getal in van 0 tot en met 100/);
    const notFunded = await coordinator.post(`${page}/voorstellen/${ids[2]}/uitvoering`, {
      text: 'Toch een feest',
      progress: '10',
      spent: '0',
    });
    assert.equal(notFunded.statusCode, 409);
    assert.equal((await budgetingRepository(t.database.db).listUpdates(roundId)).length, 0);
  });

  test('access: a resident 403, the coordinator of another network 404', async () => {
    const { roundId, ids } = await countedRound();
    const action = `${base()}/${roundId}/voorstellen/${ids[0]}/uitvoering`;
    const fields = { text: 'Bijna klaar', progress: '90', spent: '100' };
    await resident.get(`${base()}/${roundId}`);
    const asResident = await resident.post(action, fields);
    assert.equal(asResident.statusCode, 403);
    const other = new TestClient(t.app);
    await other.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    await other.get('/');
    const asOther = await other.post(action, fields);
    assert.equal(asOther.statusCode, 404);
    assert.ok(!(await resident.get(`${base()}/${roundId}`)).body.includes(`action="${action}"`));
    assert.equal((await budgetingRepository(t.database.db).listUpdates(roundId)).length, 0);
  });
});
