// The results page's explanations (issue 13): every sentence about a plan names it by its
// title and never by its internal id, says "plan" as every budget page does, and is true
// of its case — a plan nobody voted for, a plan that costs nothing, a tie; what is left of
// the budget is said once. Pure: the engine's count of small rounds, through presentResults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tally } from '#src/pb/index.js';
import { translator } from '#src/platform/i18n/index.js';
import { buildInstance } from './ballot.js';
import { presentResults } from './presenters.js';
import type { RoundRow } from './repository.js';

/** Ids far from any amount or count in the sentences, so a leaked id stands out. */
const TITLES: Record<number, string> = {
  9101: 'Speeltuin',
  9102: 'Moestuin',
  9103: 'Bankjes',
};

/** A round of three plans (costs in cents) counted with `rule`; ballots as lists of ids. */
function results(rule: string, costs: number[], ballots: number[][], budgetCents: number) {
  const round = {
    id: 1,
    title: 'Wijkbudget Proef',
    budgetCents,
    ballotType: 'approval-budget',
    rule,
    pointsTotal: 0,
    maxSelections: 0,
    minSelections: 0,
  } as const;
  const proposals = costs.map((costCents, k) => ({
    id: 9101 + k,
    title: TITLES[9101 + k]!,
    costCents,
  }));
  const instance = buildInstance(
    round,
    'Testwijk',
    proposals,
    ballots.map((b, k) => ({
      id: `b${k}`,
      choices: Object.fromEntries(b.map((id) => [String(id), 1])),
    })),
  );
  const stored = {
    // As the count does (service.countVotes): the round's tie-breaking, `default` here.
    outcome: tally(instance, rule, { ties: 'default' }),
    greedy: tally(instance, 'greedy', { ties: 'default' }),
    ballots: ballots.length,
  };
  const names = Object.fromEntries(proposals.map((p) => [String(p.id), p.title]));
  const page = (lang: 'nl' | 'en') =>
    presentResults(
      translator(lang),
      lang,
      '/buurt/x/wijkbudget/1',
      round as unknown as RoundRow,
      stored,
      names,
      null,
      '/rekenhulp',
    );
  return { nl: page('nl'), en: page('en') };
}

const CASES = {
  /** Bankjes: nobody voted for it. */
  noVotes: [[40_000, 30_000, 20_000], [[9101, 9102], [9101], [9102]], 100_000],
  /** Speeltuin and Moestuin: same cost, same votes, money for one. */
  tie: [[50_000, 50_000, 10_000], [[9101], [9101], [9102], [9102]], 50_000],
  /** Bankjes costs nothing (a pabulib file may say so; a round refuses it, see below). */
  zeroCost: [[100_000, 50_000, 0], [[9103, 9102], [9103], [9101, 9102], [9101]], 150_000],
} as const;

describe('the explanations on the results page', () => {
  for (const rule of ['equalshares/add1', 'greedy']) {
    for (const [name, [costs, ballots, budget]] of Object.entries(CASES)) {
      test(`${rule}, ${name}: every sentence names titles, none an id`, () => {
        const vm = results(
          rule,
          [...costs],
          ballots.map((b) => [...b]),
          budget,
        );
        for (const [lang, page] of Object.entries(vm)) {
          for (const row of page.rows) {
            assert.ok(row.explanation.length > 1, `${lang} ${row.title}: explained`);
            for (const line of row.explanation) {
              assert.ok(
                Object.values(TITLES).some((title) => line.includes(`"${title}"`)),
                `${lang}: a sentence without a title: ${line}`,
              );
              assert.doesNotMatch(line, /91\d\d/, `${lang}: an internal id in: ${line}`);
              assert.doesNotMatch(
                line,
                /project|voorstel/i,
                `${lang}: not the page's word: ${line}`,
              );
            }
            // The sentence about the plan itself comes first and names it.
            assert.ok(row.explanation[0]!.startsWith(`"${row.title}" `), row.explanation[0]);
          }
          const all = [...page.election, ...page.rows.flatMap((r) => r.explanation)].join(' ');
          assert.doesNotMatch(all, /blijft .* over|is left over/, `${lang}: leftover said twice`);
        }
      });
    }
  }

  test('true of each case: nobody voted, a tie, no cost', () => {
    const line = (vm: ReturnType<typeof results>, title: string) =>
      vm.nl.rows.find((r) => r.title === title)!.explanation.join(' ');
    // Nobody voted for Bankjes: equal shares funds it not and says why; greedy funds what
    // fits, and says nobody voted for it, so funding is not read as support.
    const mesNone = results(
      'equalshares/add1',
      [40_000, 30_000, 20_000],
      [[9101, 9102], [9101], [9102]],
      100_000,
    );
    assert.equal(
      line(mesNone, 'Bankjes'),
      '"Bankjes" krijgt geen geld. Niemand stemde op "Bankjes".',
    );
    const greedyNone = results(
      'greedy',
      [40_000, 30_000, 20_000],
      [[9101, 9102], [9101], [9102]],
      100_000,
    );
    assert.equal(greedyNone.nl.rows.find((r) => r.title === 'Bankjes')!.funded, true);
    assert.match(
      line(greedyNone, 'Bankjes'),
      /^"Bankjes" krijgt geld\. Niemand stemde op "Bankjes"\./,
    );
    // A tie: the plan submitted first (the lower id) goes first, and the sentence says so.
    const tie = results(
      'greedy',
      [50_000, 50_000, 10_000],
      [[9101], [9101], [9102], [9102]],
      50_000,
    );
    assert.match(
      line(tie, 'Moestuin'),
      /Gelijke stand tussen "Speeltuin" en "Moestuin": "Speeltuin" ging voor, omdat het eerder was ingediend\./,
    );
    assert.deepEqual(
      tie.nl.funded.map((r) => r.title),
      ['Speeltuin'],
    );
    assert.match(
      tie.en.rows.find((r) => r.title === 'Moestuin')!.explanation.join(' '),
      /because it was submitted earlier/,
    );
    // No cost: equal shares cannot choose it and says so; greedy funds it at € 0.
    const free = results(
      'equalshares/add1',
      [100_000, 50_000, 0],
      [[9103, 9102], [9103], [9101, 9102], [9101]],
      150_000,
    );
    assert.match(
      line(free, 'Bankjes'),
      /"Bankjes" kost niets\. .*een plan zonder kosten kan er niet mee gekozen worden/,
    );
  });
});
