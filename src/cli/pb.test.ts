/**
 * The `buurtkracht pb` command line, called in-process through its `main` (stdout, stderr
 * and exit status captured), on .pb files this test writes and on real pabulib elections.
 * One test runs the real executable as a child process (start-up, exit status, EPIPE).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixture } from '../pb/test-helpers.js';
import { main } from './main.js';
import { PB_USAGE, plain, printable } from './pb.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'buurtkracht.mjs');

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's main in this process and captures what it prints. */
async function cli(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    out: (l) => {
      stdout += `${l}\n`;
    },
    err: (l) => {
      stderr += `${l}\n`;
    },
  });
  return { status, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'buurtkracht-pb-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The running example of the engine tests, as a pabulib file. Budget 20, four voters:
 * voters 1-3 vote for X1 and X2 (cost 10 each), voter 4 for Y (cost 5). MES+add1 funds
 * X1 and Y (per-voter budget 6); greedy funds X1 and X2. `selected` is the given column.
 */
function example(selected: { X1: number; X2: number; Y: number }): string {
  return [
    'META',
    'key;value',
    'description;Voorbeeldwijk',
    'budget;20',
    'vote_type;approval',
    'rule;equalshares/add1',
    'currency;EUR',
    'PROJECTS',
    'project_id;cost;name;selected',
    `X1;10;Bankjes;${selected.X1}`,
    `X2;10;Speeltuin;${selected.X2}`,
    `Y;5;Moestuin;${selected.Y}`,
    'VOTES',
    'voter_id;vote',
    '1;X1,X2',
    '2;X1,X2',
    '3;X1,X2',
    '4;Y',
    '',
  ].join('\n');
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const good = file('example.pb', example({ X1: 1, X2: 0, Y: 1 }));
// Claims greedy's outcome under the MES rule: X2 instead of Y.
const wrong = file('wrong.pb', example({ X1: 1, X2: 1, Y: 0 }));

test('tally prints the funded projects and their total cost', async () => {
  const mes = await cli('pb', 'tally', good, '--rule', 'equalshares/add1');
  assert.equal(mes.status, 0, mes.stderr);
  assert.match(mes.stdout, /^selected: X1 Y$/m);
  assert.match(mes.stdout, /^total cost: 15 of 20$/m);
  const greedy = await cli('pb', 'tally', good, '--rule', 'greedy');
  assert.equal(greedy.status, 0, greedy.stderr);
  assert.match(greedy.stdout, /^selected: X1 X2$/m);
  assert.match(greedy.stdout, /^total cost: 20 of 20$/m);
});

test('tally --json prints the whole outcome as JSON', async () => {
  const r = await cli('pb', 'tally', good, '--rule=equalshares/add1', '--json');
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.deepEqual(o.selected, ['X1', 'Y']);
  assert.equal(o.totalCost, 15);
  assert.equal(o.endowment, 6);
  assert.equal(o.rule, 'equalshares/add1');
  assert.equal(o.projects.length, 3);
  assert.equal(o.ties, 'default');
  // --completion and --ties reach the engine: no completion runs MES once at 20/4 = 5 per
  // voter; the X1/X2 tie is decided by id in both tie modes.
  const none = JSON.parse(
    (
      await cli(
        'pb',
        'tally',
        good,
        '--rule',
        'equalshares/add1',
        '--completion',
        'none',
        '--ties',
        'lexicographic',
        '--json',
      )
    ).stdout,
  );
  assert.equal(none.endowment, 5);
  assert.equal(none.completion, 'none');
  assert.equal(none.ties, 'lexicographic');
  assert.deepEqual(none.selected, ['X1', 'Y']);
});

test('check: exit 0 when the file is reproduced, 1 with the difference when not', async () => {
  const ok = await cli('pb', 'check', good);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^reproduced {2}example\.pb \(equalshares\/add1, 2 funded\)$/m);
  assert.match(
    ok.stdout,
    /^total: 1 reproduced, 0 reproduced up to ties, 0 differ, 0 unreadable, 0 skipped$/m,
  );
  const bad = await cli('pb', 'check', good, wrong);
  assert.equal(bad.status, 1);
  assert.match(
    bad.stdout,
    /^differs {5}wrong\.pb \(equalshares\/add1\): engine also funds \[Y\], official also funds \[X2\]$/m,
  );
  assert.match(
    bad.stdout,
    /^total: 1 reproduced, 0 reproduced up to ties, 1 differ, 0 unreadable, 0 skipped$/m,
  );
});

test('check --step: a file in cents is checked with add1 stepping one euro per voter', async () => {
  // Amounts in cents: budget €5.42, project 1 €7.64 (all three voters), project 2 €5.07
  // (voters 1 and 2). At the real budget (180.67 cents each) nothing is affordable. Stepping
  // one cent, at 254 cents each voters 1 and 2 hold 508 ≥ 507 and buy project 2 (fits);
  // at 255 project 1 becomes affordable (765 ≥ 764) and, cheaper per unit of cost (254.67
  // of 764 against 253.5 of 507), is bought first: 764 > 542, so the walk stops and funds
  // project 2. Stepping one euro jumps from 180 to 280 cents, past the fitting outcome, so
  // nothing is funded: the official outcome of a city that stepped a euro.
  const cents = file(
    'cents.pb',
    [
      'META',
      'key;value',
      'budget;542',
      'vote_type;approval',
      'rule;equalshares/add1',
      'PROJECTS',
      'project_id;cost;selected',
      '1;764;0',
      '2;507;0',
      'VOTES',
      'voter_id;vote',
      '1;1,2',
      '2;1,2',
      '3;1',
      '',
    ].join('\n'),
  );
  const cent = await cli('pb', 'check', cents);
  assert.equal(cent.status, 1);
  assert.match(
    cent.stdout,
    /^differs {5}cents\.pb \(equalshares\/add1\): engine also funds \[2\]/m,
  );
  const euro = await cli('pb', 'check', cents, '--step', '100');
  assert.equal(euro.status, 0, euro.stdout);
  assert.match(euro.stdout, /^reproduced {2}cents\.pb \(equalshares\/add1, step 100, 0 funded\)$/m);
  const bad = await cli('pb', 'check', cents, '--step', '0.5');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--step needs a whole number ≥ 1, found "0\.5"/);
});

