// Meetings in a browser (issue 12, items 2–4): the coordinator plans a meeting without
// JavaScript (with "Agendapunt erbij"), a resident says "ik kom" and makes their secret feed
// address, the coordinator cancels the meeting, and a calendar app (a fresh client with no
// cookies) fetches the feed and sees it as cancelled. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ical from 'node-ical';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { axeViolations, navigate, signIn, useDemoSite, watchConsole } from './browser.js';

describe('meetings in a browser: plan, ik kom, feed address, cancel', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();
  const title = 'Buurtkeuken proeven';
  const violations: string[] = [];
  const consoleErrors: string[] = [];

  async function login(page: Page, name: string) {
    await signIn(page, demo.url, demoEmail(name));
  }

  async function check(page: Page) {
    violations.push(...(await axeViolations(page)));
  }

  let meetingPath = '';
  let feedAddress = '';

  test('the coordinator plans a meeting without JavaScript, adding an agenda row with the button', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    consoleErrors.push(...watchConsole(page));
    await login(page, 'Anneke de Wit');
    await page.goto(url('/netwerk'));
    const network = await page.getAttribute('main a[href^="/netwerk/"]', 'href');
    assert.ok(network);
    await page.goto(url(`${network}/bijeenkomsten/nieuw`));
    await page.fill('#field-title', title);
    await page.fill('#field-date', '2031-09-15');
    await page.fill('#field-time', '19:00');
    await page.fill('#field-maxPlaces', '12');
    await page.check('#field-isPublic');
    for (let n = 1; n <= 5; n++) await page.fill(`#field-item${n}Title`, `Punt ${n}`);
    await navigate(page, () => page.getByRole('button', { name: 'Agendapunt erbij' }).click());
    assert.equal(await page.inputValue('#field-title'), title, 'the input is kept');
    assert.equal(await page.inputValue('#field-item5Title'), 'Punt 5');
    await page.fill('#field-item6Title', 'Punt 6');
    await navigate(page, () => page.getByRole('button', { name: 'Opslaan', exact: true }).click());
    assert.match(page.url(), /\/bijeenkomsten\/\d+$/);
    meetingPath = new URL(page.url()).pathname;
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /Punt 6/);
    assert.match(main, /15 september 2031 om 19:00, tot 21:00/);
    await context.close();
    // axe needs JavaScript: the coordinator's pages are checked in a context with it.
    const checking = await demo.browser.newContext();
    const checker = await checking.newPage();
    await login(checker, 'Anneke de Wit');
    for (const path of [`${network}/bijeenkomsten/nieuw`, meetingPath, `${meetingPath}/bewerken`]) {
      await checker.goto(url(path));
      await check(checker);
    }
    await checking.close();
  });

  test('a resident says "ik kom" and makes their secret feed address', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    consoleErrors.push(...watchConsole(page));
    await login(page, 'Joyce Pinas');
    await page.goto(url(meetingPath));
    await check(page);
    await page.fill('#field-places', '2');
    await navigate(page, () => page.getByRole('button', { name: 'Ik kom' }).click());
    assert.match((await page.textContent('main')) ?? '', /U komt, met 2 personen/);
    await check(page);

    await page.goto(url(meetingPath.replace(/\/\d+$/, '/in-uw-agenda')));
    await check(page);
    await navigate(page, () =>
      page.getByRole('button', { name: 'Maak mijn agenda-adres' }).click(),
    );
    feedAddress = ((await page.textContent('.bk-feed-address__value code')) ?? '').trim();
    assert.match(feedAddress, /\/agenda\/[A-Za-z0-9_-]{32}\.ics$/);
    await check(page);
    await context.close();
  });

  test('the coordinator cancels it; the feed, fetched by a fresh client, shows it cancelled', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    consoleErrors.push(...watchConsole(page));
    await login(page, 'Anneke de Wit');
    await page.goto(url(meetingPath));
    assert.match((await page.textContent('main')) ?? '', /Aangemeld: 2 personen/);
    await page.goto(url(`${meetingPath}/afzeggen`));
    await check(page);
    await navigate(page, () =>
      page.getByRole('button', { name: 'Ja, zeg de bijeenkomst af' }).click(),
    );
    assert.match((await page.textContent('main')) ?? '', /Deze bijeenkomst gaat niet door/);
    await check(page);
    await context.close();

    // A calendar app: no cookies, no session, just the address.
    const response = await fetch(feedAddress);
    assert.equal(response.status, 200);
    const body = await response.text();
    const event = Object.values(ical.sync.parseICS(body)).find(
      (e) => e?.type === 'VEVENT' && String(e.summary).includes(title),
    ) as ical.VEvent | undefined;
    assert.ok(event, 'the meeting is in the feed');
    assert.match(body, /STATUS:CANCELLED/);
    assert.match(String(event.summary), /^Gaat niet door: /);

    // The public page says so too, for a visitor.
    const visitor = await demo.browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(url('/buurt/zonnehoek'));
    const link = publicPage.locator('main a', { hasText: title });
    await navigate(publicPage, () => link.click());
    assert.match((await publicPage.textContent('main')) ?? '', /Deze bijeenkomst gaat niet door/);
    await check(publicPage);
    await visitor.close();
  });

  test('it goes ahead after all: the coordinator undoes the cancellation, the feed follows', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    consoleErrors.push(...watchConsole(page));
    await login(page, 'Anneke de Wit');
    await page.goto(url(meetingPath));
    assert.match((await page.textContent('main')) ?? '', /Deze bijeenkomst gaat niet door/);
    await navigate(page, () =>
      page.getByRole('button', { name: 'De bijeenkomst gaat toch door' }).click(),
    );
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /De bijeenkomst gaat weer door/);
    assert.doesNotMatch(main, /Deze bijeenkomst gaat niet door/);
    assert.match(main, /Aangemeld: 2 personen/, 'who said they would come still stands');
    await check(page);
    await context.close();

    const body = await (await fetch(feedAddress)).text();
    assert.match(body, new RegExp(title));
    assert.doesNotMatch(body, /STATUS:CANCELLED/);

    assert.deepEqual(violations, []);
    assert.deepEqual(consoleErrors, []);
  });
});
