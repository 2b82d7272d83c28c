// Proposals with a photo, the public proposal form, and proposals under moderation after
// publication (issue 13, item 2): hidden and withdrawn proposals leave every page; once the
// round has a ballot, hiding or withdrawing is refused with 409 and audited.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditLog } from '#src/platform/tables.js';
import { type TestApp, TestClient } from '#test/helpers/app.js';
import { type BudgetPagesState, setUpBudgetPages } from '#test/helpers/budgeting.js';
import { TEST_PASSWORD } from '#test/helpers/factories.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { budgetingRepository } from './repository.js';

const XSS = '<script>alert(1)</script>';

async function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#3080e0' } })
    .withExif({
      IFD0: { Make: 'Fotofabriek', Model: 'Kiekje 3000' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 5/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 7/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

describe('proposals: photos, the public form, moderation', () => {
  const bed = setUpBudgetPages();
  const { a, base, pub, createRound, propose, review, setPhase } = bed;
  let t: TestApp;
  let world: BudgetPagesState['world'];
  let coordinator: TestClient;
  let resident: TestClient;
  before(() => {
    ({ t, world, coordinator, resident } = bed.state);
  });
  const repo = () => budgetingRepository(t.database.db);
  const tokenFrom = (seconds: number) => t.app.signCookie(String(Date.now() - seconds * 1000));

  test('a member proposal with a photo: stored without location or camera data, shown with its description; every field escaped', async () => {
    const roundId = await createRound();
    const form = `${base()}/${roundId}/voorstellen/nieuw`;
    await resident.get(form);
    const response = await postMultipart(t, resident, form, {
      title: `Bankje ${XSS}`,
      description: `Een bankje bij de vijver ${XSS}`,
      place: `Vijver ${XSS}`,
      cost: '1.250,50',
      photoDescription: `De lege plek bij de vijver ${XSS}`,
      photo: { filename: `${XSS}.jpg`, contentType: 'image/jpeg', data: await gpsJpeg() },
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 400));
    const [proposal] = await repo().listProposals(roundId);
    assert.equal(proposal!.costCents, 125_050);
    assert.ok(proposal!.photoId);
    for (const page of [
      await resident.get(`${base()}/${roundId}`),
      await new TestClient(t.app).get(pub(roundId)),
    ]) {
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(XSS), 'a text is not escaped');
      assert.ok(!page.body.includes('<script>alert'), 'a text is not escaped');
      assert.match(page.body, new RegExp(`src="/wijkbudget/foto/${proposal!.photoId}"`));
      assert.match(
        page.body,
        /alt="De lege plek bij de vijver &lt;script>alert\(1\)&lt;\/script>"/,
      );
    }
    const photo = await new TestClient(t.app).get(`/wijkbudget/foto/${proposal!.photoId}`);
    assert.equal(photo.statusCode, 200);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
    assert.match(String(photo.headers['content-security-policy']), /default-src 'none'/);
    assert.match(String(photo.headers['cache-control']), /no-cache/);
    const meta = await sharp(photo.rawPayload).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF at all');
    assert.ok(!photo.rawPayload.includes(Buffer.from('Fotofabriek')));
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'budget.proposal.submit'),
          eq(auditLog.objectId, String(proposal!.id)),
        ),
      );
    assert.equal(audits.length, 1);
  });

  test('bad input: 400 with the field named and the input kept (also for a file that is no photo)', async () => {
    const roundId = await createRound();
    const form = `${base()}/${roundId}/voorstellen/nieuw`;
    await resident.get(form);
    const empty = await postMultipart(t, resident, form, {
      title: '',
      description: `Blijft staan ${XSS}`,
      place: '',
      cost: 'veel',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#field-title"/);
    assert.match(empty.body, /href="#field-cost"/);
    assert.match(empty.body, /Blijft staan &lt;script>/);
    assert.ok(!empty.body.includes(XSS));
    const notPhoto = await postMultipart(t, resident, form, {
      title: 'Moestuin',
      description: 'Bakken voor groente',
      place: '',
      cost: '300',
      photoDescription: 'Bakken',
      photo: { filename: `${XSS}.jpg`, contentType: 'image/jpeg', data: Buffer.from('geen foto') },
    });
    assert.equal(notPhoto.statusCode, 400);
    assert.match(notPhoto.body, /href="#field-photo"/);
    assert.match(notPhoto.body, /geen foto die we kunnen gebruiken/);
    assert.match(notPhoto.body, /value="Moestuin"/);
    assert.ok(!notPhoto.body.includes(XSS), 'the file name is not shown');
    assert.equal((await repo().listProposals(roundId)).length, 0);
  });

  test('the public form: guard (robot, too fast), into review without an account; escaped; closed outside submission', async () => {
    const roundId = await createRound();
    const visitor = new TestClient(t.app, '10.0.7.1');
    const network = await visitor.get(`/buurt/${a().slug}`);
    assert.match(network.body, new RegExp(`href="${pub(roundId)}/voorstel"`));
    const form = await visitor.get(`${pub(roundId)}/voorstel`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="stamp"/);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    const fields = {
      title: `Speelbos ${XSS}`,
      description: `Een klein bos om in te spelen ${XSS}`,
      place: 'Achter de school',
      cost: '2500',
    };
    const robot = await visitor.post(`${pub(roundId)}/voorstel`, {
      ...fields,
      stamp: tokenFrom(10),
      website: 'http://spam.example',
    });
    assert.equal(robot.statusCode, 303);
    assert.equal((await repo().listProposals(roundId)).length, 0);
    const fast = await visitor.post(`${pub(roundId)}/voorstel`, { ...fields, stamp: tokenFrom(0) });
    assert.equal(fast.statusCode, 400);
    assert.match(fast.body, /Speelbos &lt;script>/, 'the input is kept');
    const ok = await visitor.post(`${pub(roundId)}/voorstel`, { ...fields, stamp: tokenFrom(10) });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    const [stored] = await repo().listProposals(roundId);
    assert.equal(stored!.authorId, null);
    assert.equal(stored!.status, 'submitted');
    const page = await visitor.get(pub(roundId));
    assert.match(page.body, /Speelbos &lt;script>/);
    assert.ok(!page.body.includes(XSS));
    assert.match(page.body, new RegExp(`href="/melden/proposal/${stored!.id}"`));
    // With a photo, as a browser sends the form (multipart).
    await visitor.get(`${pub(roundId)}/voorstel`);
    const withPhoto = await postMultipart(t, visitor, `${pub(roundId)}/voorstel`, {
      title: 'Vogelhuisjes',
      description: 'Twintig vogelhuisjes in het park',
      place: 'Zonnepark',
      cost: '400',
      photoDescription: 'Een vogelhuisje aan een boom',
      stamp: tokenFrom(10),
      photo: {
        filename: `${XSS}.png`,
        contentType: 'image/png',
        data: await sharp({
          create: { width: 40, height: 40, channels: 4, background: '#ff000080' },
        })
          .png()
          .toBuffer(),
      },
    });
    assert.equal(withPhoto.statusCode, 303, withPhoto.body.slice(0, 300));
    const birds = (await repo().listProposals(roundId)).find((p) => p.title === 'Vogelhuisjes')!;
    assert.equal(birds.authorId, null);
    assert.ok(birds.photoId);
    assert.equal(
      (await visitor.get(`/wijkbudget/foto/${birds.photoId}`)).headers['content-type'],
      'image/jpeg',
    );
    const bad = await visitor.post(`${pub(roundId)}/voorstel`, {
      ...fields,
      cost: '',
      stamp: tokenFrom(10),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#field-cost"/);
    await setPhase(roundId, 'review');
    assert.equal((await visitor.get(`${pub(roundId)}/voorstel`)).statusCode, 409);
    // A round of another network under this network's address: not found.
    const other = await repo().insertRound(world.networks.b.id, {
      title: 'Elders',
      description: '',
      budgetCents: 100_000,
      submissionUntil: null,
      reviewUntil: null,
      votingFrom: null,
      votingUntil: null,
      ballotType: 'approval-budget',
      minSelections: 1,
      maxSelections: 0,
      pointsTotal: 10,
      rule: 'greedy',
      ties: 'default',
      voteByCode: true,
      voteByAccount: true,
      minAge: 0,
    });
    assert.equal((await visitor.get(`${pub(other)}/voorstel`)).statusCode, 404);
  });

  test('hidden by the coordinator: gone from every page, its photo no longer served; refused with 409 once voted (audited)', async () => {
    const roundId = await createRound();
    const form = `${base()}/${roundId}/voorstellen/nieuw`;
    await resident.get(form);
    await postMultipart(t, resident, form, {
      title: 'Mevrouw K. van nummer 7',
      description: 'Zij moet een nieuwe schutting betalen',
      place: '',
      cost: '500',
      photo: { filename: 'schutting.jpg', contentType: 'image/jpeg', data: await gpsJpeg() },
    });
    const keep = await propose(roundId, 'Speeltuin', '4000');
    const [named] = (await repo().listProposals(roundId)).filter((p) =>
      p.title.startsWith('Mevrouw'),
    );
    const moderation = `/netwerk/${a().id}/moderatie/proposal/${named!.id}`;
    await coordinator.get(moderation);
    const short = await coordinator.post(`${moderation}/verbergen`, { reason: 'x' });
    assert.equal(short.statusCode, 400);
    // Access: the coordinator of another network does not find it; a resident may not hide.
    const otherCoordinator = new TestClient(t.app);
    await otherCoordinator.login(world.people.coordinatorB.email!, TEST_PASSWORD);
    await otherCoordinator.get('/');
    const b = world.networks.b.id;
    assert.equal(
      (await otherCoordinator.get(`/netwerk/${b}/moderatie/proposal/${named!.id}`)).statusCode,
      404,
    );
    await resident.get(pub(roundId));
    assert.equal(
      (await resident.post(`${moderation}/verbergen`, { reason: 'Weg ermee alstublieft.' }))
        .statusCode,
      403,
    );
    const hidden = await coordinator.post(`${moderation}/verbergen`, {
      reason: `Dit plan noemt een buurvrouw bij naam. ${XSS}`,
    });
    assert.equal(hidden.statusCode, 303);
    assert.equal((await repo().findProposalById(named!.id))!.status, 'hidden');
    for (const page of [
      await new TestClient(t.app).get(pub(roundId)),
      await new TestClient(t.app).get(`/buurt/${a().slug}`),
    ])
      assert.ok(!page.body.includes('Mevrouw K.'), 'a hidden proposal is shown');
    // Its author still sees it on the member page, with the coordinator's reason.
    const own = await resident.get(`${base()}/${roundId}`);
    assert.match(own.body, /Verborgen door de coördinator:<\/strong> Dit plan noemt een buurvrouw/);
    assert.ok(
      !own.body.includes(`/wijkbudget/foto/${named!.photoId}`),
      'no photo that is not served',
    );
    assert.ok(!own.body.includes(XSS), 'the reason is escaped');
    assert.equal(
      (await new TestClient(t.app).get(`/wijkbudget/foto/${named!.photoId}`)).statusCode,
      404,
    );

    // Accept the other, vote once: now the proposals are frozen.
    const p = (await repo().findProposal(roundId, keep))!;
    await review(roundId, keep, {
      decision: 'accepted',
      reason: '',
      cost: String(p.costCents / 100),
      costReason: '',
    });
    await setPhase(roundId, 'voting');
    const voter = new TestClient(t.app);
    await voter.login(world.people.council.email!, TEST_PASSWORD);
    const ballot = await voter.post(
      `${pub(roundId)}/stemmen/stembiljet`,
      { via: 'account' },
      { from: `${pub(roundId)}/stemmen` },
    );
    const key = /name="key" value="([^"]+)"/.exec(ballot.body)![1]!;
    const sent = await voter.post(`${pub(roundId)}/stemmen/insturen`, {
      via: 'account',
      key,
      choice: String(keep),
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    const late = `/netwerk/${a().id}/moderatie/proposal/${keep}`;
    await coordinator.get(late);
    const refused = await coordinator.post(`${late}/verbergen`, { reason: 'Toch liever niet.' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Er is al gestemd in deze ronde\. De plannen staan nu vast/);
    assert.equal((await repo().findProposalById(keep))!.status, 'accepted');
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'moderation.hide'), eq(auditLog.objectId, String(keep))));
    assert.deepEqual(
      denied.map((d) => d.result),
      ['denied'],
    );
  });

  test('withdrawal by the author through moderation: before voting only; others may not', async () => {
    const roundId = await createRound();
    const mine = await propose(roundId, 'Bloembakken', '800');
    const later = await propose(roundId, 'Zitbank', '900');
    const other = new TestClient(t.app);
    await other.login(world.people.council.email!, TEST_PASSWORD);
    await other.get(pub(roundId));
    const notMine = await other.post(`/intrekken/proposal/${mine}`, {});
    assert.equal(notMine.statusCode, 403);
    await resident.get(pub(roundId));
    const done = await resident.post(`/intrekken/proposal/${mine}`, {});
    assert.equal(done.statusCode, 303);
    assert.equal((await repo().findProposalById(mine))!.status, 'withdrawn');
    assert.ok(!(await new TestClient(t.app).get(pub(roundId))).body.includes('Bloembakken'));
    await review(roundId, later, { decision: 'accepted', reason: '', cost: '900', costReason: '' });
    await setPhase(roundId, 'voting');
    await resident.get(pub(roundId));
    const tooLate = await resident.post(`/intrekken/proposal/${later}`, {});
    assert.equal(tooLate.statusCode, 409);
    assert.match(tooLate.body, /intrekken kan alleen vóór het stemmen/);
    assert.equal((await repo().findProposalById(later))!.status, 'accepted');
  });
});
