import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PabulibError, parsePabulib } from './pabulib.js';
import { writePabulib } from './pabulib-write.js';
import { buildProfile } from './profile.js';
import { pabulibDir } from './test-helpers.js';

const SAMPLE = [
  '\uFEFFMETA',
  'key;value',
  'budget;100,5',
  'vote_type;cumulative',
  'comment;"#1: a ""quoted""; text"',
  'PROJECTS',
  'project_id;cost;name;category',
  '1;60,5;"Bankjes; groen";park',
  '2;40;Speeltuin;play',
  'VOTES',
  'voter_id;vote;points;age',
  'a;1,2;3,2;34',
  'b;;;51',
].join('\r\n');

test('reads quoting, a byte-order mark, comma decimals, empty ballots and extra columns', () => {
  const inst = parsePabulib(SAMPLE).instance;
  assert.equal(inst.meta.budget, '100,5');
  assert.equal(inst.meta.comment, '#1: a "quoted"; text');
  assert.equal(inst.projects[0]?.cost, 60.5);
  assert.equal(inst.projects[0]?.fields.name, 'Bankjes; groen');
  assert.deepEqual(inst.ballots[0], {
    voterId: 'a',
    projects: ['1', '2'],
    points: [3, 2],
    fields: { age: '34' },
  });
  assert.deepEqual(inst.ballots[1]?.projects, []);
  assert.equal(buildProfile(inst).budget, 100.5);
  // Cumulative score is the sum of points; votes count voters.
  assert.deepEqual([...buildProfile(inst).scores], [3, 2]);
});

test('lines ending in LF, CRLF or a lone CR (old Mac files) read the same, faults at the same line', () => {
  const lines = [
    'META',
    'key;value',
    'budget;100',
    'vote_type;approval',
    'PROJECTS',
    'project_id;cost',
    '1;60',
    '2;30',
    'VOTES',
    'voter_id;vote',
    'a;1,2',
    'b;2',
  ];
  const read = (text: string) => {
    const fromText = parsePabulib(text).instance;
    const fromBytes = parsePabulib(new TextEncoder().encode(text)).instance;
    assert.deepEqual(fromBytes.ballots, fromText.ballots);
    return fromText.ballots;
  };
  const lf = read(lines.join('\n'));
  assert.equal(lf.length, 2);
  assert.deepEqual(read(lines.join('\r\n')), lf);
  assert.deepEqual(read(lines.join('\r')), lf);
  // An unknown project on line 12 is reported there, whatever ends the lines.
  const bad = [...lines.slice(0, -1), 'b;3'];
  for (const end of ['\n', '\r\n', '\r']) {
    for (const input of [bad.join(end), new TextEncoder().encode(bad.join(end))]) {
      assert.throws(
        () => parsePabulib(input),
        (e: unknown) => e instanceof PabulibError && e.line === 12,
        JSON.stringify(end),
      );
    }
  }
});

test('writing then reading gives the same instance', () => {
  const inst = parsePabulib(SAMPLE).instance;
  assert.deepEqual(parsePabulib(writePabulib(inst)).instance, inst);
});

test('malformed input names the line and what was expected', () => {
  const bad = (text: string, line: number, re: RegExp) => {
    assert.throws(
      () => parsePabulib(text),
      (e: unknown) => e instanceof PabulibError && e.line === line && re.test(e.message),
    );
  };
  const head = 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;5\n';
  bad(`${head}VOTES\nvoter_id;vote\nx;1,9\n`, 9, /project id from PROJECTS.*"9"/);
  bad(`${head}VOTES\nvoter_id;vote\nx;1;extra\n`, 9, /2 fields/);
  bad(
    'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;five\n',
    6,
    /cost that is a finite number/,
  );
  bad('hello\n', 1, /section title/);
  bad(`${head}VOTES\nvoter_id;vote\nx;"1\n`, 9, /closing double quote/);
  // Item 10 of issue 10: refused with a line number, never a stack trace.
  bad('META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;1e400\n', 6, /finite number/);
  bad(
    'META\nkey;value\nbudget;1e400\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n',
    3,
    /budget/,
  );
  const cumulative =
    'META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\n2;5\n';
  bad(`${cumulative}VOTES\nvoter_id;vote;points\nx;1,2;3,-1\n`, 11, /points of 0 or more/);
  bad(`${cumulative}VOTES\nvoter_id;vote;points\nx;1,2;3,1e400\n`, 11, /finite number of points/);
  // A repeat in a cumulative ballot is ambiguous (add the points? take one?): refused.
  bad(`${cumulative}VOTES\nvoter_id;vote;points\nx;1,1;3,2\n`, 11, /once per cumulative ballot/);
  // A missing part is named where it is missing, not on line 1 with a fault found later.
  bad(
    'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;5\n',
    6,
    /VOTES section, found the end of the file/,
  );
  bad(
    'META\nkey;value\nbudget;10\nVOTES\nvoter_id;vote\nx;1\n',
    4,
    /PROJECTS section before VOTES/,
  );
  bad(
    `META\nkey;value\ndescription;d\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n`,
    1,
    /"budget" with the amount to share, found none/,
  );
});

