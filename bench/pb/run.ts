/**
 * Voting-engine bench for the goals of issue 10. Run with `npm run bench:pb` (builds the
 * CLI bundle first); the pabulib folder is ../shared/pabulib or env PABULIB_DIR.
 *
 * 1. Whole process, `node bin/buurtkracht.mjs pb tally FILE --rule equalshares/add1`, the
 *    median wall and CPU time of 3 runs and peak memory (via /usr/bin/time when present), on Łódź
 *    2022, Warszawa 2026, Veszprém 2025, Budapest 2022 VIII and a budget of 1e12 (3 voters,
 *    twice: the second with every project backed by two of them).
 * 2. CLI start-up (`--help`, and `pb --help`: the bundle and code cache a count starts from).
 * 3. Reading pabulib: MB/s of parsePabulib on Łódź 2022's bytes, as the CLI reads, and with
 *    the file's read included (medians of 5, in this process).
 * 4. The generated election (bench/pb/generate.ts): 1,000,000 voters × 200 projects, ~5
 *    approvals each, skewed popularity: MES + add1 time, MES runs, peak memory.
 *    `BENCH_VOTERS` changes the size.
 * 5. A generated round with costs in whole thousands and uniform popularity (exact ties
 *    everywhere): whole process, time, MES runs and how many needed exact arithmetic.
 * 6. Huge amounts: a generated election with every amount × 1e7, whole process.
 * 7. V8's warm-up: Warszawa 2026 and Łódź 2022 parsed and counted three times in one fresh
 *    process (warmup.ts): what the first time costs above the third is compiling and
 *    running code not yet optimised, not the work of the count.
 * 8. Few voters over many projects (3 voters × 500 projects, generated): whole process,
 *    one count, MES runs.
 * Timings depend on the machine and its load; the report prints both, with what a bare
 * node process takes and what touching fresh memory costs there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProfile, mesWithCompletion, parsePabulib } from '../../src/pb/index.js';
import { type GeneratedOptions, generateProfile, toPabulib } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = process.env.PABULIB_DIR ?? join(root, '..', 'shared', 'pabulib');
if (!existsSync(dir)) {
  console.error(`no pabulib folder at ${dir} (set PABULIB_DIR)`);
  process.exit(2);
}
const bin = join(root, 'bin', 'buurtkracht.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, node ${process.version}`,
);

/**
 * One whole-process CLI run: wall ms, CPU ms (user + system; on a machine shared with
 * others, wall time includes waiting for a core) and peak RSS in MB (both via
 * /usr/bin/time when present), stdout.
 */
