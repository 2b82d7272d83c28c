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
import { TRACE_ENTRIES } from './mes-run.js';
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
  // About 1,000 rounds of up to 1,700 candidates: past TRACE_ENTRIES, so it is not kept.
  assert.ok(tracked.selected.length > 1000, `${tracked.selected.length} rounds`);
  assert.equal(tracked.trace, undefined);
  assert.deepEqual(tracked.selected, plain.selected);
  // Its log (lazy evaluations only) stays within the bound.
  assert.ok((tracked.log?.project.length ?? 0) <= TRACE_ENTRIES);
  // The skip-ahead does not need the trace; the two-run certificate does, and says no.
  assert.ok(tracked.stable > 0, `stable ${tracked.stable}`);
  assert.equal(sameOutcomeBetween(p, 'default', tracked, tracked), false);
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
