// The pulse on a small hand-made data set with known answers: every figure, the period
// filter, the small-group rule for leaders, and that leaders never receive personal data
// (checked on the rendered page and on the CSV).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { decisionFields } from '#test/helpers/decisions.js';
import {
  createMunicipality,
  createPerson,
  createWorld,
  TEST_PASSWORD,
} from '#test/helpers/factories.js';
import { translator } from '../../platform/i18n/index.js';
import { toLocal } from '../../platform/time.js';
import { budgetingRepository, type RoundSettings } from '../budgeting/repository.js';
import type { DecisionFields } from '../decisions/repository.js';
import { decisionsService } from '../decisions/service.js';
import { decisions as decisionsTable } from '../decisions/tables.js';
import { experimentsRepository } from '../experiments/repository.js';
import { libraryRepository } from '../library/repository.js';
import { meetingsRepository } from '../meetings/repository.js';
import { meetings as meetingsTable } from '../meetings/tables.js';
import { signalsRepository } from '../signals/repository/index.js';
import { shareOf, suppressed } from './policy.js';
import { presentPulse, pulseCsv } from './presenters.js';
import { monthsBack, periodOf, pulseService } from './service.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOf = (n: number) => toLocal(daysAgo(n)).date;
const t = translator('nl');

describe('pulse rules (pure)', () => {
  test('groups of 1 to 4 are hidden; 0 and 5 or more are shown', () => {
    assert.deepEqual([0, 1, 4, 5, 12].map(suppressed), [0, null, null, 5, 12]);
  });
  test('a share is hidden from leaders when it would give a small group away', () => {
    assert.equal(shareOf(6, 10, false), 60);
    assert.equal(shareOf(6, 10, true), null); // the rest is 4
    assert.equal(shareOf(5, 10, true), 50);
    assert.equal(shareOf(0, 0, false), null);
  });
  test('a period of months is [first day, first day after the last month)', () => {
    assert.deepEqual(periodOf('2025-11', '2026-02'), {
      from: '2025-11-01',
      to: '2026-03-01',
      months: ['2025-11', '2025-12', '2026-01', '2026-02'],
    });
    assert.equal(periodOf('2026-12', '2026-12').to, '2027-01-01');
    assert.equal(monthsBack('2026-03-31', 1), '2026-02');
    assert.equal(monthsBack('2026-01-15', 13), '2024-12');
  });
});

