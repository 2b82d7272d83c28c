// Issue 12, items 3–4: end times and the form, agenda rows, "ik kom", public meeting pages
// and action points.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signalsRepository } from '#src/modules/signals/repository/index.js';
import { TestClient } from '#test/helpers/app.js';
import { TEST_PASSWORD } from '#test/helpers/factories.js';
import { useMeetingsApp } from '#test/helpers/meetings.js';
import { minutesBlocks } from './presenters.js';
import { meetingsRepository } from './repository.js';

const MINUTE = 60_000;

describe('meetings: end times, "ik kom", public pages, action points', () => {
  const m = useMeetingsApp();
  const { a, base, createMeeting } = m;

  test('the form: an end before the start and a date in the past are refused with the field named and the input kept; confirmed, the past date is saved', async () => {
    await m.coordinator.get(`${base()}/nieuw`);
    const early = await m.coordinator.post(`${base()}/nieuw`, {
      kind: 'network_meeting',
      title: 'Te vroeg klaar',
      date: '2031-05-01',
      time: '19:30',
      endTime: '19:00',
      place: '',
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Vul een eindtijd in die na de begintijd ligt/);
    assert.match(early.body, /value="Te vroeg klaar"/);
    assert.match(early.body, /value="19:00"/);
    assert.match(early.body, /aria-invalid="true"[^>]*aria-describedby="field-endTime/);

    await m.coordinator.get(`${base()}/nieuw`);
    const past = {
      kind: 'network_meeting',
      title: 'Terugblik',
      date: '2024-05-01',
      time: '19:30',
      place: 'Kerk',
      description: 'Wij kijken terug.',
    };
    const asked = await m.coordinator.post(`${base()}/nieuw`, past);
    assert.equal(asked.statusCode, 400);
    assert.match(asked.body, /Deze datum is al voorbij/);
    assert.match(asked.body, /name="confirmPast"/);
    assert.match(asked.body, /value="Terugblik"/);
    assert.match(asked.body, /Wij kijken terug\./);
    const confirmed = await m.coordinator.post(`${base()}/nieuw`, { ...past, confirmPast: 'on' });
    assert.equal(confirmed.statusCode, 303);

    const badPlaces = await m.coordinator.post(`${base()}/nieuw`, {
      kind: 'network_meeting',
      date: '2031-05-01',
      time: '19:30',
      maxPlaces: 'veel',
    });
    assert.equal(badPlaces.statusCode, 400);
    assert.match(badPlaces.body, /Vul bij het aantal plaatsen een heel getal in/);
    assert.match(badPlaces.body, /value="veel"/);
  });

  test('"Agendapunt erbij" shows the form again with one more row and the input kept; Agenda is a heading; a way back', async () => {
    const form = await m.coordinator.get(`${base()}/nieuw`);
    assert.match(
      form.body,
      /<legend[^>]*><h2 class="utrecht-heading-2[^"]*">Agenda<\/h2><\/legend>/,
    );
    assert.match(form.body, new RegExp(`href="${base()}"[^>]*>Terug naar de bijeenkomsten`));
    assert.match(form.body, /name="item5Title"/);
    assert.ok(!form.body.includes('name="item6Title"'));
    const more = await m.coordinator.post(`${base()}/nieuw`, {
      kind: 'village_conversation',
      title: 'Dorpsgesprek',
      date: '2031-06-01',
      time: '19:30',
      item1Title: 'Eerste punt',
      item1Origin: 'resident',
      item5Title: '',
      item5Origin: 'resident',
      addRow: '1',
    });
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /name="item6Title"/);
    assert.match(more.body, /value="Eerste punt"/);
    assert.match(more.body, /value="Dorpsgesprek"/);
    assert.ok(!more.body.includes('class="utrecht-form-error-summary'), 'no errors shown');
    const count = (await meetingsRepository(m.t.database.db).listMeetings(a())).filter(
      (m) => m.title === 'Dorpsgesprek',
    );
    assert.equal(count.length, 0, 'nothing saved');
  });

  test('a meeting is current until it ends, also on the public page; minutes keep line breaks and lists', async () => {
    const repo = meetingsRepository(m.t.database.db);
    const now = Date.now();
    const id = await repo.insertMeeting({
      networkId: a(),
      kind: 'residents_evening',
      title: 'Bezig sinds twintig minuten',
      startsAt: new Date(now - 20 * MINUTE),
      place: 'Buurthuis',
      isPublic: true,
    });
    const list = await m.resident.get(base());
    const upcoming = list.body.split('Eerdere bijeenkomsten')[0]!;
    assert.match(upcoming, /Bezig sinds twintig minuten/);
    const visitor = new TestClient(m.t.app);
    const publicNetwork = await visitor.get(`/buurt/${m.world.networks.a.slug}`);
    assert.match(publicNetwork.body, /Bezig sinds twintig minuten/);
    assert.match(
      publicNetwork.body,
      new RegExp(`href="/buurt/${m.world.networks.a.slug}/bijeenkomsten/${id}"`),
    );

    await repo.updateMeeting(a(), id, {
      minutes:
        'Opening door Fatima.\nDaarna koffie.\n\n- bankje repareren\n- lantaarnpaal melden\n\n1. eerst\n2. dan',
    });
    const page = await m.resident.get(`${base()}/${id}`);
    assert.match(page.body, /Opening door Fatima\.<br\s*\/?>Daarna koffie\./);
    assert.match(
      page.body,
      /<ul class="utrecht-unordered-list"><li[^>]*>bankje repareren<\/li><li[^>]*>lantaarnpaal melden<\/li><\/ul>/,
    );
    assert.match(page.body, /<ol class="utrecht-ordered-list"><li[^>]*>eerst<\/li>/);
    assert.deepEqual(minutesBlocks('<b>x</b>\n- <i>y</i>'), [
      { type: 'paragraph', lines: ['<b>x</b>'] },
      { type: 'list', ordered: false, items: ['<i>y</i>'] },
    ]);
    const escaped = await repo.updateMeeting(a(), id, { minutes: '<script>alert(1)</script>' });
    assert.equal(escaped, undefined);
    assert.ok(!(await m.resident.get(`${base()}/${id}`)).body.includes('<script>alert(1)'));
  });

  test('"ik kom": a member says they are coming, the coordinator sees the list; a maximum is kept with a clear message', async () => {
    const id = await createMeeting({ title: 'Buurtbarbecue', maxPlaces: '3', isPublic: 'on' });
    const page = await m.resident.get(`${base()}/${id}`);
    assert.match(page.body, /Komt u\?/);
    assert.match(page.body, /Nog 3 van de 3 plaatsen vrij/);
    const tooMany = await m.resident.post(`${base()}/${id}/ik-kom`, { places: '4' });
    assert.equal(tooMany.statusCode, 409);
    assert.match(tooMany.body, /Er zijn nog maar 3 plaatsen vrij/);
    assert.match(tooMany.body, /value="4"/);
    const nonsense = await m.resident.post(`${base()}/${id}/ik-kom`, { places: 'twee' });
    assert.equal(nonsense.statusCode, 400);
    assert.match(nonsense.body, /Vul bij het aantal personen een heel getal in/);
    assert.match(nonsense.body, /value="twee"/);
    const ok = await m.resident.post(`${base()}/${id}/ik-kom`, { places: '2' });
    assert.equal(ok.statusCode, 303);
    assert.match((await m.resident.get(`${base()}/${id}`)).body, /U komt, met 2 personen/);

    const professional = new TestClient(m.t.app);
    await professional.login(m.world.people.professional.email!, TEST_PASSWORD);
    await professional.get(`${base()}/${id}`);
    const second = await professional.post(`${base()}/${id}/ik-kom`, { places: '2' });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Er is nog maar 1 plaats vrij/);
    assert.equal(
      (await professional.post(`${base()}/${id}/ik-kom`, { places: '1' })).statusCode,
      303,
    );
    await professional.get(`${base()}/${id}`);
    assert.match(professional.lastHtml, /Deze bijeenkomst is vol|U komt\./);

    const list = await m.coordinator.get(`${base()}/${id}`);
    assert.match(list.body, /Wie komen er/);
    assert.match(list.body, /Aangemeld: 3 personen/);
    assert.match(list.body, new RegExp(`${m.world.people.resident.displayName} \\(2 personen\\)`));
    assert.ok(!(await m.resident.get(`${base()}/${id}`)).body.includes('Wie komen er'));

    // Taking it back frees the places.
    await m.resident.get(`${base()}/${id}`);
    assert.equal(
      (await m.resident.post(`${base()}/${id}/ik-kom`, { places: '0' })).statusCode,
      303,
    );
    assert.match((await m.coordinator.get(`${base()}/${id}`)).body, /Aangemeld: 1 persoon\./);

    // Outside one's networks: 404; a cancelled meeting takes no answers.
    const outsider = new TestClient(m.t.app);
    await outsider.login(m.world.people.coordinatorB.email!, TEST_PASSWORD);
    await outsider.get(`/netwerk/${m.world.networks.b.id}/bijeenkomsten`);
    assert.equal((await outsider.post(`${base()}/${id}/ik-kom`, {})).statusCode, 404);
    await m.coordinator.get(`${base()}/${id}`);
    await m.coordinator.post(`${base()}/${id}/afzeggen`, {});
    await m.resident.get(`${base()}/${id}`);
    const late = await m.resident.post(`${base()}/${id}/ik-kom`, { places: '1' });
    assert.equal(late.statusCode, 303);
    assert.match((await m.resident.get(`${base()}/${id}`)).body, /niet meer aanmelden/);
  });

  test('a public meeting has its own public page; a members-only one does not', async () => {
    const open = await createMeeting({
      title: 'Open avond',
      isPublic: 'on',
      place: 'Dorpshuis, Kerkstraat 1',
      description: 'Bus 12 tot de kerk.\nFietsen kunnen achter.',
      item1Title: 'Kennismaken',
    });
    const closed = await createMeeting({ title: 'Besloten' });
    const visitor = new TestClient(m.t.app);
    const page = await visitor.get(`/buurt/${m.world.networks.a.slug}/bijeenkomsten/${open}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Open avond/);
    assert.match(page.body, /Dorpshuis, Kerkstraat 1/);
    assert.match(page.body, /openstreetmap\.org\/search\?query=Dorpshuis%2C%20Kerkstraat%201/);
    assert.match(page.body, /Bus 12 tot de kerk\.<br\s*\/?>Fietsen kunnen achter\./);
    assert.match(page.body, /Kennismaken/);
    assert.match(page.body, /10 maart 2031 om 19:30, tot 21:30/);
    for (const path of [`${closed}`, '999999', 'abc']) {
      const r = await visitor.get(`/buurt/${m.world.networks.a.slug}/bijeenkomsten/${path}`);
      assert.equal(r.statusCode, 404, path);
    }
    // The members' page links to it.
    assert.match(
      (await m.resident.get(`${base()}/${open}`)).body,
      new RegExp(`href="/buurt/${m.world.networks.a.slug}/bijeenkomsten/${open}"`),
    );
  });

  test('action points: what, who, by when, optionally a signal of this network; bad input named; coordinators only', async () => {
    const id = await createMeeting({ title: 'Met actiepunten' });
    const signal = await signalsRepository(m.t.database.db).insertSignal({
      networkId: a(),
      title: 'Losse stoeptegels',
      description: 'Bij de school',
      place: 'Schoolstraat',
      theme: 'other',
      raisedBy: 'resident',
      origin: 'street',
      status: 'new',
    });
    const otherSignal = await signalsRepository(m.t.database.db).insertSignal({
      networkId: m.world.networks.b.id,
      title: 'Elders',
      description: 'Elders',
      place: 'Elders',
      theme: 'other',
      raisedBy: 'resident',
      origin: 'street',
      status: 'new',
    });
    await m.coordinator.get(`${base()}/${id}`);
    const empty = await m.coordinator.post(`${base()}/${id}/actiepunten`, {
      what: '  ',
      who: 'Henk',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Schrijf op wat er moet gebeuren/);
    assert.match(empty.body, /value="Henk"/);
    const wrongSignal = await m.coordinator.post(`${base()}/${id}/actiepunten`, {
      what: 'Gemeente bellen',
      signalId: String(otherSignal.id),
    });
    assert.equal(wrongSignal.statusCode, 400);
    assert.match(wrongSignal.body, /Er is geen signaal met dit nummer in uw netwerk/);
    assert.match(wrongSignal.body, /value="Gemeente bellen"/);
    for (const dueOn of ['2031-02-30', '0000-01-01', 'morgen']) {
      const badDate = await m.coordinator.post(`${base()}/${id}/actiepunten`, {
        what: 'Met een rare datum',
        dueOn,
      });
      assert.equal(badDate.statusCode, 400, dueOn);
      assert.match(badDate.body, /value="Met een rare datum"/);
      assert.match(badDate.body, /Vul bij ‘Klaar op’ een datum in die bestaat/);
    }
    const added = await m.coordinator.post(`${base()}/${id}/actiepunten`, {
      what: 'Gemeente bellen over de tegels',
      who: 'Henk',
      dueOn: '2031-04-01',
      signalId: String(signal.id),
    });
    assert.equal(added.statusCode, 303);
    const page = await m.resident.get(`${base()}/${id}`);
    assert.match(page.body, /Gemeente bellen over de tegels/);
    assert.match(page.body, /Henk/);
    assert.match(page.body, /klaar op 1 april 2031/);
    assert.match(page.body, new RegExp(`href="/netwerk/${a()}/signalen/${signal.id}"`));
    assert.ok(!page.body.includes('Actiepunt toevoegen'), 'residents see, not add');
    await m.resident.get(`${base()}/${id}`);
    const byResident = await m.resident.post(`${base()}/${id}/actiepunten`, { what: 'x' });
    assert.equal(byResident.statusCode, 403);
  });

  test('odd input on the new routes: never a 5xx (NUL, lists, long numbers, 1 MB)', async () => {
    const id = await createMeeting({ title: 'Vreemde invoer', maxPlaces: '5' });
    const big = 'x'.repeat(1_000_000);
    const odd: Record<string, string>[] = [
      { places: '\u0000' },
      { places: big },
      { what: big, who: big, dueOn: big, signalId: '99999999999' },
      { what: 'a\u0000b', signalId: '\u0000' },
      { addRow: '1', item99999Title: 'ver weg', date: '\u0000' },
    ];
    await m.coordinator.get(`${base()}/${id}`);
    for (const body of odd) {
      for (const path of [`${id}/ik-kom`, `${id}/actiepunten`, 'nieuw', `${id}/bewerken`]) {
        const r = await m.coordinator.post(`${base()}/${path}`, body);
        assert.ok(
          r.statusCode < 500,
          `${path} ${JSON.stringify(body).slice(0, 60)} → ${r.statusCode}`,
        );
      }
    }
    const longId = await m.coordinator.post(
      `${base()}/${id}/actiepunten/99999999999/verwijderen`,
      {},
    );
    assert.equal(longId.statusCode, 303);
    const visitor = new TestClient(m.t.app);
    for (const path of [
      `/netwerk/99999999999/bijeenkomsten/agenda/${'a'.repeat(32)}.ics`,
      `/buurt/${m.world.networks.a.slug}/bijeenkomsten/99999999999`,
    ]) {
      assert.equal((await visitor.get(path)).statusCode, 404, path);
    }
  });
});