function cli(args: string[]): { ms: number; cpuMs?: number; rssMb?: number; out: string } {
  const cmd = timeBin ? timeBin : process.execPath;
  const argv = timeBin ? ['-f', '%M %U %S', process.execPath, bin, ...args] : [bin, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const [kb, user, sys] = timeBin
    ? (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
    : [];
  const cpu = (user ?? Number.NaN) + (sys ?? Number.NaN);
  return {
    ms,
    ...(Number.isFinite(cpu) ? { cpuMs: cpu * 1000 } : {}),
    ...(kb !== undefined && Number.isFinite(kb) ? { rssMb: kb / 1024 } : {}),
    out: r.stdout,
  };
}

// What the machine itself costs, for comparing figures between machines and sessions:
// a bare node process, and touching fresh memory (on some virtual machines a first touch
// of a page costs 10 µs, so a count that touches 50 MB pays over 100 ms for it).
const bare = median(
  [0, 1, 2, 3, 4].map(() => {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t0;
  }),
);
{
  const t0 = performance.now();
  new Uint8Array(32 * 2 ** 20).fill(1);
  const touch = performance.now() - t0;
  console.log(
    `bare node start (node -e 0): ${bare.toFixed(0)} ms; first touch of 32 MB: ${touch.toFixed(0)} ms`,
  );
}

const tmp = mkdtempSync(join(tmpdir(), 'buurtkracht-bench-'));
const huge = join(tmp, 'budget-1e12.pb');
writeFileSync(
  huge,
  [
    'META',
    'key;value',
    'budget;1000000000000',
    'vote_type;approval',
    'PROJECTS',
    'project_id;cost',
    'a;400000000000',
    'b;500000000000',
    'c;300000000000',
    'VOTES',
    'voter_id;vote',
    '1;a,b',
    '2;b',
    '3;c',
    '',
  ].join('\n'),
);
// The same budget with every project backed by two of the three voters: the count passes
// crossings where float margins span hundreds of steps (decision 0006, skip-ahead).
const ring = join(tmp, 'budget-1e12-ring.pb');
writeFileSync(
  ring,
  readFileSync(huge, 'utf8').replace('1;a,b\n2;b\n3;c\n', '1;a,b\n2;b,c\n3;a,c\n'),
);

console.log('\n1. whole process: node bin/buurtkracht.mjs pb tally FILE --rule equalshares/add1');
// "Instantly" (issue 10, the budget of 1e12): the count adds under 50 ms to what a bare
// node process takes on this machine (a fixed 100 ms was less than node's own start on
// some machines). The other goals are the issue's own figures.
const instantly = Math.round(bare + 50);
const cases: [string, string, number][] = [
  ['Łódź 2022', join(dir, 'Poland_Lodz_2022.pb'), 300],
  ['Warszawa 2026', join(dir, 'Poland_Warszawa_2026.pb'), 300],
  ['Veszprém 2025', join(dir, 'Hungary_Veszprem_2025.pb'), 1000],
  ['Budapest 2022 VIII', join(dir, 'Hungary_Budapest_2022_VIII_Jozsefvaros.pb'), 1000],
  ['budget 1e12, 3 voters', huge, instantly],
  ['budget 1e12, 3 in a ring', ring, instantly],
];
for (const [name, file, goal] of cases) {
  const runs = [0, 1, 2].map(() => cli(['pb', 'tally', file, '--rule', 'equalshares/add1']));
  const ms = median(runs.map((r) => r.ms));
  const cpu = median(runs.map((r) => r.cpuMs ?? Number.NaN));
  const rss = Math.max(...runs.map((r) => r.rssMb ?? 0));
  const info = /per-voter budget: (.*)$/m.exec(runs[0]?.out ?? '')?.[1] ?? '';
  console.log(
    `  ${name.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms (goal < ${goal} ms: ${ms < goal ? 'met' : 'NOT met'})` +
      `${Number.isFinite(cpu) ? `, CPU ${cpu.toFixed(0)} ms` : ''}` +
      `${rss ? `, peak RSS ${rss.toFixed(0)} MB` : ''}; per-voter budget ${info}`,
  );
}

console.log('\n2. start-up: node bin/buurtkracht.mjs --help, and pb --help');
const startup = median([0, 1, 2, 3, 4].map(() => cli(['--help']).ms));
console.log(`  ${startup.toFixed(0)} ms (bundled CLI, no TypeScript compiled at start)`);
// `pb` starts from a bundle of its own with V8's code cache (bin/code-cache.mjs): what a
// count pays before it reads its file.
const pbStartup = median([0, 1, 2, 3, 4].map(() => cli(['pb', '--help']).ms));
console.log(`  ${pbStartup.toFixed(0)} ms for pb (its own bundle and code cache)`);

console.log('\n3. reading pabulib (in process): parsePabulib on Łódź 2022, from its bytes');
{
  // As the CLI reads: the file's bytes (the VOTES lines are scanned undecoded). The goal is
  // judged on the parse, as at earlier stops (then from text); the figure with the file's
  // own read (fresh memory each time) is printed beside it.
  const file = join(dir, 'Poland_Lodz_2022.pb');
  const mb = statSync(file).size / 1e6;
  const times: number[] = [];
  const withRead: number[] = [];
  const cpuTimes: number[] = [];
  const profileTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const read = readFileSync(file);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    const c0 = process.cpuUsage();
    const t1 = performance.now();
    const { instance } = parsePabulib(bytes);
    const t2 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpuTimes.push((c1.user + c1.system) / 1000);
    buildProfile(instance);
    profileTimes.push(performance.now() - t2);
    times.push(t2 - t1);
    withRead.push(t2 - t0);
  }
  const ms = median(times);
  const cpu = median(cpuTimes);
  const all = median(withRead);
  console.log(
    `  ${mb.toFixed(1)} MB in ${ms.toFixed(0)} ms: ${(mb / (ms / 1000)).toFixed(0)} MB/s (goal ≥ 100 MB/s: ${
      mb / (ms / 1000) >= 100 ? 'met' : 'NOT met'
    }; CPU ${cpu.toFixed(0)} ms, ${(mb / (cpu / 1000)).toFixed(0)} MB/s of CPU time); with the file's read ${all.toFixed(0)} ms, ${(mb / (all / 1000)).toFixed(0)} MB/s; compact profile ${median(profileTimes).toFixed(0)} ms`,
  );
}

const voters = Number(process.env.BENCH_VOTERS ?? 1_000_000);
console.log(`\n4. generated election: ${voters.toLocaleString('en')} voters × 200 projects`);
{
  const t0 = performance.now();
  const p = generateProfile({ voters, projects: 200, approvals: 5 });
  const genMs = performance.now() - t0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const r = mesWithCompletion(p, 'add1');
  const ms = performance.now() - t1;
  const c2 = process.cpuUsage(c1);
  const cpuS = (c2.user + c2.system) / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `  generated in ${genMs.toFixed(0)} ms (${p.voters.length.toLocaleString('en')} approvals); MES + add1 ${(ms / 1000).toFixed(1)} s ` +
      `(goal < 10 s: ${ms < 10_000 ? 'met' : 'NOT met'}; CPU ${cpuS.toFixed(1)} s), ${r.runs} MES runs, per-voter budget ${r.endowment.toNumber()}, ` +
      `${r.selected.length} funded; peak RSS of this process ${rss.toFixed(0)} MB (goal < 1 GB: ${rss < 1024 ? 'met' : 'NOT met'})`,
  );
}
/**
 * Writes a generated election to `name` in the bench's folder and prints the median of
 * `times` whole-process counts (`pb tally --json`, add1; default 3): wall and CPU ms, MES
 * runs and how many of them were exact.
 */