describe('the pulse of a network', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;

  before(async () => {
    app = await createTestApp();
    const db = app.database.db;
    world = await createWorld(db);
    const otherMunicipality = await createMunicipality(db, world.region.id);
    const otherLeader = await createPerson(db, {
      leaderOf: { municipalityId: otherMunicipality.id },
    });
    const regionLeader = await createPerson(db, { leaderOf: { regionId: world.region.id } });

    // Decisions: 6 strengthen (co-decided; 2 of them due for review), 2 restore (consulted),
    // 1 sedates (residents not involved); one strengthens outside the default period; one
    // proposal that does not count.
    const decisions = decisionsService(db);
    const by = { personId: world.people.coordinator.id, origin: '127.0.0.1', today: dayOf(0) };
    const decision = (over: Partial<DecisionFields> = {}) =>
      decisionFields({ decidedOn: dayOf(20), reviewOn: dayOf(-100) }, over);
    for (let i = 0; i < 6; i++) {
      await decisions.createDecision(a(), decision(i < 2 ? { reviewOn: dayOf(1) } : {}), true, by);
    }
    for (let i = 0; i < 2; i++) {
      await decisions.createDecision(
        a(),
        decision({ effect: 'restores', involvement: 'consulted' }),
        true,
        by,
      );
    }
    await decisions.createDecision(
      a(),
      decision({ effect: 'sedates', involvement: 'not_involved', involvementWho: 'Haast' }),
      true,
      by,
    );
    await decisions.createDecision(a(), decision({ decidedOn: dayOf(420) }), true, by);
    await decisions.createDecision(a(), decision({ decidedOn: null }), false, by);
    // Another network's decision never counts here.
    await decisions.createDecision(world.networks.b.id, decision({}), true, by);

    // Signals: social isolation 5 by residents and 1 by a professional, safety 2 by
    // residents, 5 of a network's own theme whose name looks like a spreadsheet formula;
    // a pending public submission and an old one do not count.
    const signals = signalsRepository(db);
    const signal = (theme: string, raisedBy: 'resident' | 'professional', over = {}) =>
      signals.insertSignal({
        networkId: a(),
        title: 'Signaal over Persoon Geheim',
        theme,
        raisedBy,
        origin: 'meeting',
        status: 'new',
        createdAt: daysAgo(15),
        ...over,
      });
    const residentSignal = await signal('social_isolation', 'resident');
    for (let i = 0; i < 4; i++) await signal('social_isolation', 'resident');
    const professionalSignal = await signal('social_isolation', 'professional', {
      personBound: true,
      title: 'Mevrouw Vertrouwelijk op nummer 12',
    });
    for (let i = 0; i < 2; i++) await signal('safety', 'resident');
    for (let i = 0; i < 5; i++) await signal('=HYPERLINK("x")', 'professional');
    await signal('safety', 'resident', { status: 'pending' });
    await signal('safety', 'resident', { createdAt: daysAgo(420) });

    // Agenda: 6 items from residents, 4 from professionals.
    const meetings = meetingsRepository(db);
    const meeting = await meetings.insertMeeting({
      networkId: a(),
      kind: 'network_meeting',
      title: '',
      startsAt: daysAgo(20),
      place: '',
      isPublic: false,
    });
    await meetings.replaceAgenda(meeting, [
      ...Array.from({ length: 6 }, (_, i) => ({
        origin: 'resident' as const,
        title: `Punt ${i}`,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        origin: 'professional' as const,
        title: `Punt P${i}`,
      })),
    ]);

    // Two of the strengthening decisions follow up a resident's signal; one a professional's
    // (it does not come from residents).
    const ids = (await db.select({ id: decisionsTable.id }).from(decisionsTable)).map((r) => r.id);
    await db
      .update(decisionsTable)
      .set({ signalIds: [residentSignal.id] })
      .where(inArray(decisionsTable.id, ids.slice(0, 2)));
    await db
      .update(decisionsTable)
      .set({ signalIds: [professionalSignal.id] })
      .where(eq(decisionsTable.id, ids[2]!));

    // Attendance: resident and council member by name plus 4 residents unnamed (6 residents),
    // coordinator and professional by name (2 professionals); a cancelled meeting's 10 don't count.
    const p = world.people;
    await meetings.replaceAttendance(meeting, [
      p.resident.id,
      p.council.id,
      p.coordinator.id,
      p.professional.id,
    ]);
    await db.update(meetingsTable).set({ otherResidents: 4 }).where(eq(meetingsTable.id, meeting));
    const cancelled = await meetings.insertMeeting({
      networkId: a(),
      kind: 'network_meeting',
      title: '',
      startsAt: daysAgo(10),
      place: '',
      isPublic: false,
    });
    await db
      .update(meetingsTable)
      .set({ otherResidents: 10, cancelledAt: daysAgo(11) })
      .where(eq(meetingsTable.id, cancelled));

    // Lessons: 3 kept in the network, 2 shared with the municipality; a story does not count.
    const library = libraryRepository(db);
    const item = (kind: 'lesson' | 'story', visibility: 'network' | 'municipality') =>
      library.insertItem({
        kind,
        networkId: a(),
        municipalityId: world.municipality.id,
        regionId: world.region.id,
        title: 'Les van Persoon Geheim',
        body: 'Wat we leerden',
        extra: '',
        sourceType: null,
        sourceId: null,
        sourceTitle: '',
        authorId: p.resident.id,
        visibility,
        themes: [],
      });
    for (let i = 0; i < 3; i++) await item('lesson', 'network');
    for (let i = 0; i < 2; i++) await item('lesson', 'municipality');
    await item('story', 'municipality');

    // Budget: a counted round with 10 codes and 6 ballots (4 chose the funded project);
    // 5 proposals, 4 from residents (3 by a resident, 1 through the public form), 1 by a
    // professional, and a withdrawn one that does not count. A round without codes: 2 ballots.
    const budget = budgetingRepository(db);
    const settings: RoundSettings = {
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
      voteByCode: true,
      voteByAccount: true,
      minAge: 0,
    };
    const round = await budget.insertRound(a(), settings);
    const proposal = (authorId: number | null, status?: 'withdrawn') =>
      budget.insertProposal({
        roundId: round,
        networkId: a(),
        authorId,
        title: 'Voorstel',
        description: '',
        place: '',
        costCents: 1000,
        ...(status ? { status } : {}),
      });
    const funded = await proposal(p.resident.id);
    const notFunded = await proposal(p.resident.id);
    await proposal(p.resident.id);
    await proposal(null);
    await proposal(p.professional.id);
    await proposal(p.professional.id, 'withdrawn');
    await budget.insertCodes(
      round,
      1,
      Array.from({ length: 10 }, (_, i) => ({ codeHash: `hash-${i}`, sealed: 'x' })),
    );
    let receipt = 0;
    const ballot = (roundId: number, choice: number) =>
      budget.insertBallot({
        id: crypto.randomUUID(),
        roundId,
        castOn: dayOf(5),
        choices: { [String(choice)]: 1 },
        receipt: `r-${receipt++}`,
      });
    for (let i = 0; i < 6; i++) await ballot(round, i < 4 ? funded : notFunded);
    await budget.updateRound(a(), round, {
      result: { outcome: { selected: [String(funded)] }, ballots: 6 },
      countedAt: new Date(),
      phase: 'results',
    });
    const openRound = await budget.insertRound(a(), { ...settings, voteByCode: false });
    for (let i = 0; i < 2; i++) await ballot(openRound, funded);

    // Experiments: 3 ideas, 5 running.
    const experiments = experimentsRepository(db);
    for (let i = 0; i < 8; i++) {
      await experiments.insertExperiment({
        networkId: a(),
        title: 'Experiment',
        question: 'Vraag',
        approach: '',
        startsOn: null,
        endsOn: null,
        createdBy: world.people.resident.id,
        status: i < 3 ? 'idea' : 'running',
      });
    }

    const logins: Record<string, string> = {
      coordinator: world.people.coordinator.email!,
      resident: world.people.resident.email!,
      leader: world.people.leader.email!,
      regionLeader: regionLeader.email!,
      otherLeader: otherLeader.email!,
      coordinatorB: world.people.coordinatorB.email!,
      admin: world.people.admin.email!,
    };
    for (const [name, email] of Object.entries(logins)) {
      const client = new TestClient(app.app);
      await client.login(email, TEST_PASSWORD);
      clients[name] = client;
    }
  });
  after(() => app.close());

  async function figures(asLeader: boolean, from?: string, to?: string) {
    const today = dayOf(0);
    const period = periodOf(from ?? monthsBack(today, 11), to ?? monthsBack(today, 0));
    const pulse = await pulseService(app.database.db).pulseOf([a()], period, today);
    const vm = presentPulse(t, 'nl', {
      scope: { kind: 'network', name: 'Netwerk A', base: '', csv: '' },
      period,
      pulse,
      asLeader,
      themeLabel: (theme) => (theme === 'social_isolation' ? 'Eenzaamheid' : theme),
      monthOptions: [monthsBack(today, 0)],
    });
    const tableOf = (id: string) => {
      const table = vm.tables.find((x) => x.id === id)!;
      return {
        rows: Object.fromEntries(table.rows.map((r) => [r.label, [r.value, r.share]])),
        total: table.total?.value,
      };
    };
    return { vm, pulse, tableOf };
  }

  test('every figure, counted in SQL, matches the hand-made data (member view)', async () => {
    const { tableOf, vm } = await figures(false);
    assert.deepEqual(tableOf('effect'), {
      rows: {
        Versterkt: ['6', '67%'],
        Herstelt: ['2', '22%'],
        Vervangt: ['0', '0%'],
        Bedwelmt: ['1', '11%'],
      },
      total: '9',
    });
    assert.deepEqual(tableOf('involvement').rows, {
      'Bewoners beslisten mee': ['6', '67%'],
      'Bewoners gaven hun mening': ['2', '22%'],
      'Bewoners op de hoogte gebracht': ['0', '0%'],
      'Bewoners niet betrokken': ['1', '11%'],
    });
    assert.deepEqual(tableOf('listening').rows, {
      'Agendapunten van bewoners': ['6', '60%'],
      'Agendapunten van professionals': ['4', '40%'],
      'Signalen van bewoners': ['7', '54%'],
      'Signalen van professionals': ['6', '46%'],
      'Besluiten na een signaal van bewoners': ['2', '22%'],
      'Andere besluiten': ['7', '78%'],
    });
    assert.deepEqual(tableOf('attendance'), {
      rows: { 'Bewoners (en raadsleden)': ['6', '75%'], Professionals: ['2', '25%'] },
      total: '8',
    });
    assert.deepEqual(tableOf('lessons'), {
      rows: {
        'Alleen in het netwerk': ['3', ''],
        'Gedeeld met de gemeente': ['2', ''],
        'Gedeeld met de regio': ['0', ''],
        Openbaar: ['0', ''],
      },
      total: '5',
    });
    assert.deepEqual(tableOf('budget').rows, {
      Rondes: ['2', ''],
      'Uitgebrachte stemmen': ['8', ''],
      'Opkomst (stemmen van wie een stemcode kreeg)': ['6', '60%'],
      Voorstellen: ['5', ''],
      'Voorstellen van bewoners': ['4', '80%'],
      'Stemmers met minstens één gekozen project': ['4', '67%'],
    });
    assert.deepEqual(tableOf('themes'), {
      rows: {
        Eenzaamheid: ['6', ''],
        '=HYPERLINK("x")': ['5', ''],
        safety: ['2', ''],
      },
      total: '13',
    });
    assert.deepEqual(tableOf('experiments'), {
      rows: { Idee: ['3', ''], Loopt: ['5', ''], Geëvalueerd: ['0', ''], Gestopt: ['0', ''] },
      total: '8',
    });
    assert.deepEqual(tableOf('reviews').rows, { 'Te herzien (vandaag)': ['2', ''] });
    const chart = (id: string) => vm.charts.find((c) => c.id === id);
    assert.equal(chart('chart-decisions')?.total, 9);
    assert.equal(chart('chart-decisions')?.series.find((s) => s.label === 'Versterkt')?.total, 6);
    const involvement = chart('chart-involvement')!;
    assert.deepEqual(
      involvement.series.map((s) => [s.label, s.total]),
      [
        ['Bewoners beslisten mee', 6],
        ['Bewoners gaven hun mening', 2],
        ['Bewoners niet betrokken', 1],
      ],
    );
    // Signals by theme per month: all 13 in the month of 15 days ago.
    const signals = chart('chart-signals')!;
    assert.equal(signals.total, 13);
    const month = signals.periods.findIndex((x) => x.key === dayOf(15).slice(0, 7));
    assert.equal(signals.series.find((s) => s.label === 'Eenzaamheid')?.values[month], 6);
  });

  test('the period filter: a longer period takes in the older decision and signal', async () => {
    const { tableOf } = await figures(false, monthsBack(dayOf(0), 20));
    assert.equal(tableOf('effect').rows.Versterkt![0], '7');
    assert.equal(tableOf('themes').rows.safety![0], '3');
  });

  test('leaders: groups under 5 are "minder dan 5" in tables and charts, shares that would give them away are hidden', async () => {
    const { tableOf, vm } = await figures(true);
    assert.deepEqual(tableOf('effect').rows, {
      Versterkt: ['6', ''],
      Herstelt: ['minder dan 5', ''],
      Vervangt: ['0', '0%'],
      Bedwelmt: ['minder dan 5', ''],
    });
    assert.deepEqual(tableOf('listening').rows, {
      'Agendapunten van bewoners': ['6', ''],
      'Agendapunten van professionals': ['minder dan 5', ''],
      'Signalen van bewoners': ['7', '54%'],
      'Signalen van professionals': ['6', '46%'],
      'Besluiten na een signaal van bewoners': ['minder dan 5', ''],
      'Andere besluiten': ['7', ''],
    });
    assert.deepEqual(tableOf('attendance').rows.Professionals, ['minder dan 5', '']);
    assert.deepEqual(tableOf('experiments').rows.Idee, ['minder dan 5', '']);
    assert.deepEqual(tableOf('reviews').rows, { 'Te herzien (vandaag)': ['minder dan 5', ''] });
    // The charts over time too: the month's 6 signals on loneliness are shown, the 2 on
    // safety are not shown apart (in that month nor in all); no count of 1 to 4 anywhere.
    const signals = vm.charts.find((c) => c.id === 'chart-signals')!;
    const month = signals.periods.findIndex((x) => x.key === dayOf(15).slice(0, 7));
    const theme = (label: string) => signals.series.find((s) => s.label === label)!;
    assert.equal(theme('Eenzaamheid').values[month], 6);
    assert.equal(theme('safety').values[month], null);
    assert.equal(theme('safety').total, null);
    assert.equal(signals.totals[month], 13);
    const decisions = vm.charts.find((c) => c.id === 'chart-decisions')!;
    assert.equal(decisions.series.find((s) => s.label === 'Versterkt')!.total, 6);
    assert.equal(decisions.series.find((s) => s.label === 'Herstelt')!.total, null);
    for (const c of vm.charts) {
      const counts = [...c.series.flatMap((s) => [...s.values, s.total]), ...c.totals, c.total];
      for (const n of counts) assert.ok(n === null || n === 0 || n >= 5, `${c.id}: ${n}`);
    }
    assert.deepEqual(tableOf('budget').rows['Voorstellen van bewoners'], ['minder dan 5', '']);
    const csv = pulseCsv(t, vm);
    assert.match(
      csv,
      /"Besluiten per uitkomst van de gemeenschapskracht-toets","Herstelt","<5",""/,
    );
    assert.ok(!/"[1-4]"/.test(csv), 'no count of 1 to 4 in the CSV');
    // A theme that looks like a formula is not read as one by a spreadsheet.
    assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`));
  });

  test('a chart whose every month is a small group is left out for leaders, with a sentence', async () => {
    // The older months hold one decision (and one signal): members see the bar, leaders not.
    const older = [monthsBack(dayOf(0), 20), monthsBack(dayOf(0), 12)] as const;
    const member = (await figures(false, ...older)).vm;
    assert.ok(member.charts.some((c) => c.id === 'chart-decisions'));
    assert.deepEqual(member.chartsTooSmall, []);
    const leader = (await figures(true, ...older)).vm;
    assert.ok(!leader.charts.some((c) => c.id === 'chart-decisions'));
    assert.deepEqual(
      leader.chartsTooSmall.map((c) => c.title),
      member.charts.map((c) => c.title),
    );
  });

  test('over HTTP: members and administrators see the figures; leaders in scope see them without names', async () => {
    const url = `/netwerk/${a()}/puls`;
    for (const who of ['coordinator', 'resident', 'admin']) {
      const page = await clients[who]!.get(url);
      assert.equal(page.statusCode, 200, who);
      assert.ok(page.body.includes('Besluiten per uitkomst'), who);
      assert.ok(!page.body.includes('minder dan 5'), who);
      // Each chart has its heading above it, for whoever reads the page by its headings.
      assert.match(
        page.body,
        /<h2[^>]*id="chart-signals-heading"[^>]*>Signalen per thema, per maand<\/h2><div class="bk-chart-with-table">/,
        who,
      );
    }
    for (const who of ['leader', 'regionLeader']) {
      const page = await clients[who]!.get(url);
      assert.equal(page.statusCode, 200, who);
      assert.ok(page.body.includes('minder dan 5'), who);
      assert.ok(page.body.includes('Groepen van minder dan 5'), who);
      const csv = await clients[who]!.get(`${url}.csv`);
      assert.equal(csv.statusCode, 200, who);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      for (const body of [page.body, csv.body]) {
        // No names of people, no texts of signals or decisions, no link to a member page.
        for (const secret of [
          'Geheim',
          world.people.coordinator.displayName,
          world.people.resident.displayName,
          'Punt P',
          'Signaal over',
          'Vertrouwelijk',
          `/netwerk/${a()}/besluiten/`,
          `/netwerk/${a()}/signalen/`,
        ]) {
          assert.ok(!body.includes(secret), `${who}: ${secret}`);
        }
      }
    }
    // Outside one's networks and scope: not found; visitors go to the login page.
    assert.equal((await clients.otherLeader!.get(url)).statusCode, 404);
    assert.equal((await clients.coordinatorB!.get(url)).statusCode, 404);
    assert.equal((await clients.coordinatorB!.get(`${url}.csv`)).statusCode, 404);
    assert.equal((await new TestClient(app.app).get(url)).statusCode, 303);
    // A period asked for in the URL; nonsense falls back to the default.
    const longer = await clients.coordinator!.get(
      `${url}?van=${monthsBack(dayOf(0), 20)}&tot=${monthsBack(dayOf(0), 0)}`,
    );
    assert.equal(longer.statusCode, 200);
    const odd = await clients.coordinator!.get(`${url}?van=1%27%20or%201%3D1--&tot%5B%5D=x`);
    assert.equal(odd.statusCode, 200);
  });

  test('the public page shows the pulse in short (small groups hidden) beside the decisions with their check', async () => {
    const page = await new TestClient(app.app).get(`/buurt/${world.networks.a.slug}`);
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.ok(html.includes('De buurtpuls in het kort'));
    const headline = (label: string) =>
      new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
    assert.equal(headline('Signalen'), '13');
    assert.equal(headline('Besluiten'), '9');
    // 8 of 9 decisions with residents: the one other would be given away, so no share.
    assert.equal(headline('Besluiten waarbij bewoners meebeslisten of hun mening gaven'), '–');
    assert.equal(headline('Besluiten om nu op terug te kijken'), 'minder dan 5');
    // The decisions of the last year with their check (decisions module's block).
    assert.ok(html.includes('Besluiten van het afgelopen jaar'));
    assert.ok(html.includes('bk-effect--strengthens'));
    for (const secret of ['Vertrouwelijk', 'Signaal over', world.people.resident.displayName]) {
      assert.ok(!html.includes(secret), secret);
    }
  });
});
