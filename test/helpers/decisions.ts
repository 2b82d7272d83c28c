// A decision's fields for tests that need many decisions: a complete, valid decision whose
// title and involvement name a person (so tests can check no name leaks), decided on and due
// for review on the days given.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { DecisionFields } from '#src/modules/decisions/repository.js';
import { decisionsRepository } from '#src/modules/decisions/repository.js';
import { toLocal } from '#src/platform/time.js';
import { createTestApp, type TestApp, TestClient } from './app.js';
import { createPerson, createWorld, TEST_PASSWORD } from './factories.js';

/** Valid fields with `decidedOn` and `reviewOn` ("YYYY-MM-DD"), changed by `over`. */
export function decisionFields(
  days: { decidedOn: string; reviewOn: string },
  over: Partial<DecisionFields> = {},
): DecisionFields {
  return {
    title: 'Besluit van Persoon Geheim',
    body: 'Tekst',
    reasons: 'Reden',
    kind: 'other',
    decidedBy: 'network',
    decidedByName: '',
    decidedOn: days.decidedOn,
    meetingId: null,
    involvement: 'co_decided',
    involvementWho: 'Buurvrouw Geheim',
    involvementCount: null,
    effect: 'strengthens',
    effectReasoning: 'Omdat',
    dissent: [],
    dissentNoneCame: true,
    dissentInvited: 'In het overleg',
    signalIds: [],
    experimentIds: [],
    lessonIds: [],
    reviewOn: days.reviewOn,
    isInternal: false,
    ...over,
  };
}

const DAY = 86_400_000;

/** The date `days` days from now in Amsterdam, as "YYYY-MM-DD". */
export const dayOffset = (days: number) => toLocal(new Date(Date.now() + days * DAY)).date;

/** A complete, valid decision form; `fields` override or add. */
export function decisionForm(fields: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Bankjes op het plein',
    body: 'Er komen drie bankjes op het plein.',
    reasons: 'Ouderen willen kunnen uitrusten.',
    kind: 'public_space',
    decidedBy: 'network',
    decidedByName: '',
    decidedOn: '',
    meetingId: '',
    involvement: 'consulted',
    involvementWho: 'Bewoners van de flat',
    involvementCount: '12',
    effect: 'strengthens',
    effectReasoning: 'Mensen gaan vaker buiten zitten en praten met elkaar.',
    dissent1RaisedBy: 'Buurman Jansen',
    dissent1Objection: 'Hangjongeren.',
    dissent1Response: 'We kijken na drie maanden samen hoe het gaat.',
    signals: '',
    experiments: '',
    lessons: '',
    reviewOn: dayOffset(180),
    intent: 'decide',
    ...fields,
  };
}

/** What `useDecisionsApp` gives a test file; the fields are set once its `before` hook ran. */
export interface DecisionsApp {
  t: TestApp;
  world: Awaited<ReturnType<typeof createWorld>>;
  /** A second council member of network A. */
  council2: Awaited<ReturnType<typeof createPerson>>;
  /** Signed-in clients: resident, council, council2, coordinator (network A), coordinatorB. */
  clients: Record<string, TestClient>;
  /** Network A's id. */
  a: () => number;
  /** Network A's decisions address, `/netwerk/:id/besluiten`. */
  base: () => string;
  repo: () => ReturnType<typeof decisionsRepository>;
  /** Records a decision through the form (303 asserted); returns its id. */
  record: (by: TestClient, fields?: Record<string, string>, network?: number) => Promise<number>;
}

/**
 * Decisions over HTTP for one test file: registers `before`/`after` hooks in the calling
 * describe block that start a test app with the standard world, a second council member and a
 * signed-in client per role.
 */
export function useDecisionsApp(): DecisionsApp {
  const d = { clients: {} as Record<string, TestClient> } as DecisionsApp;
  d.a = () => d.world.networks.a.id;
  d.base = () => `/netwerk/${d.a()}/besluiten`;
  d.repo = () => decisionsRepository(d.t.database.db);
  d.record = async (by, fields = {}, network = d.a()) => {
    const url = `/netwerk/${network}/besluiten/nieuw`;
    const response = await by.post(url, decisionForm(fields), { from: url });
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    return Number(/besluiten\/(\d+)$/.exec(String(response.headers.location))![1]);
  };
  before(async () => {
    d.t = await createTestApp();
    d.world = await createWorld(d.t.database.db);
    d.council2 = await createPerson(d.t.database.db, {
      name: 'Tweede Raadslid',
      memberOf: [{ networkId: d.world.networks.a.id, role: 'council' }],
    });
    const people = d.world.people;
    const logins = {
      resident: people.resident.email!,
      council: people.council.email!,
      council2: d.council2.email!,
      coordinator: people.coordinator.email!,
      coordinatorB: people.coordinatorB.email!,
    };
    for (const [name, email] of Object.entries(logins)) {
      const client = new TestClient(d.t.app);
      await client.login(email, TEST_PASSWORD);
      d.clients[name] = client;
    }
  });
  after(() => d.t.close());
  return d;
}
