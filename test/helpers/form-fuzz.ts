// The form fuzz (issue 9, item 6), shared by test/integration/form-fuzz*.test.ts (split in
// files so each stays within the test runner's time limit per file). Every POST route of
// every module (from app.routeList) gets odd values in every field its form has — NUL bytes,
// lone surrogates, 1 MB strings, lists and objects where one value belongs, missing fields —
// and must never answer 5xx. A form shown again (400) keeps the text that was typed, and a
// refused post changes no table.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { meetingsRepository } from '#src/modules/meetings/repository.js';
import { signalsRepository } from '#src/modules/signals/repository/index.js';
import { sparksRepository } from '#src/modules/sparks/repository.js';
import { createTestApp, csrfTokenIn, type TestApp, TestClient } from './app.js';
import { rows } from './database.js';
import { createPerson, createWorld, TEST_PASSWORD } from './factories.js';

/**
 * Routes that still answer 5xx to some odd value, in folders being restructured by their
 * owners (issue 9, item 6 follow-up). Each entry: "METHOD route" → the variants that fail.
 * Remove an entry when its owner fixed it; the test fails when a listed route no longer
 * fails, so this list cannot go stale.
 */
const KNOWN_5XX: Record<string, string[]> = {};

/** Fields the fuzz leaves alone: the CSRF token, the spam stamp, the honeypot. */
const FIXED = new Set(['_csrf', 'stamp', 'website']);

export interface FieldInfo {
  name: string;
  /** input type, or 'textarea' / 'select'. */
  kind: string;
}

/** The fields of every form on a page, by the form's action. */
function formsIn(html: string): Map<string, FieldInfo[]> {
  const forms = new Map<string, FieldInfo[]>();
  for (const match of html.matchAll(/<form\b[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const action = match[1]!.replace(/&amp;/g, '&').split('?')[0]!;
    const fields: FieldInfo[] = [];
    for (const f of match[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const name = /\bname="([^"]+)"/.exec(f[2]!)?.[1];
      if (!name) continue;
      const type = f[1] === 'input' ? (/\btype="([^"]+)"/.exec(f[2]!)?.[1] ?? 'text') : f[1]!;
      if (!fields.some((x) => x.name === name)) fields.push({ name, kind: type });
    }
    forms.set(action, [...(forms.get(action) ?? []), ...fields]);
  }
  return forms;
}

const TYPED = new Set(['text', 'textarea', 'email', 'search', 'tel', 'url']);
const MARK = 'Fuzzmerk';

export type Body = Record<string, unknown>;
interface Variant {
  name: string;
  /** 'form': urlencoded (lists as repeated fields); 'json': a JSON body. */
  as: 'form' | 'json';
  build(fields: FieldInfo[]): Body;
  /** The text a re-rendered form must show again, if any. */
  kept?: string;
}

const each = (fields: FieldInfo[], value: (f: FieldInfo) => unknown): Body =>
  Object.fromEntries(fields.filter((f) => !FIXED.has(f.name)).map((f) => [f.name, value(f)]));

/** The odd values, by name; each test file picks some. */
export const variants: Variant[] = [
  {
    name: 'NUL bytes',
    as: 'form',
    build: (fs) => each(fs, (f) => (TYPED.has(f.kind) ? `${MARK}\u0000tekst` : '\u0000')),
    kept: `${MARK}tekst`,
  },
  {
    name: 'control characters',
    as: 'form',
    build: (fs) => each(fs, () => `${MARK}\u0001\u0008\u001b\u007f`),
  },
  {
    name: 'lone surrogates',
    as: 'json',
    build: (fs) => each(fs, () => `${MARK}\ud800 en \udfff`),
  },
  { name: '1 MB in one field', as: 'form', build: (fs) => oneBig(fs) },
  // Every field far beyond its limit (1 MB in each would only test the body limit: 413).
  { name: '64 kB in every field', as: 'form', build: (fs) => each(fs, () => 'x'.repeat(65_536)) },
  { name: 'lists for scalars', as: 'form', build: (fs) => each(fs, () => [MARK, 'twee']) },
  { name: 'objects for scalars', as: 'json', build: (fs) => each(fs, () => ({ toString: 1 })) },
  { name: 'nested lists in JSON', as: 'json', build: (fs) => each(fs, () => [[MARK], { a: [] }]) },
  {
    name: 'numbers and null',
    as: 'json',
    build: (fs) => each(fs, (f) => (f.kind === 'text' ? 1e308 : null)),
  },
  { name: 'missing fields', as: 'form', build: () => ({}) },
];

function oneBig(fields: FieldInfo[]): Body {
  const first = fields.find((f) => TYPED.has(f.kind) && !FIXED.has(f.name));
  return first ? { [first.name]: 'y'.repeat(1_000_000) } : {};
}

