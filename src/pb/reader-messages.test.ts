import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PabulibError, parsePabulib } from './pabulib.js';
import { type ReaderReason, readerMessage, warningMessage } from './reader-messages.js';
import { tally } from './rules.js';

const EMPTY = 'VOTES\nvoter_id;vote\n';
const HEAD =
  'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\n2;50\n';

/** The refusal of `text` (read with both VOTES readers: the same line and reason). */
function refusal(text: string, strict = false): PabulibError {
  const seen: PabulibError[] = [];
  for (const fast of [true, false]) {
    try {
      parsePabulib(text, { fast, strict });
    } catch (e) {
      if (e instanceof PabulibError) seen.push(e);
      else throw e;
    }
  }
  assert.equal(seen.length, 2, `refused by both readers: ${text}`);
  const [a, b] = seen as [PabulibError, PabulibError];
  assert.deepEqual([a.line, a.reason], [b.line, b.reason]);
  return a;
}

test('every refusal carries its reason, worded in Dutch with the field and the file’s text', () => {
  // [file, line, kind, text the Dutch wording must hold]
  const cases: [string, number, ReaderReason['kind'], string][] = [
    ['hallo\n', 1, 'no-section-title', 'META, PROJECTS of VOTES'],
    [`${HEAD}VOTES\nvoter_id;vote\nv1;1\nv1;2\n`, 12, 'voter-id-repeats', 'stemmer-id "v1"'],
    [`${HEAD}VOTES\nvoter_id;vote\n;1\n`, 11, 'no-voter-id', 'voter_id'],
    [`${HEAD}VOTES\nvoter_id;vote\nv1;7\n`, 11, 'unknown-project', 'project "7"'],
    [`${HEAD}VOTES\nvoter_id;vote\nv1;1;x\n`, 11, 'field-count', 'kopregel van VOTES'],
    [`${HEAD.replace('2;50', '2;veel')}${EMPTY}`, 8, 'bad-cost', 'kolom cost'],
    [
      `${HEAD.replace('budget;100', 'budget;')}${EMPTY}`,
      3,
      'bad-budget',
      'META "budget" ontbreekt',
    ],
    [`${HEAD.replace('approval', 'ranked')}${EMPTY}`, 4, 'bad-vote-type', 'META "vote_type"'],
    [HEAD, 8, 'no-section', 'VOTES ontbreekt: het bestand houdt hier op'],
    ['META\nkey;value\nbudget;1\nVOTES\nvoter_id;vote\n', 4, 'no-section', 'voor VOTES staan'],
    // A wrong budget in a file that also breaks off: the budget first, at its own line.
    [HEAD.replace('budget;100', 'budget;veel'), 3, 'bad-budget', 'er staat "veel"'],
    ['PROJECTS\nproject_id;cost\n1;5\n', 1, 'no-section', 'META ontbreekt'],
    [`${HEAD}PROJECTS\n`, 9, 'section-twice', 'PROJECTS'],
    [
      `${HEAD.replace('approval', 'cumulative')}VOTES\nvoter_id;vote;points\nv1;1;x\n`,
      11,
      'bad-points',
      'kolom points',
    ],
    [
      `${HEAD.replace('approval', 'cumulative')}VOTES\nvoter_id;vote;points\nv1;1,1;2,3\n`,
      11,
      'project-repeats',
      'soort cumulative',
    ],
    [`${HEAD}VOTES\nvoter_id;vote\n"v1;1\n`, 11, 'unclosed-quote', 'aanhalingsteken'],
  ];
  for (const [text, line, kind, dutch] of cases) {
    const e = refusal(text);
    assert.equal(e.reason.kind, kind, text);
    assert.equal(e.line, line, text);
    const nl = readerMessage(e.reason, 'nl');
    assert.ok(nl.includes(dutch), `${kind}: ${nl}`);
    // The English wording is the command line's message, after its line number.
    assert.equal(e.message, `line ${line}: ${readerMessage(e.reason, 'en')}`);
    assert.doesNotMatch(nl, /\b(found|expected|finite|unique|section title)\b/, kind);
  }
});

test('a repeat refused under strict reading, and a rule that needs a META key, are worded in Dutch', () => {
  const e = refusal(`${HEAD}VOTES\nvoter_id;vote\nv1;1,1\n`, true);
  assert.deepEqual(e.reason, { kind: 'project-repeats', project: '1' });
  assert.match(readerMessage(e.reason, 'nl'), /noemt project "1" twee keer/);
  const { instance } = parsePabulib(`${HEAD}VOTES\nvoter_id;vote\nv1;1\n`);
  assert.throws(
    () => tally(instance, 'greedy-threshold'),
    (error: unknown) =>
      error instanceof PabulibError &&
      error.reason.kind === 'rule-needs' &&
      readerMessage(error.reason, 'nl') ===
        'de manier van tellen greedy-threshold heeft META "min_project_score_threshold" nodig, maar die staat niet in het bestand',
  );
});

test('a file without ballots: a warning in Dutch and English, refused under strict at VOTES', () => {
  const { warnings } = parsePabulib(`${HEAD}${EMPTY}`);
  const [w] = warnings;
  assert.ok(w && w.kind === 'no-ballots');
  assert.equal(w.message, warningMessage(w, 'en'));
  assert.match(w.message, /^VOTES holds no ballots, so every project has 0 votes in the count\.$/);
  assert.equal(
    warningMessage(w, 'nl'),
    'Er staan geen stemmen in het bestand (VOTES is leeg). Elk project heeft dus 0 stemmen.',
  );
  const e = refusal(`${HEAD}${EMPTY}`, true);
  assert.equal(e.line, 10, 'the VOTES header');
  assert.equal(readerMessage(e.reason, 'nl'), 'onder deze kopregel van VOTES staan geen stemmen');
});

test('choose-1 ballots that name several projects: a warning with voters and lines, refused under strict', () => {
  const text = `${HEAD.replace('approval', 'choose-1')}VOTES\nvoter_id;vote\nv1;1\nv2;1,2\nv3;2\nv4;2,1\n`;
  for (const fast of [true, false]) {
    const { instance, warnings } = parsePabulib(text, { fast });
    assert.deepEqual(
      warnings.map(({ kind, count, first }) => ({ kind, count, first })),
      [
        {
          kind: 'choose-1-several',
          count: 2,
          first: [
            { voterId: 'v2', line: 12, project: '1,2' },
            { voterId: 'v4', line: 14, project: '2,1' },
          ],
        },
      ],
      fast ? 'fast scan' : 'general reader',
    );
    // Read as approval: each project named gets the vote.
    assert.deepEqual(
      instance.ballots.map((b) => b.projects.join()),
      ['1', '1,2', '2', '2,1'],
    );
    const warning = warnings[0] as (typeof warnings)[0];
    assert.match(warning.message, /^2 choose-1 ballots name more than one project/);
    assert.equal(
      warningMessage(warning, 'nl'),
      'Bij dit soort stemming (choose-1) kiest elke stemmer één project, maar 2 stemmen noemen er meer. Elk genoemd project krijgt die stem. De eerste: stemmer v2 (regel 12: projecten 1,2), stemmer v4 (regel 14: projecten 2,1).',
    );
  }
  const strict = refusal(text, true);
  assert.deepEqual([strict.line, strict.reason], [12, { kind: 'choose-1-several', count: 2 }]);
  // The same ballots in an approval file: nothing to say.
  const approval = parsePabulib(text.replace('choose-1', 'approval'));
  assert.deepEqual(approval.warnings, []);
});
