import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { mesFloatRun, mesWithCompletion } from './mes.js';
import { mesExactRun } from './mes-exact.js';
import { madePatternSpace, patternSpace } from './mes-patterns.js';
import type { MesRun } from './mes-run.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { crowd, election, wide } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

// Runs that keep money per pattern of support (mes-patterns.ts) against runs per voter.

test('runs that keep money per pattern of support give what runs per voter give', () => {
  let compared = 0;
  let uncapped = 0;
  const near = (a: number, b: number, tol: number) =>
    a === b || Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
  fc.assert(
    fc.property(
      fc.oneof(election, wide, crowd),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.array(
        fc.record({
          e: fc.integer({ min: 0, max: 120 }),
          track: fc.boolean(),
          cap: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
          prior: fc.boolean(),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      (inst, utility, steps) => {
        const p = buildProfile(inst);
        // The per-voter reference: the same election with caches of its own.
        const q = { ...p };
        let before: [MesRun, MesRun] | undefined;
        for (const { e, track, cap, prior } of steps) {
          const use = prior && before && (before[0].log?.endowment ?? 0) <= e;
          const runsBefore = madePatternSpace(p)?.runs ?? 0;
          const a = mesFloatRun(p, e, { utility }, track, use ? before?.[0] : undefined, cap);
          const b = mesFloatRun(
            q,
            e,
            { utility, patterns: false },
            track,
            use ? before?.[1] : undefined,
            cap,
          );
          assert.equal(
            a === null,
            b === null,
            'both runs leave the same close call to the exact engine',
          );
          if (!a || !b) continue;
          // Counted only when the run kept money per pattern (a space may switch itself off).
          // A run without a cap keeps it when capped runs made the space (add1's full count
          // of the outcome it took).
          const made = madePatternSpace(p);
          if (made && made.runs > runsBefore) {
            if (cap !== undefined) compared++;
            else uncapped++;
          }
          assert.deepEqual(a.selected, b.selected);
          assert.deepEqual(a.round, b.round);
          assert.deepEqual(a.paidAll, b.paidAll);
          assert.equal(a.partial, b.partial);
          assert.deepEqual(a.tieDecisions, b.tieDecisions);
          for (let c = 0; c < p.m; c++)
            assert.ok(near(a.share[c] as number, b.share[c] as number, 1e-12), `share ${c}`);
          assert.equal(a.budgets.length, b.budgets.length);
          for (let v = 0; v < a.budgets.length; v++)
            assert.ok(near(a.budgets[v] as number, b.budgets[v] as number, 1e-9), `voter ${v}`);
          assert.ok(near(a.stable, b.stable, 1e-6), `stable ${a.stable} against ${b.stable}`);
          before = [a, b];
        }
      },
    ),
    { numRuns: 400 },
  );
  console.log(
    `runs per pattern compared with runs per voter: ${compared}, without a cap ${uncapped}`,
  );
  assert.ok(compared > 300);
  assert.ok(uncapped > 100);
  let widened = 0;
  // And whole counts: add1's walk with pattern runs gives the per-voter walk's outcome,
  // also when only two per-voter pattern arrays are kept (the rest rebuilt in used ones),
  // when those arrays are widened from 2 to 4 bytes a voter in the middle of the count,
  // and when every pattern has the same hashes (each one found by the full check alone).
  fc.assert(
    fc.property(
      fc.oneof(election, wide, crowd),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.constantFrom('add1' as const, 'add1u' as const, 'add1-exhaustive' as const),
      fc.constantFrom('as made', 'two arrays', 'one hash', 'widened'),
      (inst, utility, completion, mode) => {
        const p = buildProfile(inst);
        const space = patternSpace(p);
        if (space && mode === 'two arrays') space.pidLimit = 2;
        // Pattern arrays of 2 bytes a voter widened to 4 as soon as an id passes 1 (in a
        // count, past 65,535): mid-count, with arrays kept and given back.
        if (space && mode === 'widened') space.narrowLimit = 1;
        if (space && mode === 'one hash') {
          const words = space as unknown as { zA: Int32Array; zB: Int32Array };
          words.zA.fill(0);
          words.zB.fill(0);
        }
        const a = mesWithCompletion(p, completion, { utility, classes: false });
        const b = mesWithCompletion(p, completion, { utility, classes: false, patterns: false });
        assert.deepEqual(a.selected, b.selected);
        assert.equal(a.endowment.cmp(b.endowment), 0);
        assert.deepEqual(a.tieDecisions, b.tieDecisions);
        if (space?.widened) widened++;
        // The outcome's run (run per pattern when the walk made them) tells each voter's
        // money as the per-voter one does: explanations quote it.
        assert.equal(a.run.budgets.length, b.run.budgets.length);
        for (let v = 0; v < a.run.budgets.length; v++) {
          const x = a.run.budgets[v] as number;
          const y = b.run.budgets[v] as number;
          assert.ok(x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)), `voter ${v}`);
        }
      },
    ),
    { numRuns: 300 },
  );
  console.log(`whole counts whose pattern arrays were widened: ${widened}`);
  assert.ok(widened > 20);
});

test('patterns switch themselves off where they do not pay, and the outcome stays', () => {
  // 30 projects, 300 voters with up to 5 approvals at random: nearly every voter has a
  // pattern of their own, and the walk (over 400 runs) keeps meeting new sets. 8 projects,
  // 2000 voters with up to 3: patterns are shared and used again and again.
  const made = (projects: number, voters: number, length: number) => {
    let seed = 7;
    const rnd = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    const costs = Object.fromEntries(
      Array.from({ length: projects }, (_, k) => [`p${k}`, 1000 + rnd(90000)]),
    );
    const ballots = Array.from({ length: voters }, () => [
      ...new Set(Array.from({ length }, () => `p${rnd(projects)}`)),
    ]);
    const total = Object.values(costs).reduce((x, y) => x + y, 0);
    return buildProfile(approval(Math.floor(total / 3), costs, ballots));
  };
  for (const [p, pays] of [
    [made(30, 300, 5), false],
    [made(8, 2000, 3), true],
  ] as const) {
    const a = mesWithCompletion(p, 'add1', { classes: false });
    const b = mesWithCompletion(p, 'add1', { classes: false, patterns: false });
    assert.ok(a.runs >= 8, `a walk long enough to judge (${a.runs} runs)`);
    assert.equal(patternSpace(p)?.off, !pays);
    assert.deepEqual(a.selected, b.selected);
    assert.equal(a.endowment.cmp(b.endowment), 0);
  }
});

test('a sum of fractions that lands on the cost is a close call, grouped by pattern or not', () => {
  // Per-voter budget 3, cardinality utility. p0 (cost 3, 9 supporters) comes first at a
  // share of 1/3, which leaves its supporters 3 − 1/3 = 2.6666666666666665 in floats,
  // a little under 8/3. p1 (cost 31) then has 6 such supporters and 5 with 3: exactly 31
  // in rationals. Summed voter by voter the floats miss 31 in the last bit; grouped by
  // pattern (6 × 2.6666666666666665 rounds to 16) they hit it. Neither sum proves the
  // money is enough: both runs must settle the call in rationals.
  const ballots = [
    ['p1'],
    ['p0', 'p1'],
    ['p1'],
    ['p0', 'p1'],
    ['p1'],
    ['p0', 'p1'],
    ['p0'],
    ['p0'],
    ['p1'],
    ['p0', 'p1'],
    ['p0', 'p1'],
    ['p1'],
    [],
    ['p0', 'p1'],
    [],
    ['p0'],
    [],
  ];
  const p = buildProfile(approval(10, { p0: 3, p1: 31 }, ballots));
  const q = { ...p };
  const opts = { utility: 'cardinality' as const };
  // In rationals p1's supporters hold exactly its cost: both projects are funded.
  assert.deepEqual(mesExactRun(p, Rational.fromNumber(3), opts).selected, [0, 1]);
  // With a cap of 3 the runs stop once p1 is found affordable: 34 is over the cap.
  const grouped = mesFloatRun(p, 3, opts, false, undefined, 3);
  assert.equal(grouped?.partial, 'over', 'grouped by pattern');
  const perVoter = mesFloatRun(q, 3, { ...opts, patterns: false }, false, undefined, 3);
  assert.equal(perVoter?.partial, 'over', 'voter by voter');
  assert.deepEqual(mesFloatRun(q, 3, opts)?.selected, [0, 1]);
  // A tracked run settles it too, and then proves nothing beyond its own budget.
  const tracked = mesFloatRun(q, 3, opts, true);
  assert.deepEqual(tracked?.selected, [0, 1]);
  assert.equal(tracked?.stable, 0);
});
