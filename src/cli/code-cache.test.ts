// bin/code-cache.mjs, which runs `pb`'s bundle with V8's code cache of it: each case runs in
// a fresh node process, as the CLI does, since a cache is made by one process and read by
// the next.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const loader = pathToFileURL(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'code-cache.mjs'),
).href;
const tmp = mkdtempSync(join(tmpdir(), 'buurtkracht-code-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs `file` through runWithCodeCache in a new process: what it printed, the verdict and
 * the exit status (`status`: the one expected, 0 unless given).
 */
function run(
  file: string,
  cache: string,
  write = false,
  status = 0,
): { out: string; verdict: string } {
  const script = `const { runWithCodeCache } = await import(${JSON.stringify(loader)});
process.stderr.write(runWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}, { write: ${write} }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(r.status, status, r.stderr);
  return { out: r.stdout, verdict: r.stderr };
}

/** A CommonJS file that uses what node gives one: require, module, exports, its paths. */
function program(name: string, word: string): string {
  const file = join(tmp, name);
  writeFileSync(
    file,
    `const { basename } = require('node:path');
function shout(s) { return s.toUpperCase(); }
module.exports.word = ${JSON.stringify(word)};
process.stdout.write([shout(exports.word), basename(__filename), basename(__dirname) === basename(${JSON.stringify(tmp)})].join(' '));
`,
  );
  return file;
}

test('a code cache is written after a run and accepted by the next process', () => {
  const file = program('a.cjs', 'hallo');
  const cache = join(tmp, 'a.cache');
  assert.deepEqual(run(file, cache), { out: 'HALLO a.cjs true', verdict: 'none' });
  assert.deepEqual(run(file, cache, true), { out: 'HALLO a.cjs true', verdict: 'written' });
  assert.ok(statSync(cache).size > 0);
  assert.deepEqual(run(file, cache), { out: 'HALLO a.cjs true', verdict: 'accepted' });
});

test('a cache made for another source is not offered, even one of the same length', () => {
  const file = program('b.cjs', 'hallo');
  const cache = join(tmp, 'b.cache');
  run(file, cache, true);
  // The same length, other words, and the cache newer than the file: V8 alone would take
  // the old bytecode for it (it checks only the source's length).
  program('b.cjs', 'dag!!');
  const later = new Date(Date.now() + 5000);
  utimesSync(cache, later, later);
  assert.deepEqual(run(file, cache), { out: 'DAG!! b.cjs true', verdict: 'none' });
});

test('a damaged, unreadable or foreign cache is compiled around, never run or fatal', () => {
  const file = program('c.cjs', 'hallo');
  const cache = join(tmp, 'c.cache');
  run(file, cache, true);
  const whole = readFileSync(cache);
  // Damage inside V8's part (release builds of V8 check no checksum unless asked to: zeroed
  // bytes there once crashed the process).
  const v8Part = 4 + whole.readUInt32LE(0);
  const damaged = Buffer.from(whole);
  damaged.fill(0, v8Part + Math.floor((whole.length - v8Part) / 2), whole.length - 8);
  writeFileSync(cache, damaged);
  assert.deepEqual(run(file, cache), { out: 'HALLO c.cjs true', verdict: 'rejected' });
  // Bytes that are no cache at all, an empty file, one cut short, and a directory.
  for (const bytes of ['no code cache here', '', whole.subarray(0, 100)]) {
    writeFileSync(cache, bytes);
    assert.deepEqual(run(file, cache), { out: 'HALLO c.cjs true', verdict: 'none' });
  }
  rmSync(cache);
  mkdirSync(cache);
  assert.deepEqual(run(file, cache), { out: 'HALLO c.cjs true', verdict: 'none' });
});

test('no cache is written when the run ends with an exit status other than 0', () => {
  const file = join(tmp, 'd.cjs');
  writeFileSync(file, 'process.exitCode = 2;\n');
  const cache = join(tmp, 'd.cache');
  assert.deepEqual(run(file, cache, true, 2), { out: '', verdict: 'not written' });
  assert.ok(!existsSync(cache));
});
