// The network overview in a browser (issue 11 item 6, issue 15 item 3): the demo's
// coordinator signs in, sees what waits with counts on the links and follows the moderation
// link; with and without JavaScript, axe-clean, no sideways scrolling on a 360 px phone; a
// resident and a council member see their own parts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { axeViolations, signIn, useDemoSite, watchConsole } from './browser.js';

describe('the network overview in a browser', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();

  async function login(page: Page, name: string) {
    await signIn(page, demo.url, demoEmail(name));
  }

  /** The overview of the person's first network (Zonnehoek for the demo's cast). */
  async function openOverview(page: Page): Promise<string> {
    await page.goto(url('/netwerk'));
    const href = await page.getAttribute('main a[href^="/netwerk/"] >> nth=0', 'href');
    assert.ok(href && /^\/netwerk\/\d+$/.test(href), `a network link on ${page.url()}`);
    const response = await page.goto(url(href));
    assert.equal(response?.status(), 200);
    return href;
  }

  /** The badge count beside an item's words, as the page shows it. */
  async function countBeside(page: Page, label: string): Promise<number> {
    const link = page.locator('a.bk-overview__link', { hasText: label });
    const badge = (await link.locator('.bk-count').textContent())?.trim() ?? '';
    assert.match(badge, /^\d+$/, `a count beside "${label}"`);
    return Number(badge);
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`a coordinator sees what waits and follows the moderation link (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await demo.browser.newContext({
        javaScriptEnabled,
        viewport: { width: 360, height: 780 },
      });
      const page = await context.newPage();
      const errors = watchConsole(page);
      await login(page, 'Anneke de Wit');
      const overview = await openOverview(page);
      const main = (await page.textContent('main')) ?? '';
      assert.match(main, /Wat op u wacht/);
      assert.match(main, /Wat er onlangs gebeurde/);
      assert.match(main, /Volgende bijeenkomst/);
      for (const label of [
        'Gemelde berichten om te beoordelen',
        'Signalen zonder compleet duo',
        'Uitnodigingen die nog open staan',
        'Vonkjes die wachten op goedkeuring',
      ]) {
        assert.ok((await countBeside(page, label)) >= 0);
      }
      // axe-core needs timers, which a page without JavaScript does not run.
      if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.equal(overflow, 0, 'no sideways scrolling at 360 px');

      await page.click('a.bk-overview__link:has-text("Gemelde berichten om te beoordelen")');
      await page.waitForURL(new RegExp(`${overview}/moderatie$`));
      assert.match((await page.textContent('h1')) ?? '', /\S/);
      if (javaScriptEnabled) assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a resident and a council member see their own parts, axe-clean', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await login(page, 'Joyce Pinas');
    await openOverview(page);
    let main = (await page.textContent('main')) ?? '';
    assert.match(main, /Volgende openbare bijeenkomst/);
    assert.doesNotMatch(main, /Wat op u wacht|Wat op de raad wacht/);
    assert.deepEqual(await axeViolations(page), []);
    await context.clearCookies();

    await login(page, 'Fatma Yilmaz');
    await openOverview(page);
    main = (await page.textContent('main')) ?? '';
    assert.match(main, /Wat op de raad wacht/);
    assert.ok((await countBeside(page, 'Besluiten om terug te kijken (te herzien)')) >= 0);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