test('check skips files without a selected column or with an unsupported rule', async () => {
  const noColumn = file(
    'no-selected.pb',
    example({ X1: 1, X2: 0, Y: 1 })
      .replace('project_id;cost;name;selected', 'project_id;cost;name')
      .replace(/^(X1|X2|Y);(\d+);(\w+);\d$/gm, '$1;$2;$3'),
  );
  const odd = file('odd-rule.pb', example({ X1: 1, X2: 0, Y: 1 }).replace('rule;', 'rule;x-'));
  const r = await cli('pb', 'check', noColumn, odd);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^skipped {5}no-selected\.pb: no selected column$/m);
  assert.match(r.stdout, /^skipped {5}odd-rule\.pb: rule "x-equalshares\/add1" is not supported$/m);
  assert.match(
    r.stdout,
    /^total: 0 reproduced, 0 reproduced up to ties, 0 differ, 0 unreadable, 2 skipped$/m,
  );
});

test('explain tells residents in Dutch (the default) and English why a project is not funded', async () => {
  const nl = await cli('pb', 'explain', good, '--project', 'X2');
  assert.equal(nl.status, 0, nl.stderr);
  const nlLines = nl.stdout.trim().split('\n');
  assert.equal(nlLines[0], 'equalshares/add1');
  assert.equal(nlLines[1], '"Speeltuin" (X2) krijgt geen geld.');
  // At 6 per voter, voters 1-3 keep 8/3 each after X1: 8 of the 10 X2 costs.
  assert.match(nl.stdout, /hadden aan het eind samen nog €\s8 over/);
  assert.match(nl.stdout, /gelijk deel van €\s6 om mee te betalen/);
  const en = await cli('pb', 'explain', good, '--project', 'X2', '--lang', 'en');
  assert.equal(en.status, 0, en.stderr);
  const enLines = en.stdout.trim().split('\n');
  assert.equal(enLines[1], '"Speeltuin" (X2) is not funded.');
  assert.match(en.stdout, /€8 left together/);
  assert.equal(enLines.length, nlLines.length);
  // The rule can be chosen: under greedy X2 is funded.
  const greedy = await cli(
    'pb',
    'explain',
    good,
    '--project',
    'X2',
    '--rule',
    'greedy',
    '--lang',
    'en',
  );
  assert.equal(greedy.status, 0, greedy.stderr);
  assert.match(greedy.stdout, /^"Speeltuin" \(X2\) is funded\.$/m);
});

