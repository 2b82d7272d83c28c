// bench:votes — sustained ballots per second over HTTP against the real app (production mode,
// built code): on PostgreSQL with two app processes sharing one database, and on embedded
// PGlite with one process. A round in its voting phase with enough codes is made first; then
// `connections` voters cast ballots as fast as the servers take them, each with a fresh code,
// for `duration` seconds, as the review page's form posts them (the submit step: one
// transaction per ballot). Afterwards the database is counted: every acknowledged ballot
// (303) must be stored, once. Prints ballots/s, p50 and p99 latency, the app processes' CPU
// time per ballot (from /proc: comparable on a busy machine), errors and lost.
// Goals (issue 13): ≥ 300/s on PostgreSQL, ≥ 100/s on PGlite, 0 lost, p99 under 200 ms.
//   npm run bench:votes [-- --duration 10 --connections 20 --only pglite|postgres]
//   --profile DIR writes each server's CPU profile (node --cpu-prof) into DIR.
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { budgetingRepository } from '#src/modules/budgeting/repository.js';
import {
  type Backend,
  prepareVotingSite,
  type VotingSite,
  votingBrowser,
} from '#test/helpers/voting-servers.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

const production = {
  NODE_ENV: 'production',
  // Production needs the public address; links only, nothing is fetched from it.
  PUBLIC_URL: 'http://127.0.0.1',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
};

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Casts ballots with fresh codes from `codes` for `seconds`; what was answered. */
async function castFor(site: VotingSite, codes: string[], seconds: number, label: string) {
  const browsers = await Promise.all(site.servers.map((s) => votingBrowser(site, s)));
  const latencies: number[] = [];
  const receipts: string[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      const browser = browsers[w % browsers.length]!;
      while (performance.now() < until && next < codes.length) {
        const k = next++;
        try {
          const cast = await browser.cast(
            codes[k]!,
            site.ids[k % 3]!,
            `${label}-${k}-bench-form-key`,
          );
          latencies.push(cast.ms);
          if (cast.status === 303 && cast.receipt) receipts.push(cast.receipt);
          else {
            errors++;
            statuses[cast.status] = (statuses[cast.status] ?? 0) + 1;
          }
        } catch (error) {
          errors++;
          const why = (error as Error).cause ?? error;
          statuses[String((why as Error).message)] =
            (statuses[String((why as Error).message)] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (errors > 0) console.warn(`${label}: not acknowledged`, statuses);
  return { latencies, receipts, errors, used: next, elapsed };
}

async function bench(backend: Backend, processes: number, codeCount: number) {
  const site = await prepareVotingSite(backend, {
    codes: codeCount,
    env: production,
    from: 'dist',
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
  });
  try {
    await site.start(processes);
    // A short warm-up, so the JIT and the database caches are in their steady state.
    const warm = await castFor(site, site.codes, 2, 'warm');
    const rest = site.codes.slice(warm.used);
    const cpuBefore = site.servers.map((s) => cpuMs(s.child.pid));
    const run = await castFor(site, rest, duration, 'run');
    const cpu = site.servers.reduce((sum, s, k) => sum + cpuMs(s.child.pid) - cpuBefore[k]!, 0);
    const acknowledged = [...warm.receipts, ...run.receipts];
    const counted = await site.withDatabase(async (h) => {
      const repo = budgetingRepository(h.db);
      const { rows } = (await h.db.execute(
        sql`select receipt from budget_ballots where round_id = ${site.roundId}`,
      )) as unknown as { rows: { receipt: string }[] };
      return {
        ballots: await repo.countBallots(site.roundId),
        voters: await repo.countVoters(site.roundId),
        receipts: new Set(rows.map((r) => r.receipt)),
      };
    });
    const lost = acknowledged.filter((r) => !counted.receipts.has(r)).length;
    const sorted = [...run.latencies].sort((a, b) => a - b);
    if (run.used >= rest.length) console.warn(`${backend}: ran out of codes; raise the count`);
    return {
      name: `${backend}, ${processes} process${processes > 1 ? 'es' : ''}`,
      'ballots/s': Math.round(run.receipts.length / run.elapsed),
      'p50 ms': Math.round(percentile(sorted, 50)),
      'p99 ms': Math.round(percentile(sorted, 99)),
      // What one ballot costs the app process(es), whatever else the machine is doing.
      'app CPU ms/ballot': run.receipts.length ? +(cpu / run.receipts.length).toFixed(1) : 0,
      errors: run.errors + warm.errors,
      acknowledged: acknowledged.length,
      stored: counted.ballots,
      'voted-records': counted.voters,
      lost,
    };
  } finally {
    await site.remove();
  }
}

const rows = [];
if (values.only !== 'pglite') rows.push(await bench('postgres', 2, 12_000));
if (values.only !== 'postgres') rows.push(await bench('pglite', 1, 5_000));
console.log(`\n${connections} connections, ${duration} s after a 2 s warm-up\n`);
console.table(rows);
const failed = rows.filter((r) => r.lost > 0 || r.stored !== r.acknowledged);
if (failed.length > 0) {
  console.error(
    `ballots lost or stored without an answer: ${failed.map((r) => r.name).join(', ')}`,
  );
  process.exitCode = 1;
}