function countGenerated(name: string, options: GeneratedOptions, times = 3): void {
  const file = join(tmp, name);
  writeFileSync(file, toPabulib(generateProfile(options)));
  const runs = Array.from({ length: times }, () =>
    cli(['pb', 'tally', file, '--rule', 'equalshares/add1', '--json']),
  );
  const ms = median(runs.map((r) => r.ms));
  const out = JSON.parse(runs[0]?.out ?? '{}') as { runs?: number; exactRuns?: number };
  console.log(
    `  ${ms.toFixed(0)} ms, CPU ${median(runs.map((r) => r.cpuMs ?? Number.NaN)).toFixed(0)} ms; ` +
      `${out.runs} MES runs, ${out.exactRuns} of them in exact arithmetic`,
  );
}

console.log('\n5. a round in whole thousands (whole process, --json): 2,000 voters × 150 projects');
// Uniform popularity and costs rounded to 1,000: projects with as many supporters left tie
// exactly, the case the float engine once handed to exact arithmetic (over 5 minutes).
countGenerated('round-thousands.pb', {
  voters: 2000,
  projects: 150,
  approvals: 4.5,
  roundTo: 1000,
  skew: 0,
  seed: 1,
});

console.log(
  '\n6. huge amounts (whole process, --json): 1,000 voters × 30 projects, every amount × 1e7 (about 3.5e10 per voter)',
);
// A currency unit is then below what floats resolve near a crossing: close comparisons are
// settled in rationals within float runs (decision 0006, skip-ahead and exact arithmetic).
countGenerated('huge-amounts.pb', {
  voters: 1000,
  projects: 30,
  approvals: 3,
  skew: 0.5,
  seed: 2,
  scale: 1e7,
});

console.log(
  "\n7. V8's warm-up (warmup.ts, a fresh process each): parse and MES + add1 three times in one process",
);
for (const [name, file] of [
  ['Warszawa 2026', join(dir, 'Poland_Warszawa_2026.pb')],
  ['Łódź 2022', join(dir, 'Poland_Lodz_2022.pb')],
] as const) {
  // With the inlining budget the CLI sets for pb commands (src/cli/bin.ts).
  const r = spawnSync(
    process.execPath,
    [
      '--max-inlined-bytecode-size-cumulative=200',
      '--import',
      'tsx',
      join(root, 'bench', 'pb', 'warmup.ts'),
      file,
    ],
    { encoding: 'utf8', cwd: root },
  );
  if (r.status !== 0) throw new Error(`warmup.ts ${file} failed: ${r.stderr}`);
  const { parse, count, runs } = JSON.parse(r.stdout) as {
    parse: number[];
    count: number[];
    runs: number;
  };
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  console.log(
    `  ${name.padEnd(14)} parse ${list(parse)} ms, count ${list(count)} ms (${runs} MES runs); ` +
      `warm-up in the first time: ${((parse[0] ?? 0) + (count[0] ?? 0) - (parse[2] ?? 0) - (count[2] ?? 0)).toFixed(0)} ms`,
  );
}
console.log(
  '\n8. few voters over many projects (whole process, --json, one count): 3 voters × 500 projects',
);
// One cheap ballot of 24 projects and two of about 280: the ballots' bound
// (mes-fit-bound.ts) covers most of the walk, and runs prove far more steps where short
// findings are judged over the whole run (mes-track.ts). Before these and the trace bound
// (stop 37): 8,007 MES runs, 32.5 s.
countGenerated('few-voters.pb', { voters: 3, projects: 500, approvals: 250, skew: 0, seed: 3 }, 1);
rmSync(tmp, { recursive: true, force: true });
