import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { experimentsModule } from '#src/modules/experiments/index.js';
import { networkModule } from '#src/modules/network/index.js';
import { peopleModule } from '#src/modules/people/index.js';
import { searchModule } from '#src/modules/search/index.js';
import type { Actor } from '#src/platform/actor.js';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { libraryModule } from './index.js';

describe('learning demo: experiments in every status, stories, cases, lessons shared to the region', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await networkModule.seed!(db);
    await peopleModule.seed?.(db);
    await experimentsModule.seed!(db);
    await libraryModule.seed!(db);
  });
  after(() => t.close());

  const count = async (query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: Record<string, number>[] })
      .rows[0]!;

  test('every status, logbooks, responses from other networks, lessons shared to the region', async () => {
    const c = await count(sql`select
      (select count(distinct status)::int from experiments) as statuses,
      (select count(*)::int from experiment_log_entries) as entries,
      (select count(*)::int from library_items where kind = 'story') as stories,
      (select count(*)::int from library_responses r join library_items i on i.id = r.item_id
         where r.author_network_id <> i.network_id) as foreign_responses,
      (select count(*)::int from library_responses where helped) as helped,
      (select count(*)::int from library_items where kind = 'lesson' and visibility = 'region') as region_lessons,
      (select count(*)::int from reflections) as reflections`);
    assert.equal(c.statuses, 4);
    assert.ok(c.entries! >= 10);
    assert.ok(c.stories! >= 2);
    assert.ok(c.foreign_responses! >= 3);
    assert.ok(c.helped! >= 1);
    assert.ok(c.region_lessons! >= 2);
    assert.equal(c.reflections, 0);
  });

  test('a member of another municipality finds the region lesson by a word from it, not the network one', async () => {
    const db = t.database.db;
    const maalderveld = (await networkModule.api.networks(db).findNetworkBySlug('maalderveld'))!;
    const member = (await peopleModule.api.directory(db).listMembers(maalderveld.id))[0]!;
    const actor: Actor = {
      personId: member.personId,
      displayName: member.name,
      isAdmin: false,
      memberships: [
        {
          networkId: maalderveld.id,
          role: member.role,
          organisationId: null,
          networkName: maalderveld.name,
          slug: maalderveld.slug,
        },
      ],
      leaderOf: { municipalityIds: [], regionIds: [] },
    };
    const providers = [experimentsModule.search!, libraryModule.search!];
    const search = searchModule.api.service(db, providers);
    const zonnehoek = (await networkModule.api.networks(db).findNetworkBySlug('zonnehoek'))!;
    const found = await search.search(actor, { text: 'partytent' }, 1);
    // From Zonnehoek (another municipality) only the lesson shared with the region; the
    // rest is Maalderveld's own experiment.
    assert.deepEqual(
      found.hits.filter((h) => h.networkId === zonnehoek.id).map((h) => [h.type, h.title]),
      [['lesson', 'Een vaste plek en tijd maken het makkelijk om aan te schuiven']],
    );
    assert.ok(found.hits.every((h) => [zonnehoek.id, maalderveld.id].includes(h.networkId)));
    const hidden = await search.search(actor, { text: 'vonkjes energie' }, 1);
    assert.equal(hidden.total, 0);
    const anonymous = await search.search(undefined, { text: 'koelkast' }, 1);
    assert.deepEqual(
      anonymous.hits.map((h) => h.title),
      ['De koelkast van mevrouw Jansen'],
    );
  });
});
