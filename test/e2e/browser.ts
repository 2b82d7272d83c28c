// Browser journeys run in Debian's Chromium through playwright-core (never a downloaded
// browser), against the built server started as a real process with the demo loaded.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
  type Response,
} from 'playwright-core';
import { DEMO_PASSWORD } from '#src/modules/people/seed.js';
import { startServer, waitForExit } from '#test/helpers/server-process.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The demo server on a fresh data folder; stop() ends it and removes the folder. */
export async function startDemoServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bk-e2e-'));
  const server = await startServer(
    { DATA_DIR: dataDir, DEMO_MODE: 'true', LOG_LEVEL: 'warn' },
    120_000,
    'dist',
  );
  return {
    url: server.url,
    stop: async () => {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo site and Chromium of one test file, ready once its `before` hooks have run. */
export interface DemoSite {
  /** The demo server's address, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Starts the demo server (built code, fresh data folder) and Chromium before the file's tests
 * and ends both after them: call it once at the top of a describe block. The fields throw when
 * read before the hooks have run.
 */
export function useDemoSite(): DemoSite {
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo site is read before its before hook ran');
    return value;
  };
  return {
    get url() {
      return ready(server).url;
    },
    get browser() {
      return ready(browser);
    },
  };
}

/**
 * Runs an action that loads another page (a form submit, a link) and waits until that page
 * has loaded, also when it has the same address as the page before (a form that posts and
 * redirects back). Returns the final response, after redirects.
 */
export async function navigate(page: Page, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  assert.ok(response, `no response for the page after ${page.url()}`);
  return response;
}

/**
 * Signs in through the sign-in form as a person does (the two labelled fields, the button)
 * and waits for the page after it. `baseUrl` is the server's address.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  identifier: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(new URL('/inloggen', baseUrl).toString());
  await page.getByLabel('E-mailadres of gebruikersnaam').fill(identifier);
  await page.getByLabel('Wachtwoord').fill(password);
  await navigate(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
}

/**
 * A browser context of its own, signed in as `identifier`, with the console watched; without
 * JavaScript unless `options` say otherwise. close() ends the context.
 */
export async function signedInTab(
  browser: Browser,
  baseUrl: string,
  identifier: string,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, baseUrl, identifier);
  return { page, errors, close: () => context.close() };
}

/** Fails the test on any console error, such as a script or style the CSP blocked. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core on the page: WCAG 2.1 A and AA rules. Returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is put on window by the script above
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (v) =>
      `${page.url()} ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

export async function assertAccessible(page: Page): Promise<void> {
  assert.deepEqual(await axeViolations(page), []);
}

/**
 * Visits every page reachable by links from the start pages (same site, GET only) and
 * returns the axe violations found, with the list of pages seen.
 */
export async function crawl(
  context: BrowserContext,
  base: string,
  starts: string[],
  limit = 400,
): Promise<{ visited: string[]; violations: string[]; failures: string[]; wide: string[] }> {
  const page = await context.newPage();
  const consoleErrors = watchConsole(page);
  const queue = [...starts];
  const seen = new Set(queue);
  const visited: string[] = [];
  const violations: string[] = [];
  const failures: string[] = [];
  /** Pages wider than the window: sideways scrolling (checked at the context's width). */
  const wide: string[] = [];
  while (queue.length > 0 && visited.length < limit) {
    const path = queue.shift()!;
    visited.push(path);
    // Files (calendar feeds, photos, pabulib and CSV downloads) are fetched, not opened: the
    // browser would download them.
    if (/\.(ics|pb|csv|pdf)$|\/foto\//.test(new URL(path, base).pathname)) {
      const file = await context.request.get(new URL(path, base).toString());
      if (file.status() >= 400) failures.push(`${path}: ${file.status()}`);
      continue;
    }
    const response = await page.goto(new URL(path, base).toString());
    const status = response?.status() ?? 0;
    if (status >= 400) failures.push(`${path}: ${status}`);
    if (!(response?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    violations.push(...(await axeViolations(page)));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    if (overflow > 0) wide.push(`${path}: ${overflow}px`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      const url = new URL(href, page.url());
      if (url.origin !== new URL(base).origin) continue;
      if (url.pathname.startsWith('/assets/')) continue;
      const key = url.pathname + url.search;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  await page.close();
  return { visited, violations, failures: [...failures, ...consoleErrors], wide };
}
