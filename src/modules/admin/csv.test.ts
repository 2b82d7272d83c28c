// The CSV import's reading: spreadsheet habits (a BOM, Windows line ends, capitals in the
// header, quoted commas and line breaks) are fine; a broken file, wrong columns, an unknown
// kind of organisation and a slug used twice are named by file, row and field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { translator } from '#src/platform/i18n/index.js';
import { createTestApp, type TestApp } from '#test/helpers/app.js';
import { exportPlaces, importPlaces } from './csv.js';

const nl = translator('nl');
const by = { actorId: null, origin: 'test' };

describe('CSV import', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a file as a spreadsheet saves it: BOM, CRLF, capitals, quoted commas and line breaks', async () => {
    const result = await importPlaces(
      t.database.db,
      {
        regions: '\uFEFFSlug,Name\r\nrivierenland,"Rivierenland, Gelderland"\r\n',
        municipalities: 'SLUG,NAME,REGION\r\ntiel,Tiel,rivierenland\r\n',
        areas: 'slug,name,kind,municipality\r\ntiel-west,Tiel West,Wijk,tiel\r\n',
        networks:
          'area,name,description,contact_email,contact_phone,contact_address,public\r\ntiel-west,Netwerk West,"Regel een\r\nRegel twee",,,"Buurthuis\r\nStraat 1",JA\r\n',
        organisations: 'name,type,website,networks\r\nWelzijn Tiel,Welfare,,tiel-west\r\n',
      },
      nl,
      by,
    );
    assert.equal(result.ok, true, result.ok ? '' : result.errors.join('\n'));
    const rows = (
      (await t.database.db.execute(
        sql`select r.name as region, n.description, n.contact_address, n.is_public
            from networks n join areas a on a.id = n.area_id
            join municipalities m on m.id = a.municipality_id join regions r on r.id = m.region_id`,
      )) as unknown as { rows: Array<Record<string, unknown>> }
    ).rows;
    assert.deepEqual(rows, [
      {
        region: 'Rivierenland, Gelderland',
        description: 'Regel een\r\nRegel twee',
        contact_address: 'Buurthuis\r\nStraat 1',
        is_public: true,
      },
    ]);
    // What was imported exports and imports again unchanged.
    const exported = await exportPlaces(t.database.db);
    const again = await importPlaces(t.database.db, exported, nl, by);
    assert.equal(again.ok, true);
    assert.deepEqual(await exportPlaces(t.database.db), exported);
  });

  test('errors name the file, the row and the field, in Dutch; nothing is saved', async () => {
    const before = await exportPlaces(t.database.db);
    const broken = await importPlaces(
      t.database.db,
      { regions: 'slug,name\n"kapot,Kapot\n' },
      nl,
      by,
    );
    assert.equal(broken.ok, false);
    assert.match(
      broken.ok ? '' : broken.errors[0]!,
      /^regions\.csv: dit bestand kan niet worden gelezen/,
    );

    const columns = await importPlaces(t.database.db, { areas: 'slug,naam\nx,X\n' }, nl, by);
    assert.match(
      columns.ok ? '' : columns.errors[0]!,
      /areas\.csv: de kolommen kloppen niet\. Gebruik precies deze kolommen: slug, name, kind, municipality\./,
    );

    const rows = await importPlaces(
      t.database.db,
      {
        regions: 'slug,name\nnoord,Noord\nNoord,Nog een keer\nmet spatie,Fout\n',
        organisations: 'name,type,website,networks\nClub,sportclub,,\n',
      },
      nl,
      by,
    );
    assert.equal(rows.ok, false);
    assert.deepEqual(rows.ok ? [] : rows.errors, [
      'regions.csv, rij 3, veld slug: staat al in rij 2. Elke waarde mag maar één keer voorkomen.',
      'regions.csv, rij 4, veld slug: Gebruik voor het webadres alleen kleine letters, cijfers en streepjes, zoals oost-achterhoek.',
      'organisations.csv, rij 2, veld type: Gebruik een van deze soorten: municipality, welfare, housing, care, education, police, residents_organisation, resident_initiative, other.',
    ]);
    assert.deepEqual(await exportPlaces(t.database.db), before, 'nothing saved');
  });
});
