/**
 * Item 7 of `npm run bench:pb` (run.ts starts it in a fresh process of its own): reads a
 * pabulib file and counts it with MES + add1 three times in one process, and prints, per
 * time, the milliseconds of the parse and of the count (profile and add1) as one line of
 * JSON: `{"parse":[ms, ms, ms],"count":[ms, ms, ms],"runs":R}`.
 *
 * The first time runs code V8 has not compiled yet; by the third, the hot functions are
 * optimised. The difference is what a whole `pb tally` process pays for V8's warm-up, as
 * opposed to the work of the count itself. run.ts starts this script with the inlining
 * budget the CLI sets for `pb` commands (src/cli/bin.ts), so the first time is the CLI's.
 *
 * Usage: node --max-inlined-bytecode-size-cumulative=200 --import tsx bench/pb/warmup.ts FILE
 */
import { readFileSync } from 'node:fs';
import { buildProfile, mesWithCompletion, parsePabulib } from '../../src/pb/index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: warmup.ts FILE');
  process.exit(2);
}
const parse: number[] = [];
const count: number[] = [];
let runs = 0;
for (let i = 0; i < 3; i++) {
  const read = readFileSync(file);
  const t0 = performance.now();
  const { instance } = parsePabulib(new Uint8Array(read.buffer, read.byteOffset, read.byteLength));
  const t1 = performance.now();
  runs = mesWithCompletion(buildProfile(instance), 'add1').runs;
  const t2 = performance.now();
  parse.push(Math.round((t1 - t0) * 10) / 10);
  count.push(Math.round((t2 - t1) * 10) / 10);
}
console.log(JSON.stringify({ parse, count, runs }));
