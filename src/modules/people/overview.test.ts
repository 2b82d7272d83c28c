// The network overview (/netwerk/:id, decision 0014) on a hand-made data set: every role's
// blocks and counts, what must stay out (another network's items, someone else's
// person-bound signal), and the page of another network.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { toLocal } from '../../platform/time.js';
import { budgetProposals, budgetRounds } from '../budgeting/tables.js';
import { decisionConsentKinds, decisionConsents, decisions } from '../decisions/tables.js';
import { meetingRsvps, meetings } from '../meetings/tables.js';
import { moderationReports } from '../moderation/tables.js';
import { signalFollowers, signals, signalUpdates } from '../signals/tables.js';
import { sparks } from '../sparks/tables.js';
import { invitations } from './tables.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dateIn = (days: number) => toLocal(new Date(Date.now() + days * DAY)).date;

/** The number in the badge beside `label` on the page (undefined: no such item). */
function countOf(html: string, label: string): number | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(
    `<span class="bk-overview__label">${escaped}</span><span class="bk-count">(\\d+)</span>`,
  ).exec(html);
  return match ? Number(match[1]) : undefined;
}

describe('network overview', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  let a: number;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    world = await createWorld(db);
    a = world.networks.a.id;
    const b = world.networks.b.id;
    const { resident, professional, coordinator, council } = world.people;

    // Signals. Expected for the coordinator: 2 to check, 3 without a complete duo
    // (quiet, lonely, private), 1 quiet for 30 days (quiet).
    const signal = async (values: Partial<typeof signals.$inferInsert> & { title: string }) =>
      (
        await db
          .insert(signals)
          .values({
            networkId: a,
            theme: 'loneliness',
            raisedBy: 'resident',
            origin: 'street',
            status: 'new',
            ...values,
          })
          .returning({ id: signals.id })
      )[0]!.id;
    const follow = (
      signalId: number,
      personId: number,
      role: 'resident' | 'professional' | 'council',
    ) => db.insert(signalFollowers).values({ signalId, networkId: a, personId, role });
    await signal({
      title: 'Stil signaal',
      createdBy: resident.id,
      createdAt: ago(40),
      statusChangedAt: ago(40),
    });
    const duo = await signal({ title: 'Signaal met duo', status: 'taken_up', createdAt: ago(10) });
    await follow(duo, resident.id, 'resident');
    await follow(duo, professional.id, 'professional');
    // A council member counts as the resident side of a duo (policy.ts hasDuo).
    const mixed = await signal({
      title: 'Raad en professional',
      status: 'taken_up',
      createdAt: ago(2),
    });
    await follow(mixed, council.id, 'council');
    await follow(mixed, professional.id, 'professional');
    const lonely = await signal({
      title: 'Eenzaam opgevolgd',
      status: 'followed_up',
      createdAt: ago(50),
      statusChangedAt: ago(40),
    });
    await follow(lonely, professional.id, 'professional');
    await db
      .insert(signalUpdates)
      .values({ signalId: lonely, networkId: a, kind: 'note', text: 'Gebeld', createdAt: ago(5) });
    const personal = await signal({
      title: 'Persoonlijke zorg van iemand',
      personBound: true,
      createdBy: resident.id,
      createdAt: ago(1),
    });
    await follow(personal, council.id, 'council');
    await signal({
      title: 'Van buiten 1',
      status: 'pending',
      raisedBy: 'resident',
      origin: 'public_page',
    });
    await signal({ title: 'Van buiten 2', status: 'pending', origin: 'public_page' });
    await signal({
      title: 'Klaar en dicht',
      status: 'closed',
      outcome: 'Klaar',
      createdAt: ago(90),
      statusChangedAt: ago(90),
    });
    await signal({ title: 'Elders', networkId: b, createdAt: ago(60), statusChangedAt: ago(60) });
    await signal({ title: 'Elders wacht', networkId: b, status: 'pending' });

    // Sparks: 2 wait for the coordinator (a visitor's, the resident's public one).
    const [reported] = await db
      .insert(sparks)
      .values([
        { networkId: a, text: 'Buurman hielp met de boodschappen', status: 'published' },
        { networkId: a, text: 'Mooie bloemen op het plein', status: 'pending', visitorName: 'Ans' },
        {
          networkId: a,
          authorId: resident.id,
          text: 'De speeltuin is weer open',
          status: 'published',
          publicRequested: true,
        },
        { networkId: b, text: 'Elders', status: 'pending' },
      ])
      .returning({ id: sparks.id });

    // Reports: 2 items with open reports in A (one reported twice); a handled one; one in B.
    await db.insert(moderationReports).values([
      { kind: 'spark', objectId: reported!.id, networkId: a, reason: 'Naam genoemd' },
      { kind: 'spark', objectId: reported!.id, networkId: a, reason: 'Ook' },
      { kind: 'proposal', objectId: 999, networkId: a, reason: 'Onjuist' },
      {
        kind: 'spark',
        objectId: 998,
        networkId: a,
        reason: 'Al gedaan',
        handledAt: new Date(),
        outcome: 'kept',
      },
      { kind: 'spark', objectId: 997, networkId: b, reason: 'Elders' },
    ]);

    // Invitations: 2 open in A; one used, one expired, one in B.
    const invitation = (code: string, values: Partial<typeof invitations.$inferInsert> = {}) => ({
      networkId: a,
      role: 'resident' as const,
      kind: 'letter' as const,
      codeHash: code,
      expiresAt: new Date(Date.now() + 7 * DAY),
      ...values,
    });
    await db
      .insert(invitations)
      .values([
        invitation('h1'),
        invitation('h2'),
        invitation('h3', { usedAt: new Date() }),
        invitation('h4', { expiresAt: ago(1) }),
        invitation('h5', { networkId: b }),
      ]);

    // Meetings: one held, a cancelled one tomorrow, a members' one in 2 days, a public one
    // in 5 days for which the resident said "ik kom" with 2 places.
    const meeting = async (values: Partial<typeof meetings.$inferInsert> & { startsAt: Date }) =>
      (
        await db
          .insert(meetings)
          .values({
            networkId: a,
            kind: 'network_meeting',
            endsAt: new Date(values.startsAt.getTime() + 2 * 3_600_000),
            ...values,
          })
          .returning({ id: meetings.id })
      )[0]!.id;
    await meeting({ title: 'Voorjaarsoverleg', startsAt: ago(3) });
    await meeting({
      title: 'Afgelast overleg',
      startsAt: new Date(Date.now() + DAY),
      cancelledAt: new Date(),
    });
    await meeting({ title: 'Ledenoverleg', startsAt: new Date(Date.now() + 2 * DAY) });
    const open = await meeting({
      title: 'Buurtavond',
      kind: 'residents_evening',
      isPublic: true,
      place: 'Buurthuis De Linde',
      startsAt: new Date(Date.now() + 5 * DAY),
    });
    await db.insert(meetingRsvps).values({ meetingId: open, personId: resident.id, places: 2 });

    // Decisions: 2 proposals wait for the council (one asked, one by the network's rule for
    // budget decisions), the council member consented to one; 1 review due.
    const decision = async (values: Partial<typeof decisions.$inferInsert> & { title: string }) =>
      (
        await db
          .insert(decisions)
          .values({
            networkId: a,
            body: 'Wat',
            reasons: 'Waarom',
            kind: 'activities',
            decidedBy: 'network',
            involvement: 'consulted',
            effect: 'strengthens',
            effectReasoning: 'Samen',
            reviewOn: dateIn(90),
            createdBy: coordinator.id,
            ...values,
          })
          .returning({ id: decisions.id })
      )[0]!.id;
    const asked = await decision({ title: 'Bankjes', consentRequested: true });
    await db
      .insert(decisionConsents)
      .values({ decisionId: asked, personId: council.id, version: 1 });
    await decision({ title: 'Budget voor de zomer', kind: 'budget' });
    await db.insert(decisionConsentKinds).values({ networkId: a, kind: 'budget' });
    await decision({ title: 'Gewoon voorstel' });
    await decision({ title: 'Terugkijken', status: 'decided', reviewOn: dateIn(-1) });
    await decision({ title: 'Later terugkijken', status: 'decided', reviewOn: dateIn(30) });
    await decision({
      title: 'Elders',
      networkId: b,
      consentRequested: true,
      reviewOn: dateIn(-1),
      status: 'decided',
    });

    // Budget: a round in review with 2 proposals waiting and 1 accepted; a round in voting.
    const round = async (phase: 'review' | 'voting', title: string) =>
      (
        await db
          .insert(budgetRounds)
          .values({ networkId: a, title, budgetCents: 500_000, phase, rule: 'greedy' })
          .returning({ id: budgetRounds.id })
      )[0]!.id;
    const inReview = await round('review', 'Wijkbudget 2031');
    const voting = await round('voting', 'Wijkbudget 2030');
    const proposal = (roundId: number, status: 'submitted' | 'accepted') => ({
      roundId,
      networkId: a,
      title: `Voorstel ${status}`,
      description: 'Iets moois',
      costCents: 10_000,
      estimateCents: 10_000,
      status,
    });
    await db
      .insert(budgetProposals)
      .values([
        proposal(inReview, 'submitted'),
        proposal(inReview, 'submitted'),
        proposal(inReview, 'accepted'),
        proposal(voting, 'submitted'),
      ]);

    for (const name of [
      'resident',
      'professional',
      'coordinator',
      'council',
      'coordinatorB',
      'admin',
    ] as const) {
      const client = new TestClient(t.app);
      await client.login(world.people[name].email!, TEST_PASSWORD);
      clients[name] = client;
    }
  });

  after(async () => {
    await t.close();
  });

  const page = async (who: string) => {
    const response = await clients[who]!.get(`/netwerk/${a}`);
    assert.equal(response.statusCode, 200);
    return response.body;
  };

  test('the coordinator sees what waits, with counts on the links', async () => {
    const html = await page('coordinator');
    assert.equal(countOf(html, 'Gemelde berichten om te beoordelen'), 2);
    assert.equal(countOf(html, 'Meldingen van buiten om te controleren'), 2);
    assert.equal(countOf(html, 'Signalen zonder compleet duo'), 3);
    assert.equal(countOf(html, 'Signalen zonder nieuws in 30 dagen'), 1);
    assert.equal(countOf(html, 'Vonkjes die wachten op goedkeuring'), 2);
    assert.equal(countOf(html, 'Uitnodigingen die nog open staan'), 2);
    assert.equal(countOf(html, 'Voorstellen die wachten op instemming van de raad'), 2);
    assert.equal(countOf(html, 'Besluiten om terug te kijken (te herzien)'), 1);
    assert.equal(countOf(html, 'Voorstellen om te beoordelen in “Wijkbudget 2031”'), 2);
    assert.equal(countOf(html, 'Voorstellen om te beoordelen in “Wijkbudget 2030”'), undefined);
    assert.match(html, new RegExp(`href="/netwerk/${a}/moderatie"`));
    assert.match(html, /Wat op u wacht/);
    // The next meeting: the members' one in two days (not the cancelled one).
    assert.match(html, /Volgende bijeenkomst/);
    assert.match(html, /Netwerkbijeenkomst: Ledenoverleg/);
    assert.doesNotMatch(html, /Afgelast overleg/);
  });

  test('the links of what waits open the signal list filtered the same way', async () => {
    const coordinator = clients.coordinator!;
    const titles = async (wacht: string) => {
      const html = (await coordinator.get(`/netwerk/${a}/signalen?wacht=${wacht}`)).body;
      return [
        'Stil signaal',
        'Signaal met duo',
        'Eenzaam opgevolgd',
        'Persoonlijke zorg van iemand',
        'Klaar en dicht',
      ]
        .filter((title) => html.includes(title))
        .sort();
    };
    assert.deepEqual(await titles('duo'), [
      'Eenzaam opgevolgd',
      'Persoonlijke zorg van iemand',
      'Stil signaal',
    ]);
    assert.deepEqual(await titles('stil'), ['Stil signaal']);
    assert.deepEqual(await titles('professional'), [
      'Persoonlijke zorg van iemand',
      'Stil signaal',
    ]);
  });

  test("the coordinator's recent activity: newest first, at most ten, from every module", async () => {
    const html = await page('coordinator');
    const section = /<section aria-labelledby="overview-activity">([\s\S]*?)<\/section>/.exec(
      html,
    )?.[1];
    assert.ok(section, 'the activity section is there');
    const items = section.match(/<li>/g) ?? [];
    assert.equal(items.length, 10);
    assert.match(section, /Nieuw signaal: Persoonlijke zorg van iemand/);
    assert.match(section, /Bijeenkomst: Netwerkbijeenkomst: Voorjaarsoverleg/);
    assert.match(section, /Besluit: Bankjes/);
    assert.match(section, /Nieuw vonkje: /);
    assert.doesNotMatch(section, /Elders/);
    // The signal of 40 days ago is older than ten other events.
    assert.doesNotMatch(section, /Stil signaal/);
  });

  test('a resident sees their signals and duos, the next public meeting and their waiting spark', async () => {
    const html = await page('resident');
    assert.match(html, /Uw signalen en duo’s/);
    assert.match(html, /Stil signaal/);
    assert.match(html, /Signaal met duo/);
    assert.match(html, /Opgepakt · u zit in het duo/);
    // Recorded by the resident, but person-bound and followed by someone else.
    assert.doesNotMatch(html, /Persoonlijke zorg/);
    assert.match(html, /Volgende openbare bijeenkomst/);
    assert.match(html, /Bewonersavond: Buurtavond/);
    assert.match(html, /U komt, met 2 personen\./);
    assert.match(html, /De speeltuin is weer open/);
    assert.match(html, /Wacht op de coördinator voor de openbare pagina/);
    // Nothing of the coordinator's or the council's.
    assert.doesNotMatch(html, /Wat op u wacht|Wat op de raad wacht|bk-count/);
    assert.doesNotMatch(html, /overview-activity/);
  });

  test('a council member sees what waits for the council', async () => {
    const html = await page('council');
    assert.match(html, /Wat op de raad wacht/);
    assert.equal(countOf(html, 'Voorstellen die wachten op instemming van de raad'), 2);
    assert.equal(countOf(html, 'Daarvan wachten op uw instemming'), 1);
    assert.equal(countOf(html, 'Besluiten om terug te kijken (te herzien)'), 1);
    assert.equal(countOf(html, 'Voorstellen om te beoordelen in “Wijkbudget 2031”'), 2);
    // Their own duo, a person-bound signal they follow.
    assert.match(html, /Persoonlijke zorg van iemand/);
    assert.doesNotMatch(html, /Wat op u wacht|Uitnodigingen die nog open staan/);
  });

  test('a professional sees open signals without a professional, and their duos', async () => {
    const html = await page('professional');
    // Only "Stil signaal": the person-bound one is not theirs to see.
    assert.equal(countOf(html, 'Open signalen zonder professional'), 1);
    assert.match(html, /Signaal met duo/);
    assert.match(html, /Eenzaam opgevolgd/);
    assert.doesNotMatch(html, /Persoonlijke zorg/);
    assert.doesNotMatch(html, /Signalen zonder compleet duo|Wat op de raad wacht/);
    assert.match(html, /Volgende bijeenkomst/);
  });

  test('an administrator who is no member sees counts only, no signal or spark', async () => {
    const html = await page('admin');
    assert.equal(countOf(html, 'Uitnodigingen die nog open staan'), 2);
    assert.doesNotMatch(html, /Stil signaal|Persoonlijke zorg|speeltuin|overview-activity/);
  });

  test("another network's coordinator gets 404 for this overview", async () => {
    const response = await clients.coordinatorB!.get(`/netwerk/${a}`);
    assert.equal(response.statusCode, 404);
    assert.doesNotMatch(response.body, /Stil signaal|Wijkbudget 2031/);
  });

  test('a new member of a quiet network sees a calm page: no empty counts, the meeting note', async () => {
    const quiet = world.networks.c.id;
    const newcomer = await createPerson(t.database.db, {
      memberOf: [{ networkId: quiet, role: 'resident' }],
    });
    const client = new TestClient(t.app);
    await client.login(newcomer.email!, TEST_PASSWORD);
    const html = (await client.get(`/netwerk/${quiet}`)).body;
    assert.match(html, /Er staat nog geen bijeenkomst gepland\./);
    assert.doesNotMatch(html, /Uw signalen en duo’s|bk-count/);
  });
});
