import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PabulibError, parsePabulib, writePabulib } from './pabulib.js';
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
  const inst = parsePabulib(SAMPLE);
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

test('writing then reading gives the same instance', () => {
  const inst = parsePabulib(SAMPLE);
  assert.deepEqual(parsePabulib(writePabulib(inst)), inst);
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
    /cost that is a number/,
  );
  bad('hello\n', 1, /section title/);
  bad(`${head}VOTES\nvoter_id;vote\nx;"1\n`, 9, /closing double quote/);
  bad(`${head}VOTES\nvoter_id;vote\nx;1,1\n`, 9, /once per ballot/);
});

test('ordinal ballots score by Borda: first of L places gets L points', () => {
  const inst = parsePabulib(
    'META\nkey;value\nbudget;10\nvote_type;ordinal\nmax_length;3\nPROJECTS\nproject_id;cost\na;1\nb;1\nc;1\nVOTES\nvoter_id;vote\n1;a,b,c\n2;b,a\n',
  );
  assert.deepEqual([...buildProfile(inst).scores], [3 + 2, 2 + 3, 1]);
});

test('a real ordinal election parses with every ballot and its Borda scores', {
  skip: !pabulibDir(),
}, () => {
  const text = readFileSync(join(pabulibDir() as string, 'Poland_Krakow_2024.pb'), 'utf8');
  const inst = parsePabulib(text);
  assert.equal(inst.ballots.length, 65101);
  // Borda score recomputed from the ballots matches the file's score column.
  const p = buildProfile(inst);
  inst.projects.forEach((pr, c) => {
    assert.equal(p.scores[c], Number(pr.fields.score));
  });
});