test('a project repeated in an approval ballot counts once, with a warning (an error with strict)', () => {
  // Warsaw 2022/2026 district files hold ballots like `147,1040,1040`.
  const text =
    'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;5\n2;5\nVOTES\nvoter_id;vote\nx;1,2,2\ny;2\nz;1,1\n';
  const { instance, warnings } = parsePabulib(text);
  assert.deepEqual(
    instance.ballots.map((b) => b.projects),
    [['1', '2'], ['2'], ['1']],
  );
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.kind, 'repeated-project');
  assert.equal(warnings[0]?.count, 2);
  assert.deepEqual(warnings[0]?.first, [
    { voterId: 'x', line: 10, project: '2' },
    { voterId: 'z', line: 12, project: '1' },
  ]);
  assert.equal(buildProfile(instance).votes[1], 2, 'project 2 has two votes, not three');
  assert.throws(
    () => parsePabulib(text, { strict: true }),
    (e: unknown) => e instanceof PabulibError && e.line === 10 && /"2" repeats/.test(e.message),
  );
});

test('ordinal ballots score by Borda: first of L places gets L points', () => {
  const inst = parsePabulib(
    'META\nkey;value\nbudget;10\nvote_type;ordinal\nmax_length;3\nPROJECTS\nproject_id;cost\na;1\nb;1\nc;1\nVOTES\nvoter_id;vote\n1;a,b,c\n2;b,a\n',
  ).instance;
  assert.deepEqual([...buildProfile(inst).scores], [3 + 2, 2 + 3, 1]);
});

test('a real ordinal election parses with every ballot and its Borda scores', {
  skip: !pabulibDir(),
}, () => {
  const text = readFileSync(join(pabulibDir() as string, 'Poland_Krakow_2024.pb'), 'utf8');
  const inst = parsePabulib(text).instance;
  assert.equal(inst.ballots.length, 65101);
  // Borda score recomputed from the ballots matches the file's score column.
  const p = buildProfile(inst);
  inst.projects.forEach((pr, c) => {
    assert.equal(p.scores[c], Number(pr.fields.score));
  });
});

test('a repeated voter id is refused at its second line, before faults on later lines', () => {
  const file = (rows: string[]) =>
    ['META', 'key;value', 'budget;10', 'PROJECTS', 'project_id;cost', '1;5', 'VOTES']
      .concat(['voter_id;vote'], rows)
      .join('\n');
  // Lines: VOTES header is line 8, so the ballots are on lines 9, 10, 11, …
  const cases: [string[], number, string][] = [
    [['7;1', '8;1', '7;1'], 11, 'a unique voter id, "7" repeats'],
    [['7;1', '7;1', '9;2'], 10, 'a unique voter id, "7" repeats'],
    [['a;1', 'b;1', 'a;1'], 11, 'a unique voter id, "a" repeats'],
    [['7;1', '8;2'], 10, 'a project id from PROJECTS, found "2"'],
    // An empty id (a spreadsheet's trailing ";") was one more voter, lowering every share.
    [['7;1', ';1'], 10, 'a voter id'],
    [['7;1', ' ;'], 10, 'a voter id'],
  ];
  for (const [rows, line, reason] of cases) {
    for (const fast of [true, false]) {
      assert.throws(
        () => parsePabulib(file(rows), { fast }),
        (err: unknown) => {
          assert.ok(err instanceof PabulibError, String(err));
          assert.equal(err.line, line, `${rows.join(' | ')} (fast: ${fast})`);
          assert.match(err.message, new RegExp(reason.replace(/[()"]/g, '.')));
          return true;
        },
      );
    }
  }
  // 100,000 distinct numeric ids read fine (the repeat check sorts them once).
  const many = Array.from({ length: 100_000 }, (_, k) => `${k * 7};1`);
  assert.equal(parsePabulib(file(many)).instance.ballots.length, 100_000);
});

test('META keys once, official counts and thresholds as numbers, each refused with its line', () => {
  const bad = (text: string, line: number, re: RegExp) => {
    assert.throws(
      () => parsePabulib(text),
      (e: unknown) => e instanceof PabulibError && e.line === line && re.test(e.message),
      text,
    );
  };
  const votes = 'VOTES\nvoter_id;vote\nx;1\n';
  // Which of two budgets counts was the last one's guess; the same value twice is harmless.
  bad(
    `META\nkey;value\nbudget;100\nbudget;1000\nPROJECTS\nproject_id;cost\n1;5\n${votes}`,
    4,
    /one value per META key, "budget" is "100" on line 3 and "1000" here/,
  );
  const twice = `META\nkey;value\nbudget;100\nbudget;100\nPROJECTS\nproject_id;cost\n1;5\n${votes}`;
  assert.equal(parsePabulib(twice).instance.meta.budget, '100');
  // One unreadable official count made greedy recount every project from the ballots.
  bad(
    `META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost;votes\n1;5;12\n2;5;\n${votes}`,
    7,
    /a "votes" that is a finite number, found ""/,
  );
  bad(
    `META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost;score\n1;5;many\n${votes}`,
    6,
    /a "score" that is a finite number, found "many"/,
  );
  bad(
    `META\nkey;value\nbudget;10\nmin_project_score_threshold;2 votes\nPROJECTS\nproject_id;cost\n1;5\n${votes}`,
    4,
    /min_project_score_threshold" that is a finite number/,
  );
});
