import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PabulibError, parsePabulib } from './pabulib.js';
import { buildProfile } from './profile.js';
import { compactOf } from './votes-fast.js';

/**
 * What a parse gives: the instance's profile, ballots and warnings, or the error's line and
 * text. `bytes`: the text's UTF-8 bytes are given, as the CLI reads a file.
 */
function outcome(text: string, fast: boolean, bytes = false): unknown {
  try {
    const { instance, warnings } = parsePabulib(bytes ? new TextEncoder().encode(text) : text, {
      fast,
    });
    return { ballots: instance.ballots, profile: buildProfile(instance), warnings };
  } catch (e) {
    if (!(e instanceof PabulibError)) throw e;
    return { line: e.line, message: e.message };
  }
}

// Project ids: plain numbers (looked up by value), numbers a plain-number reading would
// get wrong ("007", "+1"), names, and names with characters outside Latin-1.
const idSets = fc.constantFrom<string[]>(
  ['1', '2', '10', '999999999'],
  ['0', '1', '2'],
  ['L005', 'L007', 'Łódź-1'],
  ['007', '7', '+1'],
  ['a', 'b', 'c c'],
);
const space = fc.constantFrom('', '', '', ' ', '\t', '  ');

/** One ballot's vote field: known ids, sometimes an unknown, an empty or a repeated one. */
const voteField = (ids: readonly string[]) =>
  fc
    .array(
      fc.record({
        id: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...ids) },
          { weight: 1, arbitrary: fc.constantFrom('', '08', '1 2', 'x', '1000000000') },
        ),
        before: space,
        after: space,
      }),
      { maxLength: 4 },
    )
    .map((parts) => parts.map((p) => `${p.before}${p.id}${p.after}`).join(','));

const file = idSets.chain((ids) =>
  fc
    .record({
      rows: fc.array(
        fc.record({
          voter: fc.oneof(
            fc.nat({ max: 30 }).map(String),
            fc.constantFrom('v1', 'v2', '01', ' 3 '),
          ),
          vote: voteField(ids),
          age: fc.constantFrom('', '34', ' 51 '),
          extra: fc.constantFrom('', '', '', ';x'),
          blank: fc.constantFrom('', '', '', '\n', '\n  \n'),
          end: fc.constantFrom('\n', '\r\n', '\r'),
        }),
        { maxLength: 12 },
      ),
      trailing: fc.constantFrom('', ',', ' '),
      // The start of the file and the VOTES title as spreadsheets and other tools write them;
      // a quote in VOTES (the general reader then reads it all).
      bom: fc.constantFrom('', '', '\ufeff'),
      title: fc.constantFrom('VOTES', 'VOTES', 'votes', ' VOTES ;', 'VOTES;;', '"VOTES"'),
      quote: fc.constantFrom('', '', '', ';"x"'),
    })
    .map(({ rows, trailing, bom, title, quote }) => {
      const head = [
        `${bom}META`,
        'key;value',
        'budget;100',
        'vote_type;approval',
        'PROJECTS',
        'project_id;cost',
        ...ids.map((id) => `${id};10`),
        title,
        '',
        'voter_id;vote;age',
      ].join('\n');
      const body = rows
        .map(
          (r, k) =>
            `${r.blank}${r.voter};${r.vote}${k === rows.length - 1 ? trailing : ''};${r.age}${k === 0 ? quote : r.extra}${r.end}`,
        )
        .join('');
      return `${head}\n${body}`;
    }),
);

test('the VOTES scan reads every file as the general reader does, refusals included, from text and from bytes', () => {
  fc.assert(
    fc.property(file, (text) => {
      const general = outcome(text, false);
      assert.deepEqual(outcome(text, true), general);
      assert.deepEqual(outcome(text, true, true), general);
    }),
    { numRuns: 1500 },
  );
});

test('bytes that are not valid UTF-8 are read as a text reader reads them (U+FFFD)', () => {
  // A project id and a voter id with a stray byte 0xE9 (Latin-1 é): Node's readFileSync
  // with 'utf8' turns it into U+FFFD, and so does the byte reader, in PROJECTS and VOTES alike.
  const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  const file = latin1(
    'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\ncaf\u00e9;5\nb;5\nVOTES\nvoter_id;vote\nv\u00e9;caf\u00e9,b\nw;caf\u00e9\n',
  );
  const fromBytes = parsePabulib(file);
  const fromText = parsePabulib(Buffer.from(file).toString('utf8'));
  // Read by the fast scan of the bytes, not by the general reader after decoding them all.
  assert.ok(compactOf(fromBytes.instance));
  assert.deepEqual(fromBytes.instance.ballots, fromText.instance.ballots);
  assert.deepEqual(buildProfile(fromBytes.instance), buildProfile(fromText.instance));
  assert.deepEqual(fromBytes.instance.ballots[0], {
    voterId: 'v\ufffd',
    projects: ['caf\ufffd', 'b'],
    fields: {},
  });
});

test('plain-number ids are looked up by value, without mistaking other spellings', () => {
  const text = (vote: string) =>
    `META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n7;5\n1000;5\nVOTES\nvoter_id;vote\n1;${vote}\n`;
  assert.deepEqual(parsePabulib(text(' 7 , 1000 ')).instance.ballots[0]?.projects, ['7', '1000']);
  for (const bad of ['07', '7,', '1000000', '7,,1000', '7 1000']) {
    assert.throws(
      () => parsePabulib(text(bad)),
      (e: unknown) => e instanceof PabulibError && e.line === 10,
      bad,
    );
  }
});

test('the reader tells a file without ballots from bytes without building the ballots', () => {
  const text =
    'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;5\n2;5\nVOTES\nvoter_id;vote\na;1\nb;1,2\nc;2\n';
  const { instance, warnings } = parsePabulib(new TextEncoder().encode(text));
  assert.ok(compactOf(instance), 'read by the scan');
  assert.deepEqual(warnings, []);
  // Still compact: asking whether a file has ballots by building them cost Warszawa 2026
  // 60 MB and 200 ms of a 270 ms count.
  assert.ok(compactOf(instance));
  assert.equal(instance.ballots.length, 3);
  assert.equal(compactOf(instance), undefined);
  const empty = text.replace(/a;1\nb;1,2\nc;2\n/, '');
  for (const input of [empty, new TextEncoder().encode(empty)]) {
    const read = parsePabulib(input);
    assert.deepEqual(
      read.warnings.map((w) => w.kind),
      ['no-ballots'],
    );
    assert.equal(read.instance.ballots.length, 0);
    assert.throws(
      () => parsePabulib(input, { strict: true }),
      (e: unknown) => e instanceof PabulibError && e.line === 9 && e.reason.kind === 'no-ballots',
    );
  }
});
