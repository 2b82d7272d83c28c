import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  mesCandidates,
  mesExactRun,
  mesFloatRun,
  mesRun,
  mesWithCompletion,
  voterClasses,
} from './mes.js';
import { worthGrouping } from './mes-classes.js';
import { recycleRun } from './mes-float.js';
import { madePatternSpace, patternSpace } from './mes-patterns.js';
import { multiplicity } from './mes-run.js';
import { parsePabulib } from './pabulib.js';
import { writePabulib } from './pabulib-write.js';
import { buildProfile } from './profile.js';
import { Rational } from './rational.js';
import { RULES, tally } from './rules.js';
import { election, wide } from './test-arbitraries.js';
import { approval } from './test-helpers.js';

test('no rule ever spends more than the budget', () => {
  fc.assert(
    fc.property(election, (inst) => {
      for (const rule of RULES.keys()) {
        const o = tally(inst, rule);
        // Poznań's rule funds its last project from reserves when 80 % of it is left:
        // it may overspend, by at most a quarter of the budget (left >= 0.8 cost).
        const limit = rule === 'greedy-poznan' ? o.budget * 1.25 : o.budget;
        assert.ok(o.totalCost <= limit, `${rule} spent ${o.totalCost} of ${o.budget}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('every MES winner is paid by its own supporters, within what they have', () => {
  fc.assert(
    fc.property(
      election,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      (inst, utility) => {
        const p = buildProfile(inst);
        const e = Rational.of(BigInt(p.budget), BigInt(p.n));
        const run = mesExactRun(p, e, { utility });
        // Replay the payments exactly: each supporter pays min(budget left, share).
        const left: Rational[] = new Array(p.n).fill(e);
        for (const c of run.selected) {
          const share = Rational.fromNumber(run.share[c] as number);
          let paid = Rational.ZERO;
          for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
            const v = p.voters[k] as number;
            const b = left[v] as Rational;
            const pay = b.cmp(share) < 0 ? b : share;
            left[v] = b.sub(pay);
            paid = paid.add(pay);
          }
          // share is rounded to a float for reporting: allow that rounding only.
          assert.ok(
            Math.abs(paid.toNumber() - (p.costs[c] as number)) < 1e-9 * (p.costs[c] as number),
          );
        }
        for (const b of left) assert.ok(b.toNumber() >= -1e-9);
      },
    ),
    { numRuns: 200 },
  );
});

test('greedy follows its definition: in score order, funded exactly when it fits', () => {
  fc.assert(
    fc.property(election, (inst) => {
      const o = tally(inst, 'greedy');
      const order = o.projects
        .map((pr) => pr.facts)
        .map((f, c) => ({ f, pr: o.projects[c] }))
        .sort(
          (a, b) =>
            (a.f.kind === 'greedy' ? (a.f.rank ?? 0) : 0) -
            (b.f.kind === 'greedy' ? (b.f.rank ?? 0) : 0),
        );
      let left = o.budget;
      let lastScore = Number.POSITIVE_INFINITY;
      for (const { pr } of order) {
        assert.ok(pr && pr.score <= lastScore, 'order is by score');
        lastScore = pr.score;
        assert.equal(pr.selected, pr.cost <= left);
        if (pr.selected) left -= pr.cost;
      }
    }),
    { numRuns: 200 },
  );
});

test('the float engine with exact close calls never differs from the fully exact engine', () => {
  fc.assert(
    fc.property(
      election,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.integer({ min: 0, max: 6 }),
      (inst, utility, extra) => {
        const p = buildProfile(inst);
        // Budgets around B/n and the whole-unit budgets add1 visits.
        for (const e of [
          Rational.of(BigInt(p.budget), BigInt(p.n)),
          Rational.of(BigInt(Math.floor(p.budget / p.n) + extra)),
        ]) {
          const fast = mesRun(p, e, { utility });
          const exact = mesExactRun(p, e, { utility });
          assert.deepEqual(fast.selected, exact.selected);
          assert.deepEqual(fast.tieDecisions, exact.tieDecisions);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('exact = float path on amounts beyond 2^53, where whole doubles are not exact sums', () => {
  // Costs and budgets of k × 2^50 … 2^59 (plus a little): a supporter's money left and a
  // cost can agree as doubles while their exact values differ (a budget of 2.59e18 less a
  // share of 1.44e18 against a cost of 1.15e18). Whole doubles once counted as exact there.
  const scale = fc.integer({ min: 50, max: 59 }).map((k) => 2 ** k);
  const amount = (s: number) =>
    fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
      .map(([k, bit, noise]) => k * s + (noise ? 2 ** bit : 0));
  fc.assert(
    fc.property(
      scale.chain((s) =>
        fc.record({
          costs: fc.array(amount(s), { minLength: 2, maxLength: 5 }),
          budget: fc.integer({ min: 3, max: 24 }).map((k) => k * s),
          ballots: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
            minLength: 2,
            maxLength: 6,
          }),
        }),
      ),
      ({ costs, budget, ballots }) => {
        const ids = costs.map((_, k) => `p${k}`);
        const inst = approval(
          budget,
          Object.fromEntries(costs.map((c, k) => [ids[k], c])),
          ballots.map((row) => ids.filter((_, k) => row[k])),
        );
        const p = buildProfile(inst);
        const e = Rational.fromNumber(p.budget).div(Rational.of(BigInt(p.n)));
        assert.deepEqual(mesRun(p, e).selected, mesExactRun(p, e).selected);
      },
    ),
    { numRuns: 1500 },
  );
});

/**
 * add1 as its definition reads, every step computed exactly: the outcome at B/n, then
 * floor(B/n)+1, +2, … while the outcome fits B, until every candidate is funded.
 */
function add1Reference(p: ReturnType<typeof buildProfile>, utility: 'cost' | 'cardinality') {
  const B = Rational.of(BigInt(p.budget));
  const costOf = (sel: number[]) => sel.reduce((s, c) => s + (p.costs[c] as number), 0);
  const candidates = mesCandidates(p).length;
  let ref = mesExactRun(p, B.div(Rational.of(BigInt(p.n))), { utility });
  let e = Math.floor(p.budget / p.n);
  for (let guard = 0; guard < 10_000 && ref.selected.length < candidates; guard++) {
    e++;
    const next = mesExactRun(p, Rational.of(BigInt(e)), { utility });
    if (costOf(next.selected) > p.budget) break;
    ref = next;
  }
  return ref.selected;
}

test('add1 equals its sequential definition computed exactly', () => {
  fc.assert(
    fc.property(
      election,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      (inst, utility) => {
        const p = buildProfile(inst);
        assert.deepEqual(
          mesWithCompletion(p, 'add1', { utility }).selected,
          add1Reference(p, utility),
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('skip-ahead: add1 and add1-exhaustive give what walking every step gives', () => {
  fc.assert(
    fc.property(
      fc.oneof(election, wide),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.constantFrom('add1' as const, 'add1-exhaustive' as const, 'add1u' as const),
      fc.boolean(),
      (inst, utility, completion, retrackExactly) => {
        const p = buildProfile(inst);
        // retrackExactly: the exact distances that huge per-voter budgets (e >= 1e9 steps)
        // rely on, tried on small ones.
        const jump = mesWithCompletion(p, completion, { utility, retrackExactly });
        const walk = mesWithCompletion(p, completion, { utility, walk: true });
        assert.deepEqual(jump.selected, walk.selected);
        assert.equal(jump.endowment.cmp(walk.endowment), 0, 'same per-voter budget taken');
      },
    ),
    { numRuns: 250 },
  );
});

test('a tracked run is right about how far its outcome stays the same', () => {
  fc.assert(
    fc.property(
      wide,
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 12 }),
      (inst, utility, e0, probes) => {
        const p = buildProfile(inst);
        const floatRun = mesFloatRun(p, e0, { utility }, true);
        const exactRun = mesExactRun(p, Rational.of(BigInt(e0)), { utility }, true);
        for (const run of floatRun ? [floatRun, exactRun] : [exactRun]) {
          assert.deepEqual(run.selected, exactRun.selected);
          // Every whole budget below e0 + stable gives the same outcome (probe some).
          const reach = Math.min(Math.ceil(run.stable), 1000);
          const ks = new Set([reach - 1]);
          for (let k = 1; k < reach; k += Math.ceil(reach / probes)) ks.add(k);
          for (const k of ks) {
            if (k < 1) continue;
            const other = mesExactRun(p, Rational.of(BigInt(e0 + k)), { utility });
            assert.deepEqual(
              other.selected,
              run.selected,
              `at ${e0} + ${k} (stable ${run.stable})`,
            );
          }
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('the fast VOTES scan reads exactly what the general reader reads', () => {
  fc.assert(
    fc.property(
      wide,
      fc.array(fc.nat(), { maxLength: 3 }),
      fc.boolean(),
      (inst, repeats, extraColumn) => {
        // Some ballots name a project twice (counted once, with a warning); some files carry
        // an extra column; ids get spaces around them.
        if (inst.meta.vote_type !== 'cumulative') {
          for (const r of repeats) {
            const b = inst.ballots[r % inst.ballots.length];
            if (b && b.projects.length > 0) b.projects.push(b.projects[0] as string);
          }
        }
        if (extraColumn) {
          inst.voteColumns = [...inst.voteColumns, 'age'];
          inst.ballots.forEach((b, k) => {
            b.fields.age = String(20 + k);
          });
        }
        const text = writePabulib(inst).replaceAll(',p', ', p');
        const fast = parsePabulib(text);
        const slow = parsePabulib(text, { fast: false });
        assert.deepEqual(fast.warnings, slow.warnings);
        assert.deepEqual(buildProfile(fast.instance), buildProfile(slow.instance));
        assert.deepEqual(fast.instance.ballots, slow.instance.ballots);
      },
    ),
    { numRuns: 200 },
  );
});

test('grouping identical ballots is chosen when 15 % of the first ballots repeat one', () => {
  // Ballot i (1..n) approves the projects of the bits of i: every ballot distinct. Repeats
  // are made by mapping i to fewer values; the order of a ballot's projects does not count.
  const projects = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const costs = Object.fromEntries(projects.map((id) => [id, 1]));
  const ballot = (i: number) => projects.filter((_, k) => (i >> k) & 1);
  const grouped = (ids: number[]) =>
    worthGrouping(buildProfile(approval(3, costs, ids.map(ballot))));
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  // 100 distinct ballots: nothing repeats.
  assert.equal(grouped(hundred), false);
  // 85 distinct among 100: 15 % repeat an earlier one, just enough.
  assert.equal(grouped(hundred.map((i) => (i > 85 ? i - 85 : i))), true);
  // 86 distinct: 14 % repeat.
  assert.equal(grouped(hundred.map((i) => (i > 86 ? i - 86 : i))), false);
  // Empty ballots count neither way: 100 distinct ones with 50 empty ones between them.
  assert.equal(grouped([...hundred, ...Array(50).fill(0)]), false);
  // The same projects in another order are the same ballot.
  const reversed = (i: number) => ballot(i).reverse();
  const p = approval(3, costs, [
    ...hundred.slice(0, 80).map(ballot),
    ...hundred.slice(0, 20).map(reversed),
  ]);
  assert.equal(worthGrouping(buildProfile(p)), true);
});

test('classes of identical ballots give what every voter on their own gives', () => {
  fc.assert(
    fc.property(
      fc.oneof(election, wide),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.constantFrom('none' as const, 'add1' as const, 'add1-exhaustive' as const),
      (inst, utility, completion) => {
        const p = buildProfile(inst);
        const cls = voterClasses(p);
        assert.ok(cls, 'whole points: classes are made');
        // Every voter with a ballot is in a class, and a class's size is its voter count.
        const count = new Float64Array(cls.mult.length);
        cls.of.forEach((k, v) => {
          const empty = p.ballotStart[v + 1] === p.ballotStart[v];
          assert.equal(k < 0, empty);
          if (k >= 0) count[k] = (count[k] as number) + 1;
        });
        assert.deepEqual(count, cls.mult);
        // A class holds exactly the voters whose ballots are its (project, points) pairs, in
        // any order: the class ballot's points are k times each voter's.
        const pairs = (bs: Int32Array, bp: Int32Array, bw: Float64Array, v: number, k = 1) => {
          const out: string[] = [];
          for (let j = bs[v] as number; j < (bs[v + 1] as number); j++)
            out.push(`${bp[j]}:${(bw[j] as number) / k}`);
          return out.sort().join(' ');
        };
        const classOf = new Map<string, number>();
        cls.of.forEach((k, v) => {
          if (k < 0) return;
          const mine = pairs(p.ballotStart, p.ballotProjects, p.ballotWeights, v);
          const q = cls.q;
          const mult = cls.mult[k] as number;
          assert.equal(pairs(q.ballotStart, q.ballotProjects, q.ballotWeights, k, mult), mine);
          assert.equal(classOf.get(mine) ?? k, k, `voter ${v}: the same ballot in another class`);
          classOf.set(mine, k);
        });
        const grouped = mesWithCompletion(p, completion, { utility });
        const single = mesWithCompletion(p, completion, { utility, classes: false });
        assert.deepEqual(grouped.selected, single.selected);
        assert.equal(grouped.endowment.cmp(single.endowment), 0);
        assert.deepEqual(grouped.tieDecisions, single.tieDecisions);
        assert.deepEqual(grouped.run.paidAll, single.run.paidAll);
        grouped.run.budgets.forEach((b, v) => {
          const other = single.run.budgets[v] as number;
          assert.ok(Math.abs(b - other) <= 1e-9 * Math.max(1, Math.abs(other)), `voter ${v}`);
        });
      },
    ),
    { numRuns: 250 },
  );
});

test('a run bounded by an earlier run at a lower budget gives the plain outcome', () => {
  let used = 0;
  fc.assert(
    fc.property(
      fc.oneof(election, wide),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 5 }),
      fc.boolean(),
      (inst, utility, e0, rise, grouped) => {
        const plain = buildProfile(inst);
        const p = grouped ? (voterClasses(plain)?.q ?? plain) : plain;
        const prior = mesFloatRun(p, e0, { utility });
        if (!prior) return;
        const bounded = mesFloatRun(p, e0 + rise, { utility }, false, prior);
        const exact = mesExactRun(plain, Rational.of(BigInt(e0 + rise)), { utility });
        if (!bounded) return; // too close to call: the caller runs exactly
        used++;
        assert.deepEqual(bounded.selected, exact.selected);
        assert.deepEqual(bounded.tieDecisions, exact.tieDecisions);
      },
    ),
    { numRuns: 400 },
  );
  console.log(`bounded runs compared with exact ones: ${used}`);
  assert.ok(used > 200);
});

test('runs in buffers given back by earlier runs give what runs in fresh buffers give', () => {
  fc.assert(
    fc.property(
      fc.oneof(election, wide),
      fc.constantFrom('cost' as const, 'cardinality' as const),
      fc.boolean(),
      fc.array(
        fc.record({
          e: fc.integer({ min: 0, max: 300 }),
          track: fc.boolean(),
          cap: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        }),
        { minLength: 2, maxLength: 6 },
      ),
      (inst, utility, grouped, steps) => {
        const plain = buildProfile(inst);
        const p = grouped ? (voterClasses(plain)?.q ?? plain) : plain;
        for (const { e, track, cap } of steps) {
          // Every run after the first takes a buffer the one before gave back (budgets of a
          // run, slopes of a tracked run, still holding their values); `copy` is the same
          // election (classes keep their sizes) with no buffers to reuse.
          const copy = { ...p };
          const sizes = multiplicity.get(p);
          if (sizes) multiplicity.set(copy, sizes);
          // A run without a cap keeps money per pattern when earlier capped runs made the
          // election's pattern space (and it is on): the copy's run then gets a space too.
          const uncappedPatterns =
            cap === undefined && !sizes && madePatternSpace(p)?.off === false;
          if (uncappedPatterns) patternSpace(copy);
          const reused = mesFloatRun(p, e, { utility }, track, undefined, cap);
          // A run with a cap keeps money per pattern unless the election's pattern space has
          // switched itself off (from its fifth run, where patterns do not pay); the copy's
          // space is new each time, so it takes the same path only when told to. Sums per
          // pattern and per voter may differ in the last bit (decision 0006), buffers not.
          const off = cap !== undefined && patternSpace(p)?.off === true;
          const fresh = mesFloatRun(
            copy,
            e,
            { utility, ...(off ? { patterns: false } : {}) },
            track,
            undefined,
            cap,
          );
          if (!reused || !fresh) {
            assert.equal(reused, fresh);
            continue;
          }
          const { log: _a, ...a } = reused;
          const { log: _b, ...b } = fresh;
          assert.deepEqual(a, b);
          recycleRun(p, reused);
          assert.equal(reused.budgets.length, 0, 'a run given back no longer shows its budgets');
        }
      },
    ),
    { numRuns: 300 },
  );
});
