// The kinds wired to the real events (issue 11 item 5), through the pages as people use them:
// added to a duo; an update and a status change of a followed signal; a report waiting for
// the coordinator; a meeting one comes to moved and cancelled (and tomorrow, by the daily
// job); one's invitation accepted. Who caused it is never told.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { dailyJobs } from '#src/app.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { createWorld, TEST_PASSWORD } from '#test/helpers/factories.js';
import { notifications } from './tables.js';

describe('notifications raised by the real events', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const clients: Record<string, TestClient> = {};
  const a = () => world.networks.a.id;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    let i = 0;
    for (const name of ['resident', 'professional', 'coordinator'] as const) {
      const c = new TestClient(t.app, `10.12.0.${++i}`);
      await c.login(world.people[name].email!, TEST_PASSWORD);
      clients[name] = c;
    }
  });
  after(() => t.close());

  async function told(personId: number, kind: string) {
    return t.database.db
      .select({
        event: notifications.event,
        params: notifications.params,
        link: notifications.link,
      })
      .from(notifications)
      .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind as 'duo')))
      .orderBy(notifications.id);
  }

  test('signals: added to the duo, an update, a status change', async () => {
    const { resident, professional, coordinator } = clients as Record<string, TestClient>;
    const base = `/netwerk/${a()}/signalen`;
    await coordinator!.get(`${base}/nieuw`);
    const made = await coordinator!.post(`${base}/nieuw`, {
      title: 'Eenzame buurman',
      description: 'Meer uitleg',
      theme: 'social_isolation',
      place: 'Het pleintje',
      trigger: 'De koelkast ging kapot',
      raisedBy: 'resident',
      origin: 'meeting',
    });
    const id = Number(/signalen\/(\d+)$/.exec(String(made.headers.location))![1]);
    await coordinator!.get(`${base}/${id}`);
    for (const person of [world.people.resident, world.people.professional]) {
      const r = await coordinator!.post(`${base}/${id}/duo/toevoegen`, {
        personId: String(person.id),
      });
      assert.equal(r.statusCode, 303);
    }
    assert.deepEqual(await told(world.people.resident.id, 'duo'), [
      { event: 'added', params: { title: 'Eenzame buurman' }, link: `${base}/${id}` },
    ]);

    await resident!.get(`${base}/${id}`);
    await resident!.post(`${base}/${id}/bericht`, { text: 'Ik ben langs geweest.' });
    assert.deepEqual(
      (await told(world.people.professional.id, 'signal')).map((n) => n.event),
      ['update'],
    );
    assert.deepEqual(await told(world.people.resident.id, 'signal'), [], 'not the writer');

    await professional!.get(`${base}/${id}`);
    const moved = await professional!.post(`${base}/${id}/status`, { to: 'taken_up' });
    assert.equal(moved.statusCode, 303);
    const status = await told(world.people.resident.id, 'signal');
    assert.deepEqual(status, [
      {
        event: 'status',
        params: { title: 'Eenzame buurman', statusKey: 'signals.status.taken_up' },
        link: `${base}/${id}`,
      },
    ]);
    const list = await resident!.get('/meldingen');
    assert.match(
      list.body,
      /Het signaal &quot;Eenzame buurman&quot; heeft een nieuwe stap: Opgepakt\./,
    );
  });

  test('meetings: moved, cancelled and tomorrow reach those who come', async () => {
    const { resident, coordinator } = clients as Record<string, TestClient>;
    const base = `/netwerk/${a()}/bijeenkomsten`;
    const fields = {
      kind: 'network_meeting',
      title: 'Buurtavond',
      date: '2031-03-10',
      time: '19:30',
      place: 'Buurthuis',
      item1Title: '',
      item1Origin: 'resident',
    };
    await coordinator!.get(`${base}/nieuw`);
    const made = await coordinator!.post(`${base}/nieuw`, fields);
    const id = Number(/bijeenkomsten\/(\d+)$/.exec(String(made.headers.location))![1]);
    await resident!.get(`${base}/${id}`);
    assert.equal((await resident!.post(`${base}/${id}/ik-kom`, { places: '1' })).statusCode, 303);

    await coordinator!.get(`${base}/${id}/bewerken`);
    await coordinator!.post(`${base}/${id}/bewerken`, { ...fields, title: 'Buurtavond' });
    assert.deepEqual(await told(world.people.resident.id, 'meeting'), [], 'same time: no news');
    await coordinator!.get(`${base}/${id}/bewerken`);
    await coordinator!.post(`${base}/${id}/bewerken`, { ...fields, time: '20:00' });
    await coordinator!.get(`${base}/${id}`);
    const cancelled = await coordinator!.post(`${base}/${id}/afzeggen`, {});
    assert.equal(cancelled.statusCode, 303);
    const events = await told(world.people.resident.id, 'meeting');
    assert.deepEqual(
      events.map((e) => [e.event, e.params.at]),
      [
        ['moved', '2031-03-10T19:00:00.000Z'],
        ['cancelled', '2031-03-10T19:00:00.000Z'],
      ],
    );
    assert.deepEqual(await told(world.people.coordinator.id, 'meeting'), []);

    // Tomorrow: the daily job tells those who come to a meeting the next day.
    await coordinator!.get(`${base}/nieuw`);
    const next = await coordinator!.post(`${base}/nieuw`, {
      ...fields,
      title: 'Koffieochtend',
      date: '2031-04-02',
      time: '10:00',
    });
    const nextId = Number(/bijeenkomsten\/(\d+)$/.exec(String(next.headers.location))![1]);
    await resident!.get(`${base}/${nextId}`);
    await resident!.post(`${base}/${nextId}/ik-kom`, { places: '1' });
    const job = dailyJobs(t.database).find((j) => j.name === 'meeting-reminders')!;
    await job.run(new Date('2031-03-31T10:00:00Z'));
    assert.equal((await told(world.people.resident.id, 'meeting')).length, 2, 'not two days ahead');
    await job.run(new Date('2031-04-01T10:00:00Z'));
    const last = (await told(world.people.resident.id, 'meeting')).at(-1)!;
    assert.deepEqual([last.event, last.params.title], ['tomorrow', 'Koffieochtend']);
  });

  test('moderation: a report waits for the coordinators', async () => {
    const { resident } = clients as Record<string, TestClient>;
    await resident!.get(`/netwerk/${a()}/vonkjes`);
    const posted = await resident!.post(`/netwerk/${a()}/vonkjes`, {
      text: 'Mevrouw K. van nummer 7 is weer alleen.',
    });
    assert.equal(posted.statusCode, 303);
    const found = await t.database.db.execute(
      sql`select id from sparks where text = 'Mevrouw K. van nummer 7 is weer alleen.'`,
    );
    const sparkId = (found as unknown as { rows: Array<{ id: number }> }).rows[0]!.id;
    const { professional } = clients as Record<string, TestClient>;
    await professional!.get(`/melden/spark/${sparkId}`);
    const reported = await professional!.post(`/melden/spark/${sparkId}`, {
      reason: 'Dit noemt een buurvrouw bij naam.',
    });
    assert.equal(reported.statusCode, 303);
    const waiting = await told(world.people.coordinator.id, 'moderation');
    assert.equal(waiting.length, 1);
    assert.equal(waiting[0]!.params.whatKey, 'moderation.kind.spark');
    assert.equal(waiting[0]!.link, `/netwerk/${a()}/moderatie`);
  });

  test('invitations: the coordinator is told when the letter is used', async () => {
    const { coordinator } = clients as Record<string, TestClient>;
    await coordinator!.get(`/netwerk/${a()}/uitnodigen`);
    const letter = await coordinator!.post(`/netwerk/${a()}/uitnodigen`, {
      kind: 'letter',
      addressee: 'Mevrouw Jansen',
      role: 'resident',
      email: '',
      organisationId: '',
    });
    const code = /class="bk-letter__code">([A-Z0-9-]+)</.exec(letter.body)![1]!;
    const invitee = new TestClient(t.app, '10.12.0.9');
    await invitee.get('/uitnodiging');
    await invitee.post('/uitnodiging/code', { code });
    const accepted = await invitee.post('/uitnodiging', {
      code,
      displayName: 'Annie Jansen',
      username: 'annie.jansen',
      password: 'een-lang-wachtwoord-voor-annie',
    });
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 400));
    const news = await told(world.people.coordinator.id, 'invitation');
    assert.equal(news.length, 1);
    assert.equal(news[0]!.params.name, 'Annie Jansen');
  });
});
