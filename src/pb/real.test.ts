/**
 * Real elections: every pabulib file with a `selected` column and a rule we can count is
 * reproduced (the official outcome), on the fixtures in the repository and on the larger
 * shared set (../shared/pabulib; a failure on CI when it is missing).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePabulib } from './pabulib.js';
import { officialRule, officialSelection, tally } from './rules.js';
import { FIXTURES, readFixture, sharedPabulib } from './test-helpers.js';

/** Checks every file of a folder; returns how many had an official outcome to compare. */
function checkFolder(dir: string): number {
  let checked = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.pb'))) {
    const inst = parsePabulib(readFileSync(join(dir, f), 'utf8')).instance;
    const chosen = officialRule(inst);
    if (!inst.projectColumns.includes('selected') || !('rule' in chosen)) continue;
    const ours = new Set(tally(inst, chosen.rule).selected);
    const { official } = officialSelection(inst, chosen.rule);
    const extra = [...ours].filter((id) => !official.has(id));
    const missing = [...official].filter((id) => !ours.has(id));
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] }, f);
    checked++;
  }
  return checked;
}

test('the pabulib fixtures are reproduced, each as its city counted it', () => {
  // Assen and Świecie (MES add1), Gdynia (a tie broken by file order), Wrocław Rejon 11
  // (a withdrawn project), Poznań (80 % rule), Blonia Wilanowskie (a repeated project).
  assert.equal(checkFolder(FIXTURES), 8);
});

test('Warszawa 2017 Plac Wojska Polskiego: everything fits, so add1 funds all four', () => {
  // 44,720 of 51,195: the raised per-voter budget reaches the outcome that funds them all.
  const inst = readFixture('Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb');
  const o = tally(inst, 'equalshares/add1');
  assert.deepEqual([...o.selected].sort(), ['1623', '2567', '427', '915']);
  assert.equal(o.totalCost, 44720);
});

const shared = sharedPabulib();

test('every file of the shared pabulib set with an official outcome is reproduced', {
  skip: shared.skip,
}, () => {
  // Assen 2024, Świecie 2023 and Wieliczka 2023 (MES) are among them.
  assert.ok(checkFolder(shared.need()) >= 22);
});
