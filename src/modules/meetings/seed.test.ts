import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { createWorld } from '#test/helpers/factories.js';
import { meetingsPersonData } from './person-data.js';
import { meetingsRepository } from './repository.js';

describe('meetings: the demo and a person’s data', () => {
  let t: TestApp;
  before(async () => {
    // A copy of the demo, seeded once for the whole test run.
    t = await createTestApp({}, { demo: true });
  });
  after(() => t.close());

  test('the demo holds a year of meetings, a village conversation and two to come', async () => {
    const db = t.database.db;
    const result = (await db.execute(sql`select
        (select count(*)::int from meetings where kind = 'village_conversation') as village,
        (select count(*)::int from meetings where starts_at > now()) as upcoming,
        (select count(*)::int from meetings where starts_at > now() and is_public) as upcoming_public,
        (select count(*)::int from meeting_agenda_items) as items,
        (select count(*)::int from meeting_attendance) as attendance`)) as unknown as {
      rows: Record<string, number>[];
    };
    const c = result.rows[0]!;
    assert.equal(c.village, 1);
    assert.equal(c.upcoming, 2);
    assert.equal(c.upcoming_public, 1);
    assert.ok(c.items! > 100);
    assert.ok(c.attendance! > 30);
  });

  test('export lists attendance; erasure takes the name off the list and still counts the person', async () => {
    const db = t.database.db;
    const world = await createWorld(db);
    const repo = meetingsRepository(db);
    const person = world.people.resident;
    const a = world.networks.a.id;
    const meeting = await repo.insertMeeting({
      networkId: a,
      kind: 'network_meeting',
      title: 'Maart',
      startsAt: new Date('2030-03-10T18:30:00Z'),
      place: '',
      isPublic: false,
    });
    await repo.replaceAttendance(meeting, [person.id, world.people.coordinator.id]);
    await repo.updateMeeting(a, meeting, { otherResidents: 4 });

    const exported = (await meetingsPersonData.export(db, person.id)) as {
      meetingsAttended: { title: string }[];
    };
    assert.deepEqual(
      exported.meetingsAttended.map((m) => m.title),
      ['Maart'],
    );

    await db.transaction((tx) => meetingsPersonData.erase(tx, person.id));
    assert.deepEqual(await repo.listAttendance(meeting), [world.people.coordinator.id]);
    assert.equal((await repo.findMeeting(a, meeting))!.otherResidents, 5, 'still counted');
  });
});