/** What a fuzz file gets back to add its own tests: the app, ids and signed-in clients. */
export interface FuzzContext {
  app(): TestApp;
  params: Record<string, string>;
  sessions: Map<string, TestClient>;
  nextAddress(): string;
  /** Every POST route the fuzz posts to (not signing out, not erasing oneself). */
  routes(): { url: string }[];
  /**
   * Posts `build(fields)` to a route (its ids filled in) as the fuzz would: the route's
   * client, the fields of its form as `fields`, the CSRF token and a signed stamp.
   */
  post(route: string, build: (fields: FieldInfo[]) => Body): Promise<LightMyRequestResponse>;
}

/**
 * Registers the set-up and one test per named variant (no describe around them: each test
 * has its own time limit). The tests post every POST route's form with that odd value.
 */
export function defineFormFuzz(names: string[]): FuzzContext {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  const sessions = new Map<string, TestClient>();
  const params: Record<string, string> = {};
  /** action (with ids) → fields, from every page we could open. */
  const forms = new Map<string, FieldInfo[]>();
  let address = 0;

  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
    const a = world.networks.a;
    // Objects for the routes' ids, all in network A.
    const meetingId = await meetingsRepository(t.database.db).insertMeeting({
      networkId: a.id,
      kind: 'network_meeting',
      title: 'Fuzzbijeenkomst',
      startsAt: new Date(Date.now() + 86_400_000),
      place: 'Buurthuis',
      isPublic: true,
    });
    Object.assign(params, {
      networkId: String(a.id),
      meetingId: String(meetingId),
      slug: a.slug,
      photoId: '1',
    });
    await freshObjects();
    const coordinator = new TestClient(t.app, '10.60.0.1');
    await coordinator.login(world.people.coordinator.email!, TEST_PASSWORD);
    const admin = new TestClient(t.app, '10.60.0.2');
    await admin.login(world.people.admin.email!, TEST_PASSWORD);
    const visitor = new TestClient(t.app, '10.60.0.3');
    sessions.set('coordinator', coordinator);
    sessions.set('admin', admin);
    sessions.set('visitor', visitor);
    // Every page each of them can open: the forms on it, by action.
    for (const r of t.app.routeList.filter((r) => r.method === 'GET')) {
      if (/\.ics$|foto|healthz|download/.test(r.url)) continue;
      const url = fill(r.url);
      for (const client of [clientFor(r.url)]) {
        const page = await client.get(url);
        if (page.statusCode !== 200) continue;
        for (const [action, fields] of formsIn(page.body)) {
          const known = forms.get(action) ?? [];
          for (const f of fields) if (!known.some((k) => k.name === f.name)) known.push(f);
          forms.set(action, known);
        }
      }
    }
  });
  after(async () => t?.close());

  /**
   * New objects for the routes that change or remove one (a pending spark and signal, an open
   * signal, a member): each variant finds them as the form would, not used up by the last.
   */
  async function freshObjects(): Promise<void> {
    const a = world.networks.a;
    const sparkId = await sparksRepository(t.database.db).insertSpark({
      networkId: a.id,
      authorId: null,
      visitorName: null,
      text: 'Wachtend vonkje',
      isPublic: true,
      status: 'pending',
    });
    const signals = signalsRepository(t.database.db);
    const signal = (status: 'new' | 'pending') =>
      signals.insertSignal({
        networkId: a.id,
        title: 'Fuzzsignaal',
        description: 'Een signaal om op te reageren',
        place: 'Plein',
        theme: 'other',
        raisedBy: 'resident',
        origin: 'street',
        status,
      });
    const target = await createPerson(t.database.db, {
      memberOf: [{ networkId: a.id, role: 'resident' }],
    });
    const [membership] = await rows<{ id: number }>(
      t,
      sql`select id from memberships where person_id = ${target.id}`,
    );
    Object.assign(params, {
      sparkId: String(sparkId),
      signalId: String((await signal('new')).id),
      pendingSignalId: String((await signal('pending')).id),
      otherPendingSignalId: String((await signal('pending')).id),
      membershipId: String(membership!.id),
    });
  }

  function fill(route: string): string {
    // Approving or rejecting works on a signal that waits for it.
    const pending = /goedkeuren/.test(route)
      ? params.pendingSignalId
      : /afwijzen/.test(route)
        ? params.otherPendingSignalId
        : undefined;
    return route.replace(/:(\w+)/g, (_, name: string) =>
      name === 'signalId' && pending ? pending : (params[name] ?? '1'),
    );
  }

  /** Who posts to a route: the coordinator for member pages, the admin for /beheer. */
  function clientFor(route: string): TestClient {
    if (route.startsWith('/beheer')) return sessions.get('admin')!;
    if (route.startsWith('/netwerk') || route.startsWith('/mijn-gegevens')) {
      return sessions.get('coordinator')!;
    }
    return sessions.get('visitor')!;
  }

  /** Posts as `client` from a fresh address, with its cookies and the page's CSRF token. */
  async function send(client: TestClient, url: string, body: Body, as: 'form' | 'json') {
    address += 1;
    const token = csrfTokenIn(client.lastHtml) ?? '';
    const stamp = t.app.signCookie(String(Date.now() - 10_000));
    const full: Body = { _csrf: token, stamp, ...body };
    const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
    let payload: string;
    if (as === 'json') payload = JSON.stringify(full);
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(full)) {
        for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
      }
      payload = params.toString();
    }
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        cookie,
        'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      remoteAddress: `10.61.${Math.floor(address / 250)}.${(address % 250) + 1}`,
    });
  }

  let tables: string[] = [];
  /** Row counts of the tables a refused post must not change, as one comparable text. */
  async function fingerprint(): Promise<string> {
    if (tables.length === 0) {
      tables = (
        await rows<{ name: string }>(
          t,
          sql`select table_name as name from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE'
              and table_name not in ('rate_limits', 'audit_log', 'sessions', 'app_settings')
              and table_name not like '%drizzle%'
              order by table_name`,
        )
      ).map((x) => x.name);
    }
    const counts = await rows<{ n: string }>(
      t,
      sql.raw(tables.map((x) => `select '${x}:' || count(*) as n from "${x}"`).join(' union all ')),
    );
    return counts
      .map((c) => c.n)
      .sort()
      .join(' ');
  }

  // Not the routes that end the fuzzing clients' own access (signing out, erasing, ending a
  // session, leaving a network): after one of them every later member form answered 403, so
  // those forms were never fuzzed.
  const postRoutes = () =>
    t.app.routeList.filter(
      (r) =>
        r.method === 'POST' &&
        r.url !== '/uitloggen' &&
        r.url !== '/mijn-gegevens/verwijderen' &&
        !/\/sessies\/|\/verlaten$/.test(r.url),
    );
  /** Route × variant that answered 5xx while listed in KNOWN_5XX. */
  const still5xx = new Map<string, string[]>();

  for (const variant of variants.filter((v) => names.includes(v.name))) {
    test(`${variant.name} in every POST form: no 5xx; a form shown again keeps the input and saved nothing`, async () => {
      const routes = postRoutes();
      assert.ok(routes.length >= 25, `only ${routes.length} POST routes`);
      const failures: string[] = [];
      const lost: string[] = [];
      const halfSaved: string[] = [];
      const refused: string[] = [];
      await freshObjects();
      // The row counts before a post: counted again only after a post that may have saved.
      let last: string | undefined;
      for (const route of routes) {
        const url = fill(route.url);
        const client = clientFor(route.url);
        const fields = forms.get(url) ?? [
          ...new Map([...forms.values()].flat().map((f) => [f.name, f])).values(),
        ];
        // A page first: the session's token, and a place to come back to.
        await client.ensureCsrfToken();
        const before = last ?? (await fingerprint());
        const response: LightMyRequestResponse = await send(
          client,
          url,
          variant.build(fields),
          variant.as,
        );
        last = response.statusCode < 400 ? undefined : before;
        const key = `POST ${route.url}`;
        if (response.statusCode === 403) refused.push(key);
        if (response.statusCode >= 500) {
          if (KNOWN_5XX[key]?.includes(variant.name)) {
            still5xx.set(key, [...(still5xx.get(key) ?? []), variant.name]);
          } else failures.push(`${key} → ${response.statusCode}`);
          continue;
        }
        if (response.statusCode === 400 && variant.kept) {
          const shown = fields.filter(
            (f) =>
              TYPED.has(f.kind) && !FIXED.has(f.name) && response.body.includes(`name="${f.name}"`),
          );
          if (shown.length > 0 && !response.body.includes(variant.kept)) {
            lost.push(`${key} (${shown.map((f) => f.name).join(', ')})`);
          }
        }
        if (response.statusCode === 400) {
          last = await fingerprint();
          if (last !== before) halfSaved.push(key);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${routes.length} routes answered 5xx`);
      assert.deepEqual(lost, [], 'forms shown again without the input');
      assert.deepEqual(halfSaved, [], 'refused posts that changed a table');
      // The forms are reached: a client that lost its session midway would see 403 everywhere
      // after (a few routes refuse the client chosen for them, such as another's reflection).
      assert.ok(
        refused.length <= routes.length / 10,
        `${refused.length} of ${routes.length} routes refused the fuzzing client: ${refused.join(', ')}`,
      );
    });
  }

  test('the list of known 5xx routes is not stale: each still fails as listed', () => {
    for (const [key, listed] of Object.entries(KNOWN_5XX)) {
      const expected = listed.filter((n) => names.includes(n));
      assert.deepEqual(
        still5xx.get(key) ?? [],
        expected,
        `${key}: fixed? remove it from KNOWN_5XX`,
      );
    }
  });

  return {
    app: () => t,
    params,
    sessions,
    nextAddress: () => {
      address += 1;
      return `10.63.${Math.floor(address / 250)}.${(address % 250) + 1}`;
    },
    routes: postRoutes,
    post: async (route, build) => {
      const url = fill(route);
      const client = clientFor(route);
      const fields = forms.get(url) ?? [
        ...new Map([...forms.values()].flat().map((f) => [f.name, f])).values(),
      ];
      await client.ensureCsrfToken();
      return send(client, url, build(fields), 'form');
    },
  };
}
