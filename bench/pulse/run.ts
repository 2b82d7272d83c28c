/**
 * Pulse benchmark (issue 15): a generated year of 50 networks (2 regions × 5 municipalities ×
 * 5 networks), each with 2,000 signals, meetings (3 agenda items each) and decisions, bulk
 * inserted in SQL; then each dashboard page is requested through app.inject as the person who
 * reads it, and its latency reported.
 *
 *   npm run bench:pulse                  PGlite in memory
 *   npm run bench:pulse -- --pg          PostgreSQL (BENCH_DATABASE_URL, default
 *                                        postgres://postgres@127.0.0.1:5432/postgres): a fresh
 *                                        database is created and dropped afterwards
 *   BENCH_ROWS=500 BENCH_REPEATS=20 …    fewer rows per network, fewer requests per page
 *   BENCH_DETAIL=1 …                     also times each count of a region's pulse on its own
 *
 * Prints p50/p95 in milliseconds per page (network pulse, municipality pulse, region pulse,
 * leader overview), and the load average when it ran.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { runMigrations } from '../../src/db/migrate.js';
import { TestClient, testConfig } from '../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../test/helpers/factories.js';
import { openBenchDatabase, percentile } from '../database.js';
import { seedPulseYear } from './data.js';

const usePg = process.argv.includes('--pg');
const rows = Number(process.env.BENCH_ROWS ?? 2_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 30);

const { handle, cleanup } = await openBenchDatabase(usePg, 'bench_pulse');
try {
  await runMigrations(handle);
  const db = handle.db;
  const started = Date.now();

  const { networkIds, municipalityIds, regionIds, coordinator, municipalityLeader, regionLeader } =
    await seedPulseYear(db, rows);
  const first = networkIds[0]!;
  if (handle.kind === 'postgres') await db.execute(sql`analyze`);
  console.log(
    `${networkIds.length} networks × ${rows} signals, meetings (3 agenda items each) and decisions in ${((Date.now() - started) / 1000).toFixed(1)} s (${usePg ? 'PostgreSQL' : 'PGlite'})`,
  );

  if (process.env.BENCH_DETAIL) {
    // Each count of the region's pulse on its own (to find the slow one).
    const { pulseService, periodOf, monthsBack } = await import(
      '../../src/modules/pulse/service.js'
    );
    const today = new Date().toISOString().slice(0, 10);
    const period = periodOf(monthsBack(today, 11), monthsBack(today, 0));
    const region = networkIds.slice(0, 25);
    const { signalsModule } = await import('../../src/modules/signals/index.js');
    const { decisionsModule } = await import('../../src/modules/decisions/index.js');
    const { meetingsModule } = await import('../../src/modules/meetings/index.js');
    const { peopleModule } = await import('../../src/modules/people/index.js');
    const { budgetingModule } = await import('../../src/modules/budgeting/index.js');
    const { libraryModule } = await import('../../src/modules/library/index.js');
    const { experimentsModule } = await import('../../src/modules/experiments/index.js');
    const { from, to } = period;
    const members = () => peopleModule.api.directory(db).residentMemberships(region);
    const counts: [string, () => Promise<unknown>][] = [
      [
        'decisions',
        () =>
          decisionsModule.api
            .pulse(db)
            .countDecisions(
              region,
              from,
              to,
              signalsModule.api.pulse(db).residentSignalIds(region),
            ),
      ],
      ['due', () => decisionsModule.api.pulse(db).countDueForReview(region, today)],
      ['signals', () => signalsModule.api.pulse(db).countSignals(region, from, to)],
      ['agenda', () => meetingsModule.api.pulse(db).countAgenda(region, from, to)],
      [
        'attendance',
        () => meetingsModule.api.pulse(db).countAttendance(region, from, to, members()),
      ],
      ['experiments', () => experimentsModule.api.pulse(db).countExperiments(region, from, to)],
      ['lessons', () => libraryModule.api.pulse(db).countLessons(region, from, to)],
      ['budget', () => budgetingModule.api.pulse(db).countRounds(region, from, to, members())],
      ['all', () => pulseService(db).pulseOf(region, period, today)],
    ];
    for (const [label, run] of counts) {
      await run();
      const t0 = performance.now();
      await run();
      console.log(`  ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
    }
  }
  const app = await buildApp(testConfig({ LOG_LEVEL: 'silent' }), handle);
  await app.ready();
  try {
    const client = async (email: string) => {
      const c = new TestClient(app);
      await c.login(email, TEST_PASSWORD);
      return c;
    };
    const pages: [string, TestClient, string][] = [
      ['network pulse', await client(coordinator.email!), `/netwerk/${first}/puls`],
      [
        'municipality pulse',
        await client(municipalityLeader.email!),
        `/puls/gemeente/${municipalityIds[0]}`,
      ],
      ['region pulse', await client(regionLeader.email!), `/puls/regio/${regionIds[0]}`],
      ['leader overview', await client(regionLeader.email!), '/bestuurder'],
    ];
    for (const [label, c, url] of pages) {
      const times: number[] = [];
      for (let i = 0; i < repeats + 2; i++) {
        const t0 = performance.now();
        const response = await c.get(url);
        const ms = performance.now() - t0;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
        if (i >= 2) times.push(ms); // the first two warm the caches
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(20)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms  (${repeats} requests, ${url})`,
      );
    }
  } finally {
    await app.close();
  }
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await cleanup();
}
