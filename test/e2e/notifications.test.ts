// Notifications in a real browser: the header link, the list /meldingen and the page of mail
// choices, with and without JavaScript, at 360 px without sideways scrolling; axe on each.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { assertAccessible, navigate, signIn, useDemoSite } from './browser.js';

const RESIDENT = demoEmail('Marek Nowak');

describe('notifications in the browser', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();

  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  test('with JavaScript at 360 px: header link, list and choices, axe-clean', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, demo.url, RESIDENT);
    await navigate(page, () => page.click('header a[href="/meldingen"]'));
    assert.equal(await page.textContent('h1'), 'Meldingen');
    assert.ok(await fits(page), '/meldingen scrolls sideways at 360 px');
    await assertAccessible(page);

    await navigate(page, () => page.click('main a[href="/mijn-gegevens/meldingen"]'));
    await page.check('input[name="signal"][value="off"]');
    await navigate(page, () => page.click('main form button[type="submit"]'));
    assert.match((await page.textContent('main')) ?? '', /Uw keuzes zijn opgeslagen\./);
    assert.ok(await page.isChecked('input[name="signal"][value="off"]'));
    assert.ok(await fits(page), 'the choices scroll sideways at 360 px');
    await assertAccessible(page);
    await context.close();
  });

  test('without JavaScript the choices are saved too', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, demo.url, RESIDENT);
    await page.goto(url('/mijn-gegevens/meldingen'));
    await page.check('input[name="meeting"][value="daily"]');
    await navigate(page, () => page.click('main form button[type="submit"]'));
    assert.ok(await page.isChecked('input[name="meeting"][value="daily"]'));
    assert.match((await page.textContent('main')) ?? '', /Uw keuzes zijn opgeslagen\./);
    await context.close();
  });
});
