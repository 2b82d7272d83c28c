// The leaders' pulse in a browser (issue 15): the demo's municipality
// leader and region leader sign in, open their overview and the pulse of their municipality
// or region, change the period with the filter form, download the CSV; every table of
// figures is there for screen readers (caption, row headers); axe-clean on each page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { assertAccessible, navigate, signedInTab as openTab, useDemoSite } from './browser.js';

describe('the leaders’ pulse in a browser', () => {
  const demo = useDemoSite();

  const signedInTab = (name: string) =>
    openTab(demo.browser, demo.url, demoEmail(name), {
      javaScriptEnabled: true,
      acceptDownloads: true,
    });

  /** Every table of figures has a caption and row headers a screen reader announces. */
  async function assertTablesReadable(page: Page) {
    const tables = page.locator('main table');
    const count = await tables.count();
    assert.ok(count >= 4, `tables of figures on ${page.url()}`);
    for (let i = 0; i < count; i++) {
      const table = tables.nth(i);
      assert.notEqual((await table.locator('caption').textContent())?.trim() ?? '', '');
      assert.ok((await table.locator('th[scope="col"]').count()) > 0, 'column headers');
    }
  }

  for (const [leader, kind, heading] of [
    ['Marieke Hofstra', 'gemeente', /Buurtpuls van gemeente/i],
    ['Jeroen Takens', 'regio', /Buurtpuls van /],
  ] as const) {
    test(`${leader} opens the ${kind}'s pulse, changes the period and downloads the CSV`, async () => {
      const { page, errors, close } = await signedInTab(leader);
      try {
        await navigate(page, () => page.goto(new URL('/bestuurder', demo.url).toString()));
        await assertAccessible(page);

        await navigate(page, () => page.locator(`main a[href^="/puls/${kind}/"]`).first().click());
        const path = new URL(page.url()).pathname;
        assert.match(path, new RegExp(`^/puls/${kind}/\\d+$`));
        assert.match((await page.locator('h1').textContent()) ?? '', heading);
        await assertTablesReadable(page);
        await assertAccessible(page);

        // The period filter is a plain GET form (no script on the page); axe needs JavaScript,
        // so this context has it.
        const from = page.getByLabel('Van', { exact: true });
        const options = await from
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const older = options.at(-1)!;
        await from.selectOption(older);
        await navigate(page, () => page.getByRole('button', { name: 'Toon' }).click());
        const asked = new URL(page.url());
        assert.equal(asked.pathname, path);
        assert.equal(asked.searchParams.get('van'), older);
        assert.equal(await page.getByLabel('Van', { exact: true }).inputValue(), older);
        await assertTablesReadable(page);
        await assertAccessible(page);

        // The CSV of this period, as a download.
        const link = page.getByRole('link', { name: /CSV/ });
        assert.match((await link.getAttribute('href')) ?? '', new RegExp(`van=${older}`));
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.match(download.suggestedFilename(), /^buurtpuls-puls-.*\.csv$/);
        const csv = await readFile((await download.path())!, 'utf8');
        assert.ok(csv.split('\n').length > 5, 'rows of figures in the CSV');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  }
});
