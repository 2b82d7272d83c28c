/**
 * A run's work on patterns of support (see mes-patterns.ts): one project's evaluation from
 * its histogram, the payment of a chosen project, the money behind a project, and every
 * voter's money at the end. The counterparts of mes-evaluate.ts for runs per voter.
 */
import type { FloatRun } from './mes-evaluate.js';
import type { Histogram, PatternNode, PatternSpace } from './mes-patterns.js';
import { TOL } from './mes-run.js';

/**
 * Evaluates project c as {@link evaluateFloat} does, from its histogram `h` and the money
 * per pattern `beta`: results in `st` (rho, share and, in a tracked run, its slope; rich
 * and poor weight; whether rho is the exact constant; the money behind it), 1 when
 * affordable, 0 when not (st.money then bounds its money from above), -1 when too close
 * to call in floats. Water-filling as there: supporters short of the share pay all they
 * have, and the share rises until the rest cover the cost. A tracked run (`dbeta`, the
 * slopes of the patterns' money) notes the same crossings as a per-voter run: when a
 * project short of money could reach its cost, and when a pattern short of the share
 * could stop being short (all its voters at once, so once for the pattern).
 */
export function evaluatePatterns(
  st: FloatRun,
  h: Histogram,
  c: number,
  beta: Float64Array,
  dbeta: Float64Array | null,
): number {
  const cost = st.costs[c] as number;
  const wc = st.W[c] as number;
  const { ids, counts } = h;
  const { scratchB, scratchW } = st;
  let share = cost / wc;
  let money = 0;
  let pm = 0;
  let pc = 0;
  let rw = 0;
  let kept = 0;
  let minB = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ids.length; i++) {
    const b = beta[ids[i] as number] as number;
    const n = counts[i] as number;
    money += n * b;
    if (b < share) {
      pm += n * b;
      pc += n;
    } else {
      rw += n;
      if (b < minB) minB = b;
      scratchB[kept] = b;
      scratchW[kept++] = n;
    }
  }
  st.money = money;
  if (money < cost * (1 - TOL)) return short(st, h, dbeta, cost, money);
  if (money < cost * (1 + TOL)) {
    // Trusted only when every amount is a whole number held exactly (then the sum, below
    // 2^53, is exact): sums grouped by pattern round differently from sums voter by voter,
    // so a sum that lands on the cost proves nothing either.
    if (!st.exactSoFar || !(money <= Number.MAX_SAFE_INTEGER)) return -1;
    for (let i = 0; i < ids.length; i++)
      if (!Number.isInteger(beta[ids[i] as number] as number)) return -1;
    if (money < cost) return short(st, h, dbeta, cost, money);
  }
  let poorCount = 0;
  for (let pass = 0; pc !== poorCount; pass++) {
    if (rw === 0 || pass > 1000) return -1;
    poorCount = pc;
    share = (cost - pm) / rw;
    if (minB >= share) break;
    minB = Number.POSITIVE_INFINITY;
    let next = 0;
    for (let i = 0; i < kept; i++) {
      const b = scratchB[i] as number;
      const n = scratchW[i] as number;
      if (b < share) {
        pm += n * b;
        pc += n;
        rw -= n;
      } else {
        if (b < minB) minB = b;
        scratchB[next] = b;
        scratchW[next++] = n;
      }
    }
    kept = next;
  }
  // As in evaluateFloat: patterns with nothing left (and no near payment) do not count.
  const clear = (pc === 0 || (pm === 0 && !st.nearPay)) && minB - share > TOL * share;
  st.rho = clear
    ? st.utility === 'cost'
      ? 1 / rw
      : cost / rw
    : st.utility === 'cost'
      ? share / cost
      : share;
  st.share = share;
  st.dshare = dbeta && pc > 0 ? poorCrossings(st, h, beta, dbeta, share, rw) : 0;
  st.rw = rw;
  st.pw = pc;
  st.clear = clear;
  return 1;
}

/** Verdict 0 (short of money); a tracked run notes when the money could reach the cost. */
function short(
  st: FloatRun,
  h: Histogram,
  dbeta: Float64Array | null,
  cost: number,
  money: number,
): number {
  if (dbeta) {
    const dmoney = moneyOf(h, dbeta);
    st.x.float(cost - money, cost, dmoney, dmoney);
  }
  return 0;
}

/**
 * A tracked evaluation with supporters short of the share: the share's slope, -(slope of
 * what the poor pay) / (weight of the rich), and for each poor pattern the crossing at
 * which its money could reach the share.
 */
function poorCrossings(
  st: FloatRun,
  h: Histogram,
  beta: Float64Array,
  dbeta: Float64Array,
  share: number,
  rw: number,
): number {
  const { ids, counts } = h;
  let dpm = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if ((beta[id] as number) < share) dpm += (counts[i] as number) * (dbeta[id] as number);
  }
  const dshare = -dpm / rw;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const b = beta[id] as number;
    if (b >= share) continue;
    const d = dbeta[id] as number;
    st.x.float(share - b, share + b, d - dshare, d - dshare);
  }
  return dshare;
}

/**
 * Project j's supporters at `node` (histogram `h`) pay `share` each, or all they have:
 * the money of the patterns they move to, max(money − share, 0) as each voter's in a
 * per-voter run, and in a tracked run (`dshare`, the share's slope) its slope as there.
 * Returns how many paid all they had (less than the share).
 */
export function payPatterns(
  st: FloatRun,
  space: PatternSpace,
  h: Histogram,
  j: number,
  share: number,
  dshare: number,
  track: boolean,
): number {
  const children = space.childrenOf(h, j);
  const { beta, dbeta } = space;
  const { ids, counts } = h;
  let paidAll = 0;
  let near = 0;
  const margin = TOL * (share + st.endowment);
  // As paysExactly in mes-evaluate.ts: whole parts that add up to the cost.
  let whole = st.exactSoFar && Number.isInteger(share);
  let paid = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const to = children[i] as number;
    const b = beta[id] as number;
    near += +(Math.abs(b - share) <= margin);
    if (whole) {
      const part = b < share ? b : share;
      whole = Number.isInteger(part);
      paid += (counts[i] as number) * part;
    }
    if (b < share) paidAll += counts[i] as number;
    if (track) dbeta[to] = b < share ? 0 : (dbeta[id] as number) - dshare;
    beta[to] = Math.max(b - share, 0);
  }
  if (st.exactSoFar && !(whole && paid === st.costs[j] && paid <= Number.MAX_SAFE_INTEGER))
    st.exactSoFar = false;
  if (near > 0 && !st.exactSoFar) st.nearPay = true;
  return paidAll;
}

/** The money behind a project: its supporters' money, from its histogram. */
export function moneyOf(h: Histogram, beta: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < h.ids.length; i++)
    sum += (h.counts[i] as number) * (beta[h.ids[i] as number] as number);
  return sum;
}

/** Every voter's money at the end of a run that kept it per pattern, into `b`. */
export function budgetsOf(space: PatternSpace, node: PatternNode, b: Float64Array): void {
  const pid = space.pidOf(node);
  const { beta } = space;
  for (let v = 0; v < pid.length; v++) b[v] = beta[pid[v] as number] as number;
}
