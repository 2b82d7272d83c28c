import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TestClient } from '#test/helpers/app.js';
import { dayOffset, decisionForm, useDecisionsApp } from '#test/helpers/decisions.js';
import { meetingsRepository } from '../meetings/repository.js';
import { decisionsPersonData } from './person-data.js';

describe('decisions over HTTP', () => {
  const d = useDecisionsApp();
  const { clients, a, base, repo, record } = d;

  test('required fields: 400, a Dutch message naming each field, the input kept, nothing saved', async () => {
    const coordinator = clients.coordinator!;
    const before = (await repo().listDecisions(a())).length;
    await coordinator.get(`${base()}/nieuw`);
    const empty = await coordinator.post(`${base()}/nieuw`, { title: 'Alleen een <titel>' });
    assert.equal(empty.statusCode, 400);
    for (const message of [
      'Schrijf op wat er besloten is.',
      'Schrijf op waarom dit besloten is.',
      'Kies waar het besluit over gaat.',
      'Kies wie het besluit nam.',
      'Kies hoe bewoners betrokken waren.',
      'Kies bij de gemeenschapskracht-toets wat het besluit doet.',
      'Schrijf bij de gemeenschapskracht-toets waarom u dat denkt.',
      'Vul in wanneer we terugkijken op het besluit.',
    ]) {
      assert.ok(empty.body.includes(message), message);
    }
    assert.ok(empty.body.includes('value="Alleen een &lt;titel>"'), 'input kept');
    assert.ok(!empty.body.includes('Vul de titel van het besluit in.'));

    const cases: [Record<string, string>, string, string][] = [
      [{ title: '' }, 'title', 'Vul de titel van het besluit in.'],
      [
        { involvement: 'not_involved', involvementWho: '', involvementCount: '' },
        'involvementWho',
        'Schrijf op waarom bewoners niet betrokken waren.',
      ],
      [
        { involvementWho: '', involvementCount: '' },
        'involvementWho',
        'Schrijf op welke bewoners meededen, of vul in hoeveel.',
      ],
      [{ involvementCount: 'veel' }, 'involvementCount', 'een heel getal'],
      [
        { dissent1RaisedBy: '', dissent1Objection: '', dissent1Response: '' },
        'dissentNoneCame',
        'Vul bij tegenspraak een bezwaar in, of kruis aan dat er geen bezwaar kwam.',
      ],
      [
        { dissent1Response: '' },
        'dissent1Response',
        'Schrijf bij dit bezwaar op wat ermee gedaan is.',
      ],
      [{ dissentNoneCame: 'on' }, 'dissentNoneCame', 'Kies één van de twee.'],
      [
        {
          dissent1RaisedBy: '',
          dissent1Objection: '',
          dissent1Response: '',
          dissentNoneCame: 'on',
        },
        'dissentInvited',
        'Schrijf op hoe u om tegenspraak hebt gevraagd.',
      ],
      [{ reviewOn: '2031-02-30' }, 'reviewOn', 'Vul in wanneer we terugkijken op het besluit.'],
      [
        { decidedOn: dayOffset(0), reviewOn: dayOffset(-3) },
        'reviewOn',
        'De datum om terug te kijken ligt vóór de datum van het besluit.',
      ],
      [{ signals: 'twaalf' }, 'signals', 'Vul bij signalen nummers in'],
      [{ effect: 'maybe' }, 'effect', 'Kies bij de gemeenschapskracht-toets'],
    ];
    for (const [fields, field, message] of cases) {
      const response = await coordinator.post(`${base()}/nieuw`, decisionForm(fields));
      assert.equal(response.statusCode, 400, `${field}: ${response.statusCode}`);
      assert.ok(response.body.includes(message), `${field}: ${message}`);
      assert.match(response.body, new RegExp(`id="field-${field}-error"|href="#field-${field}"`));
      // What was typed stays.
      assert.ok(response.body.includes('Ouderen willen kunnen uitrusten.'), field);
    }

    // A meeting of another network is refused.
    const otherMeeting = await meetingsRepository(d.t.database.db).insertMeeting({
      networkId: d.world.networks.b.id,
      kind: 'network_meeting',
      title: 'Elders',
      startsAt: new Date(),
      place: '',
      isPublic: false,
    });
    const foreign = await coordinator.post(
      `${base()}/nieuw`,
      decisionForm({ meetingId: String(otherMeeting) }),
    );
    assert.equal(foreign.statusCode, 400);
    assert.ok(foreign.body.includes('Kies een bijeenkomst van dit netwerk.'));
    assert.equal((await repo().listDecisions(a())).length, before);
  });

  test('a decision is recorded with its check, linked to a meeting; not involved is flagged everywhere', async () => {
    const coordinator = clients.coordinator!;
    const meeting = await meetingsRepository(d.t.database.db).insertMeeting({
      networkId: a(),
      kind: 'network_meeting',
      title: 'Juni-overleg',
      startsAt: new Date(),
      place: '',
      isPublic: false,
    });
    const id = await record(coordinator, {
      meetingId: String(meeting),
      signals: '4, 4, 9',
      lessons: '3',
    });
    const row = (await repo().findDecision(a(), id))!;
    assert.equal(row.status, 'decided');
    assert.equal(row.decidedOn, dayOffset(0));
    assert.deepEqual(row.signalIds, [4, 9]);
    const page = await coordinator.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dit besluit versterkt/);
    assert.match(page.body, /Juni-overleg/);
    assert.match(page.body, new RegExp(`/netwerk/${a()}/signalen/9`));
    assert.match(page.body, /\/bibliotheek\/3/);
    assert.match(page.body, /Buurman Jansen: Hangjongeren\./);

    const hidden = await record(coordinator, {
      title: 'Camera bij de school',
      involvement: 'not_involved',
      involvementWho: 'Het moest snel, na een inbraak.',
      involvementCount: '',
      effect: 'sedates',
    });
    const flag = 'Let op: bewoners waren niet betrokken bij dit besluit.';
    const list = await coordinator.get(base());
    assert.ok(list.body.includes(flag));
    const detail = await coordinator.get(`${base()}/${hidden}`);
    assert.ok(detail.body.includes(flag));
    assert.ok(detail.body.includes('Waarom niet: Het moest snel, na een inbraak.'));
    const history = await coordinator.get(`${base()}/${hidden}/geschiedenis`);
    assert.ok(history.body.includes(flag));
    const visitor = new TestClient(d.t.app);
    const pub = await visitor.get(`/buurt/${d.world.networks.a.slug}`);
    assert.equal(pub.statusCode, 200);
    assert.ok(pub.body.includes('Besluiten van het afgelopen jaar'));
    assert.ok(pub.body.includes('Camera bij de school'));
    assert.ok(pub.body.includes(flag));
    assert.match(pub.body, /Dit besluit bedwelmt/);
  });

  test('the public page shows only decided decisions of the last year that are not internal', async () => {
    const coordinator = clients.coordinator!;
    await record(coordinator, { title: 'Intern besluit xyz', isInternal: 'on' });
    await record(coordinator, { title: 'Alleen een voorstel xyz', intent: 'propose' });
    await record(coordinator, {
      title: 'Oud besluit xyz',
      decidedOn: dayOffset(-400),
      reviewOn: dayOffset(-300),
    });
    const withdrawn = await record(coordinator, { title: 'Ingetrokken besluit xyz' });
    await coordinator.post(
      `${base()}/${withdrawn}/stand`,
      { to: 'withdrawn' },
      {
        from: `${base()}/${withdrawn}`,
      },
    );
    assert.equal((await repo().findDecision(a(), withdrawn))!.status, 'withdrawn');
    const pub = await new TestClient(d.t.app).get(`/buurt/${d.world.networks.a.slug}`);
    for (const title of [
      'Intern besluit xyz',
      'Alleen een voorstel xyz',
      'Oud besluit xyz',
      'Ingetrokken besluit xyz',
    ]) {
      assert.ok(!pub.body.includes(title), title);
    }
    // Members see them all in the list.
    const list = await clients.resident!.get(base());
    assert.ok(list.body.includes('Intern besluit xyz'));
    assert.ok(list.body.includes('Alleen een voorstel xyz'));
  });

  test('a resident proposes; only the coordinator can record a decision as taken', async () => {
    const resident = clients.resident!;
    const form = await resident.get(`${base()}/nieuw`);
    assert.ok(!form.body.includes('value="decide"'));
    const id = await record(resident, { title: 'Voorstel van een bewoner' });
    assert.equal((await repo().findDecision(a(), id))!.status, 'proposed');
    const page = await resident.get(`${base()}/${id}`);
    assert.ok(!page.body.includes(`${base()}/${id}/bewerken`));
    const decided = await clients.coordinator!.post(
      `${base()}/${id}/stand`,
      { to: 'decided' },
      { from: `${base()}/${id}` },
    );
    assert.equal(decided.statusCode, 303);
    assert.equal((await repo().findDecision(a(), id))!.status, 'decided');
  });

  test('the council consent rule: decided only once every council member consented to this version', async () => {
    const coordinator = clients.coordinator!;
    const settings = await coordinator.post(
      `${base()}/instellingen`,
      { 'kind-budget': 'on' },
      { from: `${base()}/instellingen` },
    );
    assert.equal(settings.statusCode, 303);
    assert.deepEqual(await repo().listConsentKinds(a()), ['budget']);

    const id = await record(coordinator, { title: 'Wijkbudget voor de moestuin', kind: 'budget' });
    let row = (await repo().findDecision(a(), id))!;
    assert.equal(row.status, 'proposed');
    assert.equal(row.consentRequested, true);
    assert.equal(row.decidedOn, null);
    const page = await coordinator.get(`${base()}/${id}`);
    assert.match(page.body, /Wacht op instemming van de programmaraad/);
    assert.ok(!page.body.includes(`${base()}/${id}/instemmen`));
    const pub = await new TestClient(d.t.app).get(`/buurt/${d.world.networks.a.slug}`);
    assert.ok(!pub.body.includes('Wijkbudget voor de moestuin'));

    // The coordinator cannot consent for the council; a resident neither.
    for (const who of ['coordinator', 'resident'] as const) {
      const refused = await clients[who]!.post(
        `${base()}/${id}/instemmen`,
        { version: String(row.version) },
        { from: `${base()}/${id}` },
      );
      assert.equal(refused.statusCode, 403, who);
    }

    // One of two council members consents: still waiting.
    const council = clients.council!;
    const first = await council.post(
      `${base()}/${id}/instemmen`,
      { version: String(row.version) },
      { from: `${base()}/${id}` },
    );
    assert.equal(first.statusCode, 303);
    assert.equal((await repo().findDecision(a(), id))!.status, 'proposed');
    const again = await coordinator.post(
      `${base()}/${id}/stand`,
      { to: 'decided' },
      {
        from: `${base()}/${id}`,
      },
    );
    assert.equal(again.statusCode, 303);
    assert.equal((await repo().findDecision(a(), id))!.status, 'proposed');

    // The coordinator changes the text: the earlier consent was to another version.
    const edit = await coordinator.get(`${base()}/${id}/bewerken`);
    assert.equal(edit.statusCode, 200);
    const changed = await coordinator.post(
      `${base()}/${id}/bewerken`,
      decisionForm({
        title: 'Wijkbudget voor de moestuin en de bank',
        kind: 'budget',
        version: String(row.version),
      }),
    );
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 500));
    row = (await repo().findDecision(a(), id))!;
    const second = await clients.council2!.post(
      `${base()}/${id}/instemmen`,
      { version: String(row.version) },
      { from: `${base()}/${id}` },
    );
    assert.equal(second.statusCode, 303);
    assert.equal((await repo().findDecision(a(), id))!.status, 'proposed');

    // A consent to a version that has since changed is refused.
    const stale = await council.post(
      `${base()}/${id}/instemmen`,
      { version: String(row.version - 1) },
      {
        from: `${base()}/${id}`,
      },
    );
    assert.equal(stale.statusCode, 409);

    const last = await council.post(
      `${base()}/${id}/instemmen`,
      { version: String(row.version) },
      { from: `${base()}/${id}` },
    );
    assert.equal(last.statusCode, 303);
    row = (await repo().findDecision(a(), id))!;
    assert.equal(row.status, 'decided');
    assert.equal(row.decidedOn, dayOffset(0));
    const history = await repo().listVersions(id);
    assert.equal(history[0]!.change, 'consented');
    // Once decided, the page no longer asks for consent (the history says how it was taken).
    const decidedPage = await council.get(`${base()}/${id}`);
    assert.ok(!decidedPage.body.includes('Wacht op instemming'));
    assert.ok(!decidedPage.body.includes('nog niet'));
    const historyPage = await council.get(`${base()}/${id}/geschiedenis`);
    assert.ok(historyPage.body.includes('besloten na instemming van de programmaraad'));
    const shown = await new TestClient(d.t.app).get(`/buurt/${d.world.networks.a.slug}`);
    assert.ok(shown.body.includes('Wijkbudget voor de moestuin en de bank'));
  });

  test('a network without council members cannot take a decision that needs their consent', async () => {
    const coordinatorB = clients.coordinatorB!;
    const b = d.world.networks.b.id;
    await coordinatorB.post(
      `/netwerk/${b}/besluiten/instellingen`,
      { 'kind-budget': 'on' },
      { from: `/netwerk/${b}/besluiten/instellingen` },
    );
    const id = await record(coordinatorB, { kind: 'budget', intent: 'propose' }, b);
    const refused = await coordinatorB.post(
      `/netwerk/${b}/besluiten/${id}/stand`,
      { to: 'decided' },
      { from: `/netwerk/${b}/besluiten/${id}` },
    );
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /geen leden in de programmaraad/);
    assert.equal((await repo().findDecision(b, id))!.status, 'proposed');
  });

  test('every change keeps the earlier version: the history page', async () => {
    const coordinator = clients.coordinator!;
    const id = await record(coordinator, { title: 'Eerste titel', intent: 'propose' });
    await coordinator.get(`${base()}/${id}/bewerken`);
    const edited = await coordinator.post(
      `${base()}/${id}/bewerken`,
      decisionForm({ title: 'Tweede titel', version: '1', effect: 'restores' }),
    );
    assert.equal(edited.statusCode, 303);
    // A change from a form shown before that edit is refused, with the input kept.
    const stale = await coordinator.post(
      `${base()}/${id}/bewerken`,
      decisionForm({ title: 'Derde titel', version: '1' }),
    );
    assert.equal(stale.statusCode, 409);
    assert.ok(stale.body.includes('Derde titel'));
    await coordinator.post(`${base()}/${id}/stand`, { to: 'decided' }, { from: `${base()}/${id}` });
    const versions = await repo().listVersions(id);
    assert.deepEqual(
      versions.map((v) => [v.version, v.change, v.snapshot.title, v.snapshot.status]),
      [
        [3, 'decided', 'Tweede titel', 'decided'],
        [2, 'edited', 'Tweede titel', 'proposed'],
        [1, 'created', 'Eerste titel', 'proposed'],
      ],
    );
    const page = await clients.resident!.get(`${base()}/${id}/geschiedenis`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Eerste titel'));
    assert.ok(page.body.includes('Tweede titel'));
    assert.match(page.body, /Veranderd: Titel, Gemeenschapskracht-toets/);
    assert.match(page.body, /Dit besluit herstelt/);
    assert.match(page.body, /Dit besluit versterkt/);
  });

  test('the review list: decided decisions past their review date, until the review is recorded', async () => {
    const coordinator = clients.coordinator!;
    const due = await record(coordinator, {
      title: 'Besluit om terug te kijken',
      decidedOn: dayOffset(-200),
      reviewOn: dayOffset(-1),
    });
    const notYet = await record(coordinator, {
      title: 'Besluit voor later',
      reviewOn: dayOffset(10),
    });
    const proposal = await record(coordinator, {
      title: 'Voorstel met oude datum',
      intent: 'propose',
      reviewOn: dayOffset(-5),
    });
    void notYet;
    void proposal;
    const list = await clients.resident!.get(`${base()}/te-herzien`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('Besluit om terug te kijken'));
    assert.ok(!list.body.includes('Besluit voor later'));
    assert.ok(!list.body.includes('Voorstel met oude datum'));

    const council = clients.council!;
    const form = await council.get(`${base()}/${due}/herzien`);
    assert.equal(form.statusCode, 200);
    const bad = await council.post(`${base()}/${due}/herzien`, {
      reviewText: 'Veel <b>gedaan</b>',
    });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('Kies wat het besluit met de buurt deed.'));
    assert.ok(bad.body.includes('Veel &lt;b>gedaan&lt;/b>'), 'input kept');
    assert.equal((await repo().findDecision(a(), due))!.status, 'decided');
    const ok = await council.post(`${base()}/${due}/herzien`, {
      reviewEffect: 'replaces',
      reviewText: 'Achteraf nam de gemeente het over.',
    });
    assert.equal(ok.statusCode, 303);
    const row = (await repo().findDecision(a(), due))!;
    assert.equal(row.status, 'reviewed');
    assert.equal(row.reviewEffect, 'replaces');
    const after = await clients.resident!.get(`${base()}/te-herzien`);
    assert.ok(!after.body.includes('Besluit om terug te kijken'));
    const page = await clients.resident!.get(`${base()}/${due}`);
    assert.match(page.body, /Met wat we nu weten: dit besluit vervangt/);
    // A reviewed decision is not reviewed twice.
    const twice = await council.post(`${base()}/${due}/herzien`, {
      reviewEffect: 'strengthens',
      reviewText: 'Nog eens.',
    });
    assert.equal(twice.statusCode, 409);
  });

  test('person data: export what a person recorded and consented to; erasure removes the name', async () => {
    const db = d.t.database.db;
    const coordinatorId = d.world.people.coordinator.id;
    const councilId = d.world.people.council.id;
    const exported = (await decisionsPersonData.export(db, coordinatorId)) as {
      decisions: { title: string }[];
      decisionChanges: unknown[];
      decisionConsents: unknown[];
    };
    assert.ok(exported.decisions.some((d) => d.title === 'Wijkbudget voor de moestuin en de bank'));
    assert.ok(exported.decisionChanges.length > 0);
    const councilData = (await decisionsPersonData.export(db, councilId)) as {
      decisions: { title: string }[];
      decisionConsents: { decisionId: number }[];
    };
    assert.ok(councilData.decisionConsents.length >= 2);
    // Nobody else's consents are in it.
    const other = (await decisionsPersonData.export(db, d.council2.id)) as {
      decisionConsents: unknown[];
    };
    assert.equal(other.decisionConsents.length, 1);

    await db.transaction((tx) => decisionsPersonData.erase(tx, coordinatorId));
    await db.transaction((tx) => decisionsPersonData.erase(tx, councilId));
    const after = (await decisionsPersonData.export(db, coordinatorId)) as {
      decisions: unknown[];
      decisionChanges: unknown[];
    };
    assert.equal(after.decisions.length, 0);
    assert.equal(after.decisionChanges.length, 0);
    const councilAfter = (await decisionsPersonData.export(db, councilId)) as {
      decisionConsents: unknown[];
      decisions: unknown[];
    };
    assert.equal(councilAfter.decisionConsents.length, 0);
    assert.equal(councilAfter.decisions.length, 0);
    // The decisions themselves stay.
    assert.ok((await repo().listDecisions(a())).length > 5);
  });
});
