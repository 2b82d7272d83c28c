// Issue 11 as a browser journey, without JavaScript: a production server on an empty data
// folder names the command for the first administrator; the command line makes one with a
// set-up link; in the browser the administrator sets up a region, a municipality, two areas,
// two networks, an organisation, a leader and the first coordinator (by invitation); the
// coordinator invites a resident, who joins and is signed in. Every page is checked with
// axe-core.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { type ServerProcess, startServer, waitForExit } from '#test/helpers/server-process.js';
import { axeViolations, launchBrowser, navigate, watchConsole } from './browser.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A tab without JavaScript: it keeps the HTML of every page it was shown, and audit() checks
 * those pages with axe-core later, in a tab with JavaScript at the same address.
 */
class Tab {
  readonly seen: { url: string; html: string; status: number }[] = [];
  readonly console: string[];
  constructor(readonly page: Page) {
    this.console = watchConsole(page);
  }
  async goto(url: string): Promise<Response> {
    const response = await this.page.goto(url);
    assert.ok(response, `no response for ${url}`);
    return this.keep(response);
  }
  async follow(action: (page: Page) => Promise<unknown>): Promise<Response> {
    return this.keep(await navigate(this.page, () => action(this.page)));
  }
  private async keep(response: Response): Promise<Response> {
    this.seen.push({
      url: this.page.url(),
      html: await response.text(),
      status: response.status(),
    });
    return response;
  }
  /** Fills the fields by their labels and presses the button; the page that follows. */
  async submit(fields: Record<string, string>, button: string): Promise<Response> {
    for (const [label, value] of Object.entries(fields)) {
      // The label as shown, with "(niet verplicht)" after an optional field's name.
      const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const field = this.page.getByLabel(new RegExp(`^${escaped}( \\(niet verplicht\\))?$`));
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption({ label: value });
      else if ((await field.getAttribute('type')) === 'checkbox') {
        if (value === 'ja') await field.check();
        else await field.uncheck();
      } else await field.fill(value);
    }
    return this.follow((page) => page.getByRole('button', { name: button, exact: true }).click());
  }
  flash(): Promise<string> {
    return this.page.locator('.bk-flash').innerText();
  }
  async audit(browser: Browser, from: BrowserContext): Promise<string[]> {
    const context = await browser.newContext();
    await context.addCookies(await from.cookies());
    const page = await context.newPage();
    const violations: string[] = [];
    for (const shown of this.seen) {
      await page.route(shown.url, (route) =>
        route.fulfill({
          status: shown.status,
          contentType: 'text/html; charset=utf-8',
          body: shown.html,
        }),
      );
      await page.goto(shown.url);
      violations.push(...(await axeViolations(page)));
      await page.unrouteAll();
    }
    await context.close();
    return violations;
  }
}

