// Daily jobs (such as anonymising person-bound signals after their retention period).
// Every app process checks each hour; the database decides which one runs a job, once a day.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { platformRepository } from './repository.js';

export interface DailyJob {
  name: string;
  run(now: Date): Promise<unknown>;
}

const DAY = 24 * 3_600_000;
const CHECK_EVERY = 3_600_000;

/** Runs the jobs that are due now; returns the names of those this process ran. */
export async function runDueJobs(
  db: Database,
  jobs: DailyJob[],
  now = new Date(),
): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (await platformRepository(db).claimJobRun(job.name, now, DAY)) {
      await job.run(now);
      ran.push(job.name);
    }
  }
  return ran;
}

/** Starts the hourly check; the returned function stops it. */
export function startDailyJobs(db: Database, jobs: DailyJob[], log: FastifyBaseLogger): () => void {
  const tick = () =>
    runDueJobs(db, jobs)
      .then((ran) => {
        if (ran.length > 0) log.info({ jobs: ran }, 'daily jobs ran');
      })
      .catch((error: unknown) => log.error({ err: error }, 'daily job failed'));
  void tick();
  const timer = setInterval(tick, CHECK_EVERY);
  timer.unref();
  return () => clearInterval(timer);
}

/** A worker run about once a minute by each process (see ModuleWorker). */
export interface FrequentWorker {
  name: string;
  run(now: Date): Promise<unknown>;
}

/** How often each process runs the frequent workers: once a minute. */
export const WORKER_EVERY = 60_000;

/**
 * Starts the frequent workers (the mail queue): each in turn, never two runs of one process at
 * once; a failure is logged and the next tick tries again. The returned function stops them.
 */
export function startFrequentWorkers(
  workers: FrequentWorker[],
  log: FastifyBaseLogger,
  everyMs = WORKER_EVERY,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const worker of workers) {
        try {
          await worker.run(new Date());
        } catch (error: unknown) {
          log.error({ err: error, worker: worker.name }, 'worker failed');
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
