// Issue 12, items 1 and 11 in a browser: a coordinator hides a published spark with a reason
// and it is gone at once from the public page, the wall and its public photo address; the
// hide form sent without a reason shows its errors with the focus on the error summary and
// "Fout:" in the title. With and without JavaScript; with it, every page is axe-clean.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { axeViolations, navigate, signIn, useDemoSite, watchConsole } from './browser.js';

interface PublicSpark {
  id: string;
  text: string;
  photo: string | null;
}

describe('moderation after publication in a browser', () => {
  const demo = useDemoSite();
  const url = (path: string) => new URL(path, demo.url).toString();
  /** The public sparks of Zonnehoek as a visitor first saw them. */
  let sparks: PublicSpark[] = [];

  before(async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('/buurt/zonnehoek'));
    sparks = await page.$$eval('li.bk-spark', (cards) =>
      cards.map((card) => ({
        // The public card names its spark in its report link (/melden/spark/<id>).
        id:
          /\/(\d+)$/.exec(
            card.querySelector('a[href^="/melden/"]')?.getAttribute('href') ?? '',
          )?.[1] ?? '',
        text: card.querySelector('.bk-spark__text')?.textContent?.trim() ?? '',
        photo: card.querySelector('img.bk-spark__photo')?.getAttribute('src') ?? null,
      })),
    );
    await context.close();
  });

  async function login(page: Page): Promise<string> {
    await signIn(page, demo.url, demoEmail('Anneke de Wit'));
    await page.goto(url('/netwerk'));
    const href = await page.getAttribute('main a[href^="/netwerk/"]', 'href');
    const id = /^\/netwerk\/(\d+)$/.exec(href ?? '')?.[1];
    assert.ok(id, `the coordinator sees her network (${page.url()})`);
    return id;
  }

  /**
   * Whether the error summary has the focus, once the page has settled (autofocus, or the
   * script). Asked through a selector, which works with JavaScript off too.
   */
  async function summaryFocused(page: Page): Promise<boolean> {
    for (let tries = 0; tries < 30; tries++) {
      if ((await page.locator('#error-summary:focus').count()) === 1) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  /**
   * Hides `spark` from the wall, first without a reason; checks where it went. With
   * JavaScript on, every page is checked with axe-core (axe itself needs JavaScript).
   */
  async function hide(
    page: Page,
    networkId: string,
    spark: PublicSpark,
    violations: string[],
    javaScript: boolean,
  ) {
    const axe = async () => {
      if (javaScript) violations.push(...(await axeViolations(page)));
    };
    await page.goto(url(`/netwerk/${networkId}/vonkjes`));
    const card = page.locator(`li#vonkje-${spark.id}`);
    assert.equal(await card.count(), 1, `spark ${spark.id} is on the wall`);
    await axe();
    await navigate(page, () =>
      card.getByRole('link', { name: 'Verbergen of laten staan' }).click(),
    );
    await axe();

    // Without a reason: the form again, "Fout:" first in the title, the focus on the summary.
    const refused = await navigate(page, () =>
      page.getByRole('button', { name: 'Bericht verbergen' }).click(),
    );
    assert.equal(refused.status(), 400);
    assert.match(await page.title(), /^Fout: /);
    assert.ok(await summaryFocused(page), 'the focus is on the error summary');
    assert.match((await page.textContent('#error-summary')) ?? '', /reden/);
    assert.equal(await page.getAttribute('#field-reason', 'aria-invalid'), 'true');
    await axe();

    await page.fill('#field-reason', 'Dit noemt een buurvrouw bij naam en huisnummer.');
    const done = await navigate(page, () =>
      page.getByRole('button', { name: 'Bericht verbergen' }).click(),
    );
    assert.equal(done.status(), 200);
    assert.match((await page.textContent('main')) ?? '', /Het bericht is verborgen/);
    await axe();

    // Gone at once: the wall, the public page, and the photo for anyone who had its address.
    await page.goto(url(`/netwerk/${networkId}/vonkjes`));
    assert.equal(await page.locator(`li#vonkje-${spark.id}`).count(), 0, 'gone from the wall');
    const visitor = await demo.browser.newContext({ javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await publicPage.goto(url('/buurt/zonnehoek'));
    assert.equal(await publicPage.locator(`li#vonkje-${spark.id}`).count(), 0);
    assert.ok(!((await publicPage.textContent('main')) ?? '').includes(spark.text));
    if (spark.photo) {
      const photo = await visitor.request.get(url(spark.photo));
      assert.equal(photo.status(), 404, 'the public photo is no longer served');
    }
    await visitor.close();
  }

  test('without JavaScript: a coordinator hides a public spark with a photo; a missing reason takes the focus', {
    timeout: 150_000,
  }, async () => {
    const spark = sparks.find((s) => s.photo !== null);
    assert.ok(
      spark?.id,
      `a public spark with a photo on the public page (${sparks.length} sparks)`,
    );
    const before = await demo.browser.newContext({ javaScriptEnabled: false });
    const check = await before.request.get(url(spark.photo!));
    assert.equal(check.status(), 200, 'the photo is public before');
    await before.close();

    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const networkId = await login(page);
    const violations: string[] = [];
    await hide(page, networkId, spark, violations, false);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('with JavaScript: the same for another public spark, without console errors', {
    timeout: 150_000,
  }, async () => {
    const hidden = sparks.find((s) => s.photo !== null);
    const spark = sparks.find((s) => s !== hidden);
    assert.ok(spark?.id, 'a second public spark on the public page');
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const errors = watchConsole(page);
    const networkId = await login(page);
    const violations: string[] = [];
    await hide(page, networkId, spark, violations, true);
    assert.deepEqual(violations, []);
    // The form sent back with its errors answers 400, which the console reports.
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await context.close();
  });
});
