// The pulse's fast path (monthly summaries kept by triggers, decision 0017) gives exactly the
// figures of the plain count over the rows, for a network, a municipality and a region, after
// any mix of inserts, changes and deletes — with rows on either side of Amsterdam's month
// boundaries (22:00 or 23:00 UTC the day before, across the summer-time changes).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestDatabase } from '#test/helpers/database.js';
import { createWorld } from '#test/helpers/factories.js';
import type { Database, DatabaseHandle } from '../../db/client.js';
import { fromLocal } from '../../platform/time.js';
import { periodOf, pulseService } from './service.js';

/** The months the generated rows fall in (October's and March's clock changes included). */
const MONTHS = [
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
];
const THEMES = ['safety', 'youth', 'housing'];
const EFFECTS = ['strengthens', 'restores', 'replaces', 'sedates'];
const INVOLVEMENT = ['co_decided', 'consulted', 'informed', 'not_involved'];

/** An instant `minutes` from the start of `month` in Amsterdam (negative: the month before). */
function nearMonthStart(month: string, minutes: number): string {
  const start = fromLocal(`${month}-01`, '00:00');
  assert.ok(start);
  return new Date(start.getTime() + minutes * 60_000).toISOString();
}

/** A calendar date around the start of `month`: its last day before, its first, or its 15th. */
function dayNear(month: string, pick: number): string {
  if (pick === 1) return `${month}-01`;
  if (pick === 2) return `${month}-15`;
  const d = new Date(`${month}-01T12:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** The tables whose rows the property deletes one at a time. */
const ROW_TABLES = ['signals', 'decisions', 'meetings', 'meeting_agenda_items'] as const;

const ids = (list: readonly number[]) => sql.raw(`array[${list.map(Number).join(',')}]::int[]`);

/** One change to the rows (indexes pick among the rows made so far). */
type Op =
  | {
      op: 'signal';
      net: number;
      month: number;
      minutes: number;
      theme: number;
      resident: boolean;
      pending: boolean;
    }
  | {
      op: 'signalChange';
      pick: number;
      pending: boolean;
      theme: number;
      resident: boolean;
      month: number;
      minutes: number;
    }
  | { op: 'delete'; table: (typeof ROW_TABLES)[number]; pick: number }
  | {
      op: 'decision';
      net: number;
      month: number;
      day: number;
      status: number;
      effect: number;
      involvement: number;
      link: number;
    }
  | {
      op: 'decisionChange';
      pick: number;
      status: number;
      month: number;
      day: number;
      effect: number;
    }
  | {
      op: 'meeting';
      net: number;
      month: number;
      minutes: number;
      residents: number;
      professionals: number;
      cancelled: boolean;
      agenda: boolean[];
    }
  | {
      op: 'meetingChange';
      pick: number;
      cancelled: boolean;
      month: number;
      minutes: number;
      residents: number;
    }
  | { op: 'attend'; pick: number; person: number }
  | { op: 'attendDelete'; pick: number }
  | { op: 'role'; person: number; role: number };

const net = fc.nat(3);
const month = fc.nat(MONTHS.length - 1);
const minutes = fc.integer({ min: -180, max: 180 });
const pick = fc.nat(50);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('signal' as const),
      net,
      month,
      minutes,
      theme: fc.nat(2),
      resident: fc.boolean(),
      pending: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('signalChange' as const),
      pick,
      pending: fc.boolean(),
      theme: fc.nat(2),
      resident: fc.boolean(),
      month,
      minutes,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('decision' as const),
      net,
      month,
      day: fc.nat(2),
      status: fc.nat(3),
      effect: fc.nat(3),
      involvement: fc.nat(3),
      link: fc.nat(20),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('decisionChange' as const),
      pick,
      status: fc.nat(3),
      month,
      day: fc.nat(2),
      effect: fc.nat(3),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('meeting' as const),
      net,
      month,
      minutes,
      residents: fc.nat(9),
      professionals: fc.nat(9),
      cancelled: fc.boolean(),
      agenda: fc.array(fc.boolean(), { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('meetingChange' as const),
      pick,
      cancelled: fc.boolean(),
      month,
      minutes,
      residents: fc.nat(9),
    }),
  },
  // One delete per table, each as likely as before.
  ...ROW_TABLES.map((table) => ({
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('delete' as const), table: fc.constant(table), pick }),
  })),
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('attend' as const), pick, person: fc.nat(5) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('attendDelete' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('role' as const), person: fc.nat(5), role: fc.nat(2) }),
  },
);

/** The rows a query answers (both drivers give `{ rows }`). */
const rowsOf = async <T>(db: Database, query: SQL) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** The id of the `pick`-th row of `table` (by id), or undefined when it has none. */
async function idOf(db: Database, table: string, pickAt: number): Promise<number | undefined> {
  const rows = await rowsOf<{ id: number }>(
    db,
    sql`select id from ${sql.identifier(table)} order by id`,
  );
  return rows.length === 0 ? undefined : rows[pickAt % rows.length]!.id;
}

/** Deletes every row the property makes (the triggers take them off the summaries). */
async function clear(db: Database) {
  for (const table of ['decisions', 'meetings', 'signals']) {
    await db.execute(sql`delete from ${sql.identifier(table)}`);
  }
}

async function apply(db: Database, networks: number[], people: number[], o: Op): Promise<void> {
  const status = ['proposed', 'decided', 'reviewed', 'withdrawn'];
  switch (o.op) {
    case 'signal':
      await db.execute(sql`insert into signals (network_id, title, theme, raised_by, origin, status, created_at)
        values (${networks[o.net]}, 'S', ${THEMES[o.theme]}, ${o.resident ? 'resident' : 'professional'}, 'meeting',
          ${o.pending ? 'pending' : 'new'}, ${nearMonthStart(MONTHS[o.month]!, o.minutes)})`);
      return;
    case 'signalChange': {
      const id = await idOf(db, 'signals', o.pick);
      if (id === undefined) return;
      await db.execute(sql`update signals set status = ${o.pending ? 'pending' : 'taken_up'}, theme = ${THEMES[o.theme]},
        raised_by = ${o.resident ? 'resident' : 'professional'}, created_at = ${nearMonthStart(MONTHS[o.month]!, o.minutes)}
        where id = ${id}`);
      return;
    }
    case 'delete': {
      const id = await idOf(db, o.table, o.pick);
      if (id !== undefined)
        await db.execute(sql`delete from ${sql.identifier(o.table)} where id = ${id}`);
      return;
    }
    case 'decision': {
      const linked = await idOf(db, 'signals', o.link);
      await db.execute(sql`insert into decisions (network_id, title, body, reasons, kind, decided_by, decided_on,
          involvement, effect, effect_reasoning, review_on, status, signal_ids)
        values (${networks[o.net]}, 'B', 'T', 'R', 'other', 'network', ${dayNear(MONTHS[o.month]!, o.day)},
          ${INVOLVEMENT[o.involvement]}, ${EFFECTS[o.effect]}, 'O', '2026-06-01', ${status[o.status]},
          ${linked !== undefined && o.link % 2 === 0 ? sql.raw(`array[${linked}]::int[]`) : sql.raw('array[]::int[]')})`);
      return;
    }
    case 'decisionChange': {
      const id = await idOf(db, 'decisions', o.pick);
      if (id === undefined) return;
      await db.execute(sql`update decisions set status = ${status[o.status]}, effect = ${EFFECTS[o.effect]},
        decided_on = ${dayNear(MONTHS[o.month]!, o.day)} where id = ${id}`);
      return;
    }
    case 'meeting': {
      const starts = nearMonthStart(MONTHS[o.month]!, o.minutes);
      const rows = await rowsOf<{ id: number }>(
        db,
        sql`insert into meetings (network_id, kind, title, starts_at, ends_at,
          other_residents, other_professionals, cancelled_at)
        values (${networks[o.net]}, 'network_meeting', 'M', ${starts}, ${starts}::timestamptz + interval '1 hour',
          ${o.residents}, ${o.professionals}, ${o.cancelled ? sql`now()` : sql`null`}) returning id`,
      );
      const meetingId = rows[0]!.id;
      for (const [i, fromResident] of o.agenda.entries()) {
        await db.execute(sql`insert into meeting_agenda_items (meeting_id, position, origin, title)
          values (${meetingId}, ${i + 1}, ${fromResident ? 'resident' : 'professional'}, 'P')`);
      }
      return;
    }
    case 'meetingChange': {
      const id = await idOf(db, 'meetings', o.pick);
      if (id === undefined) return;
      await db.execute(sql`update meetings set cancelled_at = ${o.cancelled ? sql`now()` : sql`null`},
        starts_at = ${nearMonthStart(MONTHS[o.month]!, o.minutes)}, other_residents = ${o.residents} where id = ${id}`);
      return;
    }
    case 'attend': {
      const id = await idOf(db, 'meetings', o.pick);
      if (id === undefined) return;
      await db.execute(sql`insert into meeting_attendance (meeting_id, person_id)
        values (${id}, ${people[o.person]}) on conflict do nothing`);
      return;
    }
    case 'attendDelete': {
      const rows = await rowsOf<{ meeting_id: number; person_id: number }>(
        db,
        sql`select meeting_id, person_id from meeting_attendance order by 1, 2`,
      );
      const row = rows[o.pick % Math.max(1, rows.length)];
      if (row) {
        await db.execute(sql`delete from meeting_attendance
          where meeting_id = ${row.meeting_id} and person_id = ${row.person_id}`);
      }
      return;
    }
    case 'role':
      // Roles belong to the people module; a change of role changes who counts as a resident.
      await db.execute(sql`update memberships set role = ${['resident', 'professional', 'council'][o.role]}
        where person_id = ${people[o.person]}`);
      return;
  }
}

/** The plain count: every figure the summaries serve, counted over the rows themselves. */
async function plainCount(db: Database, networkIds: number[], from: string, to: string) {
  const rows = <T = Record<string, unknown>>(q: SQL) => rowsOf<T>(db, q);
  const local = (column: string) => sql.raw(`(${column} at time zone 'Europe/Amsterdam')`);
  const inPeriod = (column: string) =>
    sql`${local(column)}::date >= ${from}::date and ${local(column)}::date < ${to}::date`;
  const signals = await rows(sql`select to_char(${local('created_at')}, 'YYYY-MM') as month, theme,
      raised_by as "raisedBy", count(*)::int as n from signals
    where network_id = any(${ids(networkIds)}) and status <> 'pending' and ${inPeriod('created_at')}
    group by 1, 2, 3`);
  const decisions =
    await rows(sql`select to_char(decided_on, 'YYYY-MM') as month, effect, involvement,
      exists (select 1 from signals s where s.id = any(d.signal_ids) and s.raised_by = 'resident'
        and s.network_id = any(${ids(networkIds)})) as "fromResidents", count(*)::int as n
    from decisions d where network_id = any(${ids(networkIds)}) and status in ('decided', 'reviewed')
      and decided_on >= ${from}::date and decided_on < ${to}::date
    group by 1, 2, 3, 4`);
  const inMeetings = sql`m.network_id = any(${ids(networkIds)}) and m.cancelled_at is null and ${inPeriod('m.starts_at')}`;
  const agenda = await rows(sql`select a.origin, count(*)::int as n from meeting_agenda_items a
    join meetings m on m.id = a.meeting_id where ${inMeetings} group by 1`);
  const [others] = await rows<{ residents: number; professionals: number }>(sql`select
      coalesce(sum(other_residents), 0)::int as residents, coalesce(sum(other_professionals), 0)::int as professionals
    from meetings m where ${inMeetings}`);
  const [named] = await rows<{ residents: number; all: number }>(sql`select
      (count(*) filter (where exists (select 1 from memberships s where s.person_id = t.person_id
        and s.network_id = m.network_id and s.role in ('resident', 'council'))))::int as residents,
      count(*)::int as "all"
    from meeting_attendance t join meetings m on m.id = t.meeting_id where ${inMeetings}`);
  const attendance = {
    residents: others!.residents + named!.residents,
    professionals: others!.professionals + named!.all - named!.residents,
  };
  return { signals, decisions, agenda, attendance };
}

/** Rows as sorted lines, so the order of the groups does not matter. */
const lines = (list: readonly object[]) =>
  list.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();

describe('the pulse: monthly summaries give the plain count', () => {
  let handle: DatabaseHandle;
  let scopes: [string, number[]][];
  let elsewhere: number;
  let people: number[];

  before(async () => {
    handle = await createTestDatabase();
    const world = await createWorld(handle.db);
    const { a, b, c, d } = world.networks;
    elsewhere = d.id;
    const p = world.people;
    people = [
      p.resident,
      p.professional,
      p.coordinator,
      p.council,
      p.coordinatorB,
      p.coordinatorC,
    ].map((person) => person.id);
    // a and b: one municipality; c: the same region; d: another region (never counted).
    scopes = [
      ['network', [a.id]],
      ['municipality', [a.id, b.id]],
      ['region', [a.id, b.id, c.id]],
    ];
  });
  after(() => handle.close());

  test('after any changes, for a network, a municipality and a region', async () => {
    const db = handle.db;
    const all = scopes[2]![1];
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.nat(MONTHS.length - 1),
        fc.nat(MONTHS.length - 1),
        async (ops, first, last) => {
          await clear(db);
          const networks = [...all, elsewhere];
          for (const o of ops) await apply(db, networks, people, o);
          const [lo, hi] = first <= last ? [first, last] : [last, first];
          const period = periodOf(MONTHS[lo]!, MONTHS[hi]!);
          for (const [, networkIds] of scopes) {
            const fast = await pulseService(db).pulseOf(networkIds, period, '2026-06-01');
            const plain = await plainCount(db, networkIds, period.from, period.to);
            assert.deepEqual(lines(fast.signals), lines(plain.signals));
            assert.deepEqual(lines(fast.decisions), lines(plain.decisions));
            assert.deepEqual(lines(fast.agenda), lines(plain.agenda));
            assert.deepEqual(fast.attendance, plain.attendance);
          }
        },
      ),
      { numRuns: Number(process.env.PULSE_RUNS ?? 30) },
    );
  });

  test('after every row is deleted the summaries hold nothing but zeros', async () => {
    const db = handle.db;
    await clear(db);
    const left = await rowsOf<{ n: number }>(
      db,
      sql`select
      (select count(*) from signal_month_counts where n <> 0) +
      (select count(*) from decision_month_counts where n <> 0) +
      (select count(*) from meeting_month_counts where agenda_from_residents <> 0 or
        agenda_from_professionals <> 0 or other_residents <> 0 or other_professionals <> 0) as n`,
    );
    assert.equal(Number(left[0]!.n), 0);
  });
});
