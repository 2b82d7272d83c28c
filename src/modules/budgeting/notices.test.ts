// Proposal authors are told (issue 13): accepted, rejected with the public reason, a cost
// changed in review (old → new, reason), and the results with their plan's explanation —
// each event once, to the author only; a proposal from the public form (no account, no
// address kept) tells nobody. Through the pages, as the council and coordinator use them.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { translator } from '#src/platform/i18n/index.js';
import { type TestApp, TestClient } from '#test/helpers/app.js';
import { type BudgetPagesState, setUpBudgetPages } from '#test/helpers/budgeting.js';
import { describeNotification } from '../notifications/presenters.js';
import { notifications } from '../notifications/tables.js';
import { budgetingRepository } from './repository.js';

describe('proposal authors are told about their plans', () => {
  const bed = setUpBudgetPages();
  const { a, base, pub, review, votingRound } = bed;
  let t: TestApp;
  let world: BudgetPagesState['world'];
  let coordinator: TestClient;
  before(() => {
    ({ t, world, coordinator } = bed.state);
  });

  /** Every budget notice of the people given, oldest first. */
  async function notices(personIds: number[]) {
    return t.database.db
      .select({
        personId: notifications.personId,
        event: notifications.event,
        params: notifications.params,
        link: notifications.link,
      })
      .from(notifications)
      .where(and(inArray(notifications.personId, personIds), eq(notifications.kind, 'budget')))
      .orderBy(notifications.id);
  }
  const everyone = () => Object.values(world.people).map((p) => p.id);

  test('review: accepted, rejected with its reason, a cost change old → new; once each, to the author only', async () => {
    const resident = world.people.resident.id;
    const coordinatorId = world.people.coordinator.id;
    const roundId = await bed.createRound({ title: 'Wijkbudget Beoordeling' });
    const bench = await bed.propose(roundId, 'Bankje bij de vijver', '1500');
    const mural = await bed.propose(roundId, 'Muurschildering', '2500');
    const party = await bed.propose(roundId, 'Straatfeest', '800', coordinator);
    // The public form stores no author and no address (routes/proposals.tsx): as it does.
    const anonymous = await budgetingRepository(t.database.db).insertProposal({
      roundId,
      networkId: a().id,
      authorId: null,
      title: 'Zonder account',
      description: 'Via de openbare pagina',
      place: '',
      costCents: 100_000,
    });
    const before = (await notices(everyone())).length;
    const ok = (r: { statusCode: number; body: string }) =>
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    ok(
      await review(roundId, bench, {
        decision: 'accepted',
        reason: '',
        cost: '1500',
        costReason: '',
      }),
    );
    ok(
      await review(roundId, mural, {
        decision: 'rejected',
        reason: 'De muur is van de woningcorporatie.',
        cost: '2500',
        costReason: '',
      }),
    );
    ok(
      await review(roundId, party, {
        decision: 'accepted',
        reason: 'Kan.',
        cost: '950',
        costReason: 'Een vergunning kost € 150.',
      }),
    );
    ok(
      await review(roundId, anonymous, {
        decision: 'accepted',
        reason: '',
        cost: '1200',
        costReason: 'Duurder dan gedacht.',
      }),
    );
    // Reviewed again: only the cost changes, so only the cost is told.
    ok(
      await review(roundId, bench, {
        decision: 'accepted',
        reason: '',
        cost: '1750',
        costReason: 'Met een prullenbak erbij.',
      }),
    );
    const made = (await notices(everyone())).slice(before);
    const path = (id: number) => `/netwerk/${a().id}/wijkbudget/${roundId}#voorstel-${id}`;
    assert.deepEqual(
      made.map((n) => [n.personId, n.event, n.params.title, n.link]),
      [
        [resident, 'accepted', 'Bankje bij de vijver', path(bench)],
        [resident, 'rejected', 'Muurschildering', path(mural)],
        [coordinatorId, 'accepted', 'Straatfeest', path(party)],
        [coordinatorId, 'cost', 'Straatfeest', path(party)],
        [resident, 'cost', 'Bankje bij de vijver', path(bench)],
      ],
    );
    assert.ok(!made.some((n) => n.params.title === 'Zonder account'), 'no author: nobody told');
    const [, rejected, , partyCost] = made;
    assert.equal(rejected!.params.reason, 'De muur is van de woningcorporatie.');
    assert.deepEqual(
      [partyCost!.params.oldCents, partyCost!.params.newCents, partyCost!.params.reason],
      [80_000, 95_000, 'Een vergunning kost € 150.'],
    );
    // In the reader's language, with the amounts in euros.
    const nl = describeNotification(translator('nl'), 'nl', { kind: 'budget', ...partyCost! });
    assert.equal(
      nl,
      'De kosten van uw plan "Straatfeest" zijn aangepast: van €\u00a0800 naar €\u00a0950. Dit is de reden: Een vergunning kost € 150.',
    );
    const en = describeNotification(translator('en'), 'en', { kind: 'budget', ...rejected! });
    assert.match(en, /^Your plan "Muurschildering" is not accepted\. This is the reason: De muur/);
    // The resident's list shows them with a link to the plan.
    const list = await bed.state.resident.get('/meldingen');
    assert.match(list.body, /Uw plan &quot;Muurschildering&quot; is niet goedgekeurd/);
    assert.ok(list.body.includes(`href="${path(mural)}"`));
  });

  test('results: each author told once per plan, funded or not, with its explanation and a link', async () => {
    const resident = world.people.resident.id;
    const { roundId, ids, codes, service } = await votingRound(3);
    // Speeltuin (€ 4.000) and Moestuin (€ 3.000) get the votes; Buurtfeest (€ 5.000) none.
    for (const [k, code] of codes.entries()) {
      const r = await service.castBallot(
        a().id,
        roundId,
        { code },
        new Map([
          [ids[0]!, 1],
          [ids[1]!, 1],
        ]),
        `notice-${k}-0123456789`,
      );
      assert.ok(r.ok);
    }
    const before = (await notices(everyone())).length;
    const round = `${base()}/${roundId}`;
    const count = async () => {
      await coordinator.post(`${round}/fase`, { phase: 'counting' }, { from: round });
      const counted = await coordinator.post(`${round}/tellen`, {}, { from: round });
      assert.equal(counted.statusCode, 303);
    };
    await count();
    const told = (await notices(everyone())).slice(before);
    const results = (id: number) => `${pub(roundId)}/uitslag#voorstel-${id}`;
    assert.deepEqual(
      told.map((n) => [n.personId, n.event, n.params.title, n.link]),
      [
        [resident, 'funded', 'Speeltuin', results(ids[0]!)],
        [resident, 'funded', 'Moestuin', results(ids[1]!)],
        [resident, 'notFunded', 'Buurtfeest', results(ids[2]!)],
      ],
    );
    const unfunded = told[2]!;
    const nl = describeNotification(translator('nl'), 'nl', { kind: 'budget', ...unfunded });
    assert.match(
      nl,
      /^De uitslag van "Wijkbudget 2027" is bekend: uw plan "Buurtfeest" krijgt geen geld\. Niemand stemde op "Buurtfeest"\.$/,
    );
    const en = describeNotification(translator('en'), 'en', { kind: 'budget', ...unfunded });
    assert.match(en, /your plan "Buurtfeest" is not funded\. Nobody voted for "Buurtfeest"\.$/);
    // Published again (taken back to counting and counted again) and the page reloaded:
    // nobody is told twice.
    await new TestClient(t.app).get(`${pub(roundId)}/uitslag`);
    await count();
    await new TestClient(t.app).get(`${pub(roundId)}/uitslag`);
    assert.equal((await notices(everyone())).length, before + 3);
  });
});
