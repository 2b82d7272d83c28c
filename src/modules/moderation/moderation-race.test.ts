// Moderation's check-then-change under concurrency (issue 9, item 5): a coordinator hiding
// and the author withdrawing the same spark at the same moment — exactly one of them takes it
// down, and its reports are closed once. On PostgreSQL the two run on two connections:
// node scripts/run-tests.mjs --pg <this file>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createMailer } from '#src/platform/mail.js';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { createWorld } from '#test/helpers/factories.js';
import { sparkModeration } from '../sparks/moderation.js';
import { sparksRepository } from '../sparks/repository.js';
import { moderationService } from './service.js';

describe('moderation under concurrency', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await createTestApp();
    world = await createWorld(t.database.db);
  });
  after(() => t.close());

  test('hide and withdraw at once: one wins, the spark is down once, audited once (5 tries)', async () => {
    const db = t.database.db;
    const service = moderationService({
      db,
      mailer: createMailer({ smtpUrl: undefined }),
      providers: [sparkModeration],
      siteUrl: 'http://127.0.0.1',
    });
    for (let round = 0; round < 5; round++) {
      const id = await sparksRepository(db).insertSpark({
        networkId: world.networks.a.id,
        authorId: world.people.resident.id,
        text: `Een vonkje om te verbergen ${round}`,
        isPublic: true,
        status: 'published',
      });
      const item = (await service.findItem('spark', id))!;
      await service.report(item, 'Dit noemt een buurvrouw', null, '10.0.0.1');
      const [hidden, withdrawn] = await Promise.all([
        service.hide(world.people.coordinator.id, item, 'Noemt iemand bij naam', '10.0.0.2'),
        service.withdraw(world.people.resident.id, item, '10.0.0.3'),
      ]);
      assert.equal(Number(hidden) + Number(withdrawn), 1, `round ${round}`);
      const result = (await db.execute(
        sql`select status, (select count(*)::int from audit_log where object_type = 'spark' and object_id = ${String(id)} and action in ('moderation.hide', 'moderation.withdraw')) as actions,
            (select count(*)::int from moderation_reports where object_id = ${id} and handled_at is null) as open
            from sparks where id = ${id}`,
      )) as unknown as { rows: { status: string; actions: number; open: number }[] };
      assert.deepEqual(result.rows[0], {
        status: hidden ? 'hidden' : 'withdrawn',
        actions: 1,
        open: 0,
      });
    }
  });
});
