/**
 * Few voters and thousands of projects: every run chooses hundreds of projects among
 * thousands of candidates, so what a run keeps per round and candidate (its trace and
 * log, the pattern space's histograms) once grew to gigabytes: 20,000 projects and 3
 * voters ran out of memory (found by trying the engine on generated elections, stop 34).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mesFloatRun, mesWithCompletion, sameOutcomeBetween } from './mes.js';
import { madePatternSpace } from './mes-patterns.js';
import { TRACE_ENTRIES, traceEntries } from './mes-run.js';
import { buildProfile } from './profile.js';
import { approval } from './test-helpers.js';

/** 3 voters, `m` projects costing 100 to 5,000, each voter approving about 7 in 10. */
function fewVoters(m: number, budget: number) {
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const costs: Record<string, number> = {};
  for (let c = 1; c <= m; c++) costs[String(c)] = 100 + Math.floor(next() * 4901);
  const ballots = [0, 1, 2].map(() => Object.keys(costs).filter(() => next() < 0.7));
  return buildProfile(approval(budget, costs, ballots));
}

test('a run over thousands of projects keeps no trace beyond its bound, and still proves how far it holds', () => {
  const p = fewVoters(1700, 2_250_000);
  const e = p.budget / p.n;
  const tracked = mesFloatRun(p, e, {}, true);
  const plain = mesFloatRun(p, e, {});
  assert.ok(tracked && plain);
  // About 1,000 rounds of up to 1,700 candidates: past its bound, so it is not kept.
  assert.ok(tracked.selected.length > 1000, `${tracked.selected.length} rounds`);
  assert.equal(tracked.trace, undefined);
  assert.deepEqual(tracked.selected, plain.selected);
  // Its log (lazy evaluations only) stays within the bound.
  assert.ok((tracked.log?.project.length ?? 0) <= traceEntries(p));
  // The skip-ahead does not need the trace; the two-run certificate does, and says no.
  assert.ok(tracked.stable > 0, `stable ${tracked.stable}`);
  assert.equal(sameOutcomeBetween(p, 'default', tracked, tracked), false);
});

test('a trace is bounded by the ballots: with few voters it is not kept, and add1 stops probing', () => {
  // 3 voters, 200 projects: 420 supporters in all, so the bound is its floor of 2^14.
  // A run at B/n writes 17,226 trace entries over its 200-odd rounds; with that trace
  // add1 probed ahead, and nearly every probe failed: 24 runs (before this bound).
  const p = fewVoters(200, 300_000);
  const tracked = mesFloatRun(p, p.budget / p.n, {}, true);
  assert.ok(tracked);
  assert.equal(tracked.trace, undefined);
  const r = mesWithCompletion(p, 'add1');
  assert.ok(r.runs <= 12, `${r.runs} runs`);
  // Same outcome as the walk of whole steps, the reference.
  const walk = mesWithCompletion(p, 'add1', { walk: true });
  assert.deepEqual(r.selected, walk.selected);
  assert.equal(r.endowment.toString(), walk.endowment.toString());
});

test('the bound grows with the ballots, from 2^14 up to TRACE_ENTRIES', () => {
  assert.equal(traceEntries(fewVoters(200, 300_000)), 2 ** 14);
  const many = { voters: new Int32Array(3_000_000) } as Parameters<typeof traceEntries>[0];
  assert.equal(traceEntries(many), TRACE_ENTRIES);
  const some = { voters: new Int32Array(50_000) } as Parameters<typeof traceEntries>[0];
  assert.equal(traceEntries(some), 50_000);
});

test('the pattern space gives up as soon as its histograms fill their memory bound', () => {
  // 3 voters, 3,000 projects: the first run alone built 386,000 histograms (over 1 GB).
  const p = fewVoters(3000, 750_000);
  const r = mesWithCompletion(p, 'add1');
  const space = madePatternSpace(p);
  assert.ok(space?.off);
  // Given up for memory after its first run, where not paying would take four.
  assert.equal(space.runs, 1);
  const perVoter = mesWithCompletion(p, 'add1', { patterns: false });
  assert.deepEqual(r.selected, perVoter.selected);
  assert.equal(r.endowment.toString(), perVoter.endowment.toString());
});
