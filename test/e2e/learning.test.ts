// Learning in a real demo.browser, without JavaScript: a professional starts an experiment from a
// signal, a resident joins it, they log a surprise and evaluate it into a lesson; the lesson
// is shared to the region (the coordinator approves on the moderation page) and a member of a network in another
// municipality finds it by searching a word from it. Every page on the way is then checked
// with axe-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { demoEmail } from '#src/modules/people/seed.js';
import { axeViolations, navigate, signedInTab as openTab, useDemoSite } from './browser.js';

const PROFESSIONAL = demoEmail('Youssef Amrani'); // Buurtnetwerk Zonnehoek
const RESIDENT = demoEmail('Marek Nowak'); // Buurtnetwerk Zonnehoek
const COORDINATOR = demoEmail('Anneke de Wit'); // Buurtnetwerk Zonnehoek
const ELSEWHERE = demoEmail('Lotte Vermeulen'); // Netwerk Maalderveld Samen (Veenhorst)

describe('learning in the browser', () => {
  const demo = useDemoSite();

  const signedInTab = (email: string, javaScriptEnabled = false) =>
    openTab(demo.browser, demo.url, email, { javaScriptEnabled });

  async function click(page: Page, name: string, role: 'link' | 'button' = 'link') {
    await navigate(page, () => page.getByRole(role, { name, exact: true }).first().click());
  }

  async function audit(email: string, paths: Iterable<string>) {
    const tab = await signedInTab(email, true);
    const violations: string[] = [];
    for (const path of paths) {
      await tab.page.goto(new URL(path, demo.url).toString());
      violations.push(...(await axeViolations(tab.page)));
    }
    await tab.close();
    return violations;
  }

  test('experiment from a signal → surprise → evaluation → lesson shared to the region → found elsewhere', async () => {
    const pro = await signedInTab(PROFESSIONAL);
    await click(pro.page, 'Mijn netwerk');
    await click(pro.page, 'Buurtnetwerk Zonnehoek');
    const networkPath = new URL(pro.page.url()).pathname;
    await pro.page.goto(new URL(`${networkPath}/signalen`, demo.url).toString());
    const signalHref = await pro.page
      .locator(`a[href^="${networkPath}/signalen/"]`)
      .evaluateAll((as) =>
        as.map((a) => a.getAttribute('href') ?? '').find((h) => /\/signalen\/\d+$/.test(h)),
      );
    assert.ok(signalHref, 'a signal to start from');
    const signalId = /(\d+)$/.exec(signalHref)![1];
    await pro.page.goto(
      new URL(`${networkPath}/experimenten/nieuw?signaal=${signalId}`, demo.url).toString(),
    );
    await pro.page.getByLabel('Titel').fill('Buurtmoestuinkas op het plein');
    await pro.page
      .getByLabel('Wat willen we leren?')
      .fill('Komen buren vaker met elkaar in gesprek bij een gezamenlijke moestuinkas?');
    await click(pro.page, 'Opslaan', 'button');
    assert.match(await pro.page.content(), new RegExp(`Signaal ${signalId}`));
    assert.match(await pro.page.content(), /Er zit nog geen bewoner in het team/);
    const experimentPath = new URL(pro.page.url()).pathname;

    // Without a resident it cannot start.
    await click(pro.page, 'Start het experiment', 'button');
    assert.match(await pro.page.content(), /minstens één bewoner en één professional/);

    const resident = await signedInTab(RESIDENT);
    await resident.page.goto(new URL(experimentPath, demo.url).toString());
    await click(resident.page, 'Ik doe mee', 'button');
    await click(resident.page, 'Start het experiment', 'button');
    assert.match(await resident.page.content(), /Het experiment loopt/);
    await resident.page.getByLabel('Soort aantekening').selectOption('surprise');
    await resident.page
      .getByLabel('Wat gebeurde er?')
      .fill('Een buurman die nooit buiten komt, bracht zelf tomatenplanten mee.');
    await click(resident.page, 'Toevoegen aan het logboek', 'button');
    assert.match(await resident.page.content(), /Verrassing ·/);

    await pro.page.goto(new URL(experimentPath, demo.url).toString());
    await click(pro.page, 'Evalueren en lessen trekken');
    await pro.page
      .getByLabel('Hoe ging het? Wat zagen we?')
      .fill('Elke week kwamen er meer buren kijken.');
    await pro.page.getByLabel('Les 1: in één zin').fill('Een moestuinkas brengt buren samen');
    await pro.page
      .getByLabel('Les 1: wat hebben we geleerd?')
      .fill('Rond de tomatenkweek ontstonden gesprekken tussen buren die elkaar niet kenden.');
    await click(pro.page, 'Opslaan', 'button');
    assert.match(await pro.page.content(), /Geëvalueerd/);
    await click(pro.page, 'Een moestuinkas brengt buren samen');
    await pro.page.getByLabel('Delen met meer buurtnetwerken').selectOption('region');
    await click(pro.page, 'Vraag om te delen', 'button');
    assert.match(
      await pro.page.content(),
      /Wacht op goedkeuring voor: Buurtnetwerken in onze regio/,
    );
    const lessonPath = new URL(pro.page.url()).pathname;

    // Before approval, the other municipality finds nothing.
    const elsewhere = await signedInTab(ELSEWHERE);
    await elsewhere.page.goto(new URL('/zoeken?q=tomatenkweek', demo.url).toString());
    assert.match(await elsewhere.page.content(), /Niets gevonden/);

    // The coordinator decides on the one moderation page; the old address leads there.
    const coordinator = await signedInTab(COORDINATOR);
    await coordinator.page.goto(
      new URL(`${networkPath}/bibliotheek/goedkeuren`, demo.url).toString(),
    );
    assert.equal(
      new URL(coordinator.page.url()).pathname + new URL(coordinator.page.url()).search,
      `${networkPath}/moderatie?soort=library`,
    );
    const card = coordinator.page.locator('li', { hasText: 'Een moestuinkas brengt buren samen' });
    assert.match(await card.innerText(), /Vraagt: zichtbaar voor de buurtnetwerken in onze regio/);
    // axe-core on the moderation page while the request waits (checked with the rest below).
    const waitingViolations = await audit(COORDINATOR, [`${networkPath}/moderatie?soort=library`]);
    await navigate(coordinator.page, () =>
      card.getByRole('button', { name: 'Breder delen', exact: true }).click(),
    );
    assert.match(await coordinator.page.content(), /Goedgekeurd: het bericht is nu breder te zien/);

    await click(elsewhere.page, 'Zoeken');
    await elsewhere.page.getByLabel('Zoekwoorden').fill('tomatenkweken');
    await click(elsewhere.page, 'Zoeken', 'button');
    const results = await elsewhere.page.content();
    assert.match(results, /<mark>tomatenkweek<\/mark>/);
    await click(elsewhere.page, 'Een moestuinkas brengt buren samen');
    assert.equal(new URL(elsewhere.page.url()).pathname, lessonPath);
    // The experiment itself stays within its network.
    const hidden = await elsewhere.page.goto(new URL(experimentPath, demo.url).toString());
    assert.equal(hidden?.status(), 404);

    // Two refusals on purpose, which the browser logs as failed loads: starting without a
    // resident (409) and the other network opening the experiment (404). Nothing else.
    const onPurpose = [
      new RegExp(`${experimentPath}/stand: Failed to load resource: .* 409`),
      new RegExp(`${experimentPath}: Failed to load resource: .* 404`),
    ];
    for (const tab of [pro, resident, coordinator, elsewhere]) {
      assert.deepEqual(
        tab.errors.filter((e) => !onPurpose.some((r) => r.test(e))),
        [],
      );
    }
    // axe-core on each kind of page of the journey, once (signed in with JavaScript).
    const violations = [
      ...(await audit(PROFESSIONAL, [
        `${networkPath}/experimenten`,
        `${networkPath}/experimenten/nieuw?signaal=${signalId}`,
        experimentPath,
        `${experimentPath}/evaluatie`,
        lessonPath,
        '/bibliotheek',
        '/zoeken?q=tomatenkweken',
        '/reflecties',
      ])),
      ...waitingViolations,
    ];
    assert.deepEqual(violations, []);
    for (const tab of [pro, resident, coordinator, elsewhere]) await tab.close();
  });

  test('a resident writes a story with a photo, without JavaScript; it shows with its description; axe-clean', async () => {
    const resident = await signedInTab(RESIDENT);
    await click(resident.page, 'Mijn netwerk');
    await click(resident.page, 'Buurtnetwerk Zonnehoek');
    const networkPath = new URL(resident.page.url()).pathname;
    await resident.page.goto(new URL(`${networkPath}/bibliotheek/nieuw`, demo.url).toString());
    await resident.page.getByLabel('Verhaal', { exact: true }).check();
    await resident.page.getByLabel('Titel').fill('Soep op woensdag');
    await resident.page
      .getByLabel('Tekst', { exact: true })
      .fill('Elke woensdag koken twee buren soep in het buurthuis. Er komen steeds meer mensen.');
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#c05020' },
    })
      .jpeg()
      .toBuffer();
    await resident.page
      .locator('#field-photo')
      .setInputFiles({ name: 'soep.jpg', mimeType: 'image/jpeg', buffer: photo });
    // Without a description the photo is refused: it is the alt text.
    await click(resident.page, 'Opslaan', 'button');
    assert.match(await resident.page.content(), /Schrijf kort op wat er op de foto staat/);
    assert.equal(await resident.page.getByLabel('Titel').inputValue(), 'Soep op woensdag');
    await resident.page
      .locator('#field-photo')
      .setInputFiles({ name: 'soep.jpg', mimeType: 'image/jpeg', buffer: photo });
    await resident.page
      .getByLabel('Wat staat er op de foto?')
      .fill('Een grote pan soep op het fornuis');
    await click(resident.page, 'Opslaan', 'button');
    const storyPath = new URL(resident.page.url()).pathname;
    assert.match(storyPath, /^\/bibliotheek\/\d+$/);
    const image = resident.page.getByRole('img', { name: 'Een grote pan soep op het fornuis' });
    await image.scrollIntoViewIfNeeded();
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 800);
    // The edit form shows the photo now, with a way to remove it.
    await click(resident.page, 'Bewerken');
    assert.equal(await resident.page.getByLabel('Foto weghalen').isChecked(), false);
    assert.deepEqual(
      resident.errors.filter((e) => !/: Failed to load resource: .* 400/.test(e)),
      [],
    );
    const violations = await audit(RESIDENT, [
      storyPath,
      `${storyPath}/bewerken`,
      `${networkPath}/bibliotheek/nieuw`,
      '/bibliotheek',
    ]);
    assert.deepEqual(violations, []);
    await resident.close();
  });
});
