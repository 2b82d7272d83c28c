/**
 * add1's walk where float margins span whole steps and never let go (decision 0006,
 * skip-ahead): found by trying the engine on generated elections (stop 33).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mesWithCompletion } from './mes.js';
import { parsePabulib } from './pabulib.js';
import { buildProfile } from './profile.js';
import { GENERATED } from './test-helpers.js';

test('add1 stops walking one step per run where float runs prove nothing and rationals prove much', () => {
  // 120 cumulative ballots with half points over 40 projects, amounts in the hundreds of
  // billions: per-voter budgets of about 3.1e11, where float margins (e × 1e-9) span
  // about 313 steps. From the start of the walk every tracked float run proved less than
  // a step, while a run in rationals proves tens of millions. Told that a run in
  // rationals costs 600 float runs (what 300 such voters cost: supporter entries / 5), the
  // walk took one step per run for good (300 voters: over 15 minutes); now, after 600
  // single steps, it tries rationals, and keeps them while they pay.
  const file = join(GENERATED, 'cumulative_huge_amounts_120.pb');
  const p = buildProfile(parsePabulib(readFileSync(file, 'utf8')).instance);
  const r = mesWithCompletion(p, 'add1', { exactCostInRuns: 600 });
  assert.ok(r.runs < 4000, `${r.runs} runs`);
  assert.ok(r.exactRuns > 0 && r.exactRuns < r.runs / 4, `${r.exactRuns} of ${r.runs} runs exact`);
  // The same count with every tracked run that proves less than a step re-run in
  // rationals (retrackExactly, 1,514 runs and 9 s on this machine) takes this budget.
  assert.equal(r.endowment.toString(), '390514915707');
  assert.equal(r.selected.length, 13);
});
