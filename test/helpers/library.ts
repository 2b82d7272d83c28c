// The library pages' set-up of a suite: an app with the test world, a signed-in client per
// actor of the world (anonymous included), and one lesson of network A per visibility level,
// written by A's coordinator (whose choice applies at once).
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { ItemVisibility } from '#src/modules/library/tables.js';
import { createTestApp, type TestApp, TestClient } from './app.js';
import { createWorld, TEST_PASSWORD } from './factories.js';

/** Everyone of the test world, and the anonymous visitor. */
export const LIBRARY_ACTORS = [
  'anonymous',
  'resident',
  'professional',
  'coordinator',
  'council',
  'leader',
  'admin',
  'coordinatorB',
  'coordinatorC',
  'coordinatorD',
] as const;
export type LibraryActor = (typeof LIBRARY_ACTORS)[number];
export const VISIBILITY_LEVELS: ItemVisibility[] = ['network', 'municipality', 'region', 'public'];

/** What setUpLibraryPages fills in before the tests of its suite. */
export interface LibraryPagesState {
  t: TestApp;
  world: Awaited<ReturnType<typeof createWorld>>;
}

/**
 * Call it inside describe. `addressPrefix` gives each client its own address (`10.30.0` →
 * 10.30.0.1, …) so the rate limits of one suite do not meet another's; `actors` signs in only
 * those (all by default). `state` is filled in by the suite's first before hook.
 */
export function setUpLibraryPages(options: {
  addressPrefix: string;
  actors?: readonly LibraryActor[];
}) {
  const state = {} as LibraryPagesState;
  const clients = new Map<LibraryActor, TestClient>();
  const client = (name: LibraryActor) => clients.get(name)!;
  const a = () => state.world.networks.a.id;
  /** Item id per level, written by A's coordinator (whose choice applies at once). */
  const byLevel = new Map<ItemVisibility, number>();

  async function write(
    by: TestClient,
    networkId: number,
    fields: Record<string, string>,
  ): Promise<number> {
    await by.get(`/netwerk/${networkId}/bibliotheek/nieuw`);
    const response = await by.post(`/netwerk/${networkId}/bibliotheek/nieuw`, {
      kind: 'lesson',
      title: 'Een les',
      body: 'Wat we leerden',
      extra: '',
      themes: '',
      visibility: 'network',
      ...fields,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    return Number(/bibliotheek\/(\d+)$/.exec(String(response.headers.location))![1]);
  }

  before(async () => {
    state.t = await createTestApp();
    state.world = await createWorld(state.t.database.db);
    const used = options.actors ?? LIBRARY_ACTORS;
    for (const [i, name] of LIBRARY_ACTORS.entries()) {
      if (!used.includes(name)) continue;
      const c = new TestClient(state.t.app, `${options.addressPrefix}.${i + 1}`);
      if (name !== 'anonymous') await c.login(state.world.people[name].email!, TEST_PASSWORD);
      await c.get('/');
      clients.set(name, c);
    }
    for (const level of VISIBILITY_LEVELS) {
      byLevel.set(
        level,
        await write(client('coordinator'), a(), {
          title: `Les voor niveau ${level}`,
          body: `Zichtbaarheidsproef ${level}: samen koken met buurtbewoners werkt.`,
          themes: 'Eenzaamheid, ouderen',
          visibility: level,
        }),
      );
    }
  });
  after(() => state.t.close());

  /** The moderation page of network A, filtered on library sharing requests. */
  const queue = () => `/netwerk/${a()}/moderatie?soort=library`;

  /** The version (asked level and text digest) the moderation page shows for item `id`. */
  const shownVersion = (html: string, id: number) =>
    new RegExp(
      `/wacht/library/${id}/publiceren"[^]*?name="version" value="([a-z]+\\.[0-9a-f]+)"`,
    ).exec(html)?.[1];

  /**
   * A decision on a sharing request on A's moderation page (decision 0009): `version` is what
   * the coordinator saw (the page's hidden field); a bare level ('region') stands for the
   * version the page shows now when it asks that level, and is sent as it is otherwise (a
   * decision on a request that changed). `reason` is a refusal's reason.
   */
  const decide = async (
    by: TestClient,
    id: number,
    decision: 'publiceren' | 'afwijzen',
    fields: { version?: string; reason?: string; _csrf?: string } = {},
  ) => {
    const level = fields.version;
    if (level !== undefined && !level.includes('.')) {
      const shown = shownVersion((await by.get(queue())).body, id);
      if (shown?.startsWith(`${level}.`)) fields = { ...fields, version: shown };
    }
    return by.post(`/netwerk/${a()}/moderatie/wacht/library/${id}/${decision}`, fields, {
      from: queue(),
    });
  };

  return { state, client, a, byLevel, write, queue, decide, shownVersion };
}
