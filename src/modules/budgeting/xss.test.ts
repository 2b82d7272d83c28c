// Hostile text in every proposal field and in the round's own fields, followed through every
// page that shows it, the letters (PDF and print page), the codes CSV and the pabulib export.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePabulib, tally } from '#src/pb/index.js';
import { TestClient } from '#test/helpers/app.js';
import { setUpBudgetPages } from '#test/helpers/budgeting.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { budgetingRepository } from './repository.js';
import type { StoredResult } from './service.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x.example";"klik")';
/** What must never appear in a page: the payloads as markup. */
const RAW = [/<script>alert\(1\)/, /<img src=x onerror/];

function assertEscaped(body: string, where: string) {
  for (const raw of RAW) assert.doesNotMatch(body, raw, where);
  assert.match(body, /&lt;script(&gt;|>)alert\(1\)&lt;\/script/, `${where}: shown as text`);
}

describe('budgeting: hostile text on every page, in the letters, the CSV and pabulib', () => {
  const { state, base, pub, createRound, review, setPhase, submit } = setUpBudgetPages();

  test('proposal and round fields with markup, line breaks, ; and formulas stay text everywhere', async () => {
    const { t, coordinator, resident } = state;
    const roundId = await createRound({ title: `Ronde ${SCRIPT}` });
    const titles = [
      `Bankje ${SCRIPT}`,
      `Speeltuin ${IMG}`,
      `Naam%0aregel; met puntkomma "aanhalingstekens"`,
      FORMULA,
    ];
    const ids: number[] = [];
    for (const [k, title] of titles.entries()) {
      const response = await resident.post(
        `${base()}/${roundId}/voorstellen/nieuw`,
        {
          title,
          description: `Omschrijving ${SCRIPT}\nregel twee; ${IMG}`,
          place: `Plein ${IMG}`,
          cost: String(1000 + k * 500),
        },
        { from: `${base()}/${roundId}/voorstellen/nieuw` },
      );
      assert.equal(response.statusCode, 303, response.body.slice(0, 400));
      const proposals = await budgetingRepository(t.database.db).listProposals(roundId);
      ids.push(proposals.find((p) => p.title === title)!.id);
    }
    for (const id of ids) {
      const p = (await budgetingRepository(t.database.db).findProposal(roundId, id))!;
      const ok = await review(roundId, id, {
        decision: 'accepted',
        reason: `Kan ${SCRIPT}`,
        cost: String(p.costCents / 100),
        costReason: '',
      });
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    }
    assertEscaped((await coordinator.get(`${base()}/${roundId}`)).body, 'member round page');
    await setPhase(roundId, 'voting');
    const made = await coordinator.post(
      `${base()}/${roundId}/codes`,
      { count: '3' },
      { from: `${base()}/${roundId}` },
    );
    assert.equal(made.statusCode, 303);

    // The letters: the round's title as text on the print page and in the PDF.
    assertEscaped((await coordinator.get(`${base()}/${roundId}/codes/print`)).body, 'letters');
    const pdf = await coordinator.get(`${base()}/${roundId}/codes.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.doesNotMatch(pdf.rawPayload.toString('latin1'), /<script>|\/JavaScript|\/JS\b/);
    const csv = await coordinator.get(`${base()}/${roundId}/codes.csv`);
    const codes = csv.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';')[0]!);
    assert.equal(codes.length, 3);

    // The public pages and the voting steps.
    const visitor = new TestClient(t.app);
    assertEscaped((await visitor.get(pub(roundId))).body, 'public round page');
    await visitor.get(`${pub(roundId)}/stemmen`);
    const ballot = await visitor.post(`${pub(roundId)}/stemmen`, { code: codes[0]! }, {});
    assert.equal(ballot.statusCode, 200, ballot.body.slice(0, 300));
    assertEscaped(ballot.body, 'ballot');
    const key = /name="key" value="([^"]+)"/.exec(ballot.body)![1]!;
    const reviewPage = await visitor.post(`${pub(roundId)}/stemmen/controle`, {
      code: codes[0]!,
      key,
      choice: ids.map(String),
    });
    assert.equal(reviewPage.statusCode, 200, reviewPage.body.slice(0, 300));
    for (const raw of RAW) assert.doesNotMatch(reviewPage.body, raw, 'review page');
    assert.match(reviewPage.body, /Bankje &lt;script/, 'review page: as text');
    for (const [k, code] of codes.entries()) {
      const cast = await submit(visitor, roundId, {
        code,
        key: `xss-ballot-${k}-0123456789`,
        choice: ids.slice(0, k + 2).map(String),
      });
      assert.equal(cast.statusCode, 303, cast.body.slice(0, 300));
    }

    await setPhase(roundId, 'counting');
    const counted = await coordinator.post(
      `${base()}/${roundId}/tellen`,
      {},
      { from: `${base()}/${roundId}` },
    );
    assert.equal(counted.statusCode, 303);
    assertEscaped((await visitor.get(`${pub(roundId)}/uitslag`)).body, 'results page');
    assertEscaped(
      (await visitor.get(`/buurt/${state.world.networks.a.slug}`)).body,
      'network page',
    );

    // The pabulib export: a name with ';', quotes or a formula does not break the file; it
    // parses back with the engine's parser, with the same names and the same outcome.
    const exported = await visitor.get(`${pub(roundId)}/uitslag.pb`);
    assert.equal(exported.statusCode, 200);
    const { instance } = parsePabulib(exported.body);
    const round = (await budgetingRepository(t.database.db).findRound(
      state.world.networks.a.id,
      roundId,
    ))!;
    assert.equal(instance.meta.description, round.title);
    assert.deepEqual(instance.projects.map((p) => p.fields.name).sort(), [...titles].sort());
    assert.equal(instance.ballots.length, 3);
    // The same file in the calculator: the names are text there too.
    await visitor.get('/rekenhulp');
    const upload = await postMultipart(t, visitor, '/rekenhulp', {
      rule: round.rule,
      file: { filename: `${IMG}.pb`, contentType: 'text/plain', data: exported.rawPayload },
    });
    assert.equal(upload.statusCode, 303, upload.body.slice(0, 300));
    // A busy machine may take longer than the form waits: the page refreshes until done.
    let counted2 = await visitor.get(String(upload.headers.location));
    for (let k = 0; k < 40 && counted2.headers.refresh !== undefined; k++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      counted2 = await visitor.get(String(upload.headers.location));
    }
    assert.equal(counted2.statusCode, 200);
    assertEscaped(counted2.body, 'calculator outcome');
    const stored = round.result as StoredResult;
    assert.deepEqual(
      [...tally(instance, round.rule).selected].sort(),
      [...stored.outcome.selected].sort(),
    );
  });
});
