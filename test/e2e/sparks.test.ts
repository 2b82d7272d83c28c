import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { MIN_FORM_MS as MIN_SUBMIT_MS } from '#src/platform/spam-guard.js';
import { axeViolations, signIn, useDemoSite, watchConsole } from './browser.js';

describe('sparks in a browser: from the neighbourhood to the sparks round', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();
  const text = 'Onze buurjongen liet de hele straat meegenieten van zijn trompet';

  async function login(page: Page) {
    await signIn(page, demo.url, demoEmail('Anneke de Wit'));
  }

  async function networkId(page: Page): Promise<string> {
    await page.goto(url('/netwerk'));
    const hrefs = await page.$$eval('main a[href^="/netwerk/"]', (as) =>
      as.map((a) => a.getAttribute('href') ?? ''),
    );
    const id = /^\/netwerk\/(\d+)$/.exec(hrefs[0] ?? '')?.[1];
    assert.ok(
      id,
      `the coordinator sees Zonnehoek (${page.url()}: ${await page.textContent('main')})`,
    );
    return id;
  }

  let roundPath = '';
  const pagesToCheck: string[] = ['/buurt/zonnehoek/vonkje'];

  test('without JavaScript: a visitor sends a spark, the coordinator approves it, the round shows it', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(url('/buurt/zonnehoek/vonkje'));
    const shownAt = Date.now();
    await page.fill('#field-text', text);
    await page.fill('#field-name', 'Gerda');
    await page.waitForTimeout(Math.max(0, MIN_SUBMIT_MS + 500 - (Date.now() - shownAt)));
    await page.click('main form button[type="submit"]');
    await page.waitForURL(/\/buurt\/zonnehoek\/vonkje$/);
    assert.match((await page.textContent('main')) ?? '', /Dank u wel/);

    await login(page);
    const id = await networkId(page);
    // The old address leads to the one moderation page, on the sparks.
    await page.goto(url(`/netwerk/${id}/vonkjes/moderatie`));
    await page.waitForURL(/\/moderatie\?soort=spark$/);
    const item = page.locator('li.bk-waiting', { hasText: text });
    await item.getByRole('button', { name: 'Publiceren' }).click();
    await page.waitForURL(/\/moderatie\?soort=spark$/);
    assert.match((await page.textContent('main')) ?? '', /Het bericht is gepubliceerd/);

    await page.goto(url(`/netwerk/${id}/bijeenkomsten`));
    const next = await page.getAttribute('main ul.bk-meetings >> nth=0 >> a >> nth=0', 'href');
    assert.ok(next);
    roundPath = `${next}/vonkjesronde`;
    await page.goto(url(`${roundPath}?nr=laatste`));
    assert.match((await page.textContent('.bk-round__text')) ?? '', /trompet/);
    pagesToCheck.push(
      `/netwerk/${id}/vonkjes`,
      `/netwerk/${id}/moderatie`,
      `/netwerk/${id}/bijeenkomsten`,
      next,
      `${next}/agenda`,
      `${next}/aanwezigheid`,
      `${roundPath}?nr=1`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('with JavaScript: the arrow keys move through the round; every page passes axe-core', async () => {
    const context: BrowserContext = await demo.browser.newContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    await login(page);
    await page.goto(url(`${roundPath}?nr=1`));
    assert.match((await page.textContent('.bk-round__count')) ?? '', /Vonkje 1 van/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/nr=2$/);
    assert.match((await page.textContent('.bk-round__count')) ?? '', /Vonkje 2 van/);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/nr=1$/);

    const violations: string[] = [];
    for (const path of pagesToCheck) {
      const response = await page.goto(url(path));
      assert.equal(response?.status(), 200, path);
      violations.push(...(await axeViolations(page)));
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
