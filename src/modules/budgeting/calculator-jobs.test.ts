import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CalculatorJob, calculatorJobs } from './calculator-jobs.js';

/** The job a start gave, failing the test when it was refused ('busy' or 'yours'). */
function started(job: CalculatorJob | 'busy' | 'yours'): CalculatorJob {
  if (typeof job === 'string') throw new Error(`the count was refused: ${job}`);
  return job;
}

const SMALL = `META
key;value
budget;10
PROJECTS
project_id;cost;name
1;5;Bankjes
2;8;Speeltuin
VOTES
voter_id;vote
a;1
b;1,2
`;

/** A file whose count takes a while: 60 projects, 30,000 voters with six choices each. */
function slowFile(): string {
  const lines = ['META', 'key;value', 'budget;50000', 'PROJECTS', 'project_id;cost'];
  for (let p = 1; p <= 60; p++) lines.push(`${p};${1000 + ((p * 7919) % 9000)}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= 30_000; v++) {
    const chosen = new Set<number>();
    for (let k = 0; chosen.size < 6; k++) chosen.add(1 + ((v * 31 + k * 17 + k * k) % 60));
    lines.push(`${v};${[...chosen].join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a count runs in a worker: running at first, then done with the outcome in both languages', async () => {
  const jobs = calculatorJobs();
  const job = started(jobs.start(SMALL, 'greedy', 'klein.pb'));
  assert.equal(job.status, 'running');
  assert.equal(jobs.get(job.id), job);
  assert.match(job.id, /^[A-Za-z0-9_-]{22}$/);
  await job.finished;
  assert.equal(job.status, 'done');
  assert.ok(job.result?.ok);
  if (!job.result?.ok) return;
  assert.deepEqual(
    job.result.byLang.nl.funded.map((p) => p.name),
    ['Bankjes'],
  );
  assert.match(job.result.byLang.en.funded[0]!.explanation.join(' '), /funded/);
  // The upload's bytes (as the calculator's form sends them) count the same as the text.
  const bytes = started(jobs.start(Buffer.from(SMALL), 'greedy', 'klein.pb'));
  await bytes.finished;
  assert.deepEqual(bytes.result, job.result);
  await jobs.close();
});

test('counts beyond the limit are refused as busy; a count past its time is stopped', async () => {
  const jobs = calculatorJobs({ maxRunning: 1, timeoutMs: 50 });
  const slow = started(jobs.start(slowFile(), 'equalshares/add1', 'groot.pb', 'a'));
  assert.equal(jobs.start(SMALL, 'greedy', 'klein.pb', 'b'), 'busy');
  await slow.finished;
  assert.equal(slow.status, 'failed');
  assert.equal(slow.failure, 'timeout');
  // With the slow one stopped there is room again.
  const next = started(jobs.start(SMALL, 'greedy', 'klein.pb', 'b'));
  await next.finished;
  await jobs.close();
});

test('one client has one count running at a time; others may start theirs', async () => {
  const jobs = calculatorJobs({ maxRunning: 2 });
  const first = started(jobs.start(slowFile(), 'equalshares/add1', 'groot.pb', '192.0.2.1'));
  assert.equal(jobs.start(SMALL, 'greedy', 'klein.pb', '192.0.2.1'), 'yours');
  const other = started(jobs.start(SMALL, 'greedy', 'klein.pb', '192.0.2.2'));
  await Promise.all([first.finished, other.finished]);
  // Done: the first client may count again.
  const again = started(jobs.start(SMALL, 'greedy', 'klein.pb', '192.0.2.1'));
  await again.finished;
  await jobs.close();
});

test('a faulty file is done with its line, not failed', async () => {
  const jobs = calculatorJobs();
  const job = started(
    jobs.start(SMALL.replace('1;5;Bankjes', '1;-5;Bankjes'), 'greedy', 'fout.pb'),
  );
  await job.finished;
  assert.equal(job.status, 'done');
  assert.deepEqual(job.result && !job.result.ok && job.result.line, 6);
  await jobs.close();
});

test('a count past its memory limit fails as such; the server goes on', async () => {
  // 20 MB of heap reads the small file but not 200,000 ballots in quotes: quoted VOTES go
  // to the general reader, an object per ballot on the heap. (Unquoted, the byte scan keeps
  // them in typed arrays, outside the heap limit, and 200,000 ballots sometimes fitted.)
  const jobs = calculatorJobs({ maxHeapMb: 20 });
  const lines = ['META', 'key;value', 'budget;50000', 'PROJECTS', 'project_id;cost'];
  for (let p = 1; p <= 60; p++) lines.push(`${p};${1000 + p}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= 200_000; v++) lines.push(`"${v}";"${1 + (v % 60)},${1 + ((v * 7) % 60)}"`);
  const heavy = started(jobs.start(`${lines.join('\n')}\n`, 'greedy', 'zwaar.pb'));
  await heavy.finished;
  assert.equal(heavy.status, 'failed');
  assert.equal(heavy.failure, 'memory');
  const small = started(jobs.start(SMALL, 'greedy', 'klein.pb'));
  await small.finished;
  assert.equal(small.status, 'done');
  await jobs.close();
});

test('an error of the engine is reported with the job, not swallowed', async () => {
  const reported: { error: unknown; file: string }[] = [];
  const jobs = calculatorJobs({
    onError: (error, job) => reported.push({ error, file: job.fileName }),
  });
  // The routes never start an unknown rule; here it stands in for a defect that throws.
  const job = started(jobs.start(SMALL, 'no-such-rule', 'defect.pb'));
  await job.finished;
  assert.equal(job.status, 'failed');
  assert.equal(job.failure, 'error');
  assert.equal(reported.length, 1);
  assert.equal(reported[0]?.file, 'defect.pb');
  assert.match(String(reported[0]?.error), /unknown rule "no-such-rule"/);
  await jobs.close();
  assert.equal(reported.length, 1, 'closing the jobs reports nothing more');
});
