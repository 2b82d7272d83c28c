import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ical from 'node-ical';
import { sparksRepository } from '#src/modules/sparks/repository.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { meetingsRepository } from './repository.js';

const DAY = 86_400_000;

describe('meetings, the sparks round and the calendar feeds', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let coordinator: TestClient;
  let resident: TestClient;
  const a = () => world.networks.a.id;
  const base = () => `/netwerk/${a()}/bijeenkomsten`;
  const xss = '<img src=x onerror=alert(1)>';

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    coordinator = new TestClient(t.app);
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    resident = new TestClient(t.app);
    await resident.login(world.people.resident.email!, TEST_PASSWORD);
  });
  after(() => t.close());

  async function createMeeting(fields: Record<string, string>): Promise<number> {
    await coordinator.get(`${base()}/nieuw`);
    const response = await coordinator.post(`${base()}/nieuw`, {
      kind: 'network_meeting',
      title: '',
      place: 'Buurthuis De Schakel',
      item1Title: '',
      item1Origin: 'resident',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    return Number(/bijeenkomsten\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  test('the coordinator plans a meeting with agenda items; fields and items come back escaped', async () => {
    const id = await createMeeting({
      title: `Zomer ${xss}`,
      date: '2031-07-01',
      time: '19:30',
      isPublic: 'on',
      item1Title: `Bankje bij de vijver ${xss}`,
      item1Origin: 'resident',
      item2Title: 'Jongerenwerk in de zomer',
      item2Origin: 'professional',
      item3Title: '',
      item3Origin: 'resident',
    });
    const page = await resident.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(xss));
    assert.match(
      page.body,
      /&lt;img src=x onerror=alert\(1\)>|&lt;img src=x onerror=alert\(1\)&gt;/,
    );
    assert.match(page.body, /Bankje bij de vijver .*ingebracht door een bewoner/);
    assert.match(page.body, /Jongerenwerk in de zomer .*ingebracht door een professional/);
    assert.match(page.body, /1 juli 2031 om 19:30/);
    const agenda = await resident.get(`${base()}/${id}/agenda`);
    assert.equal(agenda.statusCode, 200);
    assert.match(agenda.body, /Opening en vonkjesronde/);
    assert.ok(!agenda.body.includes(xss));
    // Residents cannot edit; the list shows it among upcoming meetings.
    assert.equal((await resident.get(`${base()}/${id}/bewerken`)).statusCode, 403);
    assert.match((await resident.get(base())).body, /Zomer/);
  });

  test('bad input keeps what was typed; the edit form shows stored values', async () => {
    await coordinator.get(`${base()}/nieuw`);
    const bad = await coordinator.post(`${base()}/nieuw`, {
      kind: 'network_meeting',
      title: 'Herfst',
      date: '2031-02-30',
      time: '19:30',
      place: 'Buurthuis',
      item1Title: 'Een punt',
      item1Origin: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="Herfst"/);
    assert.match(bad.body, /value="Een punt"/);
    const id = await createMeeting({ title: 'Winter', date: '2031-01-15', time: '20:00' });
    const edit = await coordinator.get(`${base()}/${id}/bewerken`);
    assert.match(edit.body, /value="2031-01-15"/);
    assert.match(edit.body, /value="20:00"/);
  });

  test('a year 0000–0099 is refused with a message, not stored as 19xx', async () => {
    const before = (await meetingsRepository(t.database.db).listMeetings(a())).length;
    for (const date of ['0024-05-01', '0099-12-31', '0000-01-01']) {
      await coordinator.get(`${base()}/nieuw`);
      const response = await coordinator.post(`${base()}/nieuw`, {
        kind: 'network_meeting',
        title: 'Tikfout in het jaar',
        date,
        time: '19:30',
        place: '',
      });
      assert.equal(response.statusCode, 400, date);
      assert.match(response.body, /een jaar tussen 2000 en 2100/, date);
      assert.match(response.body, /value="Tikfout in het jaar"/);
      assert.match(response.body, new RegExp(`value="${date}"`));
    }
    assert.equal((await meetingsRepository(t.database.db).listMeetings(a())).length, before);
  });

  test('agenda: every row the form offers is read (no silent drop after 50); the limit is stated', async () => {
    const items: Record<string, string> = {};
    for (let n = 1; n <= 50; n++) {
      items[`item${n}Title`] = `Punt ${n}`;
      items[`item${n}Origin`] = n % 2 ? 'resident' : 'professional';
    }
    const id = await createMeeting({ date: '2031-06-01', time: '19:30', ...items });
    const edit = await coordinator.get(`${base()}/${id}/bewerken`);
    assert.match(edit.body, /name="item53Title"/, 'the edit form offers rows 51–53');
    assert.match(edit.body, /hooguit 200 tekens per punt en 100 punten/);
    for (let n = 51; n <= 53; n++) {
      items[`item${n}Title`] = `Punt ${n}`;
      items[`item${n}Origin`] = 'resident';
    }
    const saved = await coordinator.post(`${base()}/${id}/bewerken`, {
      kind: 'network_meeting',
      title: '',
      date: '2031-06-01',
      time: '19:30',
      place: '',
      ...items,
    });
    assert.equal(saved.statusCode, 303);
    const agenda = await meetingsRepository(t.database.db).listAgenda(id);
    assert.equal(agenda.length, 53);
    assert.equal(agenda.at(-1)?.title, 'Punt 53');
    // Beyond the limit: a message, the rows kept, nothing changed.
    for (let n = 54; n <= 101; n++) {
      items[`item${n}Title`] = `Punt ${n}`;
      items[`item${n}Origin`] = 'resident';
    }
    await coordinator.get(`${base()}/${id}/bewerken`);
    const tooMany = await coordinator.post(`${base()}/${id}/bewerken`, {
      kind: 'network_meeting',
      date: '2031-06-01',
      time: '19:30',
      ...items,
    });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /hooguit 100 punten/);
    assert.match(tooMany.body, /value="Punt 100"/);
    assert.equal((await meetingsRepository(t.database.db).listAgenda(id)).length, 53);
  });

  test('an object or a list as an agenda title: a message, not a 500; nothing stored', async () => {
    const before = (await meetingsRepository(t.database.db).listMeetings(a())).length;
    await coordinator.get(`${base()}/nieuw`);
    const token = /name="_csrf" value="([^"]+)"/.exec(coordinator.lastHtml)?.[1] ?? '';
    const cookie = (coordinator as unknown as { cookieHeader(): string }).cookieHeader();
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/nieuw`,
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({
        _csrf: token,
        kind: 'network_meeting',
        date: '2031-07-01',
        time: '19:30',
        title: 'Met een raar punt',
        item1Title: { toString: 1 },
        item1Origin: 'resident',
        item2Title: ['a', 'b'],
        item2Origin: 'resident',
      }),
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Vul hier één tekst in/);
    assert.match(response.body, /value="Met een raar punt"/);
    assert.equal((await meetingsRepository(t.database.db).listMeetings(a())).length, before);
  });

  test('attendance: named members of this network only, plus counts; minutes are saved', async () => {
    const id = await createMeeting({ date: '2030-03-10', time: '19:30' });
    const form = await coordinator.get(`${base()}/${id}/aanwezigheid`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`present-${world.people.resident.id}`));
    assert.ok(!form.body.includes(`present-${world.people.coordinatorB.id}"`));
    const saved = await coordinator.post(`${base()}/${id}/aanwezigheid`, {
      [`present-${world.people.resident.id}`]: 'on',
      [`present-${world.people.coordinatorB.id}`]: 'on',
      otherResidents: '7',
      otherProfessionals: '2',
    });
    assert.equal(saved.statusCode, 303);
    await coordinator.get(`${base()}/${id}/verslag`);
    await coordinator.post(`${base()}/${id}/verslag`, { minutes: `Goed gesprek.\n\n${xss}` });
    const page = await resident.get(`${base()}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(world.people.resident.displayName));
    assert.ok(!page.body.includes(world.people.coordinatorB.displayName));
    assert.match(page.body, /7 bewoners en 2 professionals/);
    assert.match(page.body, /Goed gesprek\./);
    assert.ok(!page.body.includes(xss));
    const badCount = await coordinator.post(`${base()}/${id}/aanwezigheid`, {
      otherResidents: '-1',
      otherProfessionals: 'veel',
    });
    assert.equal(badCount.statusCode, 400);
    assert.match(badCount.body, /Vul een heel getal in/);
  });

  test('the sparks round shows exactly the sparks since the previous meeting, in order, by ?nr', async () => {
    const db = t.database.db;
    const repo = meetingsRepository(db);
    const sparks = sparksRepository(db);
    const b = world.networks.b.id;
    const now = Date.now();
    const previous = await repo.insertMeeting({
      networkId: a(),
      kind: 'network_meeting',
      title: 'Vorige',
      startsAt: new Date(now - 20 * DAY),
      place: '',
      isPublic: false,
    });
    const meeting = await repo.insertMeeting({
      networkId: a(),
      kind: 'network_meeting',
      title: 'Deze',
      startsAt: new Date(now + 2 * DAY),
      place: '',
      isPublic: false,
    });
    const add = (
      text: string,
      daysAgo: number,
      extra: Partial<Parameters<typeof sparks.insertSpark>[0]> = {},
    ) =>
      sparks.insertSpark({
        networkId: a(),
        authorId: world.people.resident.id,
        text,
        isPublic: false,
        status: 'published',
        createdAt: new Date(now - daysAgo * DAY),
        ...extra,
      });
    await add('Te oud: voor de vorige bijeenkomst', 25);
    await add('Eerste vonkje', 15);
    await add('Tweede vonkje', 10);
    await add('Wacht nog op de coördinator', 9, { status: 'pending', authorId: null });
    await add('Van een ander netwerk', 8, { networkId: b });
    await add(`Derde vonkje ${xss}`, 1);
    assert.ok(previous > 0);

    const round = `${base()}/${meeting}/vonkjesronde`;
    const first = await resident.get(round);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /Vonkje 1 van 3/);
    assert.match(first.body, /Eerste vonkje/);
    assert.match(first.body, new RegExp(`href="${round}\\?nr=2"`));
    assert.match(first.body, /<script src="\/[^"]*sparks-round\.[0-9a-f]+\.js" defer/);
    // Only controls that work (issue 12, item 5): no "Vorige" on the first spark, no
    // "Volgende" on the last; the arrow-key hint waits for the script that makes keys work.
    assert.ok(!first.body.includes('← Vorige'));
    assert.ok(!first.body.includes('bk-round__link--off'));
    assert.match(first.body, /<p class="bk-round__hint" data-needs-script="true" hidden>/);
    const second = await resident.get(`${round}?nr=2`);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /Vonkje 2 van 3/);
    assert.match(second.body, /Tweede vonkje/);
    assert.match(second.body, new RegExp(`href="${round}\\?nr=1"`));
    const third = await resident.get(`${round}?nr=3`);
    assert.equal(third.statusCode, 200);
    assert.match(third.body, /Derde vonkje/);
    assert.ok(!third.body.includes(xss));
    assert.ok(!third.body.includes('?nr=4'));
    assert.ok(!third.body.includes('Volgende →'));
    assert.match(third.body, /← Vorige/);
    for (const page of [first, second, third]) {
      assert.ok(!page.body.includes('Te oud'));
      assert.ok(!page.body.includes('Wacht nog'));
      assert.ok(!page.body.includes('ander netwerk'));
    }
    assert.match((await resident.get(`${round}?nr=99`)).body, /Vonkje 3 van 3/);
    assert.match((await resident.get(`${round}?nr=abc`)).body, /Vonkje 1 van 3/);

    // A spark added live during the round is shown at once, as the last one.
    await resident.get(round);
    const live = await resident.post(round, {
      text: 'Net gebeurd: de buurvrouw zong voor iedereen',
    });
    assert.equal(live.statusCode, 303);
    assert.equal(live.headers.location, `${round}?nr=laatste`);
    const shown = await resident.get(String(live.headers.location));
    assert.match(shown.body, /Vonkje 4 van 4/);
    assert.match(shown.body, /de buurvrouw zong/);
    // An empty spark in the round: the round again, with the message, nothing stored.
    await resident.get(round);
    const empty = await resident.post(round, { text: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Schrijf op wat u zag gebeuren/);
    assert.match(empty.body, /Vonkje 4 van 4/);
    // A spark from the wall never sends the writer elsewhere, whatever the form says.
    await resident.get(`/netwerk/${a()}/vonkjes`);
    const elsewhere = await resident.post(`/netwerk/${a()}/vonkjes`, {
      text: 'Nog een',
      terug: 'https://evil.example/',
    });
    assert.equal(elsewhere.headers.location, `/netwerk/${a()}/vonkjes`);
  });

  test('tenancy: another network’s meeting by id is not found', async () => {
    const other = await meetingsRepository(t.database.db).insertMeeting({
      networkId: world.networks.b.id,
      kind: 'other',
      title: 'Geheim',
      startsAt: new Date(Date.now() + DAY),
      place: '',
      isPublic: false,
    });
    for (const path of ['', '/agenda', '/vonkjesronde', '/bewerken', '/aanwezigheid', '/verslag']) {
      assert.equal((await coordinator.get(`${base()}/${other}${path}`)).statusCode, 404, path);
    }
    assert.equal(
      (await coordinator.get(`/netwerk/${world.networks.b.id}/bijeenkomsten`)).statusCode,
      404,
    );
    await coordinator.get(base());
    const post = await coordinator.post(`${base()}/${other}/verslag`, { minutes: 'x' });
    assert.equal(post.statusCode, 404);
  });

  test('the public iCalendar feed holds public meetings only, at the right time, as plain text', async () => {
    const winter = await createMeeting({
      title: `Winteravond ${xss}`,
      date: '2031-01-20',
      time: '19:30',
      isPublic: 'on',
      item1Title: 'Sneeuwschuiven samen',
      item1Origin: 'resident',
    });
    await createMeeting({ title: 'Besloten overleg', date: '2031-01-21', time: '10:00' });
    const visitor = new TestClient(t.app);
    const response = await visitor.get(`/buurt/${world.networks.a.slug}/agenda.ics`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(response.body)).filter(
      (e) => e?.type === 'VEVENT',
    ) as ical.VEvent[];
    const summaries = events.map((e) => String(e.summary));
    assert.ok(summaries.some((s) => s.includes('Winteravond')));
    assert.ok(!summaries.some((s) => s.includes('Besloten')));
    const event = events.find((e) => String(e.summary).includes('Winteravond'))!;
    // 19:30 in Amsterdam in January (CET, UTC+1) is 18:30 UTC; in July (CEST) 17:30 UTC.
    assert.equal(event.start.toISOString(), '2031-01-20T18:30:00.000Z');
    const summer = events.find((e) => String(e.summary).includes('Zomer'))!;
    assert.equal(summer.start.toISOString(), '2031-07-01T17:30:00.000Z');
    assert.equal(String(event.summary), `Netwerkbijeenkomst: Winteravond ${xss}`, 'plain text');
    assert.match(String(event.description), /Sneeuwschuiven samen/);
    assert.ok(winter > 0);

    // Members get every meeting of their network; visitors are sent to the login page.
    const members = await resident.get(`${base()}/agenda.ics`);
    assert.equal(members.statusCode, 200);
    assert.match(members.body, /Besloten overleg/);
    assert.match(String(members.headers['cache-control']), /private/);
    assert.equal((await visitor.get(`${base()}/agenda.ics`)).statusCode, 303);
    assert.equal((await visitor.get('/buurt/bestaat-niet/agenda.ics')).statusCode, 404);
  });
});
