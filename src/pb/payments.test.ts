// When a payment keeps every budget known exactly (FloatRun.exactSoFar). While it holds, a
// float run trusts a sum of budgets that lands on a project's cost within the float
// margin; a payment judged exact when it is not would let rounding decide an outcome. So
// every way a payment can stop being exact is stated here on hand-made payments, for the
// per-voter payment (payFloat) and the payment per pattern of support (payPatterns).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FloatRun, payFloat } from './mes-evaluate.js';
import { patternSpace } from './mes-patterns.js';
import { payPatterns } from './mes-patterns-run.js';
import { buildProfile, type Profile } from './profile.js';
import { approval } from './test-helpers.js';

/** Three voters, all approving project a (its cost given); budget 300. */
function threeApprove(cost: number): Profile {
  return buildProfile(approval(300, { a: cost }, [['a'], ['a'], ['a']]));
}

/** A run over `p` whose voters hold `budgets`, with exactSoFar as given. */
function floatRun(p: Profile, budgets: number[], exactSoFar = true): FloatRun {
  const b = Float64Array.from(budgets);
  const st = FloatRun.forProfile(p, b, new Float64Array(b.length), false, 100, 'cost');
  st.exactSoFar = exactSoFar;
  return st;
}

test('per voter: whole parts that add up to the cost keep the budgets exact', () => {
  // 90 shared by three voters with 100 each: 30 each, 90 in all, 70 left each.
  const st = floatRun(threeApprove(90), [100, 100, 100]);
  assert.equal(payFloat(st, undefined, 0, 30, 0), 0);
  assert.equal(st.exactSoFar, true);
  assert.deepEqual([...st.b], [70, 70, 70]);
  // A voter who pays all they have (10) while the others pay the share (40): 90 again.
  const poor = floatRun(threeApprove(90), [100, 100, 10]);
  assert.equal(payFloat(poor, undefined, 0, 40, 0), 1);
  assert.equal(poor.exactSoFar, true);
  assert.deepEqual([...poor.b], [60, 60, 0]);
});

test('per voter: a share or a last payment with a fraction ends exactness', () => {
  // 91.5 shared by three: 30.5 each. The parts add up, but the share has a fraction.
  const fraction = floatRun(threeApprove(91.5), [100, 100, 100]);
  payFloat(fraction, undefined, 0, 30.5, 0);
  assert.equal(fraction.exactSoFar, false);
  // A whole share, but the voter who pays all they have holds 10.5.
  const lastMoney = floatRun(threeApprove(90.5), [100, 100, 10.5]);
  payFloat(lastMoney, undefined, 0, 40, 0);
  assert.equal(lastMoney.exactSoFar, false);
});

test('per voter: whole parts that do not add up to the cost end exactness', () => {
  // The share came out as 30 while the cost is 89: the float share is not the exact one.
  const st = floatRun(threeApprove(89), [100, 100, 100]);
  payFloat(st, undefined, 0, 30, 0);
  assert.equal(st.exactSoFar, false);
});

test('per voter: a sum beyond 2^53 is not known exactly, even when it compares equal', () => {
  // Three parts of 2^52: 3 × 2^52 is above Number.MAX_SAFE_INTEGER (2^53 − 1), where whole
  // numbers no longer add without rounding.
  const big = 2 ** 52;
  const st = floatRun(threeApprove(3 * big), [big, big, big]);
  payFloat(st, undefined, 0, big, 0);
  assert.equal(st.exactSoFar, false);
});

test('per voter: a run already inexact stays so, whatever the payment', () => {
  const st = floatRun(threeApprove(90), [100, 100, 100], false);
  payFloat(st, undefined, 0, 30, 0);
  assert.equal(st.exactSoFar, false);
});

/** Pays project a per pattern at the empty set, where every voter holds `money`. */
function payAtRoot(cost: number, money: number, share: number, exactSoFar = true) {
  const p = threeApprove(cost);
  const space = patternSpace(p);
  assert.ok(space, 'an approval profile has a pattern space');
  space.beta[0] = money;
  const st = floatRun(p, [money, money, money], exactSoFar);
  const h = space.histOf(space.root, 0);
  const paidAll = payPatterns(st, space, h, 0, share, 0, false);
  const child = space.childrenOf(h, 0)[0] as number;
  return { exact: st.exactSoFar, paidAll, left: space.beta[child] };
}

test('per pattern: the same judgement as per voter', () => {
  // Whole share, three parts of 30 make the cost 90: exact, 70 left.
  assert.deepEqual(payAtRoot(90, 100, 30), { exact: true, paidAll: 0, left: 70 });
  // All three pay all they have, 10 each, and 30 is the cost: still exact.
  assert.deepEqual(payAtRoot(30, 10, 40), { exact: true, paidAll: 3, left: 0 });
  // A share with a fraction; money with a fraction; parts that miss the cost; beyond 2^53.
  assert.equal(payAtRoot(91.5, 100, 30.5).exact, false);
  assert.equal(payAtRoot(31.5, 10.5, 40).exact, false);
  assert.equal(payAtRoot(89, 100, 30).exact, false);
  const big = 2 ** 52;
  assert.equal(payAtRoot(3 * big, big, big).exact, false);
  // Already inexact.
  assert.equal(payAtRoot(90, 100, 30, false).exact, false);
});
