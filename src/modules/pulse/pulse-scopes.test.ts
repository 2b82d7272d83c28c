// The pulse of a municipality and of a region: every network in it added up in SQL, groups
// under 5 hidden for everyone, no names or person-bound texts in the page or the CSV, and
// only leaders of the scope (and administrators) may read it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { decisionFields } from '#test/helpers/decisions.js';
import { createPerson, createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { toLocal } from '../../platform/time.js';
import { budgetingRepository } from '../budgeting/repository.js';
import type { DecisionFields } from '../decisions/repository.js';
import { decisionsService } from '../decisions/service.js';
import { experimentsRepository } from '../experiments/repository.js';
import { libraryRepository } from '../library/repository.js';
import { meetingsRepository } from '../meetings/repository.js';
import { meetings as meetingsTable } from '../meetings/tables.js';
import { signalsRepository } from '../signals/repository/index.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOf = (n: number) => toLocal(daysAgo(n)).date;

/** The rows of one table of the page: label → [count, share]. */
function tableRows(html: string, caption: string): Record<string, [string, string]> {
  const start = html.indexOf(`<caption class="utrecht-table__caption">${caption}</caption>`);
  assert.ok(start > 0, `table ${caption}`);
  const body = html.slice(start, html.indexOf('</table>', start));
  const rows: Record<string, [string, string]> = {};
  for (const m of body.matchAll(
    /<th class="utrecht-table__header-cell" scope="row">([^<]*)<\/th><td[^>]*>([^<]*)<\/td>(?:<td[^>]*>([^<]*)<\/td>)?/g,
  )) {
    rows[m[1]!] = [m[2]!, m[3] ?? ''];
  }
  return rows;
}

describe('the pulse of a municipality and a region', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};

  before(async () => {
    app = await createTestApp();
    const db = app.database.db;
    world = await createWorld(db);
    const { a, b, c, d } = world.networks;
    const regionLeader = await createPerson(db, { leaderOf: { regionId: world.region.id } });

    // Signals: A 3 and B 3 about safety from residents (6 in the municipality), C 5 from
    // professionals (11 in the region), D 7 (another region: never counted). A's person-bound
    // signal names someone.
    const signals = signalsRepository(db);
    const signal = (networkId: number, raisedBy: 'resident' | 'professional', over = {}) =>
      signals.insertSignal({
        networkId,
        title: 'Signaal over Persoon Geheim',
        theme: 'safety',
        raisedBy,
        origin: 'meeting',
        status: 'new',
        createdAt: daysAgo(15),
        ...over,
      });
    await signal(a.id, 'resident', { personBound: true, title: 'Mevrouw Vertrouwelijk, nr 12' });
    for (let i = 0; i < 2; i++) await signal(a.id, 'resident');
    for (let i = 0; i < 3; i++) await signal(b.id, 'resident');
    for (let i = 0; i < 5; i++) await signal(c.id, 'professional');
    for (let i = 0; i < 7; i++) await signal(d.id, 'resident');

    // Decisions: A 3 and B 3 strengthen (all due for review), C 2 restore, D 6 sedate.
    const decisions = decisionsService(db);
    const by = { personId: world.people.coordinator.id, origin: '127.0.0.1', today: dayOf(0) };
    const decision = (over: Partial<DecisionFields> = {}) =>
      decisionFields({ decidedOn: dayOf(20), reviewOn: dayOf(1) }, over);
    for (const [networkId, n, over] of [
      [a.id, 3, {}],
      [b.id, 3, {}],
      [c.id, 2, { effect: 'restores', reviewOn: dayOf(-100) }],
      [d.id, 6, { effect: 'sedates' }],
    ] as const) {
      for (let i = 0; i < n; i++)
        await decisions.createDecision(networkId, decision(over), true, by);
    }

    // Meetings: A has 5 agenda items from residents and 5 residents came; B has 1 item from a
    // professional and 5 professionals came; D's 9 residents never count.
    const meetings = meetingsRepository(db);
    const meeting = async (networkId: number, residents: number, professionals: number) => {
      const id = await meetings.insertMeeting({
        networkId,
        kind: 'network_meeting',
        title: '',
        startsAt: daysAgo(20),
        place: '',
        isPublic: false,
      });
      await db
        .update(meetingsTable)
        .set({ otherResidents: residents, otherProfessionals: professionals })
        .where(eq(meetingsTable.id, id));
      return id;
    };
    const meetingA = await meeting(a.id, 5, 0);
    await meetings.replaceAgenda(
      meetingA,
      Array.from({ length: 5 }, (_, i) => ({ origin: 'resident' as const, title: `Punt ${i}` })),
    );
    const meetingB = await meeting(b.id, 0, 5);
    await meetings.replaceAgenda(meetingB, [{ origin: 'professional', title: 'Punt Geheim' }]);
    await meeting(d.id, 9, 0);

    // Experiments: A 5 ideas, C 2 running. Lessons: A 2 and B 3 shared with the municipality.
    const experiments = experimentsRepository(db);
    for (const [networkId, status, n] of [
      [a.id, 'idea', 5],
      [c.id, 'running', 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await experiments.insertExperiment({
          networkId,
          title: 'Experiment',
          question: 'Vraag',
          approach: '',
          startsOn: null,
          endsOn: null,
          createdBy: world.people.resident.id,
          status,
        });
      }
    }
    const library = libraryRepository(db);
    for (const [networkId, n] of [
      [a.id, 2],
      [b.id, 3],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await library.insertItem({
          kind: 'lesson',
          networkId,
          municipalityId: world.municipality.id,
          regionId: world.region.id,
          title: 'Les van Persoon Geheim',
          body: 'Wat we leerden',
          extra: '',
          sourceType: null,
          sourceId: null,
          sourceTitle: '',
          authorId: world.people.resident.id,
          visibility: 'municipality',
          themes: [],
        });
      }
    }

    // Budget: a round without codes in A and in B, 3 ballots each.
    const budget = budgetingRepository(db);
    let receipt = 0;
    for (const networkId of [a.id, b.id]) {
      const round = await budget.insertRound(networkId, {
        title: 'Ronde',
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
        voteByCode: false,
        voteByAccount: true,
        minAge: 0,
      });
      for (let i = 0; i < 3; i++) {
        await budget.insertBallot({
          id: crypto.randomUUID(),
          roundId: round,
          castOn: dayOf(5),
          choices: { '1': 1 },
          receipt: `r-${receipt++}`,
        });
      }
    }

    const logins: Record<string, string> = {
      leader: world.people.leader.email!,
      regionLeader: regionLeader.email!,
      admin: world.people.admin.email!,
      coordinator: world.people.coordinator.email!,
      coordinatorD: world.people.coordinatorD.email!,
    };
    for (const [name, email] of Object.entries(logins)) {
      const client = new TestClient(app.app);
      await client.login(email, TEST_PASSWORD);
      clients[name] = client;
    }
  });
  after(() => app.close());

  const municipalityUrl = () => `/puls/gemeente/${world.municipality.id}`;
  const regionUrl = () => `/puls/regio/${world.region.id}`;

  test('the municipality: A and B added up, small groups hidden', async () => {
    const page = await clients.leader!.get(municipalityUrl());
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Buurtpuls van gemeente'));
    const html = page.body;
    assert.deepEqual(Object.values(tableRows(html, 'Signalen per thema'))[0], ['6', '']);
    assert.deepEqual(tableRows(html, 'Besluiten per uitkomst van de gemeenschapskracht-toets'), {
      Versterkt: ['6', '100%'],
      Herstelt: ['0', '0%'],
      Vervangt: ['0', '0%'],
      Bedwelmt: ['0', '0%'],
      Totaal: ['6', ''],
    });
    const listening = tableRows(html, 'Luisteren of zenden');
    assert.deepEqual(listening['Agendapunten van bewoners'], ['5', '']);
    assert.deepEqual(listening['Agendapunten van professionals'], ['minder dan 5', '']);
    assert.deepEqual(listening['Signalen van bewoners'], ['6', '100%']);
    assert.deepEqual(tableRows(html, 'Wie kwamen er naar de bijeenkomsten?'), {
      'Bewoners (en raadsleden)': ['5', '50%'],
      Professionals: ['5', '50%'],
      Totaal: ['10', ''],
    });
    assert.deepEqual(tableRows(html, 'Experimenten per stand').Idee, ['5', '']);
    assert.deepEqual(
      tableRows(html, 'Lessen, en met wie ze gedeeld zijn')['Gedeeld met de gemeente'],
      ['5', ''],
    );
    assert.deepEqual(tableRows(html, 'Wijkbudget')['Uitgebrachte stemmen'], ['6', '']);
    assert.deepEqual(tableRows(html, 'Wijkbudget').Rondes, ['minder dan 5', '']);
    assert.deepEqual(tableRows(html, 'Besluiten om op terug te kijken'), {
      'Te herzien (vandaag)': ['6', ''],
    });
    // The charts over time are there too, and their tables hold no count of 1 to 4.
    assert.equal(html.match(/<svg class="bk-chart"/g)?.length, 3);
    for (const caption of [
      'Signalen per thema, per maand',
      'Besluiten per uitkomst van de toets, per maand',
      'Besluiten per betrokkenheid van bewoners, per maand',
    ]) {
      const start = html.indexOf(`<caption class="utrecht-table__caption">${caption}</caption>`);
      assert.ok(start > 0, caption);
      const table = html.slice(start, html.indexOf('</table>', start));
      const cells = [...table.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
      assert.ok(cells.includes('6'), `${caption}: ${cells.join(' ')}`);
      assert.ok(!cells.some((c) => /^[1-4]$/.test(c)), `${caption}: ${cells.join(' ')}`);
    }
  });

  test('the region: C added too (D, in another region, never)', async () => {
    const html = (await clients.regionLeader!.get(regionUrl())).body;
    assert.ok(html.includes(`Buurtpuls van ${world.region.name}`));
    const themes = tableRows(html, 'Signalen per thema');
    assert.deepEqual(Object.values(themes)[0], ['11', '']);
    const effect = tableRows(html, 'Besluiten per uitkomst van de gemeenschapskracht-toets');
    assert.deepEqual(effect.Versterkt, ['6', '']);
    assert.deepEqual(effect.Herstelt, ['minder dan 5', '']);
    assert.deepEqual(effect.Bedwelmt, ['0', '0%']);
    assert.deepEqual(tableRows(html, 'Experimenten per stand').Loopt, ['minder dan 5', '']);
    // A region leader reads the pulse of a municipality in the region too.
    assert.equal((await clients.regionLeader!.get(municipalityUrl())).statusCode, 200);
  });

  test('the CSV: the same figures, "<5" for small groups, no 1 to 4 anywhere', async () => {
    const csv = await clients.leader!.get(`${municipalityUrl()}/cijfers.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(
      csv.body,
      /"Besluiten per uitkomst van de gemeenschapskracht-toets","Versterkt","6","100%"/,
    );
    assert.match(csv.body, /"Luisteren of zenden","Agendapunten van professionals","<5",""/);
    assert.ok(!/"[1-4]"/.test(csv.body), 'no count of 1 to 4 in the CSV');
  });

  test('leaders never receive personal data: no names, no texts of signals or decisions', async () => {
    const bodies = [
      (await clients.leader!.get(municipalityUrl())).body,
      (await clients.leader!.get(`${municipalityUrl()}/cijfers.csv`)).body,
      (await clients.regionLeader!.get(regionUrl())).body,
      (await clients.regionLeader!.get(`${regionUrl()}/cijfers.csv`)).body,
    ];
    for (const body of bodies) {
      for (const secret of [
        'Geheim',
        'Vertrouwelijk',
        world.people.coordinator.displayName,
        world.people.resident.displayName,
        'Signaal over',
        '/besluiten/',
        '/signalen/',
      ]) {
        assert.ok(!body.includes(secret), secret);
      }
    }
  });

  test('access: leaders of the scope and administrators; 404 for everyone else', async () => {
    const otherRegion = `/puls/regio/${world.otherRegion.id}`;
    const cases: [string, string, number][] = [
      ['admin', municipalityUrl(), 200],
      ['admin', regionUrl(), 200],
      ['leader', regionUrl(), 404],
      ['leader', otherRegion, 404],
      ['regionLeader', otherRegion, 404],
      ['coordinator', municipalityUrl(), 404],
      ['coordinator', regionUrl(), 404],
      ['coordinatorD', `${regionUrl()}/cijfers.csv`, 404],
      ['admin', '/puls/gemeente/999999', 404],
      ['admin', '/puls/regio/abc', 404],
    ];
    for (const [who, url, status] of cases) {
      assert.equal((await clients[who]!.get(url)).statusCode, status, `${who} ${url}`);
    }
    assert.equal((await new TestClient(app.app).get(municipalityUrl())).statusCode, 303);
  });

  test("the leader's overview: the pulse in short, lessons shared, reviews due, reflection", async () => {
    const mine = await clients.leader!.get('/netwerk');
    assert.ok(mine.body.includes('href="/bestuurder"'), 'linked from the leader section');
    const page = await clients.leader!.get('/bestuurder');
    assert.equal(page.statusCode, 200);
    const html = page.body;
    const headline = (label: string) =>
      new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
    assert.equal(headline('Signalen'), '6');
    assert.equal(headline('Besluiten'), '6');
    assert.equal(headline('Besluiten om nu op terug te kijken'), '6');
    assert.equal(headline('Aandeel bewoners bij de bijeenkomsten'), '50%');
    assert.ok(html.includes(`href="/puls/gemeente/${world.municipality.id}"`));
    // Lessons shared with the municipality (5), reviews due in A and B (not D's).
    assert.equal(html.match(/href="\/bibliotheek\/\d+"/g)?.length, 5);
    assert.equal(html.match(/Besluit van Persoon Geheim/g)?.length, 6);
    assert.ok(html.includes('Netwerk A') && html.includes('Netwerk B'));
    assert.ok(!html.includes('Netwerk D'));
    assert.ok(html.includes('href="/reflecties"'));
    for (const secret of [
      'Vertrouwelijk',
      world.people.coordinator.displayName,
      world.people.resident.displayName,
    ]) {
      assert.ok(!html.includes(secret), secret);
    }
    // Only leaders have an overview.
    for (const who of ['coordinator', 'admin']) {
      assert.equal((await clients[who]!.get('/bestuurder')).statusCode, 404, who);
    }
    assert.equal((await new TestClient(app.app).get('/bestuurder')).statusCode, 303);
  });
});
