// The calculator's counts in progress and their results, kept in this process's memory for
// half an hour under an unguessable id. Each count runs in its own worker thread
// (calculator-worker.ts); a few at once, each with a time limit and a memory limit, so one
// heavy file can neither hold a core for ever nor take the server's memory.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { CalculatorResult, CalculatorStep } from './calculator.js';

/** A count: running (at a step), done (a result or a parse error), or failed. */
export interface CalculatorJob {
  id: string;
  /** Who started it (the request's address), for the limit per client. */
  client: string;
  rule: string;
  fileName: string;
  startedAt: number;
  status: 'running' | 'done' | 'failed';
  step: CalculatorStep;
  result?: CalculatorResult;
  /**
   * Why it failed: it took too long, it needed more memory than a count may have, or the
   * engine stopped on an error (a defect: reported to `onError`).
   */
  failure?: 'timeout' | 'memory' | 'error';
  /** Settles when the count is done or failed. */
  finished: Promise<void>;
}

export interface CalculatorJobOptions {
  /** Counts that may run at the same time (the machine's cores are shared with requests). */
  maxRunning?: number;
  /** Counts one client (an address) may have running at once (1), so one cannot take all. */
  maxPerClient?: number;
  /** A count that takes longer is stopped (ms; 120,000). */
  timeoutMs?: number;
  /**
   * The heap a count's worker may use (MB of V8's old generation; 768). It bounds what the
   * count keeps in JavaScript objects (the general reader's ballots, explanations); the
   * engine's typed arrays lie outside it and are bounded by the upload limit (5 MB) and
   * the limit on projects (CALCULATOR_MAX_PROJECTS).
   */
  maxHeapMb?: number;
  /** Told of a count the engine stopped on with an error (a defect), with that error. */
  onError?: (error: unknown, job: CalculatorJob) => void;
  /** How long a result stays available. */
  keepMs?: number;
  /** The most results kept; the oldest go first. */
  maxKept?: number;
}

// In dist/ the worker is JavaScript. Under tsx (development, tests) it is TypeScript, which a
// worker thread cannot load by itself on Node 20: a small start-up script registers tsx first.
const typescript = import.meta.url.endsWith('.ts');
const workerFile = new URL(
  typescript ? './calculator-worker.ts' : './calculator-worker.js',
  import.meta.url,
);

function newWorker(workerData: unknown, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!typescript) return new Worker(workerFile, { workerData, resourceLimits });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((m) => { m.register(); return import(${JSON.stringify(workerFile.href)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/** Whether a worker stopped because it reached its heap limit (Node's error code). */
const outOfMemory = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/** The calculator's jobs of one app: start a count, look one up. */
export function calculatorJobs(options: CalculatorJobOptions = {}) {
  const maxRunning = options.maxRunning ?? 2;
  const maxPerClient = options.maxPerClient ?? 1;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const keepMs = options.keepMs ?? 30 * 60_000;
  const maxKept = options.maxKept ?? 100;
  const maxHeapMb = options.maxHeapMb ?? 768;
  const jobs = new Map<string, CalculatorJob>();
  const workers = new Set<Worker>();
  let closing = false;
  const report = (error: unknown, job: CalculatorJob) => {
    if (!closing && job.status === 'running') options.onError?.(error, job);
  };

  function forgetOld(now: number) {
    for (const [id, job] of jobs) {
      if (job.status !== 'running' && now - job.startedAt > keepMs) jobs.delete(id);
    }
    while (jobs.size > maxKept) {
      const oldest = [...jobs.values()].find((j) => j.status !== 'running');
      if (!oldest) break;
      jobs.delete(oldest.id);
    }
  }

  return {
    /**
     * Starts counting `file` (its text or its bytes, copied to the worker) with `rule` in a
     * worker thread for `client`; 'yours' when that client has enough running already,
     * 'busy' when enough are running in all.
     */
    start(
      file: string | Uint8Array,
      rule: string,
      fileName: string,
      client = '',
    ): CalculatorJob | 'busy' | 'yours' {
      const now = Date.now();
      forgetOld(now);
      const running = [...jobs.values()].filter((j) => j.status === 'running');
      if (running.filter((j) => j.client === client).length >= maxPerClient) return 'yours';
      if (running.length >= maxRunning) return 'busy';
      const job = {
        id: randomBytes(16).toString('base64url'),
        client,
        rule,
        fileName,
        startedAt: now,
        status: 'running',
        step: 'read',
      } as CalculatorJob;
      job.finished = new Promise<void>((resolve) => {
        const worker = newWorker({ file, rule }, maxHeapMb);
        workers.add(worker);
        const finish = (update: Partial<CalculatorJob>) => {
          if (job.status !== 'running') return;
          Object.assign(job, update);
          clearTimeout(timer);
          workers.delete(worker);
          void worker.terminate();
          resolve();
        };
        const timer = setTimeout(() => finish({ status: 'failed', failure: 'timeout' }), timeoutMs);
        worker.on(
          'message',
          (message: { type: string; step?: CalculatorStep; result?: CalculatorResult }) => {
            if (message.type === 'step' && message.step) job.step = message.step;
            if (message.type === 'done') finish({ status: 'done', result: message.result });
          },
        );
        worker.on('error', (error) => {
          if (outOfMemory(error)) return finish({ status: 'failed', failure: 'memory' });
          report(error, job);
          finish({ status: 'failed', failure: 'error' });
        });
        worker.on('exit', (code) => {
          report(new Error(`the count's worker exited with code ${code}`), job);
          finish({ status: 'failed', failure: 'error' });
        });
      });
      jobs.set(job.id, job);
      return job;
    },

    /** The job with this id, while it is kept. */
    get(id: string): CalculatorJob | undefined {
      return jobs.get(id);
    },

    /** Stops every running count (when the app closes). */
    async close(): Promise<void> {
      closing = true;
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}

export type CalculatorJobs = ReturnType<typeof calculatorJobs>;
