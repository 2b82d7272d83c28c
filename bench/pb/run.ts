/**
 * Voting-engine benchmark: parse time and MES+add1 time on the largest pabulib files,
 * one fixed-budget MES run (median of several), and peak memory.
 * Run with `npm run bench:pb`; the folder is ../shared/pabulib or env PABULIB_DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProfile, mesFloatRun, mesWithCompletion, parsePabulib } from '../../src/pb/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.PABULIB_DIR ?? join(root, '..', 'shared', 'pabulib');
if (!existsSync(dir)) {
  console.error(`no pabulib folder at ${dir} (set PABULIB_DIR)`);
  process.exit(2);
}
const FILES = [
  'Poland_Lodz_2022.pb',
  'Poland_Warszawa_2026.pb',
  'Poland_Warszawa_2020_Praga-Poludnie.pb',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (const f of FILES) {
  const text = readFileSync(join(dir, f), 'utf8');
  const t0 = performance.now();
  const inst = parsePabulib(text).instance;
  const parseMs = performance.now() - t0;
  const p = buildProfile(inst);
  const t1 = performance.now();
  const r = mesWithCompletion(p, 'add1');
  const add1Ms = performance.now() - t1;
  const e = p.budget / p.n;
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const s = performance.now();
    mesFloatRun(p, e);
    runs.push(performance.now() - s);
  }
  console.log(
    `${f}: ${p.n} voters, ${p.m} projects | parse ${parseMs.toFixed(0)} ms | MES+add1 ${add1Ms.toFixed(0)} ms ` +
      `(per-voter budget ${r.endowment.toNumber()}, ${r.selected.length} funded, ${r.exactRuns} exact runs) | ` +
      `one MES run at B/n: median ${median(runs).toFixed(1)} ms`,
  );
}
const mem = process.memoryUsage();
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB | heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`,
);
