import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { TestClient } from '#test/helpers/app.js';
import { setUpBudgetPages } from '#test/helpers/budgeting.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { csvCell, parseAddressList } from './address-list.js';
import { budgetingRepository } from './repository.js';

/** The text drawn on a pdf-lib PDF: its (deflated) content streams, hex strings decoded. */
function pdfText(pdf: Buffer): string {
  let text = '';
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      const content = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
        text += `${Buffer.from(hex[1]!, 'hex').toString('latin1')}\n`;
    } catch {
      // not a deflated stream (an image)
    }
  }
  return text;
}

describe('budgeting: codes from an address list', () => {
  const { state, base, pub, votingRound, setPhase, submit } = setUpBudgetPages();
  const addresses = ['Merelstraat 12, 1234 AB Zonnehoek', 'Lijsterlaan 3a', 'Vinkenlaan 40'];
  const list = Buffer.from(
    `\ufeffMerelstraat 12;1234 AB Zonnehoek\r\n\r\n"Lijsterlaan 3a"\r\nVinkenlaan 40\r\n`,
  );

  test('the list is parsed one address a line; problems name their line', () => {
    const parsed = parseAddressList(list.toString('utf8'), 10);
    assert.deepEqual(parsed, { ok: true, addresses });
    assert.deepEqual(parseAddressList('\n \n', 10), { ok: false, problem: 'empty' });
    assert.deepEqual(parseAddressList('a\nb\nc', 2), { ok: false, problem: 'tooMany' });
    assert.deepEqual(parseAddressList(`a\n${'x'.repeat(201)}`, 10), {
      ok: false,
      problem: 'tooLong',
      line: 2,
    });
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell('Merelstraat 12'), 'Merelstraat 12');
  });

  test('one code per address; the letters carry the addresses; a ballot leads to none; gone after voting', async () => {
    const { t, coordinator, resident } = state;
    const { roundId, ids } = await votingRound(0);
    const roundPage = `${base()}/${roundId}`;
    await coordinator.get(roundPage);
    assert.match(coordinator.lastHtml, /Adressenlijst/);
    // An empty file: 400 with the field named, nothing made.
    const empty = await postMultipart(t, coordinator, `${roundPage}/codes/adressen`, {
      list: { filename: 'leeg.csv', contentType: 'text/csv', data: Buffer.from('\r\n') },
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Kies een bestand met minstens één adres/);
    assert.equal((await budgetingRepository(t.database.db).countCodes(roundId)).total, 0);
    // Not for a resident.
    await resident.get(`${pub(roundId)}`);
    const denied = await postMultipart(t, resident, `${roundPage}/codes/adressen`, {
      list: { filename: 'a.csv', contentType: 'text/csv', data: list },
    });
    assert.equal(denied.statusCode, 403);

    await coordinator.get(roundPage);
    const made = await postMultipart(t, coordinator, `${roundPage}/codes/adressen`, {
      list: { filename: 'adressen.csv', contentType: 'text/csv', data: list },
    });
    assert.equal(made.statusCode, 303, made.body.slice(0, 500));
    const repo = budgetingRepository(t.database.db);
    assert.equal((await repo.countCodes(roundId)).total, 3);
    assert.equal(await repo.countAddresses(roundId), 3);
    // Sealed: a copy of the database shows no address.
    const dump = JSON.stringify(await t.database.db.execute(sql`select * from budget_codes`));
    for (const a of addresses) assert.ok(!dump.includes(a.slice(0, 10)), 'address in the clear');

    const print = await coordinator.get(`${roundPage}/codes/print`);
    for (const a of addresses) assert.ok(print.body.includes(a), `print page: ${a}`);
    const csv = await coordinator.get(`${roundPage}/codes.csv`);
    const rows = csv.body.trim().split('\r\n').slice(1);
    assert.deepEqual(rows.map((r) => r.split(';')[2]).sort(), [...addresses].sort());
    const pdf = await coordinator.get(`${roundPage}/codes.pdf`);
    assert.equal(pdf.statusCode, 200);
    const text = pdfText(pdf.rawPayload);
    for (const a of addresses) assert.ok(text.includes(a), `letter for ${a}`);
    const codes = rows.map((r) => r.split(';')[0]!);
    for (const c of codes) assert.ok(text.includes(c), `letter with code ${c}`);

    // A resident votes with the first letter's code: the ballot carries no code, so nothing
    // leads from it to an address.
    const voter = new TestClient(t.app);
    await voter.get(`${pub(roundId)}/stemmen`);
    const cast = await submit(voter, roundId, {
      code: codes[0]!,
      choice: [String(ids[0])],
      key: 'k-address-test-0123456789',
    });
    assert.equal(cast.statusCode, 303, cast.body.slice(0, 300));
    const columns = await t.database.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'budget_ballots'`,
    );
    const names = (columns as unknown as { rows: { column_name: string }[] }).rows.map(
      (r) => r.column_name,
    );
    assert.deepEqual(names.sort(), ['cast_on', 'choices', 'id', 'receipt', 'round_id']);

    // The voting phase ends: the addresses are gone; the letters no longer carry them.
    await setPhase(roundId, 'counting');
    assert.equal(await repo.countAddresses(roundId), 0);
    const after = await coordinator.get(`${roundPage}/codes/print`);
    for (const a of addresses) assert.ok(!after.body.includes(a), `still printed: ${a}`);
  });

  test('the coordinator erases the addresses with a button, audited', async () => {
    const { t, coordinator } = state;
    const { roundId } = await votingRound(0);
    const roundPage = `${base()}/${roundId}`;
    await coordinator.get(roundPage);
    await postMultipart(t, coordinator, `${roundPage}/codes/adressen`, {
      list: { filename: 'adressen.txt', contentType: 'text/plain', data: list },
    });
    const page = await coordinator.get(roundPage);
    assert.match(page.body, /Er zijn nog 3 adressen bewaard voor de brieven/);
    const erased = await coordinator.post(
      `${roundPage}/codes/adressen/wissen`,
      {},
      { from: roundPage },
    );
    assert.equal(erased.statusCode, 303);
    const repo = budgetingRepository(t.database.db);
    assert.equal(await repo.countAddresses(roundId), 0);
    assert.equal((await repo.countCodes(roundId)).total, 3, 'the codes stay');
    const audit = await t.database.db.execute(
      sql`select 1 from audit_log where action = 'budget.codes.addresses.erase'`,
    );
    assert.equal((audit as unknown as { rows: unknown[] }).rows.length, 1);
  });
});