describe('a new installation in a browser', () => {
  let browser: Browser;
  let server: ServerProcess | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  const url = (path: string) => new URL(path, base).toString();

  async function stopServer() {
    if (!server) return;
    server.child.kill('SIGTERM');
    await waitForExit(server.child);
    server = undefined;
  }

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bk-e2e-admin-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      NODE_ENV: 'production',
      COOKIE_SECRET: 'e2e-admin-secret-e2e-admin-secret-0123',
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('from the start-up notice to a resident who has joined, axe-clean, without JavaScript', async () => {
    // The empty production server says which command makes the first administrator.
    server = await startServer(env, 120_000, 'dist');
    assert.match(server.output(), /npx buurtkracht admin create --email/);
    await stopServer();
    const made = spawnSync(
      process.execPath,
      ['bin/buurtkracht.mjs', 'admin', 'create', '--email', 'beheer@gemeente.example', '--link'],
      { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    assert.equal(made.status, 0, made.stderr);
    const setupLink = /(http\S+wachtwoord-herstellen\?token=\S+)/.exec(made.stdout)?.[1];
    assert.ok(setupLink, made.stdout);
    server = await startServer(env, 120_000, 'dist');

    // The administrator chooses a password through the link and signs in.
    const adminContext = await browser.newContext({ javaScriptEnabled: false });
    const admin = new Tab(await adminContext.newPage());
    await admin.goto(setupLink);
    await admin.submit({ 'Nieuw wachtwoord': 'regenboog-brug-2026' }, 'Wachtwoord opslaan');
    await admin.submit(
      {
        'E-mailadres of gebruikersnaam': 'beheer@gemeente.example',
        Wachtwoord: 'regenboog-brug-2026',
      },
      'Inloggen',
    );
    await admin.follow((page) => page.getByRole('link', { name: 'Beheer', exact: true }).click());
    assert.equal(new URL(admin.page.url()).pathname, '/beheer');

    const open = (name: RegExp) =>
      admin.follow((page) => page.locator('main').getByRole('link', { name }).first().click());
    const saved = async (response: Response) => {
      assert.equal(response.status(), 200);
      assert.equal(await admin.flash(), 'De wijziging is opgeslagen.');
    };
    const backHome = () => admin.goto(url('/beheer'));

    // A form error first: the summary names the field, the input stays.
    await open(/^Regio’s/);
    const wrong = await admin.submit({ Naam: 'Achterhoek', Webadres: 'Achter Hoek' }, 'Toevoegen');
    assert.equal(wrong.status(), 400);
    assert.match(
      await admin.page.locator('#error-summary').innerText(),
      /Gebruik voor het webadres alleen/,
    );
    assert.equal(await admin.page.getByLabel('Naam', { exact: true }).inputValue(), 'Achterhoek');
    await saved(await admin.submit({ Webadres: 'achterhoek' }, 'Toevoegen'));

    await backHome();
    await open(/^Gemeenten/);
    await saved(
      await admin.submit(
        { Naam: 'Oost Gelre', Webadres: 'oost-gelre', Regio: 'Achterhoek' },
        'Toevoegen',
      ),
    );
    await backHome();
    await open(/^Gebieden/);
    await saved(
      await admin.submit(
        { Naam: 'Groenlo', Webadres: 'groenlo', 'Soort gebied': 'kern', Gemeente: 'Oost Gelre' },
        'Toevoegen',
      ),
    );
    await saved(
      await admin.submit(
        {
          Naam: 'Harreveld',
          Webadres: 'harreveld',
          'Soort gebied': 'dorp',
          Gemeente: 'Oost Gelre',
        },
        'Toevoegen',
      ),
    );
    await backHome();
    await open(/^Buurtnetwerken/);
    await saved(
      await admin.submit(
        {
          Gebied: 'Groenlo (kern)',
          Naam: 'Buurtnetwerk Groenlo',
          Beschrijving: 'Bewoners en professionals in Groenlo.',
          'E-mailadres voor contact': 'groenlo@netwerk.example',
          Telefoonnummer: '0544 123 456',
          'Openbaar netwerk': 'ja',
        },
        'Toevoegen',
      ),
    );
    await saved(
      await admin.submit(
        { Gebied: 'Harreveld (dorp)', Naam: 'Dorpsnetwerk Harreveld', 'Openbaar netwerk': 'nee' },
        'Toevoegen',
      ),
    );
    await backHome();
    await open(/^Organisaties/);
    await saved(
      await admin.submit(
        {
          Naam: 'Welzijn Oost Gelre',
          'Soort organisatie': 'welzijn',
          'Buurtnetwerk Groenlo': 'ja',
          'Dorpsnetwerk Harreveld': 'ja',
        },
        'Toevoegen',
      ),
    );
    await backHome();
    await open(/^Bestuurders/);
    const leader = await admin.submit(
      {
        'E-mailadres': 'wethouder@gemeente.example',
        Naam: 'Wim Wethouder',
        'Gemeente of regio': 'gemeente Oost Gelre',
      },
      'Bestuurder toevoegen',
    );
    assert.equal(leader.status(), 200);

    // The first coordinator of Groenlo, by invitation.
    await backHome();
    await open(/^Buurtnetwerken/);
    await admin.follow((page) => page.getByRole('link', { name: 'Buurtnetwerk Groenlo' }).click());
    await admin.submit(
      { 'E-mailadres van de coördinator': 'coordinator@welzijn.example' },
      'Uitnodiging sturen',
    );
    assert.match(await admin.flash(), /uitgaande mail/);

    /** The last link to this site in the outbox mail to an address (no mail server here). */
    const linkTo = async (address: string) => {
      await admin.goto(url('/beheer/uitgaande-mail'));
      const mail = admin.page.locator('.bk-mail', { hasText: address }).first();
      const body = await mail.locator('pre').innerText();
      const link = new RegExp(`${base}/\\S+`).exec(body)?.[0];
      assert.ok(link, body);
      return link;
    };

    const coordinatorContext = await browser.newContext({ javaScriptEnabled: false });
    const coordinator = new Tab(await coordinatorContext.newPage());
    await coordinator.goto(await linkTo('coordinator@welzijn.example'));
    await coordinator.submit(
      {
        'Uw naam zoals anderen die zien': 'Carla Coördinator',
        'Kies een wachtwoord': 'zonnebloem-markt-88',
      },
      'Meedoen',
    );
    assert.equal(await coordinator.page.locator('h1').innerText(), 'Buurtnetwerk Groenlo');
    const networkPath = new URL(coordinator.page.url()).pathname;

    // The coordinator invites a resident by email.
    await coordinator.goto(url(`${networkPath}/uitnodigen`));
    await coordinator.page.getByLabel('Per e-mail').check();
    await coordinator.submit(
      { 'E-mailadres': 'bewoner@groenlo.example', 'Rol in het netwerk': 'Bewoner' },
      'Uitnodiging maken',
    );

    const residentContext = await browser.newContext({ javaScriptEnabled: false });
    const resident = new Tab(await residentContext.newPage());
    await resident.goto(await linkTo('bewoner@groenlo.example'));
    await resident.submit(
      {
        'Uw naam zoals anderen die zien': 'Ria Bewoner',
        'Kies een wachtwoord': 'vlinder-tuin-5531',
      },
      'Meedoen',
    );
    assert.equal(new URL(resident.page.url()).pathname, networkPath);
    assert.match(await resident.flash(), /Welkom bij Buurtnetwerk Groenlo/);

    // The public directory lists the public network only.
    await resident.goto(url('/buurten'));
    const directory = await resident.page.locator('main').innerText();
    assert.match(directory, /Buurtnetwerk Groenlo/);
    assert.doesNotMatch(directory, /Dorpsnetwerk Harreveld/);

    // The other administration pages, checked with axe too: people, an account, leaders,
    // the mail check and the settings.
    await admin.goto(url('/beheer/mensen'));
    await admin.submit({ 'Zoeken op naam, e-mailadres of gebruikersnaam': 'Ria' }, 'Zoeken');
    await admin.follow((page) =>
      page.locator('main').getByRole('link', { name: 'Ria Bewoner' }).click(),
    );
    assert.match(await admin.page.locator('main').innerText(), /Buurtnetwerk Groenlo/);
    await admin.goto(url('/beheer/bestuurders'));
    assert.match(await admin.page.locator('main').innerText(), /Wim Wethouder/);
    await admin.goto(url('/beheer/mail'));
    await admin.submit({ 'Naar dit e-mailadres': 'beheer@gemeente.example' }, 'Testbericht sturen');
    assert.match(await admin.flash(), /uitgaande mail/);
    await admin.goto(url('/beheer/instellingen'));
    await admin.submit({ 'Naam van de organisatie': 'Gemeente Oost Gelre' }, 'Opslaan');
    assert.equal(await admin.flash(), 'De wijziging is opgeslagen.');

    const violations = [
      ...(await admin.audit(browser, adminContext)),
      ...(await coordinator.audit(browser, coordinatorContext)),
      ...(await resident.audit(browser, residentContext)),
    ];
    assert.deepEqual(violations, []);
    assert.deepEqual(
      [...admin.console, ...coordinator.console, ...resident.console].filter(
        (e) => !/status of 400/.test(e),
      ),
      [],
    );
  });
});