test('explain says when the file’s own rule cannot be counted and the default stands in', async () => {
  const custom = file(
    'custom.pb',
    example({ X1: 1, X2: 0, Y: 1 }).replace('rule;equalshares/add1', 'rule;greedy-custom'),
  );
  const r = await cli('pb', 'explain', custom, '--project', 'X2');
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stderr,
    /^note: the file's rule "greedy-custom" outside Poznań: .*; explained with equalshares\/add1 \(choose another with --rule\)$/m,
  );
  assert.equal(r.stdout.split('\n')[0], 'equalshares/add1');
  // Chosen with --rule, or a rule the engine counts: no note.
  assert.equal(
    (await cli('pb', 'explain', custom, '--project', 'X2', '--rule', 'greedy')).stderr,
    '',
  );
  assert.equal((await cli('pb', 'explain', good, '--project', 'X2')).stderr, '');
});

test('bad arguments: exit 2 with the error and the usage', async () => {
  const cases: [string[], RegExp][] = [
    [['pb'], /pb needs a command/],
    [['pb', 'frob'], /unknown pb command "frob"/],
    [['pb', 'tally', good], /pb tally needs --rule/],
    [['pb', 'tally', good, '--rule', 'nope'], /unknown rule "nope"; choose from greedy,/],
    [['pb', 'tally', good, '--rule'], /--rule needs a value/],
    [['pb', 'tally', good, '--rule', 'greedy', '--fast'], /unknown option --fast/],
    [['pb', 'tally', good, good, '--rule', 'greedy'], /pb tally needs exactly one FILE/],
    [['pb', 'check'], /pb check needs at least one FILE/],
    [['pb', 'explain', good], /pb explain needs --project ID/],
    [['pb', 'explain', good, '--project', 'Z'], /no project "Z" in the file/],
    [['pb', 'explain', good, '--project', 'X2', '--lang', 'de'], /unknown language "de"/],
    // An option the rule would ignore is refused, not silently dropped.
    [
      ['pb', 'tally', good, '--rule', 'greedy', '--completion', 'add1'],
      /--completion does not apply to greedy; it is for Equal Shares rules/,
    ],
    [['pb', 'tally', good, '--rule', 'phragmen', '--step', '100'], /--step does not apply/],
    [['pb', 'tally', good, '--rule', 'equalshares', '--step', '100'], /--step does not apply/],
    [
      ['pb', 'tally', good, '--rule', 'equalshares/add1', '--counts', 'ballots'],
      /--counts does not apply to equalshares\/add1; it is for greedy rules/,
    ],
    [
      ['pb', 'explain', good, '--project', 'X2', '--rule', 'greedy', '--step', '2'],
      /--step does not apply to greedy/,
    ],
  ];
  const results = await Promise.all(cases.map(([args]) => cli(...args)));
  for (const [i, [args, message]] of cases.entries()) {
    const r = results[i] as Result;
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /^usage:$/m, args.join(' '));
    assert.match(r.stderr, /buurtkracht pb tally FILE --rule R/, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
  // A file that cannot be read is not a usage error: the message only.
  const missing = await cli('pb', 'tally', join(tmp, 'missing.pb'), '--rule', 'greedy');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^error: cannot read .*missing\.pb/);
  assert.doesNotMatch(missing.stderr, /usage:/);
  // Each option with a rule that reads it is taken.
  const taken = [
    ['--rule', 'equalshares', '--completion', 'add1', '--step', '2'],
    ['--rule', 'equalshares/add1', '--step', '2'],
    ['--rule', 'greedy', '--counts', 'ballots'],
  ];
  for (const args of taken) assert.equal((await cli('pb', 'tally', good, ...args)).status, 0);
  const top = await cli('frob');
  assert.equal(top.status, 2);
  assert.match(top.stderr, /unknown command "frob"/);
  assert.match(top.stderr, /^usage: buurtkracht <command>/m);
});

test('pb --help, -h and help print the pb usage to stdout and exit 0', async () => {
  for (const flag of ['--help', '-h', 'help']) {
    const r = await cli('pb', flag);
    assert.equal(r.status, 0, flag);
    assert.equal(r.stderr, '', flag);
    assert.equal(r.stdout, `${PB_USAGE}\n`, flag);
  }
});

