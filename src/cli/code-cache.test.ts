// bin/code-cache.mjs, which runs `pb`'s bundle with V8's code cache of it: each case runs in
// a fresh node process, as the CLI does, since a cache is made by one process and read by
// the next.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const loader = pathToFileURL(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'code-cache.mjs'),
).href;
const tmp = mkdtempSync(join(tmpdir(), 'buurtkracht-code-cache-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `file` through runWithCodeCache in a new process: what it printed and the verdict. */
function run(file: string, cache: string, write = false): { out: string; verdict: string } {
  const script = `const { runWithCodeCache } = await import(${JSON.stringify(loader)});
process.stderr.write(runWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}, { write: ${write} }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
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

test('a cache older than its file is not offered, and one V8 refuses is compiled around', () => {
  const file = program('b.cjs', 'hallo');
  const cache = join(tmp, 'b.cache');
  run(file, cache, true);
  // The same length, other words: V8 would take the old bytecode for it (it checks only the
  // source's length), so the older cache must not reach V8 at all.
  program('b.cjs', 'dag!!');
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  assert.deepEqual(run(file, cache), { out: 'DAG!! b.cjs true', verdict: 'none' });
  // Bytes that are no code cache, newer than the file: refused, and the file runs as usual.
  writeFileSync(cache, 'no code cache here');
  utimesSync(cache, new Date(Date.now() + 10000), new Date(Date.now() + 10000));
  assert.deepEqual(run(file, cache), { out: 'DAG!! b.cjs true', verdict: 'rejected' });
});
