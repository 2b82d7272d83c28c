// Meetings over HTTP for a test file: an app on a public host with the standard world,
// signed-in coordinator and resident of network A, and a meeting made through the form.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createTestApp, type TestApp, TestClient } from './app.js';
import { createWorld, TEST_PASSWORD } from './factories.js';

/** The public host the meetings test app answers as (PUBLIC_URL https://HOST). */
export const HOST = 'buurt.voorbeeld.nl';

/** What `useMeetingsApp` gives; the fields are set once its `before` hook ran. */
export interface MeetingsApp {
  t: TestApp;
  world: Awaited<ReturnType<typeof createWorld>>;
  coordinator: TestClient;
  resident: TestClient;
  /** Network A's id. */
  a: () => number;
  /** Network A's meetings address, `/netwerk/:id/bijeenkomsten`. */
  base: () => string;
  /** Makes a meeting through the form as the coordinator (303 asserted); returns its id. */
  createMeeting: (fields: Record<string, string>) => Promise<number>;
}

/** Registers `before`/`after` hooks in the calling describe block; see MeetingsApp. */
export function useMeetingsApp(): MeetingsApp {
  const m = {} as MeetingsApp;
  m.a = () => m.world.networks.a.id;
  m.base = () => `/netwerk/${m.a()}/bijeenkomsten`;
  m.createMeeting = async (fields) => {
    await m.coordinator.get(`${m.base()}/nieuw`);
    const response = await m.coordinator.post(`${m.base()}/nieuw`, {
      kind: 'network_meeting',
      title: '',
      date: '2031-03-10',
      time: '19:30',
      place: 'Buurthuis De Schakel',
      item1Title: '',
      item1Origin: 'resident',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    return Number(/bijeenkomsten\/(\d+)$/.exec(String(response.headers.location))![1]);
  };
  before(async () => {
    m.t = await createTestApp({ PUBLIC_URL: `https://${HOST}` });
    m.world = await createWorld(m.t.database.db);
    m.coordinator = new TestClient(m.t.app);
    await m.coordinator.login(m.world.people.coordinator.email!, TEST_PASSWORD);
    m.resident = new TestClient(m.t.app);
    await m.resident.login(m.world.people.resident.email!, TEST_PASSWORD);
  });
  after(() => m.t.close());
  return m;
}