test('a malformed file: exit 2 naming the line, never a stack trace', async () => {
  const huge = file('huge.pb', example({ X1: 1, X2: 0, Y: 1 }).replace('X1;10;', 'X1;1e400;'));
  const h = await cli('pb', 'tally', huge, '--rule', 'greedy');
  assert.equal(h.status, 2);
  assert.match(
    h.stderr,
    /^error: line 10: a cost that is a finite number ≥ 0, found "1e400" \(numbers are counted exactly with up to 15 significant digits, .*\)$/m,
  );
  const broken = file('broken.pb', example({ X1: 1, X2: 0, Y: 1 }).replace('4;Y', '4;Q'));
  const r = await cli('pb', 'tally', broken, '--rule', 'greedy');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /line 18/);
  assert.match(r.stderr, /"Q"/);
});

const assen = fixture('Netherlands_Assen_2024.pb');

test('Assen 2024 (real MES election): tally, check and explain', async () => {
  // The official outcome, from the file's selected column.
  const t = await cli('pb', 'tally', assen, '--rule', 'equalshares/add1', '--json');
  assert.equal(t.status, 0, t.stderr);
  const o = JSON.parse(t.stdout);
  assert.deepEqual(o.selected, ['3', '9', '2', '11', '13', '14', '5', '6', '12']);
  assert.equal(o.totalCost, 76700);
  assert.equal(o.budget, 100000);
  const plain = await cli('pb', 'tally', assen, '--rule', 'equalshares/add1');
  assert.match(plain.stdout, /^selected: 3 9 2 11 13 14 5 6 12$/m);
  assert.match(plain.stdout, /^total cost: 76700 of 100000$/m);
  const c = await cli('pb', 'check', assen);
  assert.equal(c.status, 0, c.stderr);
  assert.match(
    c.stdout,
    /^reproduced {2}Netherlands_Assen_2024\.pb \(equalshares\/add1, 9 funded\)$/m,
  );
  // Project 8 (Crossbaan in Peelo, 40,000) is not funded; the rule comes from the file.
  const nl = await cli('pb', 'explain', assen, '--project', '8');
  assert.equal(nl.status, 0, nl.stderr);
  assert.match(nl.stdout, /^equalshares\/add1$/m);
  assert.match(nl.stdout, /^"Crossbaan in Peelo" \(8\) krijgt geen geld\.$/m);
  assert.match(nl.stdout, /"Crossbaan in Peelo" \(8\) kost €\s40\.000\./);
  const en = await cli('pb', 'explain', assen, '--project', '3', '--lang', 'en');
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /^"PopUp Podium" \(3\) is funded\.$/m);
});

test('check goes on past an unreadable file, gives it its own line, and exits 1', async () => {
  const broken = file('broken2.pb', example({ X1: 1, X2: 0, Y: 1 }).replace('4;Y', '4;Q'));
  const r = await cli('pb', 'check', broken, join(tmp, 'absent.pb'), good);
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /^unreadable {2}broken2\.pb: line 18: a project id from PROJECTS, found "Q"$/m,
  );
  assert.match(r.stdout, /^unreadable {2}absent\.pb: cannot read /m);
  assert.match(r.stdout, /^reproduced {2}example\.pb /m);
  assert.match(
    r.stdout,
    /^total: 1 reproduced, 0 reproduced up to ties, 0 differ, 2 unreadable, 0 skipped$/m,
  );
  assert.equal(r.stderr, '');
});

test('a repeated project: a warning in tally and check, an unreadable file with --strict', async () => {
  const twice = file('twice.pb', example({ X1: 1, X2: 0, Y: 1 }).replace('1;X1,X2', '1;X1,X2,X1'));
  const t = await cli('pb', 'tally', twice, '--rule', 'equalshares/add1');
  assert.equal(t.status, 0);
  assert.match(
    t.stderr,
    /^warning: 1 ballot names a project more than once; counted once\. First: voter 1 \(line 15: X1\)$/m,
  );
  assert.match(t.stdout, /^selected: X1 Y$/m);
  const c = await cli('pb', 'check', twice);
  assert.equal(c.status, 0);
  assert.match(c.stdout, /^ {12}warning: 1 ballot names a project more than once/m);
  const strict = await cli('pb', 'check', '--strict', twice);
  assert.equal(strict.status, 1);
  assert.match(
    strict.stdout,
    /^unreadable {2}twice\.pb: line 15: each project once per ballot, "X1" repeats$/m,
  );
});

