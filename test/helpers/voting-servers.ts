// A budget round in its voting phase, served by real app processes: on PGlite (one process,
// its data folder) or on PostgreSQL (one database, any number of processes sharing it). For
// the process-level voting tests (test/integration/voting-processes.test.ts) and the
// benchmark (bench/votes). Ballots are posted as the review page's form posts them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '#src/db/client.js';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import { budgetingService, CODES_PER_BATCH_MAX } from '#src/modules/budgeting/service.js';
import { testConfig } from './app.js';
import { createVotingRound } from './budgeting.js';
import { createPostgresTestDatabase, pgliteTemplate } from './database.js';
import { createWorld, TEST_PASSWORD } from './factories.js';
import { browserSession, type ServerProcess, startServer, waitForExit } from './server-process.js';

export type Backend = 'pglite' | 'postgres';

/** The PostgreSQL server the tests and the benchmark use. */
export const postgresAdminUrl = (): string =>
  process.env.TEST_DATABASE_URL ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL server answers; the error text when it does not. */
export async function postgresReachable(): Promise<true | string> {
  const client = new pg.Client({
    connectionString: postgresAdminUrl(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface VotingSite {
  backend: Backend;
  networkId: number;
  slug: string;
  roundId: number;
  /** The round's accepted proposals (three). */
  ids: number[];
  /** Unused codes, in plain text. */
  codes: string[];
  coordinatorEmail: string;
  /** The servers now running. */
  servers: ServerProcess[];
  /** Starts `count` app processes (PGlite allows one). */
  start(count?: number): Promise<ServerProcess[]>;
  /** Stops the running servers: SIGTERM (clean) or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /**
   * Runs fn on the database. PGlite's folder belongs to one process, so its servers are
   * stopped for it and started again after; PostgreSQL is read beside the running servers.
   */
  withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  /** Stops the servers and removes the database and the work folder. */
  remove(): Promise<void>;
}

/**
 * A fresh database with a test world and a voting round of three proposals and `codes`
 * codes, ready to be served. `env` is added to the servers' environment (e.g. production).
 */
export async function prepareVotingSite(
  backend: Backend,
  options: {
    codes: number;
    env?: Record<string, string>;
    from?: 'src' | 'dist';
    /** Arguments for node before the script (e.g. --cpu-prof). */
    nodeArgs?: string[];
  },
): Promise<VotingSite> {
  const workDir = mkdtempSync(join(tmpdir(), 'bk-votes-'));
  const dataDir = join(workDir, 'data');
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (backend === 'postgres') {
    const created = await createPostgresTestDatabase(postgresAdminUrl());
    databaseUrl = created.url;
    drop = created.drop;
  }
  const open = () =>
    databaseUrl ? openDatabase({ databaseUrl, poolSize: 4 }) : openDatabase({ dataDir });
  // PGlite's new data folder starts as a copy of the migrated template.
  const handle = databaseUrl
    ? await open()
    : await openDatabase({ dataDir, loadDataDir: await pgliteTemplate() });
  let site: Omit<VotingSite, 'servers' | 'start' | 'stop' | 'withDatabase' | 'remove'>;
  try {
    const world = await createWorld(handle.db);
    const network = world.networks.a;
    const round = await createVotingRound(handle.db, network.id);
    const service = budgetingService(handle.db, testConfig().cookieSecret!);
    const row = (await budgetingRepository(handle.db).findRound(network.id, round.roundId))!;
    for (let left = options.codes; left > 0; left -= CODES_PER_BATCH_MAX) {
      await service.generateCodes(row, Math.min(left, CODES_PER_BATCH_MAX), {
        personId: null,
        origin: 'test',
      });
    }
    const codes = await service.listCodesForPrint(row, { personId: null, origin: 'test' }, 'test');
    site = {
      backend,
      networkId: network.id,
      slug: network.slug,
      roundId: round.roundId,
      ids: round.ids,
      codes,
      coordinatorEmail: world.people.coordinator.email!,
    };
  } finally {
    await handle.close();
  }

  const env = {
    DATA_DIR: dataDir,
    COOKIE_SECRET: testConfig().cookieSecret!,
    DEMO_MODE: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  };
  let servers: ServerProcess[] = [];
  let wanted = 0;
  const result: VotingSite = {
    ...site,
    get servers() {
      return servers;
    },
    async start(count = 1) {
      if (backend === 'pglite' && count > 1) throw new Error('PGlite serves one process');
      wanted = count;
      servers = [];
      for (let i = 0; i < count; i++)
        servers.push(await startServer(env, 120_000, options.from, options.nodeArgs));
      return servers;
    },
    async stop(signal = 'SIGTERM') {
      const running = servers;
      servers = [];
      await Promise.all(
        running.map(async (s) => {
          const exited = waitForExit(s.child);
          s.child.kill(signal);
          await exited;
        }),
      );
    },
    async withDatabase(fn) {
      const restart = backend === 'pglite' && servers.length > 0 ? wanted : 0;
      if (restart) await result.stop();
      const h = await open();
      try {
        return await fn(h);
      } finally {
        await h.close();
        if (restart) await result.start(restart);
      }
    },
    async remove() {
      await result.stop('SIGKILL');
      await drop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return result;
}

/** What casting one ballot over HTTP answered. */
export interface Cast {
  status: number;
  /** The receipt number from the redirect to the receipt page; '' when there was none. */
  receipt: string;
  ms: number;
}

/**
 * A voter's browser on one server: it fetched a page for the CSRF cookie and token, and
 * posts ballots straight to the submit step, as the review page's form does.
 */
export async function votingBrowser(site: VotingSite, server: ServerProcess) {
  const round = `/buurt/${site.slug}/wijkbudget/${site.roundId}/stemmen`;
  const session = await browserSession(server.url, round);
  const path = `${round}/insturen`;
  return {
    async cast(code: string, choice: number, key: string): Promise<Cast> {
      const started = performance.now();
      const response = await session.post(path, { code, key, choice: String(choice) });
      await response.arrayBuffer();
      const location = response.headers.get('location') ?? '';
      return {
        status: response.status,
        receipt: /\/bewijs\/([A-Z0-9-]+)$/.exec(location)?.[1] ?? '',
        ms: performance.now() - started,
      };
    },
  };
}

/** The coordinator signed in over HTTP: a cookie header and a form post that keeps it. */
export async function signedInCoordinator(site: VotingSite, server: ServerProcess) {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value) jar.set(pair!.slice(0, at), value);
      else jar.delete(pair!.slice(0, at));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const get = async (path: string) => {
    const response = await fetch(new URL(path, server.url), { headers: { cookie: cookie() } });
    keep(response);
    return { status: response.status, body: await response.text() };
  };
  const post = async (path: string, fields: Record<string, string>, from = path) => {
    const page = await get(from);
    const response = await fetch(new URL(path, server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: tokenOf(page.body), ...fields }).toString(),
    });
    keep(response);
    return { status: response.status, body: await response.text() };
  };
  const login = await post('/inloggen', {
    identifier: site.coordinatorEmail,
    password: TEST_PASSWORD,
  });
  if (login.status !== 303) throw new Error(`sign-in failed: ${login.status}`);
  return { get, post };
}
