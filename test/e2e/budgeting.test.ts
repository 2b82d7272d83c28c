// The neighbourhood budget in a browser: a resident votes with a code on a phone without
// JavaScript and again (another code) with it, the coordinator closes the vote and counts,
// and the results page explains the outcome and finds the receipt. axe-core on every page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '#src/modules/people/seed.js';
import { axeViolations, navigate, useDemoSite, watchConsole } from './browser.js';

const PHONE = { width: 360, height: 740 };
const RECEIPT = /[A-Z2-9]{5}-[A-Z2-9]{5}/;

describe('the neighbourhood budget in a browser: vote, count, results', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();
  /** /buurt/zonnehoek/wijkbudget/:id of the demo's round in its voting phase. */
  let base = '';
  const usedCodes: string[] = [];
  const receipts: string[] = [];
  const violations: string[] = [];
  /** The context without JavaScript: its pages are checked through a copy (see check). */
  let noScript: BrowserContext | undefined;

  /**
   * axe-core and the sideways-scroll check on the page. A page without JavaScript cannot run
   * axe, so its HTML is shown again at its own address in a page with JavaScript (same
   * width, same styles from the server) and checked there.
   */
  async function check(page: Page): Promise<void> {
    let target = page;
    let mirror: Page | undefined;
    if (page.context() === noScript) {
      const html = await page.content();
      const address = page.url();
      mirror = await (await demo.browser.newContext({ viewport: page.viewportSize()! })).newPage();
      await mirror.route(address, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await mirror.goto(address);
      target = mirror;
    }
    violations.push(...(await axeViolations(target)));
    const overflow = await target.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `${page.url()} scrolls sideways by ${overflow}px`);
    await mirror?.context().close();
  }

  /** From the voting page: a demo code not used in this test yet, typed in → the ballot. */
  async function enterCode(page: Page): Promise<void> {
    if (!base) {
      await page.goto(url('/buurt/zonnehoek'));
      const vote = await page.getAttribute('main a[href$="/stemmen"]', 'href');
      assert.ok(vote, 'the public network page links to the vote');
      base = vote.replace(/\/stemmen$/, '');
    }
    const response = await page.goto(url(`${base}/stemmen`));
    assert.equal(response?.status(), 200);
    await check(page);
    const codes = await page.locator('.bk-demo code').allTextContents();
    const code = codes.find((c) => !usedCodes.includes(c));
    assert.ok(code, 'the demo lists codes to try');
    usedCodes.push(code);
    await page.fill('#field-code', code);
    await navigate(page, () => page.click('main form button[type="submit"]'));
    assert.match((await page.textContent('h1')) ?? '', /Uw stem/);
  }

  /** Ticks the first plans that fit the budget together; returns how many. */
  async function tickWithinBudget(page: Page, budgetCents: number): Promise<number> {
    const boxes = page.locator('input[type="checkbox"][name="choice"]');
    let spent = 0;
    let ticked = 0;
    for (let i = 0; i < (await boxes.count()); i++) {
      const cost = Number(await boxes.nth(i).getAttribute('data-cost-cents'));
      if (spent + cost > budgetCents || ticked === 3) continue;
      // Through the label, as a resident does: the label names the plan and its cost.
      await page.click(`label[for="${await boxes.nth(i).getAttribute('id')}"]`);
      spent += cost;
      ticked++;
    }
    return ticked;
  }

  /** The ballot → review → cast → receipt; returns the receipt number. */
  async function reviewAndCast(page: Page, ticked: number): Promise<string> {
    await navigate(page, () => page.click('main form button[type="submit"]'));
    assert.match((await page.textContent('h1')) ?? '', /Controleer uw stem/);
    assert.equal(await page.locator('main ul li').count(), ticked);
    assert.match((await page.textContent('main')) ?? '', /Samen: €\s\d/);
    await check(page);
    await navigate(page, () => page.getByRole('button', { name: 'Stem insturen' }).click());
    assert.match(page.url(), /\/bewijs\/[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    assert.match((await page.textContent('h1')) ?? '', /Bedankt voor uw stem/);
    const receipt = RECEIPT.exec((await page.textContent('.bk-code')) ?? '')?.[0];
    assert.ok(receipt, 'the receipt page shows the number');
    await check(page);
    return receipt;
  }

  test('without JavaScript on a 360 px phone: code → ballot → review → receipt', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    noScript = context;
    const page = await context.newPage();
    const errors = watchConsole(page);
    await enterCode(page);
    await check(page);
    const budget = Number(
      await page.getAttribute('fieldset[data-budget-cents]', 'data-budget-cents'),
    );
    assert.ok(budget > 0);
    // Without the script the meter stays hidden; the server checks the budget instead.
    assert.equal(await page.isHidden('#budget-meter'), true);
    const ticked = await tickWithinBudget(page, budget);
    assert.ok(ticked > 0);
    receipts.push(await reviewAndCast(page, ticked));
    assert.deepEqual(errors, []);
    // The code cannot be used again (the browser notes the 409 in its console).
    await page.goto(url(`${base}/stemmen`));
    await page.fill('#field-code', usedCodes[0]!);
    const again = await navigate(page, () => page.click('main form button[type="submit"]'));
    assert.equal(again.status(), 409);
    assert.match((await page.textContent('main')) ?? '', /al gebruikt|al gestemd/);
    await context.close();
  });

  test('with JavaScript on a 360 px phone: the budget meter follows the ticks', async () => {
    const context = await demo.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await enterCode(page);
    const budget = Number(
      await page.getAttribute('fieldset[data-budget-cents]', 'data-budget-cents'),
    );
    const meter = page.locator('#budget-meter');
    assert.equal(await meter.isVisible(), true);
    assert.match((await meter.textContent()) ?? '', /^Gekozen: €\s0 van €\s[\d.]+\.$/);
    // Each tick adds the plan's cost to the meter; unticking takes it off again.
    const boxes = page.locator('input[type="checkbox"][name="choice"]');
    const euros = (cents: number) =>
      new Intl.NumberFormat('nl-NL', {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
      }).format(cents / 100);
    let sum = 0;
    for (let i = 0; i < (await boxes.count()); i++) {
      await boxes.nth(i).check();
      sum += Number(await boxes.nth(i).getAttribute('data-cost-cents'));
      const text = (await meter.textContent()) ?? '';
      if (sum <= budget) assert.equal(text, `Gekozen: ${euros(sum)} van ${euros(budget)}.`);
      else assert.match(text, /meer dan het budget/);
    }
    await check(page);
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    assert.equal(await meter.textContent(), `Gekozen: ${euros(0)} van ${euros(budget)}.`);
    const ticked = await tickWithinBudget(page, budget);
    const shown = (await meter.textContent()) ?? '';
    assert.doesNotMatch(shown, /meer dan/);
    assert.doesNotMatch(shown, /€\s0 van/);
    receipts.push(await reviewAndCast(page, ticked));
    assert.notEqual(receipts[0], receipts[1]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the coordinator closes the vote and counts; the results explain and find the receipt', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(url('/inloggen'));
    await page.fill('#field-identifier', demoEmail('Anneke de Wit'));
    await page.fill('#field-password', DEMO_PASSWORD);
    await navigate(page, () => page.click('main form[action="/inloggen"] button[type="submit"]'));
    await page.goto(url('/netwerk'));
    const network = await page.getAttribute('main a[href^="/netwerk/"]', 'href');
    assert.ok(network && /^\/netwerk\/\d+$/.test(network), 'the coordinator sees Zonnehoek');
    const roundId = /\/(\d+)$/.exec(base)?.[1];
    const member = `${network}/wijkbudget/${roundId}`;
    await page.goto(url(member));
    await check(page);
    // The letters of the codes: one PDF for the mailing house.
    const pdf = await context.request.get(url(`${member}/codes.pdf`));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

    await page.selectOption('#field-phase', 'counting');
    await navigate(page, () => page.getByRole('button', { name: 'Fase wijzigen' }).click());
    await check(page);
    await navigate(page, () => page.locator(`form[action="${member}/tellen"] button`).click());
    assert.match(page.url(), /\/uitslag$/);
    assert.match((await page.textContent('h1')) ?? '', /Uitslag/);
    // Every project carries the engine's explanation, funded or not.
    const results = page.locator('section.bk-result');
    assert.ok((await results.count()) > 1);
    for (let i = 0; i < (await results.count()); i++)
      assert.ok((await results.nth(i).locator('li').count()) > 0, 'an explanation per project');
    assert.match((await page.textContent('main')) ?? '', /Deze plannen krijgen geld/);
    await check(page);

    // The receipt check, for both votes of this journey, and a number that is not there.
    for (const receipt of receipts) {
      await page.fill('#field-bewijs', receipt);
      await navigate(page, () => page.getByRole('button', { name: 'Nakijken' }).click());
      assert.match((await page.textContent('[role="status"]')) ?? '', /Uw stem is meegeteld/);
      await check(page);
    }
    await page.fill('#field-bewijs', 'AAAAA-AAAAA');
    await navigate(page, () => page.getByRole('button', { name: 'Nakijken' }).click());
    assert.match((await page.textContent('[role="status"]')) ?? '', /kennen we niet/);

    // The results on the phone, without sideways scrolling.
    const phone = await demo.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    noScript = phone;
    const small = await phone.newPage();
    await small.goto(url(`${base}/uitslag`));
    await check(small);
    await phone.close();

    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the calculator by keyboard: Tab reaches the ways of counting folded away', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(url('/rekenhulp'));
    await check(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return { tag: el?.tagName, value: el?.value, folded: !!el?.closest('.bk-more-options') };
      });
    const more = page.locator('details.bk-more-options');
    assert.equal(await more.evaluate((d) => (d as HTMLDetailsElement).open), false);
    await more.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await more.evaluate((d) => (d as HTMLDetailsElement).open), true);
    // The usual choice (add1) stays checked above the summary; Tab goes into what opened.
    await page.keyboard.press('Tab');
    const first = await focused();
    assert.deepEqual({ tag: first.tag, folded: first.folded }, { tag: 'INPUT', folded: true });
    await page.keyboard.press('ArrowDown');
    const chosen = await focused();
    assert.ok(
      chosen.folded && chosen.value && chosen.value !== first.value,
      JSON.stringify(chosen),
    );
    // Back up with Shift+Tab: the summary, as the page's order has it.
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused()).tag, 'SUMMARY');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).value, chosen.value, 'Tab comes back to the chosen option');

    // The count uses what the keyboard chose.
    await page.setInputFiles(
      '#field-file',
      'test/fixtures/pabulib/Poland_Gdynia_2020_Babie_Doly__small.pb',
    );
    await navigate(page, () => page.getByRole('button', { name: 'Tellen' }).click());
    await page.waitForSelector('h1:has-text("Uitkomst van de telling")', { timeout: 30_000 });
    assert.match((await page.textContent('main')) ?? '', new RegExp(`\\(${chosen.value}\\)`));
    await check(page);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
