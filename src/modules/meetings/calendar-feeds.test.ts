// Issue 12, item 2: secret feed addresses and calendars that update (SEQUENCE,
// LAST-MODIFIED, UID host, URL, STATUS:CANCELLED); my data and erasure of feed addresses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ical from 'node-ical';
import { TestClient } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import { createPerson, TEST_PASSWORD } from '#test/helpers/factories.js';
import { HOST, useMeetingsApp } from '#test/helpers/meetings.js';
import { meetingsRepository } from './repository.js';

function events(body: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter(
    (e) => e?.type === 'VEVENT',
  ) as ical.VEvent[];
}

/** The raw value of a property of the event with this UID (node-ical leaves some out). */
function rawProperty(body: string, uid: string, name: string): string | undefined {
  const unfolded = body.replace(/\r\n[ \t]/g, '');
  const block = unfolded.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${uid}`));
  return block
    ?.split('\r\n')
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, '');
}

describe('meetings: calendar feeds', () => {
  const m = useMeetingsApp();
  const { a, base, createMeeting } = m;

  async function newFeedAddress(client: TestClient): Promise<string> {
    const page = await client.get(`${base()}/in-uw-agenda`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Agenda in uw telefoon/);
    const made = await client.post(`${base()}/in-uw-agenda`, {});
    assert.equal(made.statusCode, 200);
    assert.match(made.body, /Open in mijn agenda/);
    assert.match(made.body, /href="webcal:\/\/buurt\.voorbeeld\.nl\//);
    const address = new RegExp(
      `<code>(https://${HOST.replace(/\./g, '\\.')}/netwerk/${a()}/bijeenkomsten/agenda/[A-Za-z0-9_-]{32}\\.ics)</code>`,
    ).exec(made.body)?.[1];
    assert.ok(address, 'the new address is shown once');
    return address.replace(`https://${HOST}`, '');
  }

  test('a secret feed address works without a session; a renewed one replaces it; only a hash is stored', async () => {
    const id = await createMeeting({ title: 'Voorjaarsoverleg' });
    const first = await newFeedAddress(m.resident);
    const calendarApp = new TestClient(m.t.app);
    const feed = await calendarApp.get(first);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /^text\/calendar/);
    assert.match(String(feed.headers['cache-control']), /private/);
    assert.ok(events(feed.body).some((e) => e.uid === `meeting-${id}@${HOST}`));
    const token = /agenda\/([^.]+)\.ics$/.exec(first)![1]!;
    const [stored] = await rows<{ token_hash: string }>(
      m.t,
      sql`select token_hash from meeting_feed_tokens where person_id = ${m.world.people.resident.id}`,
    );
    const hash = stored!.token_hash;
    assert.notEqual(hash, token, 'the token itself is not stored');
    // The page now says an address exists (it cannot show it again).
    assert.match(
      (await m.resident.get(`${base()}/in-uw-agenda`)).body,
      /U heeft al een agenda-adres/,
    );

    const second = await newFeedAddress(m.resident);
    assert.notEqual(second, first);
    assert.equal((await calendarApp.get(first)).statusCode, 404, 'the renewed address stops');
    assert.equal((await calendarApp.get(second)).statusCode, 200);
    // The token only opens networks its person is a member of; nonsense is a plain 404.
    const otherNetwork = second.replace(`/netwerk/${a()}/`, `/netwerk/${m.world.networks.b.id}/`);
    assert.equal((await calendarApp.get(otherNetwork)).statusCode, 404);
    assert.equal((await calendarApp.get(`${base()}/agenda/kort.ics`)).statusCode, 404);
    assert.equal((await calendarApp.get(`${base()}/agenda/${'x'.repeat(32)}.ics`)).statusCode, 404);
    // Visitors cannot make one.
    assert.equal((await calendarApp.get(`${base()}/in-uw-agenda`)).statusCode, 303);
  });

  test('the feed: UID on the public host, URL and link in the description, SEQUENCE and LAST-MODIFIED move with a change, a cancelled meeting stays as CANCELLED', async () => {
    const id = await createMeeting({
      title: 'Herinrichting plein',
      date: '2031-04-02',
      time: '19:30',
      isPublic: 'on',
      item1Title: 'Bankjes',
    });
    const uid = `meeting-${id}@${HOST}`;
    const address = await newFeedAddress(m.resident);
    const calendarApp = new TestClient(m.t.app);
    const before = await calendarApp.get(address);
    const event = events(before.body).find((e) => e.uid === uid)!;
    assert.ok(event, 'the UID uses the public host, not @buurtkracht');
    assert.ok(!before.body.includes('@buurtkracht'));
    const url = `https://${HOST}/netwerk/${a()}/bijeenkomsten/${id}`;
    assert.equal(rawProperty(before.body, uid, 'URL'), url);
    assert.match(String(event.description), new RegExp(url.replace(/\./g, '\\.')));
    assert.match(String(event.description), /Bankjes/);
    assert.equal(rawProperty(before.body, uid, 'SEQUENCE'), '0');
    assert.equal(event.end?.toISOString(), '2031-04-02T19:30:00.000Z', 'two hours by default');
    const modifiedBefore = rawProperty(before.body, uid, 'LAST-MODIFIED');
    assert.ok(modifiedBefore);

    await new Promise((r) => setTimeout(r, 1100));
    await m.coordinator.get(`${base()}/${id}/bewerken`);
    const moved = await m.coordinator.post(`${base()}/${id}/bewerken`, {
      kind: 'network_meeting',
      title: 'Herinrichting plein',
      date: '2031-04-09',
      time: '20:00',
      endTime: '21:15',
      place: 'Buurthuis',
      isPublic: 'on',
      item1Title: 'Bankjes',
      item1Origin: 'resident',
    });
    assert.equal(moved.statusCode, 303, moved.body.slice(0, 500));
    const after = await calendarApp.get(address);
    const movedEvent = events(after.body).find((e) => e.uid === uid)!;
    assert.equal(rawProperty(after.body, uid, 'SEQUENCE'), '1');
    assert.notEqual(rawProperty(after.body, uid, 'LAST-MODIFIED'), modifiedBefore);
    assert.equal(movedEvent.start.toISOString(), '2031-04-09T18:00:00.000Z');
    assert.equal(movedEvent.end?.toISOString(), '2031-04-09T19:15:00.000Z');

    // Residents cannot cancel; other networks' meetings are not found.
    assert.equal((await m.resident.get(`${base()}/${id}/afzeggen`)).statusCode, 403);
    await m.resident.get(base());
    assert.equal((await m.resident.post(`${base()}/${id}/afzeggen`, {})).statusCode, 403);
    const elsewhere = `/netwerk/${m.world.networks.b.id}/bijeenkomsten/${id}/afzeggen`;
    assert.equal((await m.coordinator.get(elsewhere)).statusCode, 404);

    const ask = await m.coordinator.get(`${base()}/${id}/afzeggen`);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Ja, zeg de bijeenkomst af/);
    const cancelled = await m.coordinator.post(`${base()}/${id}/afzeggen`, {});
    assert.equal(cancelled.statusCode, 303);
    const final = await calendarApp.get(address);
    const cancelledEvent = events(final.body).find((e) => e.uid === uid)!;
    assert.equal(rawProperty(final.body, uid, 'STATUS'), 'CANCELLED');
    assert.equal(rawProperty(final.body, uid, 'SEQUENCE'), '2');
    assert.match(String(cancelledEvent.summary), /^Gaat niet door: /);
    const publicFeed = await calendarApp.get(`/buurt/${m.world.networks.a.slug}/agenda.ics`);
    assert.equal(rawProperty(publicFeed.body, uid, 'STATUS'), 'CANCELLED');
    assert.equal(
      rawProperty(publicFeed.body, uid, 'URL'),
      `https://${HOST}/buurt/${m.world.networks.a.slug}/bijeenkomsten/${id}`,
    );
    // Shown as cancelled on the pages; audited.
    assert.match((await m.resident.get(`${base()}/${id}`)).body, /Deze bijeenkomst gaat niet door/);
    assert.match((await m.resident.get(base())).body, /Gaat niet door: /);
    const publicPage = await calendarApp.get(
      `/buurt/${m.world.networks.a.slug}/bijeenkomsten/${id}`,
    );
    assert.match(publicPage.body, /Deze bijeenkomst gaat niet door/);
    const auditRows = await rows<{ actor_id: number }>(
      m.t,
      sql`select actor_id from audit_log where action = 'meetings.cancel' and object_id = ${String(id)}`,
    );
    assert.deepEqual(
      auditRows.map((r) => r.actor_id),
      [m.world.people.coordinator.id],
    );
  });

  test('a cancelled meeting can go ahead after all, until it has ended: feeds update, those coming are told', async () => {
    const id = await createMeeting({ title: 'Toch door', date: '2031-05-12', time: '19:00' });
    const page = `${base()}/${id}`;
    const uid = `meeting-${id}@${HOST}`;
    await m.resident.get(page);
    assert.equal((await m.resident.post(`${page}/ik-kom`, {})).statusCode, 303);
    assert.equal((await m.coordinator.post(`${page}/afzeggen`, {})).statusCode, 303);
    assert.match((await m.coordinator.get(page)).body, /De bijeenkomst gaat toch door/);

    // Only a manager of this network may undo it.
    assert.equal((await m.resident.post(`${page}/gaat-toch-door`, {})).statusCode, 403);
    const elsewhere = `/netwerk/${m.world.networks.b.id}/bijeenkomsten/${id}/gaat-toch-door`;
    assert.equal((await m.coordinator.post(elsewhere, {})).statusCode, 404);

    const reopened = await m.coordinator.post(`${page}/gaat-toch-door`, {});
    assert.equal(reopened.statusCode, 303);
    const shown = await m.resident.get(page);
    assert.equal(shown.statusCode, 200);
    assert.doesNotMatch(shown.body, /Deze bijeenkomst gaat niet door/);
    assert.doesNotMatch((await m.coordinator.get(page)).body, /De bijeenkomst gaat toch door/);
    const feed = await m.resident.get(`${base()}/agenda.ics`);
    assert.equal(feed.statusCode, 200);
    assert.notEqual(rawProperty(feed.body, uid, 'STATUS'), 'CANCELLED');
    assert.equal(rawProperty(feed.body, uid, 'SEQUENCE'), '2');

    const told = await rows<{ event: string }>(
      m.t,
      sql`select event from notifications
          where person_id = ${m.world.people.resident.id} and kind = 'meeting'
            and link = ${page} order by id`,
    );
    assert.deepEqual(
      told.map((r) => r.event),
      ['cancelled', 'reopened'],
    );
    const audit = await rows<{ actor_id: number }>(
      m.t,
      sql`select actor_id from audit_log where action = 'meetings.reopen' and object_id = ${String(id)}`,
    );
    assert.deepEqual(
      audit.map((r) => r.actor_id),
      [m.world.people.coordinator.id],
    );

    // A meeting that has ended stays as it was: no button, and the form changes nothing.
    const past = await createMeeting({ title: 'Voorbij', date: '2031-06-01', time: '10:00' });
    assert.equal((await m.coordinator.post(`${base()}/${past}/afzeggen`, {})).statusCode, 303);
    await m.t.database.db.execute(
      sql`update meetings set starts_at = now() - interval '3 days',
          ends_at = now() - interval '3 days' + interval '2 hours' where id = ${past}`,
    );
    const pastPage = await m.coordinator.get(`${base()}/${past}`);
    assert.doesNotMatch(pastPage.body, /De bijeenkomst gaat toch door/);
    assert.equal(
      (await m.coordinator.post(`${base()}/${past}/gaat-toch-door`, {})).statusCode,
      303,
    );
    assert.match(
      (await m.coordinator.get(`${base()}/${past}`)).body,
      /Deze bijeenkomst gaat niet door/,
    );
  });

  test('my data lists "ik kom" answers; erasure removes them and the feed address', async () => {
    const person = await createPerson(m.t.database.db, {
      memberOf: [{ networkId: a(), role: 'resident' }],
    });
    const client = new TestClient(m.t.app);
    await client.login(person.email!, TEST_PASSWORD);
    const id = await createMeeting({ title: 'Voor de export' });
    await client.get(`${base()}/${id}`);
    assert.equal((await client.post(`${base()}/${id}/ik-kom`, {})).statusCode, 303);
    const address = await newFeedAddress(client);
    const { meetingsPersonData } = await import('./person-data.js');
    const exported = (await meetingsPersonData.export(m.t.database.db, person.id)) as {
      meetingsComing: { title: string }[];
      hasCalendarFeed: boolean;
    };
    assert.deepEqual(
      exported.meetingsComing.map((m) => m.title),
      ['Voor de export'],
    );
    assert.equal(exported.hasCalendarFeed, true);
    await meetingsPersonData.erase(m.t.database.db, person.id);
    assert.equal((await new TestClient(m.t.app).get(address)).statusCode, 404);
    assert.equal((await meetingsRepository(m.t.database.db).listRsvps(id)).length, 0);
  });
});
