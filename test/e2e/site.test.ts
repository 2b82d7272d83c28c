import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_PASSWORD, demoEmail } from '#src/modules/people/seed.js';
import { crawl, navigate, useDemoSite, watchConsole } from './browser.js';

describe('the site in a browser', () => {
  const demo = useDemoSite();

  test('every page reachable from the home page passes axe-core, in Dutch and in English', async () => {
    for (const lang of ['nl', 'en']) {
      const context = await demo.browser.newContext();
      await context.addCookies([{ name: 'lang', value: lang, url: demo.url }]);
      const result = await crawl(context, demo.url, [
        '/',
        '/toegankelijkheid',
        '/privacy',
        '/bestaat-niet',
      ]);
      await context.close();
      assert.ok(result.visited.length >= 4, `visited ${result.visited.join(', ')}`);
      assert.deepEqual(result.violations, [], `axe found violations (${lang})`);
      // Only the page we asked for on purpose may be missing.
      assert.deepEqual(
        result.failures.filter((f) => !f.includes('/bestaat-niet')),
        [],
      );
    }
  });

  test('every page a coordinator reaches by links passes axe-core and fits a 360 px phone', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(new URL('/inloggen', demo.url).toString());
    await page.getByLabel('E-mailadres of gebruikersnaam').fill(demoEmail('Anneke de Wit'));
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await navigate(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
    await page.close();
    const result = await crawl(context, demo.url, ['/netwerk'], 300);
    await context.close();
    // Signals, sparks, meetings, members, the audit log… of the coordinator's network.
    assert.ok(result.visited.length >= 60, `visited only ${result.visited.length} pages`);
    for (const part of ['/signalen', '/vonkjes', '/bijeenkomsten', '/leden', '/logboek']) {
      assert.ok(
        result.visited.some((p) => p.includes(part)),
        `no page under ${part}`,
      );
    }
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.wide, [], 'pages that scroll sideways at 360 px');
    assert.deepEqual(result.failures, []);
  });

  test('the language switch works with the keyboard and without JavaScript', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(new URL('/privacy', demo.url).toString());
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    assert.equal(await page.locator('*:focus').textContent(), 'Naar de inhoud');
    await page.getByRole('button', { name: 'Read this site in English' }).focus();
    // The switch posts and redirects back to the same address, so waitForURL would not wait.
    await navigate(page, () => page.keyboard.press('Enter'));
    assert.equal(new URL(page.url()).pathname, '/privacy');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('h1').textContent(), 'Privacy');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a phone-sized screen shows the whole page without sideways scrolling', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(demo.url);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await context.close();
  });
});
