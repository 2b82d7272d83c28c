// Decisions in a real demo.browser, without JavaScript: a coordinator records a decision on the
// neighbourhood budget in a meeting, with its community strength check and the dissent that
// was heard → every council member consents → it is on the network's public page → its
// review date has come, so it is on the review list. Every page on the way, and the pulse,
// is then checked with axe-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '#src/modules/people/seed.js';
import { toLocal } from '#src/platform/time.js';
import { axeViolations, navigate, signedInTab as openTab, useDemoSite } from './browser.js';

const COORDINATOR = demoEmail('Anneke de Wit'); // Buurtnetwerk Zonnehoek
const COUNCIL = ['Fatma Yilmaz', 'Henk Bosman', 'Ria Kuipers'].map(demoEmail);
const TITLE = 'Wijkbudget: bankjes langs het fietspad';

describe('decisions in the browser', () => {
  const demo = useDemoSite();

  const signedInTab = (email: string, javaScriptEnabled = false) =>
    openTab(demo.browser, demo.url, email, { javaScriptEnabled });

  async function click(page: Page, name: string, role: 'link' | 'button' = 'link') {
    await navigate(page, () => page.getByRole(role, { name, exact: true }).first().click());
  }

  test('record in a meeting with check and dissent → council consents → public page → review list; axe-clean', async () => {
    const coordinator = await signedInTab(COORDINATOR);
    const page = coordinator.page;
    await click(page, 'Mijn netwerk');
    await click(page, 'Buurtnetwerk Zonnehoek');
    const networkPath = new URL(page.url()).pathname;
    await click(page, 'Besluiten');
    await click(page, 'Besluit vastleggen');

    // Sent without the required parts: the form comes back with what was typed.
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    const refused = await navigate(page, () =>
      page.getByRole('button', { name: 'Opslaan als genomen besluit' }).click(),
    );
    assert.equal(refused.status(), 400);
    assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), TITLE);
    const formWithErrors = page.url();

    await page.getByLabel('Wat is er besloten?').fill('Er komen vier bankjes langs het fietspad.');
    await page.getByLabel('Waarom?', { exact: true }).fill('Ouderen willen onderweg uitrusten.');
    await page.getByLabel('Waar gaat het over?').selectOption('budget');
    await page.getByLabel('De programmaraad', { exact: true }).check();
    await page.getByLabel('In welke bijeenkomst?').selectOption({ index: 1 });
    await page.getByLabel('Bewoners beslisten mee', { exact: true }).check();
    await page
      .getByLabel('Wie deden mee? Of: waarom waren bewoners er niet bij?')
      .fill('De bewoners van de seniorenflat, op de bewonersavond.');
    await page.getByLabel('Versterkt: het maakt de buurt sterker').check();
    await page
      .getByLabel('Waarom denkt u dat? Schrijf het in uw eigen woorden.')
      .fill('Mensen komen weer buiten en maken een praatje.');
    await page.getByLabel('Wie had het bezwaar?').first().fill('Een fietser uit de straat');
    await page.getByLabel('Wat was het bezwaar?').first().fill('Het pad wordt smaller.');
    await page
      .getByLabel('Wat is ermee gedaan?')
      .first()
      .fill('De bankjes komen in de berm, niet op het pad.');
    const today = toLocal(new Date()).date;
    await page.getByLabel('Wanneer kijken we terug?').fill(today);
    await click(page, 'Opslaan als genomen besluit', 'button');
    const decisionPath = new URL(page.url()).pathname;
    assert.match(decisionPath, /\/besluiten\/\d+$/);
    assert.ok((await page.content()).includes('Wacht op instemming van de programmaraad'));

    // Every council member consents through the platform.
    for (const email of COUNCIL) {
      const member = await signedInTab(email);
      await member.page.goto(new URL(decisionPath, demo.url).toString());
      await click(member.page, 'Ik stem in met dit besluit', 'button');
      assert.deepEqual(member.errors, []);
      await member.close();
    }
    await page.goto(new URL(decisionPath, demo.url).toString());
    const decided = await page.content();
    assert.ok(decided.includes('Besloten'));
    assert.ok(!decided.includes('Wacht op instemming'));

    // On the public page, with its check.
    const visitor = await demo.browser.newContext({ javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await publicPage.goto(new URL('/buurt/zonnehoek', demo.url).toString());
    const shown = await publicPage.content();
    assert.ok(shown.includes(TITLE));
    await visitor.close();

    // The review date has come: on the review list.
    await click(page, 'Terug naar de besluiten');
    await navigate(page, () => page.getByRole('link', { name: /^Te herzien/ }).click());
    assert.ok((await page.content()).includes(TITLE));
    // The one 400 is the form sent on purpose without its required parts.
    assert.deepEqual(
      coordinator.errors.filter((e) => !e.includes('status of 400')),
      [],
    );
    await coordinator.close();

    // Every page on the way, and the pulse, as the coordinator sees them (with JavaScript).
    const tab = await signedInTab(COORDINATOR, true);
    const violations: string[] = [];
    for (const path of [
      `${networkPath}/besluiten`,
      `${networkPath}/besluiten/nieuw`,
      decisionPath,
      `${decisionPath}/geschiedenis`,
      `${decisionPath}/bewerken`,
      `${decisionPath}/herzien`,
      `${networkPath}/besluiten/te-herzien`,
      `${networkPath}/besluiten/instellingen`,
      `${networkPath}/puls`,
      '/buurt/zonnehoek',
    ]) {
      const response = await tab.page.goto(new URL(path, demo.url).toString());
      assert.equal(response?.status(), 200, path);
      violations.push(...(await axeViolations(tab.page)));
    }
    // The form with its error summary.
    await tab.page.goto(formWithErrors);
    await navigate(tab.page, () =>
      tab.page.getByRole('button', { name: 'Opslaan als voorstel' }).click(),
    );
    violations.push(...(await axeViolations(tab.page)));
    assert.deepEqual(violations, []);
    await tab.close();
  });
});
