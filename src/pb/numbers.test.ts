import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeNumber, readNumber } from './numbers.js';
import { PabulibError, parsePabulib } from './pabulib.js';
import { buildProfile } from './profile.js';
import { readerMessage } from './reader-messages.js';

test('a number is read as the value written, in every spelling pabulib files use', () => {
  assert.equal(readNumber('12'), 12);
  assert.equal(readNumber(' 12,5 '), 12.5);
  assert.equal(readNumber('.5'), 0.5);
  assert.equal(readNumber('-3.25'), -3.25);
  assert.equal(readNumber('2.5E-3'), 0.0025);
  assert.equal(readNumber('0'), 0);
  assert.equal(readNumber('0.000'), 0);
  // Longer than 15 digits, but exactly the shortest decimal of a double: held as written.
  assert.equal(readNumber('0.30000000000000004'), 0.1 + 0.2);
  assert.equal(readNumber('9007199254740993e0'), Number.NaN, '2^53 + 1 is not a double');
  assert.equal(readNumber('9007199254740992'), 2 ** 53);
  // Below 1e-300 but still the double written (a subnormal).
  assert.equal(readNumber('1e-320'), 1e-320);
  assert.equal(readNumber('1.000e-320'), 1e-320);
});

test('a number a double does not hold as written is refused, not counted as another value', () => {
  // 1e400 is beyond a double; 1e-400 would become 0; twenty digits would lose the last ones.
  for (const text of ['1e400', '-1e400', '1e-400', '12345678901234567891', '0.1000000000000000001'])
    assert.ok(Number.isNaN(readNumber(text)), text);
  for (const text of ['', 'five', '1.2.3', '1e', 'Infinity', 'NaN', '0x10', '1_000'])
    assert.ok(Number.isNaN(readNumber(text)), text);
});

test('looksLikeNumber tells a number a double cannot hold from text that is no number', () => {
  for (const text of ['1e-400', '12345678901234567891', '12,5', '.5', '-1e400'])
    assert.ok(looksLikeNumber(text), text);
  for (const text of ['', 'five', 'Infinity', '1,2,3', '0x10'])
    assert.ok(!looksLikeNumber(text), text);
});

test('a file with a cost, budget or point a double cannot hold is refused at its line', () => {
  const refused = (text: string | Uint8Array, line: number) => {
    let error: unknown;
    try {
      parsePabulib(text);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof PabulibError, String(text));
    assert.equal(error.line, line, String(text));
    // The message says which numbers are held, in both languages.
    assert.match(error.message, /15 significant digits/);
    assert.match(readerMessage(error.reason, 'nl'), /hoogstens 15 cijfers/);
    // The Dutch hint in plain words: no 1e300 notation, which a resident does not read.
    const nl = readerMessage(error.reason, 'nl');
    assert.doesNotMatch(nl.slice(nl.lastIndexOf('(')), /\de-?\d/);
  };
  const tail = 'PROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nx;1\n';
  refused(`META\nkey;value\nbudget;1e-400\n${tail}`, 3);
  refused(`META\nkey;value\nbudget;12345678901234567891\n${tail}`, 3);
  refused('META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;1e-400\n', 6);
  const cumulative =
    'META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\n2;5\n';
  const votes = `${cumulative}VOTES\nvoter_id;vote;points\nx;1,2;3,1e-400\n`;
  refused(votes, 11);
  refused(new TextEncoder().encode(votes), 11);
});

test('text that is no number gets no hint about the numbers held', () => {
  for (const cost of ['1,2,3', 'veel']) {
    const text = `META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;${cost}\n`;
    assert.throws(
      () => parsePabulib(text),
      (e: unknown) => e instanceof PabulibError && !/significant digits/.test(e.message),
      cost,
    );
  }
});

test('a file with long but exact numbers is read with their values', () => {
  const text =
    'META\nkey;value\nbudget;0.30000000000000004\nPROJECTS\nproject_id;cost\n1;1e-320\nVOTES\nvoter_id;vote\nx;1\n';
  const { instance } = parsePabulib(text);
  assert.equal(buildProfile(instance).budget, 0.1 + 0.2);
  assert.equal(instance.projects[0]?.cost, 1e-320);
});