test('greedy counts: the votes column of the file and its order decide (Gdynia 2020 Babie Doły)', async () => {
  // Projects 1 and 3 both have 101 votes in the file; the file lists 1 first and the city
  // funded 1. Under greedy-no-skip the tie decides which one is funded before counting stops.
  const gdynia = fixture('Poland_Gdynia_2020_Babie_Doly__small.pb');
  const c = await cli('pb', 'check', gdynia);
  assert.equal(c.status, 0, c.stdout);
  assert.match(
    c.stdout,
    /^reproduced {2}Poland_Gdynia_2020_Babie_Doly__small\.pb \(greedy-no-skip, counts file:votes, 3 funded\)$/m,
  );
  assert.match(c.stdout, /funded otherwise \(not by the rule\): 5 \(selected 2\)/);
  // Recounted from the ballots with the default tie rule it differs only in the tie: named.
  const b = await cli('pb', 'check', gdynia, '--counts', 'ballots');
  assert.equal(b.status, 0, b.stdout);
  assert.match(
    b.stdout,
    /^reproduced up to ties {2}Poland_Gdynia_2020_Babie_Doly__small\.pb \(greedy-no-skip\): .*tie between/m,
  );
});

test('Poznań, withdrawn projects and unsupported rules in check', async () => {
  const r = await cli(
    'pb',
    'check',
    fixture('Poland_Poznan_2025_9_-_Stare_Miasto__small.pb'),
    fixture('Poland_Wroclaw_2017_Rejon_nr_11_750.pb'),
    fixture('Hungary_Budapest_2022_VIII_Jozsefvaros.pb'),
  );
  assert.equal(r.status, 0, r.stdout);
  assert.match(
    r.stdout,
    /^reproduced {2}Poland_Poznan_2025_9_-_Stare_Miasto__small\.pb \(greedy-poznan, /m,
  );
  assert.match(
    r.stdout,
    /^reproduced {2}Poland_Wroclaw_2017_Rejon_nr_11_750\.pb \(greedy-no-skip, counts file:votes, 1 funded\)$/m,
  );
  assert.match(
    r.stdout,
    /^skipped {5}Hungary_Budapest_2022_VIII_Jozsefvaros\.pb: rule "unknown" is not supported$/m,
  );
});

test('the executable: starts, exits with the status, and stops quietly when the pipe closes', async () => {
  // Enough output to fill the pipe: the reader closes after the first chunk (like `| head`).
  const one = fixture('Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb');
  const args = [bin, 'pb', 'check', ...new Array(3000).fill(one)];
  const result = await new Promise<Result & { first: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let first = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').once('data', (d: string) => {
      first = d;
      child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: '', stderr, first }));
  });
  assert.match(result.first, /^reproduced {2}Poland_Warszawa_2017_Plac_Wojska_Polskiego\.pb/);
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
});

test('the executable: output that cannot be written (a full disk) is one line on stderr and exit 2', () => {
  // /dev/full refuses every write with ENOSPC, as a full disk does.
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'pb',
        'tally',
        fixture('Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb'),
        '--rule',
        'greedy',
      ],
      { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' },
    );
    assert.equal(
      r.stderr,
      'error: cannot write the output: ENOSPC: no space left on device, write\n',
    );
    assert.equal(r.status, 2);
  } finally {
    closeSync(full);
  }
});

test('a file without ballots: a warning, and no per-voter budget for no voters', async () => {
  const none = file(
    'no-ballots.pb',
    'META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\na;40\nb;50\nVOTES\nvoter_id;vote\n',
  );
  for (const rule of ['greedy', 'equalshares/add1']) {
    const t = await cli('pb', 'tally', none, '--rule', rule);
    assert.equal(t.status, 0, rule);
    assert.match(t.stderr, /^warning: VOTES holds no ballots, so every project has 0 votes/m);
    assert.doesNotMatch(t.stdout, /per-voter budget/, rule);
  }
  // Nor in JSON: the rule reports none when nobody holds one.
  const j = await cli('pb', 'tally', none, '--rule', 'equalshares/add1', '--json');
  assert.equal((JSON.parse(j.stdout) as { endowment?: number }).endowment, undefined);
  const e = await cli('pb', 'explain', none, '--project', 'a');
  assert.match(e.stderr, /^warning: VOTES holds no ballots/m);
  // A file with ballots gets no such warning.
  assert.doesNotMatch((await cli('pb', 'tally', good, '--rule', 'greedy')).stderr, /no ballots/);
});

