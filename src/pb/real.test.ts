import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePabulib } from './pabulib.js';
import { RULES, tally } from './rules.js';
import { pabulibDir } from './test-helpers.js';

// Files whose official outcome cannot follow from their own data, with the reason. Each
// entry asserts the exact difference, so it fails if the engine's result ever moves.
const KNOWN: Record<string, { extra: string[]; missing: string[]; why: string }> = {
  'Poland_Wroclaw_2017_Rejon_nr_11_750.pb': {
    extra: [],
    missing: ['425'],
    why:
      'Project 150 (most votes) was withdrawn after the vote; pabulib set its cost to 999999999. ' +
      'Under greedy-no-skip counting stops at that project, so nothing is funded; officially it ' +
      'was removed from the count and 425 was funded.',
  },
};

const dir = pabulibDir();

test('every pabulib file with a selected column and a supported rule is reproduced', {
  skip: !dir,
}, () => {
  const files = readdirSync(dir as string).filter((f) => f.endsWith('.pb'));
  let checked = 0;
  for (const f of files) {
    const inst = parsePabulib(readFileSync(join(dir as string, f), 'utf8'));
    const rule = inst.meta.rule ?? '';
    if (!inst.projectColumns.includes('selected') || !RULES.has(rule)) continue;
    const ours = new Set(tally(inst, rule).selected);
    const official = new Set(
      inst.projects.filter((p) => p.fields.selected !== '0').map((p) => p.id),
    );
    const extra = [...ours].filter((id) => !official.has(id));
    const missing = [...official].filter((id) => !ours.has(id));
    const known = KNOWN[f];
    assert.deepEqual(
      { extra, missing },
      known ? { extra: known.extra, missing: known.missing } : { extra: [], missing: [] },
      f,
    );
    checked++;
  }
  // Assen 2024, Świecie 2023 and Wieliczka 2023 (MES) are among them.
  assert.ok(checked >= 18, `only ${checked} files checked`);
});
