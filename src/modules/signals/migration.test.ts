import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '#src/db/client.js';
import { migrationsFolder } from '#src/db/migrate.js';
import { networks } from '#src/modules/network/tables.js';
import { createTestDatabase } from '#test/helpers/database.js';
import { createMunicipality, createNetwork, createRegion } from '#test/helpers/factories.js';
import { signalsRepository } from './repository/index.js';
import { signalsService } from './service/index.js';

/** The data-moving statements of the migration that gave signals its own settings tables. */
function dataMoves(): string[] {
  // Found by name, not number: migrations are renumbered when branches merge.
  const name = readdirSync(migrationsFolder).find((f) =>
    f.endsWith('_signal_themes_and_settings.sql'),
  );
  assert.ok(name, 'the migration file exists');
  const file = readFileSync(`${migrationsFolder}/${name}`, 'utf8');
  return file
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => /^(?:--[^\n]*\n)*\s*(?:INSERT|UPDATE)\b/.test(s));
}

describe('signals migration: settings move out of networks.settings', () => {
  let database: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  test('extra themes (in order, duplicates once) and the retention period move; the rest stays', async () => {
    const db = database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, region.id);
    const a = await createNetwork(db, municipality.id);
    const b = await createNetwork(db, municipality.id);
    const c = await createNetwork(db, municipality.id);
    const set = (id: number, json: string) =>
      db.execute(sql`update networks set settings = ${json}::jsonb where id = ${id}`);
    await set(
      a.id,
      JSON.stringify({
        extraThemes: ['Zwerfafval', 'zwerfafval', ' ', 'Hondenpoep'],
        retentionMonths: 6,
        other: 'blijft',
      }),
    );
    await set(b.id, JSON.stringify({ retentionMonths: 0, extraThemes: 'geen lijst' }));
    const moves = dataMoves();
    assert.equal(moves.length, 3, 'themes, retention, clean-up');
    for (const statement of moves) await db.execute(sql.raw(statement));

    const repo = signalsRepository(db);
    assert.deepEqual(await repo.listThemes(a.id), ['Zwerfafval', 'Hondenpoep']);
    assert.deepEqual(await repo.listThemes(b.id), []);
    assert.equal(await repo.findRetentionMonths(a.id), 6);
    assert.equal(await repo.findRetentionMonths(b.id), undefined, 'an invalid value is not moved');
    assert.equal(await repo.findRetentionMonths(c.id), undefined);
    const settingsOf = async (id: number) =>
      (await db.select({ s: networks.settings }).from(networks).where(eq(networks.id, id)))[0]!.s;
    assert.deepEqual(await settingsOf(a.id), { other: 'blijft' });
    assert.deepEqual(await settingsOf(b.id), {});
    assert.deepEqual(await settingsOf(c.id), {});
    // A theme added afterwards comes last.
    assert.equal(await signalsService(db).addTheme(a.id, 'Verkeer'), 'ok');
    assert.equal(await signalsService(db).addTheme(a.id, 'HONDENPOEP'), 'exists');
    assert.deepEqual(await repo.listThemes(a.id), ['Zwerfafval', 'Hondenpoep', 'Verkeer']);
  });
});
