import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_RULE, parsePabulib, RULES, tally } from '#src/pb/index.js';
import { createTestApp, type TestApp, TestClient } from '#test/helpers/app.js';
import { assertRuleChoices } from '#test/helpers/budgeting.js';
import { calculatorOutcome, uploadToCalculator } from '#test/helpers/calculator.js';
import { postMultipart } from '#test/helpers/multipart.js';
import { countPabulib } from './calculator.js';

/** Nine voters, four projects, a budget that does not fit everything: greedy and MES differ. */
const SMALL = `META
key;value
description;Wijkbudget <i>Testwijk</i>
budget;900
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name
1;600;Speeltuin
2;250;Moestuin
3;300;Buurtfeest
4;150;Bankjes
VOTES
voter_id;vote
v1;1
v2;1,2
v3;1,2
v4;1
v5;3
v6;3,4
v7;4
v8;3
v9;2,1
`;

/** A file large enough that counting it takes a while: 80 projects, 40,000 voters. */
function largeFile(): string {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lines = ['META', 'key;value', 'budget;100000', 'vote_type;approval', 'PROJECTS'];
  lines.push('project_id;cost;name');
  for (let p = 1; p <= 80; p++) lines.push(`${p};${1000 + Math.floor(random() * 9000)};Plan ${p}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= 40_000; v++) {
    const chosen = new Set<number>();
    while (chosen.size < 6) chosen.add(1 + Math.floor(random() ** 2 * 80));
    lines.push(`${v};${[...chosen].join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a share of voters is never shown as 100 % when one voter is left out', () => {
  // 249 of 250 voters chose the funded plan: 99.6 %, which whole percents round to 100 %.
  const votes = Array.from({ length: 250 }, (_, v) => `v${v};${v === 0 ? 2 : 1}`);
  const file = `META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;100\n2;100\nVOTES\nvoter_id;vote\n${votes.join('\n')}\n`;
  const result = countPabulib(file, 'greedy');
  assert.ok(result.ok);
  assert.equal(result.byLang.nl.coverage, '99,6%');
  assert.equal(result.byLang.en.coverage, '99.6%');
});

describe('the calculator (rekenhulp)', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const upload = (data: Buffer | string, rule: string, filename?: string) =>
    uploadToCalculator(t, data, rule, filename);

  test('anyone may open the form: every rule of the engine is offered', async () => {
    const page = await new TestClient(t.app).get('/rekenhulp');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /type="file"/);
    for (const rule of RULES.keys()) assert.ok(page.body.includes(`value="${rule}"`), rule);
  });

  test('the rules are described in the page language: on the form and with the outcome', async () => {
    const dutch = await new TestClient(t.app).get('/rekenhulp');
    assert.doesNotMatch(dutch.body, /Fund projects by score|Method of Equal Shares|Sequential/);
    // Every rule, the default first: the order of the engine's registry otherwise.
    const rules = [DEFAULT_RULE, ...[...RULES.keys()].filter((r) => r !== DEFAULT_RULE)];
    assertRuleChoices(dutch.body, rules, 'nl');
    const english = new TestClient(t.app);
    english.setCookie('lang', 'en');
    assertRuleChoices((await english.get('/rekenhulp')).body, rules, 'en');
    // The outcome of a count says in Dutch how it was counted.
    const { visitor, response } = await upload(SMALL, 'phragmen');
    const counted = await calculatorOutcome(visitor, response);
    assert.ok(counted.body.includes(RULES.get('phragmen')!.description.nl));
    assert.doesNotMatch(counted.body, /Sequential Phragmén|gelijke delen/);
  });

  test('a small file: the outcome of the chosen rule, explained, with greedy beside it', async () => {
    const instance = parsePabulib(SMALL).instance;
    const name = (id: string) => instance.projects.find((p) => p.id === id)!.fields.name!;
    const seen = new Set<string>();
    for (const rule of ['equalshares/add1', 'greedy']) {
      const { visitor, response } = await upload(SMALL, rule);
      const page = await calculatorOutcome(visitor, response);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('<i>Testwijk'), 'the description is not escaped');
      const [funded, rest] = page.body.split('Deze plannen krijgen geen geld');
      const expected = tally(instance, rule).selected;
      for (const p of instance.projects) {
        const shown = name(p.id);
        assert.equal(funded!.includes(`${shown} — `), expected.includes(p.id), `${rule} ${p.id}`);
        assert.equal(rest!.includes(`${shown} — `), !expected.includes(p.id), `${rule} ${p.id}`);
      }
      assert.match(page.body, /9 bewoners stemden\. Budget €\s900,/);
      // Greedy beside the rule, unless greedy was the rule.
      assert.equal(/Vergeleken met de meeste stemmen eerst/.test(page.body), rule !== 'greedy');
      const spec = RULES.get(rule)!;
      assert.ok(page.body.includes(`Manier van tellen: ${spec.title.nl} (${rule}).`), rule);
      assert.match(page.body, /krijgt geld|krijgt geen geld/);
      seen.add(expected.join(','));
    }
    assert.equal(seen.size, 2, 'the example should tell greedy and equal shares apart');
  });

  test('one vote reads "1 stem", and amounts keep their cents', async () => {
    const file = [
      'META',
      'key;value',
      'budget;150.6',
      'currency;EUR',
      'vote_type;approval',
      'PROJECTS',
      'project_id;cost;name',
      'a;150.7;Bankjes',
      'b;100.4;Moestuin',
      'VOTES',
      'voter_id;vote',
      '1;a',
      '2;a',
      '3;b',
    ].join('\n');
    const { visitor, response } = await upload(file, 'greedy');
    const page = await calculatorOutcome(visitor, response);
    assert.match(page.body, /Moestuin — €\s100,40 — 1 stem</);
    assert.match(page.body, /Bankjes — €\s150,70 — 2 stemmen</);
    assert.ok(!page.body.includes('1 stemmen'));
  });

  test('a broken file is refused with its line, in Dutch; an unknown rule is refused', async () => {
    const broken = SMALL.replace('2;250;Moestuin', '2;veel;Moestuin');
    const { response } = await upload(broken, 'greedy');
    assert.equal(response.statusCode, 400);
    assert.match(
      response.body,
      /Het bestand klopt niet op regel 10: de kosten \(kolom cost\) moeten een getal van 0 of meer zijn, maar er staat &quot;veel&quot;/,
    );
    const noSections = await upload('hallo\nwereld\n', 'greedy');
    assert.equal(noSections.response.statusCode, 400);
    assert.match(noSections.response.body, /regel 1: hier hoort de naam van een deel te staan/);
    // A rule that needs a META key the file lacks: refused like a fault of the file.
    const needs = await upload(SMALL, 'greedy-threshold');
    assert.equal(needs.response.statusCode, 400);
    assert.match(
      needs.response.body,
      /Het bestand klopt niet op regel 1: de manier van tellen greedy-threshold heeft META &quot;min_project_score_threshold&quot; nodig/,
    );
    // The reader's English wording never reaches the Dutch page.
    for (const page of [response, noSections.response, needs.response])
      assert.doesNotMatch(page.body, /found &quot;|the section title|a META &quot;/);
    const rule = await upload(SMALL, 'rule<script>');
    assert.equal(rule.response.statusCode, 400);
    assert.match(rule.response.body, /Kies een manier van tellen/);
    const empty = await upload('', 'greedy');
    assert.equal(empty.response.statusCode, 400);
    assert.match(empty.response.body, /Kies een pabulib-bestand/);
  });

  test('every refusal of the reader reads in the page language, naming its field', async () => {
    // One fault of each kind the calculator can meet in an uploaded file.
    const faults: [string, RegExp, RegExp][] = [
      [
        SMALL.replace('v5;3', 'v1;3'),
        /Het bestand klopt niet op regel 19: stemmer-id &quot;v1&quot; komt twee keer voor\. Elke stemmer heeft een eigen id nodig\./,
        /The file is not right at line 19: expected a unique voter id, &quot;v1&quot; repeats\./,
      ],
      [
        SMALL.replace('v7;4', 'v7;9'),
        /noemt project &quot;9&quot;, maar dat project staat niet bij PROJECTS/,
        /a project id from PROJECTS, found &quot;9&quot;/,
      ],
      [
        SMALL.replace('budget;900', 'budget;negen'),
        /META &quot;budget&quot; moet een getal van 0 of meer zijn, maar er staat &quot;negen&quot;/,
        /a META &quot;budget&quot; that is a finite number/,
      ],
      [
        SMALL.replace('v8;3', 'v8;3;extra'),
        /deze regel heeft 3 velden, maar de kopregel van VOTES heeft er 2/,
        /2 fields separated by &quot;;&quot; as in the VOTES header, found 3/,
      ],
      [
        // Points: which of the two counts for project 2 would be a guess.
        'META\nkey;value\nbudget;900\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;600\n2;250\nVOTES\nvoter_id;vote;points\nv1;1;2\nv2;2,2;1,1\n',
        /noemt project &quot;2&quot; twee keer. Bij stemmen van het soort cumulative mag dat niet/,
        /each project once per cumulative ballot, &quot;2&quot; repeats/,
      ],
    ];
    for (const [file, dutch, english] of faults) {
      const { response } = await upload(file, 'greedy');
      assert.equal(response.statusCode, 400);
      assert.match(response.body, dutch);
      assert.doesNotMatch(response.body, english);
    }
    // The same faults on the English page, in the command line's words.
    const visitor = new TestClient(t.app);
    await visitor.get('/rekenhulp');
    await visitor.post('/taal', { lang: 'en', back: '/rekenhulp' });
    for (const [file, dutch, english] of faults) {
      const response = await postMultipart(t, visitor, '/rekenhulp', {
        rule: 'greedy',
        file: { filename: 'votes.pb', contentType: 'text/plain', data: Buffer.from(file) },
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, english);
      assert.doesNotMatch(response.body, dutch);
    }
  });

  test('what the reader accepted with a remark is said on the outcome, in the page language', async () => {
    const repeated = SMALL.replace('v9;2,1', 'v9;2,1,2');
    const { visitor, response } = await upload(repeated, 'greedy');
    const page = await calculatorOutcome(visitor, response);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<div class="utrecht-alert utrecht-alert--warning" role="note"><p class="utrecht-paragraph">In 1 stem staat een project meer dan één keer. Het telt dan één keer mee. Het gaat om: stemmer v9 \(regel 23: project 2\).<\/p><\/div>/,
    );
    const several = SMALL.replace('vote_type;approval', 'vote_type;choose-1');
    const choose1 = await upload(several, 'greedy');
    const page1 = await calculatorOutcome(choose1.visitor, choose1.response);
    assert.match(page1.body, /kiest elke stemmer één project, maar 4 stemmen noemen er meer/);
    assert.match(page1.body, /De eerste: stemmer v2 \(regel 16: projecten 1,2\)/);
    // Nothing to remark: no alert.
    const plain = await upload(SMALL, 'greedy');
    const page2 = await calculatorOutcome(plain.visitor, plain.response);
    assert.doesNotMatch(page2.body, /utrecht-alert--warning/);
  });

  test('a file over the limit: 413 with a clear message, nothing counted', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const { response } = await upload(big, 'greedy');
    assert.equal(response.statusCode, 413);
    assert.match(
      response.body,
      /Het bestand is te groot\. U kunt een bestand tot 5 MB gebruiken\./,
    );
  });

  test('an empty file is named as empty, not as missing', async () => {
    const { response } = await upload('', 'greedy', 'leeg.pb');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Het bestand leeg\.pb is leeg\./);
    assert.doesNotMatch(response.body, /Kies een pabulib-bestand\./);
  });

  test('an unknown count answers 404; a long count runs beside other requests', async () => {
    const gone = await new TestClient(t.app).get('/rekenhulp/AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /Deze telling is er niet/);
    const visitor = new TestClient(t.app);
    await visitor.get('/rekenhulp');
    let counted = false;
    const started = Date.now();
    const posting = postMultipart(t, visitor, '/rekenhulp', {
      rule: 'equalshares/add1',
      file: { filename: 'groot.pb', contentType: 'text/plain', data: Buffer.from(largeFile()) },
    }).then((r) => {
      counted = true;
      return r;
    });
    // While the file is read and counted, the app keeps answering.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await new TestClient(t.app).get('/healthz');
    assert.equal(health.statusCode, 200);
    assert.ok(!counted, `the count was done before the health check (${Date.now() - started} ms)`);
    const page = await calculatorOutcome(visitor, await posting);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /40000 bewoners stemden|40\.000 bewoners stemden/);
  });
});
