// Sharing requests wait on the one moderation page (issue 8 item 5, decision 0009): the
// coordinator sees the title, the start of the text, who asked and what was asked; approves
// (the asked level becomes the visibility) or refuses (the request goes; the author is told
// why); a decision on a request that changed since it was shown changes nothing. The old
// page answers 301; the overview counts the requests.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestApp } from '#test/helpers/app.js';
import { rows } from '#test/helpers/database.js';
import {
  LIBRARY_ACTORS,
  type LibraryPagesState,
  setUpLibraryPages,
} from '#test/helpers/library.js';
import { EXCERPT_LENGTH } from './publication.js';
import { libraryRepository } from './repository.js';

describe('library: sharing requests on the moderation page', () => {
  const bed = setUpLibraryPages({ addressPrefix: '10.33.0' });
  const { client, a, write, queue, decide } = bed;
  let t: TestApp;
  let world: LibraryPagesState['world'];
  const find = async (id: number) => (await libraryRepository(t.database.db).findItem(id))!;
  /** Audited decisions on an item, oldest first. */
  const audited = async (id: number) =>
    (
      await rows<{ action: string }>(
        t,
        sql`select action from audit_log where object_type = 'library_item'
            and object_id = ${String(id)} and result = 'ok' order by id`,
      )
    ).map((r) => r.action);
  const mailsAbout = (word: string) =>
    rows<{ recipient: string; subject: string; body: string }>(
      t,
      sql`select recipient, subject, body from outbox where body like ${`%${word}%`}`,
    );

  /** A lesson of the resident, asked for `visibility`. */
  const asked = (title: string, visibility: string, body?: string) =>
    write(client('resident'), a(), {
      kind: 'lesson',
      title,
      body: body ?? `${title}: wat we samen leerden in de buurt.`,
      visibility,
    });

  before(() => {
    ({ t, world } = bed.state);
  });

  test('the page lists a request with its title, the start of its text, who asked and what', async () => {
    const long = `${'Buren kookten samen op vrijdag. '.repeat(20)}slotwoordnietgetoond`;
    const id = await asked('Samen koken', 'municipality', long);
    const page = await client('coordinator').get(queue());
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /Bibliotheek, vraag om breder te delen: Samen koken/);
    assert.match(
      html,
      /Les\. Vraagt: zichtbaar voor de buurtnetwerken in onze gemeente\. Nu zichtbaar voor ons buurtnetwerk\./,
    );
    assert.ok(long.length > EXCERPT_LENGTH);
    assert.match(html, /Buren kookten samen op vrijdag\./);
    assert.doesNotMatch(html, /slotwoordnietgetoond/, 'only the start of a long text');
    assert.match(html, new RegExp(`href="/bibliotheek/${id}"[^>]*>Lees het hele bericht<`));
    assert.match(html, new RegExp(`Van ${world.people.resident.displayName},`));
    assert.match(html, /name="version" value="municipality\.[0-9a-f]{16}"/);
    // The author has an account: a refusal needs a reason.
    assert.match(html, new RegExp(`id="field-reason-library-${id}"[^>]*required`));
    // Every kind together on the unfiltered page, and in the kind filter.
    const all = (await client('coordinator').get(`/netwerk/${a()}/moderatie`)).body;
    assert.match(all, /Samen koken/);
    assert.match(all, /<option value="library"[^>]*>Bibliotheek, vraag om breder te delen</);
    // Decided, it leaves the page.
    assert.equal(
      (await decide(client('coordinator'), id, 'publiceren', { version: 'municipality' }))
        .statusCode,
      303,
    );
    assert.doesNotMatch((await client('coordinator').get(queue())).body, /Samen koken/);
  });

  test('approving: the asked level becomes the visibility; audited as library.approve', async () => {
    const id = await asked('Buurtsoep', 'region', 'De buurtsoep bracht soepwoordproef samen.');
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${id}`)).statusCode, 404);
    const done = await decide(client('coordinator'), id, 'publiceren', { version: 'region' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/netwerk/${a()}/moderatie`);
    const item = await find(id);
    assert.deepEqual([item.visibility, item.requestedVisibility], ['region', null]);
    assert.equal((await client('coordinatorC').get(`/bibliotheek/${id}`)).statusCode, 200);
    assert.match(
      (await client('coordinatorC').get('/zoeken?q=soepwoordproef')).body,
      /<mark>soepwoordproef<\/mark>/,
    );
    assert.deepEqual(await audited(id), ['library.approve']);
    assert.match(
      (await client('coordinator').get(queue())).body,
      /Goedgekeurd: het bericht is nu breder te zien/,
    );
    // Decided once: it no longer waits.
    const again = await decide(client('coordinator'), id, 'publiceren', { version: 'region' });
    assert.equal(again.statusCode, 404);
  });

  test('refusing needs a reason (400, nothing changed); with one the request goes, the item stays as it was and the author is mailed why', async () => {
    // Shared with the municipality already, now asked for the region.
    const id = await asked('Wijkfeest', 'municipality', 'Het wijkfeest: feestwoordproef.');
    await decide(client('coordinator'), id, 'publiceren', { version: 'municipality' });
    await client('resident').get(`/bibliotheek/${id}`);
    const ask = await client('resident').post(`/bibliotheek/${id}/delen`, { visibility: 'region' });
    assert.equal(ask.statusCode, 303);
    assert.equal((await find(id)).requestedVisibility, 'region');

    const empty = await decide(client('coordinator'), id, 'afwijzen', {
      version: 'region',
      reason: ' ',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Schrijf op waarom u het bericht afwijst/);
    assert.equal((await find(id)).requestedVisibility, 'region', 'nothing changed');

    const reason = 'Er staan namen van buren in; haal die eerst weg.';
    const done = await decide(client('coordinator'), id, 'afwijzen', { version: 'region', reason });
    assert.equal(done.statusCode, 303);
    const item = await find(id);
    assert.deepEqual([item.visibility, item.requestedVisibility], ['municipality', null]);
    const mails = await mailsAbout('feestwoordproef');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient, world.people.resident.email);
    assert.match(mails[0]!.body, /Er staan namen van buren in/);
    // In the words of sharing, not of publishing: the item was public to its network already.
    assert.equal(mails[0]!.subject, 'Uw bericht op Buurtkracht wordt niet breder gedeeld');
    assert.match(mails[0]!.body, /deelt dit bericht van u niet breder dan nu/);
    assert.match(mails[0]!.body, /Wijkfeest/);
    assert.deepEqual(await audited(id), ['library.approve', 'library.reject']);
    assert.match((await client('coordinator').get(queue())).body, /Het bericht is afgewezen/);
  });

  test('a decision on a request that changed since it was shown (or without the shown level) changes nothing and says so', async () => {
    const id = await asked('Buurtbus', 'municipality');
    const page = await client('coordinator').get(queue());
    assert.match(page.body, /name="version" value="municipality\.[0-9a-f]{16}"/);
    // Meanwhile the author asks for the region.
    await client('resident').get(`/bibliotheek/${id}`);
    await client('resident').post(`/bibliotheek/${id}/delen`, { visibility: 'region' });

    const stale = await decide(client('coordinator'), id, 'publiceren', {
      version: 'municipality',
    });
    assert.equal(stale.statusCode, 303);
    assert.deepEqual(
      [(await find(id)).visibility, (await find(id)).requestedVisibility],
      ['network', 'region'],
    );
    const told = (await client('coordinator').get(queue())).body;
    assert.match(told, /Dit bericht is intussen veranderd\. Er is niets besloten\./);
    assert.match(told, /name="version" value="region\.[0-9a-f]{16}"/);

    const reason = 'Dit past niet bij de regio, sorry.';
    const staleRefusal = await decide(client('coordinator'), id, 'afwijzen', {
      version: 'municipality',
      reason,
    });
    assert.equal(staleRefusal.statusCode, 303);
    assert.equal((await find(id)).requestedVisibility, 'region');
    assert.equal((await mailsAbout('sorry')).length, 0, 'nobody mailed');
    const blind = await decide(client('coordinator'), id, 'publiceren', {});
    assert.equal(blind.statusCode, 303);
    assert.equal((await find(id)).visibility, 'network');
    assert.deepEqual(await audited(id), []);

    const done = await decide(client('coordinator'), id, 'publiceren', { version: 'region' });
    assert.equal(done.statusCode, 303);
    assert.equal((await find(id)).visibility, 'region');
  });

  test('a text the author changes while the request waits is not approved unseen', async () => {
    const id = await asked('Buurtfeest', 'municipality');
    const seen = bed.shownVersion((await client('coordinator').get(queue())).body, id);
    assert.ok(seen?.startsWith('municipality.'), `version shown: ${seen}`);
    // Meanwhile the author rewrites the text; the request for the municipality stays.
    await client('resident').get(`/bibliotheek/${id}/bewerken`);
    const edited = await client('resident').post(
      `/bibliotheek/${id}/bewerken`,
      { title: 'Buurtfeest', body: 'Nu met het adres van de buren erin.', extra: '', themes: '' },
      { from: `/bibliotheek/${id}/bewerken` },
    );
    assert.equal(edited.statusCode, 303, edited.body.slice(0, 300));
    assert.equal((await find(id)).requestedVisibility, 'municipality');

    const stale = await decide(client('coordinator'), id, 'publiceren', { version: seen });
    assert.equal(stale.statusCode, 303);
    assert.equal((await find(id)).visibility, 'network', 'the new text is not shared unseen');
    assert.match(
      (await client('coordinator').get(queue())).body,
      /Dit bericht is intussen veranderd\. Er is niets besloten\./,
    );
    // Seen again, it can be decided.
    const done = await decide(client('coordinator'), id, 'publiceren', {
      version: 'municipality',
    });
    assert.equal(done.statusCode, 303);
    assert.equal((await find(id)).visibility, 'municipality');
  });

  test('who decides: the same people as before (library.approve = moderation.handle), others 403/404; CSRF kept', async () => {
    const id = await asked('Repaircafé', 'region');
    // The old page's role check and the moderation page's give the same answer to everyone
    // (the coordinators of A and the administrator); the old page sends them on with 301.
    for (const actor of LIBRARY_ACTORS) {
      const old = await client(actor).get(`/netwerk/${a()}/bibliotheek/goedkeuren`);
      const now = await client(actor).get(queue());
      if (old.statusCode === 301) {
        assert.equal(now.statusCode, 200, actor);
        assert.equal(old.headers.location, `/netwerk/${a()}/moderatie?soort=library`);
      } else {
        assert.equal(now.statusCode, old.statusCode, actor);
        assert.notEqual(now.statusCode, 200, actor);
      }
    }
    const deciders = [];
    for (const actor of LIBRARY_ACTORS) {
      if ((await client(actor).get(queue())).statusCode === 200) deciders.push(actor);
    }
    assert.deepEqual(deciders, ['coordinator', 'admin']);
    const status = async (actor: (typeof LIBRARY_ACTORS)[number]) =>
      (await client(actor).get(queue())).statusCode;
    assert.equal(await status('resident'), 403);
    assert.equal(await status('council'), 403);
    assert.equal(await status('coordinatorB'), 404);

    // Posting: a member who is no coordinator 403, another network's coordinator 404.
    await client('resident').get('/');
    const member = await client('resident').post(
      `/netwerk/${a()}/moderatie/wacht/library/${id}/publiceren`,
      { version: 'region' },
    );
    assert.equal(member.statusCode, 403);
    const foreign = await decide(client('coordinatorB'), id, 'afwijzen', {
      version: 'region',
      reason: 'Niet van ons netwerk.',
    });
    assert.equal(foreign.statusCode, 404);
    // B's own page with A's item: not found there either.
    await client('coordinatorB').get('/');
    const own = await client('coordinatorB').post(
      `/netwerk/${world.networks.b.id}/moderatie/wacht/library/${id}/publiceren`,
      { version: 'region' },
    );
    assert.equal(own.statusCode, 404);
    // Without the form's token: refused, nothing changed.
    const forged = await decide(client('coordinator'), id, 'publiceren', {
      version: 'region',
      _csrf: 'wrong',
    });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(
      [(await find(id)).visibility, (await find(id)).requestedVisibility],
      ['network', 'region'],
    );
    // An item that asks nothing does not wait: 404.
    const quiet = await asked('Stil', 'network');
    assert.equal(
      (await decide(client('coordinator'), quiet, 'publiceren', { version: 'network' })).statusCode,
      404,
    );
  });

  test('the overview counts the requests for the coordinator and links to the page; the library links there too', async () => {
    const waiting = await libraryRepository(t.database.db).countRequests(a());
    assert.ok(waiting > 0);
    const overview = (await client('coordinator').get(`/netwerk/${a()}`)).body;
    const badge = new RegExp(
      `<span class="bk-overview__label">Vragen om breder te delen</span><span class="bk-count">${waiting}</span>`,
    );
    assert.match(overview, badge);
    assert.match(overview, /href="\/netwerk\/\d+\/moderatie\?soort=library"/);
    const residentOverview = await client('resident').get(`/netwerk/${a()}`);
    assert.equal(residentOverview.statusCode, 200);
    assert.doesNotMatch(residentOverview.body, /Vragen om breder te delen/);
    const library = (await client('coordinator').get('/bibliotheek')).body;
    assert.match(library, new RegExp(`href="/netwerk/${a()}/moderatie\\?soort=library"`));
    assert.doesNotMatch(library, /bibliotheek\/goedkeuren/);
  });
});
