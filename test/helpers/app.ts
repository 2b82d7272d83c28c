// Builds the real application on a fresh test database, and a small browser-like client
// for app.inject that keeps cookies and fills in the CSRF token of the last page it saw.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type BuildOptions, buildApp } from '#src/app.js';
import { type Config, loadConfig } from '#src/config.js';
import type { DatabaseHandle } from '#src/db/client.js';
import { createTestDatabase, type TestDatabaseOptions } from './database.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_MODE: 'false',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database; `{ demo: true }` starts from a copy of the seeded demo;
 * `build.mailTransport` gives it a mail transport (and so a running delivery worker).
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: TestDatabaseOptions = {},
  build: BuildOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const app = await buildApp(testConfig(overrides), database, build);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

/** Keeps cookies between requests, like a browser. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  lastHtml = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly address = '127.0.0.1',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const expired =
        cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** Signs in through the login form; fails the test when that does not work. */
  async login(identifier: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/inloggen');
    const response = await this.post('/inloggen', { identifier, password, terug: '/netwerk' });
    if (response.statusCode !== 303) {
      throw new Error(`login of ${identifier} failed with ${response.statusCode}`);
    }
    return response;
  }

  /**
   * Makes sure the last page seen carries a CSRF token: if not, visits `/` (signed in, it has
   * the sign-out form) and else the sign-in page — pages without a form that needs a token
   * carry none (decision 0016).
   */
  async ensureCsrfToken(): Promise<void> {
    if (csrfTokenIn(this.lastHtml)) return;
    await this.get('/');
    if (!csrfTokenIn(this.lastHtml)) await this.get('/inloggen');
  }

  /** `headers`: extra request headers (e.g. a forged Host). */
  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { ...headers, cookie: this.cookieHeader() },
      remoteAddress: this.address,
    });
    this.remember(response);
    if (response.headers['content-type']?.toString().startsWith('text/html'))
      this.lastHtml = response.body;
    return response;
  }

  /**
   * Posts a form as a browser would. The CSRF token comes from the last page seen (or from
   * `from`, fetched first; without either, from `/` or the sign-in page); pass `_csrf`
   * yourself to override it.
   */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { from?: string; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    if (options.from) await this.get(options.from);
    else await this.ensureCsrfToken();
    const fields = { _csrf: csrfTokenIn(this.lastHtml) ?? '', ...form };
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: {
        ...options.headers,
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      remoteAddress: this.address,
    });
    this.remember(response);
    if (response.headers['content-type']?.toString().startsWith('text/html'))
      this.lastHtml = response.body;
    return response;
  }
}
