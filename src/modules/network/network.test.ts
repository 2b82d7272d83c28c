import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { peopleRepository } from '#src/modules/people/repository/index.js';
import { DEMO_PASSWORD, demoAccounts, seedPeopleDemo } from '#src/modules/people/seed.js';
import { leaderScopes, memberships, people } from '#src/modules/people/tables.js';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { networkRepository } from './repository.js';
import { seedNetworkDemo } from './seed.js';
import { areas, networks, organisations } from './tables.js';

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The text of a page without tags, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The part of the page from the heading that contains `heading` to the next heading of that level or higher. */
function sectionOf(html: string, heading: string): string {
  const re = /<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g;
  let start = -1;
  let level = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const headingLevel = Number(m[1]);
    if (start < 0 && textOf(m[2] ?? '').includes(heading)) {
      start = m.index;
      level = headingLevel;
    } else if (start >= 0 && headingLevel <= level) {
      return html.slice(start, m.index);
    }
  }
  assert.ok(start >= 0, `no heading with "${heading}"`);
  return html.slice(start, html.indexOf('</main>'));
}

/** Headings start at h1, and never skip a level going down. */
function assertHeadingOrder(html: string): void {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  assert.equal(levels[0], 1, 'the first heading is an h1');
  assert.equal(levels.filter((l) => l === 1).length, 1, 'one h1');
  for (let i = 1; i < levels.length; i++) {
    assert.ok(levels[i]! <= levels[i - 1]! + 1, `heading h${levels[i]} follows h${levels[i - 1]}`);
  }
  assert.doesNotMatch(html, /<ul[^>]*>\s*<\/ul>/, 'no empty lists');
}