test('control characters and bidi overrides from a file reach the terminal as escapes', async () => {
  // An id that would clear the screen, one that would show its text reversed, and a C1
  // control (NEL) in a name.
  const text = example({ X1: 1, X2: 0, Y: 1 })
    .replaceAll('X1', 'X\u001b[2J')
    .replaceAll('Y', 'Y\u202eZ')
    .replace('Bankjes', 'Bank\u0085jes');
  const sly = file('sly.pb', text);
  const t = await cli('pb', 'tally', sly, '--rule', 'equalshares/add1');
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout, /^selected: .*X\\u001b\[2J/m);
  assert.match(t.stdout, /Y\\u202eZ/);
  const e = await cli('pb', 'explain', sly, '--project', 'X\u001b[2J', '--lang', 'en');
  assert.equal(e.status, 0, e.stderr);
  assert.match(e.stdout, /Bank\\u0085jes/);
  const all = e.stdout + e.stderr + t.stdout + t.stderr;
  for (const c of ['\u001b', '\u202e', '\u0085']) assert.ok(!all.includes(c), JSON.stringify(c));
  // The JSON output stays JSON, and reads back to the ids as they are in the file.
  const j = await cli('pb', 'tally', sly, '--rule', 'equalshares/add1', '--json');
  assert.ok(!j.stdout.includes('\u202e') && !j.stdout.includes('\u0085'));
  const back = JSON.parse(j.stdout) as { selected: string[] };
  assert.deepEqual(back.selected, ['X\u001b[2J', 'Y\u202eZ']);
});

test('a backslash in an id is doubled in text, so an escape cannot be forged', async () => {
  // Two ids that printed the same before: one holds ESC, the other the six characters
  // backslash, u, 0, 0, 1, b. In text the first is \u001b and the second \\u001b; in JSON
  // both read back as they are in the file.
  const text = example({ X1: 1, X2: 0, Y: 1 })
    .replaceAll('X1', 'X\u001b')
    .replaceAll('Y', 'X\\u001b');
  const two = file('two.pb', text);
  const t = await cli('pb', 'tally', two, '--rule', 'equalshares/add1');
  assert.equal(t.status, 0, t.stderr);
  const selected = (t.stdout.match(/^selected: (.*)$/m) as RegExpMatchArray)[1] as string;
  assert.deepEqual(selected.split(' ').sort(), ['X\\\\u001b', 'X\\u001b']);
  assert.equal(printable('C:\\pb\\x.pb'), 'C:\\\\pb\\\\x.pb');
  const j = await cli('pb', 'tally', two, '--rule', 'equalshares/add1', '--json');
  const back = JSON.parse(j.stdout) as { selected: string[] };
  assert.deepEqual(back.selected.sort(), ['X\u001b', 'X\\u001b']);
});

test('amounts from 1e21 up are printed in digits, as the file wrote them', async () => {
  assert.equal(plain(2.5e23), '250000000000000000000000');
  assert.equal(plain(-1.25e21), '-1250000000000000000000');
  assert.equal(plain(1e21), '1000000000000000000000');
  assert.equal(plain(12.5), '12.5');
  assert.equal(plain(1e-7), '1e-7');
  const big = file(
    'big.pb',
    'META\nkey;value\nbudget;300000000000000000000000\nPROJECTS\nproject_id;cost\na;100000000000000000000000\nb;150000000000000000000000\nVOTES\nvoter_id;vote\n1;a\n2;a,b\n3;b\n',
  );
  const t = await cli('pb', 'tally', big, '--rule', 'equalshares/add1');
  assert.match(t.stdout, /^total cost: 250000000000000000000000 of 300000000000000000000000$/m);
  assert.match(t.stdout, /^per-voter budget: 100000000000000000000000 \(/m);
});
