// The calculator's limits as a visitor meets them: a count that runs past its time is
// stopped and answered as the file's weight (400, in the page language, the limit named),
// never as a server error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '#src/config.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { calculatorOutcome, uploadToCalculator } from '#test/helpers/calculator.js';

/** 40,000 ballots over 80 projects: far more than a count may take in 0.05 s. */
function heavyFile(): string {
  const lines = ['META', 'key;value', 'budget;100000', 'vote_type;approval', 'PROJECTS'];
  lines.push('project_id;cost');
  for (let p = 1; p <= 80; p++) lines.push(`${p};${1000 + ((p * 7919) % 9000)}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= 40_000; v++) {
    lines.push(`${v};${1 + (v % 80)},${1 + ((v * 7) % 80)},${1 + ((v * 13) % 80)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the calculator past its time limit', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ CALCULATOR_TIMEOUT_SECONDS: '0.05' });
  });
  after(() => t.close());

  for (const [lang, rule, expected] of [
    [
      'nl',
      'equalshares/add1',
      'Het tellen van zwaar.pb duurde langer dan 0,05 seconden en is gestopt. Het bestand heeft veel plannen of stemmen. Kies een snellere manier van tellen, zoals meeste stemmen eerst (greedy), of tel een kleiner bestand.',
    ],
    [
      'en',
      'equalshares/add1',
      'Counting zwaar.pb took longer than 0.05 seconds and was stopped. The file has many plans or votes. Choose a faster way of counting, such as most votes first (greedy)',
    ],
    // Greedy was chosen already: the advice is a smaller file, not greedy.
    [
      'nl',
      'greedy',
      'Het bestand heeft veel plannen of stemmen. Tel een kleiner bestand, met minder plannen of stemmen.',
    ],
  ] as const) {
    test(`a stopped count answers 400 with the limit and advice (${lang}, ${rule})`, async () => {
      const visitor = new TestClient(t.app);
      if (lang === 'en') visitor.setCookie('lang', 'en');
      const { response } = await uploadToCalculator(t, heavyFile(), rule, 'zwaar.pb', visitor);
      const page = await calculatorOutcome(visitor, response);
      assert.equal(page.statusCode, 400);
      assert.ok(page.body.includes(expected), page.body.slice(0, 3000));
      assert.match(
        page.body,
        lang === 'nl' ? /<h1[^>]*>Het tellen is gestopt</ : /<h1[^>]*>Counting stopped</,
      );
      assert.match(page.body, /href="\/rekenhulp"/);
    });
  }
});

describe('the calculator and files of many projects', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** Projects `count` of cost 1, budget 10, one voter for the first: a tie of them all. */
  const tied = (count: number) =>
    [
      'META',
      'key;value',
      'budget;10',
      'vote_type;approval',
      'PROJECTS',
      'project_id;cost',
      ...Array.from({ length: count }, (_, k) => `${k + 1};1`),
      'VOTES',
      'voter_id;vote',
      'v1;1',
      '',
    ].join('\n');

  /** Counts `file` with greedy: the outcome page, or the form's answer when it refused. */
  async function count(file: string) {
    const { visitor, response } = await uploadToCalculator(t, file, 'greedy', 'veel.pb');
    return response.statusCode === 303 ? calculatorOutcome(visitor, response) : response;
  }

  test('2,000 projects in one tie: an outcome page that grows with the projects, not their square', async () => {
    // Each project's explanation named all 2,000 tied projects: a 97 MB page.
    const page = await count(tied(2000));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /en 1\.99\d andere plannen/);
    assert.ok(page.body.length < 3_000_000, `${page.body.length} characters`);
  });

  test('more projects than the calculator counts: 400, saying how many it takes', async () => {
    const page = await count(tied(2001));
    assert.equal(page.statusCode, 400);
    assert.match(
      page.body,
      /Dit bestand heeft 2\.001 plannen\. De rekenhulp telt bestanden met hoogstens 2\.000 plannen\./,
    );
  });
});

test('the time limit is a setting: 120 seconds unless set, and a wrong value is named', () => {
  assert.equal(loadConfig({}).calculatorTimeoutSeconds, 120);
  assert.equal(loadConfig({ CALCULATOR_TIMEOUT_SECONDS: '300' }).calculatorTimeoutSeconds, 300);
  for (const wrong of ['0', '-1', 'lang', '4000'])
    assert.throws(
      () => loadConfig({ CALCULATOR_TIMEOUT_SECONDS: wrong }),
      /CALCULATOR_TIMEOUT_SECONDS/,
    );
});