describe('network: directory, public pages and demo', () => {
  let t: TestApp;
  before(async () => {
    // A copy of the demo, seeded once for the whole test run.
    t = await createTestApp({}, { demo: true });
  });
  after(() => t.close());

  test('/buurten lists every network, grouped by region and municipality', async () => {
    const res = await t.app.inject('/buurten');
    assert.equal(res.statusCode, 200);
    assertHeadingOrder(res.body);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Buurtnetwerken<\/h1>/);
    const region = sectionOf(res.body, 'Regio Heuvelrand-Oost');
    assert.match(region, /<h2[^>]*>Regio Heuvelrand-Oost<\/h2>/);

    const veenhorst = sectionOf(region, 'Gemeente Veenhorst');
    assert.match(
      veenhorst,
      /<a class="utrecht-link" href="\/buurt\/maalderveld">Netwerk Maalderveld Samen<\/a>/,
    );
    assert.match(
      veenhorst,
      /<a class="utrecht-link" href="\/buurt\/heggerlo">Dorpsnetwerk Heggerlo<\/a>/,
    );
    assert.match(textOf(veenhorst), /Wijk Maalderveld/);
    assert.match(textOf(veenhorst), /Dorp Heggerlo/);
    assert.match(textOf(veenhorst), /Heggerlo is een klein dorp\./);
    assert.doesNotMatch(veenhorst, /Zonnehoek/);

    const wilgendaal = sectionOf(region, 'Gemeente Wilgendaal');
    assert.match(
      wilgendaal,
      /<a class="utrecht-link" href="\/buurt\/zonnehoek">Buurtnetwerk Zonnehoek<\/a>/,
    );
    assert.match(textOf(wilgendaal), /Wijk Zonnehoek/);
    assert.doesNotMatch(wilgendaal, /Maalderveld|Heggerlo/);

    // Municipalities in alphabetical order; only the first paragraph of a description.
    assert.ok(region.indexOf('Gemeente Veenhorst') < region.indexOf('Gemeente Wilgendaal'));
    assert.doesNotMatch(res.body, /dorpsgesprek/);
  });

  test('a network page shows contact details, organisations and listed members with roles', async () => {
    const res = await t.app.inject('/buurt/zonnehoek');
    assert.equal(res.statusCode, 200);
    // A visitor without cookies gets none: the page has no form that needs a CSRF token.
    assert.equal(res.headers['set-cookie'], undefined);
    assertHeadingOrder(res.body);
    assert.match(res.body, /<title>Buurtnetwerk Zonnehoek · Buurtkracht<\/title>/);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Buurtnetwerk Zonnehoek<\/h1>/);
    const text = textOf(res.body);
    assert.match(text, /Wijk Zonnehoek in de gemeente Wilgendaal \(Regio Heuvelrand-Oost\)/);
    assert.match(text, /We luisteren eerst naar wat er speelt\./);
    assert.match(
      res.body,
      /<a class="utrecht-link" href="mailto:info@zonnehoek\.buurtnetwerk\.example">info@zonnehoek\.buurtnetwerk\.example<\/a>/,
    );
    assert.match(res.body, /href="tel:0343000101">0343 000 101<\/a>/);
    assert.match(text, /Buurthuis De Zonnewijzer Zonnebloemstraat 12 3999 ZH Wilgendaal/);

    const organisations = textOf(sectionOf(res.body, 'Organisaties die meedoen'));
    for (const line of [
      'Basisschool De Klimboom (onderwijs)',
      'Buurtmoestuin De Groene Hoek (bewonersinitiatief)',
      'Gemeente Wilgendaal (gemeente)',
      'Politie basisteam Heuvelrand-Oost (politie)',
      'Welzijn Heuvelrand (welzijn)',
      'Woonstichting De Linde (woningcorporatie)',
    ]) {
      assert.ok(organisations.includes(line), line);
    }
    assert.doesNotMatch(organisations, /Zorggroep Het Anker/, 'not in this network');

    const membersHtml = sectionOf(res.body, 'Wie doen er mee');
    assert.match(membersHtml, /<ul class="utrecht-unordered-list">/);
    const members = textOf(membersHtml);
    for (const line of [
      'Anneke de Wit, coördinator bij Welzijn Heuvelrand',
      'Fatma Yilmaz, lid van de programmaraad',
      'Henk Bosman, lid van de programmaraad',
      'Petra Veenstra, professional bij Woonstichting De Linde',
      'Youssef Amrani, professional bij Welzijn Heuvelrand',
      'Marek Nowak, bewoner',
      'Joyce Pinas, bewoner bij Buurtmoestuin De Groene Hoek',
    ]) {
      assert.ok(members.includes(line), line);
    }
    // The coordinator first, then the council, professionals and residents.
    assert.ok(members.indexOf('Anneke de Wit') < members.indexOf('Fatma Yilmaz'));
    assert.ok(members.indexOf('Henk Bosman') < members.indexOf('Petra Veenstra'));
    assert.ok(members.indexOf('Youssef Amrani') < members.indexOf('Joyce Pinas'));
    // The page's own three headings, then the blocks of later modules that have content:
    // the demo's one upcoming public meeting, public sparks (with the way to send one) and
    // the invitation to report what goes on, the demo's neighbourhood budget rounds and its
    // decisions of the past year, and the pulse in short.
    const headings = (html: string) =>
      [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => textOf(m[1] ?? '').trim());
    assert.deepEqual(headings(res.body), [
      'Zo bereikt u ons',
      'Organisaties die meedoen',
      'Wie doen er mee',
      'Komende bijeenkomsten',
      'Vonkjes uit de buurt',
      'Wat speelt er in de buurt?',
      'Wijkbudget',
      'Besluiten van het afgelopen jaar',
      'De buurtpuls in het kort',
    ]);
    assert.match(res.body, /agenda\.ics/);
    // A network without upcoming public meetings has no heading (and no feed) for them.
    const other = await t.app.inject('/buurt/maalderveld');
    assert.equal(other.statusCode, 200);
    assert.deepEqual(headings(other.body), [
      'Zo bereikt u ons',
      'Organisaties die meedoen',
      'Wie doen er mee',
      'Vonkjes uit de buurt',
      'Wat speelt er in de buurt?',
      // Its signals of the past year make a pulse in short.
      'De buurtpuls in het kort',
    ]);
    assert.doesNotMatch(other.body, /agenda\.ics/);
  });

  test('unlisted members and email addresses never appear on any network page', async () => {
    const db = t.database.db;
    const rows = await db
      .select({
        slug: areas.slug,
        name: people.displayName,
        email: people.email,
        username: people.username,
        listed: memberships.listed,
      })
      .from(memberships)
      .innerJoin(people, eq(memberships.personId, people.id))
      .innerJoin(networks, eq(memberships.networkId, networks.id))
      .innerJoin(areas, eq(networks.areaId, areas.id));
    const unlisted = rows.filter((r) => !r.listed);
    assert.ok(unlisted.length >= 6, 'the demo has members who chose not to be listed');
    for (const slug of ['zonnehoek', 'maalderveld', 'heggerlo']) {
      const res = await t.app.inject(`/buurt/${slug}`);
      assert.equal(res.statusCode, 200);
      assertHeadingOrder(res.body);
      for (const r of rows.filter((row) => row.slug === slug)) {
        if (r.listed) assert.ok(res.body.includes(r.name), `${r.name} is listed on ${slug}`);
        else assert.ok(!res.body.includes(r.name), `${r.name} is not listed on ${slug}`);
        if (r.email) assert.ok(!res.body.includes(r.email), `no email of ${r.name}`);
        if (r.username) assert.ok(!res.body.includes(r.username), `no username of ${r.name}`);
      }
      assert.doesNotMatch(res.body, /@demo\.buurtkracht\.example/);
    }
    // Nothing of anyone's email or membership list on the directory either.
    const list = await t.app.inject('/buurten');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /@/);
  });

  test('a member whose account was erased disappears from the public page', async () => {
    const db = t.database.db;
    const before = await t.app.inject('/buurt/heggerlo');
    assert.equal(before.statusCode, 200);
    assert.ok(before.body.includes('Sven Lammers'));
    await db
      .update(people)
      .set({ erasedAt: new Date() })
      .where(eq(people.displayName, 'Sven Lammers'));
    const after = await t.app.inject('/buurt/heggerlo');
    assert.equal(after.statusCode, 200);
    assert.ok(!after.body.includes('Sven Lammers'));
  });

  test('an unknown area gets the friendly 404 page', async () => {
    const res = await t.app.inject('/buurt/bestaat-niet');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Deze pagina bestaat niet/);
    const en = await t.app.inject({ url: '/buurt/bestaat-niet', headers: { cookie: 'lang=en' } });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /This page does not exist/);
  });

  test('English works through the lang cookie', async () => {
    const list = await t.app.inject({ url: '/buurten', headers: { cookie: 'lang=en' } });
    assert.match(list.body, /<html lang="en"/);
    assert.match(list.body, /<h1 class="utrecht-heading-1">Neighbourhood networks<\/h1>/);
    assert.match(list.body, /Municipality of Veenhorst/);
    assert.match(textOf(list.body), /Village Heggerlo/);
    assert.match(textOf(list.body), /District Zonnehoek/);

    const page = await t.app.inject({ url: '/buurt/heggerlo', headers: { cookie: 'lang=en' } });
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /Village Heggerlo in the municipality of Veenhorst/);
    assert.match(text, /How to reach us/);
    assert.match(text, /Organisations taking part/);
    assert.match(text, /Zorggroep Het Anker \(care\)/);
    assert.match(text, /Vereniging Dorpsbelang Heggerlo \(residents’ organisation\)/);
    assert.match(text, /Who takes part/);
    assert.match(text, /Hanneke Wolters, coordinator at Vereniging Dorpsbelang Heggerlo/);
    assert.match(text, /Jannie ter Horst, member of the resident council/);
    assert.match(text, /Gerrit-Jan Mulder, resident/);
    assert.doesNotMatch(text, /Organisaties die meedoen|bewoner/);
  });

  test('names and texts with HTML in them come back escaped on both pages', async () => {
    const script = '<script>alert(1)</script>';
    const img = '"><img src=x onerror=alert(1)>';
    const repo = networkRepository(t.database.db);
    const regionId = await repo.insertRegion({ name: `Regio ${script}`, slug: 'xss-regio' });
    const municipalityId = await repo.insertMunicipality({
      regionId,
      name: `Gemeente ${img}`,
      slug: 'xss-gemeente',
    });
    const areaId = await repo.insertArea({
      municipalityId,
      name: `Wijk ${img}`,
      kind: 'buurt',
      slug: 'xss-buurt',
    });
    const networkId = await repo.insertNetwork({
      areaId,
      name: `Netwerk ${script}${img}`,
      description: `Over ons ${script} en ${img}`,
      contactEmail: `a${img}@x.example`,
      contactPhone: `030 ${img}`,
      contactAddress: `Straat ${script}`,
    });
    const organisationId = await repo.insertOrganisation({
      name: `Organisatie ${script}${img}`,
      type: 'other',
    });
    await repo.insertNetworkOrganisation(networkId, organisationId);
    const people = peopleRepository(t.database.db);
    const person = await people.insertPerson({
      displayName: `Lid ${script}${img}`,
      email: 'xss@demo.buurtkracht.example',
      username: null,
      passwordHash: 'not-a-hash',
    });
    await people.insertMembership({
      personId: person.id,
      networkId,
      role: 'professional',
      organisationId,
      listed: true,
    });

    for (const url of ['/buurten', '/buurt/xss-buurt']) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.ok(!res.body.includes(script), `${url}: no raw script tag`);
      assert.ok(!res.body.includes('<img src=x'), `${url}: no raw img tag`);
      // Preact escapes `<`, `&` and (in attributes) `"`; a lone `>` in text is harmless.
      assert.ok(res.body.includes('&lt;script>alert(1)&lt;/script>'), `${url}: escaped`);
      assert.ok(res.body.includes('&quot;>&lt;img src=x onerror=alert(1)>'), `${url}: escaped`);
      assert.ok(textOf(res.body).includes(`Regio ${script}`) || url !== '/buurten', url);
      assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, `${url}: no inline scripts`);
    }
    const page = await t.app.inject('/buurt/xss-buurt');
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.ok(text.includes(`Lid ${script}${img}, professional bij Organisatie ${script}${img}`));
    assert.ok(text.includes(`Organisatie ${script}${img} (anders)`));
    // Attribute values stay inside their quotes.
    assert.doesNotMatch(page.body, /href="[^"]*"><img/);
    // A stored contact value that is not an address or a number is shown, but not linked.
    assert.doesNotMatch(page.body, /href="(mailto|tel):/);
    assert.ok(text.includes(`a${img}@x.example`));
    assert.ok(text.includes(`030 ${img}`));
  });

  test('the demo holds about forty people in every role, the admin, both leaders and the username resident', async () => {
    const db = t.database.db;
    const everyone = await db.select().from(people);
    const demo = everyone.filter(
      (p) => p.email?.endsWith('@demo.buurtkracht.example') || p.username,
    );
    const demoPeople = demo.filter((p) => p.email !== 'xss@demo.buurtkracht.example');
    assert.ok(demoPeople.length >= 38 && demoPeople.length <= 42, `${demoPeople.length} people`);

    // One hash for all, argon2id, and it opens with the demo password.
    const hashes = new Set(demoPeople.map((p) => p.passwordHash));
    assert.equal(hashes.size, 1);
    const [passwordHash] = [...hashes];
    assert.match(passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verify(passwordHash!, DEMO_PASSWORD), true);

    const admins = demoPeople.filter((p) => p.isAdmin);
    assert.equal(admins.length, 1);

    const usernameOnly = demoPeople.filter((p) => p.username && !p.email);
    assert.equal(usernameOnly.length, 1);
    assert.equal(usernameOnly[0]?.username, 'gerritjan');

    const scopes = await db.select().from(leaderScopes);
    assert.equal(scopes.filter((s) => s.municipalityId && !s.regionId).length, 1);
    assert.equal(scopes.filter((s) => s.regionId && !s.municipalityId).length, 1);

    const rows = await db
      .select({
        personId: memberships.personId,
        networkId: memberships.networkId,
        role: memberships.role,
        organisationId: memberships.organisationId,
        listed: memberships.listed,
      })
      .from(memberships)
      .innerJoin(people, eq(memberships.personId, people.id));
    const demoIds = new Set(demoPeople.map((p) => p.id));
    const demoMemberships = rows.filter((r) => demoIds.has(r.personId));
    const byNetwork = groupBy(demoMemberships, (r) => r.networkId);
    assert.equal(byNetwork.size, 3);
    for (const [networkId, list] of byNetwork) {
      const count = (role: string) => list.filter((m) => m.role === role).length;
      assert.equal(count('coordinator'), 1, `network ${networkId}: one coordinator`);
      assert.ok(count('professional') >= 2 && count('professional') <= 3, `network ${networkId}`);
      const residents = count('resident') + count('council');
      assert.ok(residents >= 6 && residents <= 9, `network ${networkId}: ${residents} residents`);
      assert.ok(count('council') >= 2 && count('council') <= 3, `network ${networkId}: council`);
      assert.ok(
        list.filter((m) => m.role === 'professional').every((m) => m.organisationId !== null),
        'professionals belong to an organisation',
      );
      assert.ok(list.some((m) => m.listed) && list.some((m) => !m.listed));
    }
    const perPerson = groupBy(demoMemberships, (r) => r.personId);
    assert.equal([...perPerson.values()].filter((l) => l.length === 2).length, 1);

    const organisationCount = (await db.select().from(organisations)).length;
    assert.ok(organisationCount >= 8, `${organisationCount} organisations`);

    // Every account on the login page exists, one per role.
    const roles = new Set(demoAccounts.map((a) => a.role));
    for (const role of [
      'admin',
      'coordinator',
      'professional',
      'resident',
      'council',
      'leader',
      'usernameResident',
    ]) {
      assert.ok(roles.has(role as never), role);
    }
    for (const a of demoAccounts) {
      const person = demoPeople.find((p) => p.email === a.login || p.username === a.login);
      assert.ok(person, a.login);
    }

    // Calling the seeds again changes nothing.
    await seedNetworkDemo(db);
    await seedPeopleDemo(db);
    assert.equal((await db.select().from(people)).length, everyone.length);
  });
});
