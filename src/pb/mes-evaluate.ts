/**
 * One project's evaluation in a float MES run: its share, rho and who is short of money,
 * and the payment of a chosen project. The hot loop of the engine, kept apart so that it
 * is compiled and optimised on its own.
 */

import {
  passApproval,
  passApprovalTracked,
  passPoints,
  passPointsTracked,
  refillApproval,
  refillPoints,
  warmPasses,
} from './mes-passes.js';
import { Crossings, TOL, type Utility, weightSums } from './mes-run.js';
import type { Profile } from './profile.js';

type Scratch = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
const scratchCache = new WeakMap<Profile, Scratch>();

/** Six arrays as long as the longest supporter list: the work space of an evaluation. */
export function scratchOf(p: Profile): Scratch {
  let r = scratchCache.get(p);
  if (!r) {
    let most = 0;
    for (let c = 0; c < p.m; c++)
      most = Math.max(most, (p.start[c + 1] as number) - (p.start[c] as number));
    const a = () => new Float64Array(most);
    r = [a(), a(), a(), a(), a(), a()];
    scratchCache.set(p, r);
  }
  return r;
}

/** What one run of {@link mesFloatRun} shares with {@link evaluateFloat}; one per run. */
export class FloatRun {
  // Results of the latest evaluation. NaN to start: the fields hold doubles from the
  // first, so V8 never has to change their representation mid-run (a deoptimisation).
  rho = Number.NaN;
  share = Number.NaN;
  dshare = Number.NaN;
  rw = Number.NaN;
  pw = Number.NaN;
  /** When an evaluation finds the project short of money: an upper bound on its money. */
  money = Number.NaN;
  clear = false;
  /**
   * Whether a payment of this run met a supporter whose money was within the float
   * margin of what they owed: then a budget of 0 may stand for a small positive amount
   * (or the reverse), and a supporter with no money left proves nothing (see `clear`).
   */
  nearPay = false;
  /**
   * Whether every budget of this run is still known exactly: the endowment is a whole
   * number, the exact one, and all voters' money together is below 2^53, and every payment
   * so far was whole amounts that add up to the cost (then the float share is the exact
   * one, and every budget a whole number held exactly). While it holds, a payment that
   * meets a supporter's last money exactly leaves a true 0, and a sum of budgets is exact.
   */
  exactSoFar = false;
  // What the first pass of an evaluation found (see evaluateFloat), numbers from the start.
  pMoney = Number.NaN;
  pDmoney = Number.NaN;
  pPm = Number.NaN;
  pDpm = Number.NaN;
  pRw = Number.NaN;
  pPc = 0;
  pPw = Number.NaN;
  pNp = 0;
  pMinSlack = Number.NaN;
  pKept = 0;
  pMinB = Number.NaN;
  pHopeless = false;
  constructor(
    readonly start: Int32Array,
    readonly voters: Int32Array,
    readonly weights: Float64Array,
    readonly costs: Float64Array,
    readonly W: Float64Array,
    readonly unit: Uint8Array,
    readonly b: Float64Array,
    readonly db: Float64Array,
    readonly track: boolean,
    readonly endowment: number,
    readonly x: Crossings,
    readonly utility: Utility,
    readonly scratchB: Float64Array,
    readonly scratchW: Float64Array,
    readonly scratchD: Float64Array,
    readonly poorB: Float64Array,
    readonly poorW: Float64Array,
    readonly poorD: Float64Array,
  ) {}

  /**
   * A run over profile p: its supporter lists, points, costs and weight sums, a fresh
   * Crossings and the profile's work space ({@link scratchOf}); voters' budgets in `b` and
   * their slopes in `db` (read only when `track`), both as long as the voters; `endowment`
   * is the per-voter budget in the profile's amounts.
   */
  static forProfile(
    p: Profile,
    b: Float64Array,
    db: Float64Array,
    track: boolean,
    endowment: number,
    utility: Utility,
  ): FloatRun {
    const { sum, unit } = weightSums(p);
    return new FloatRun(
      p.start,
      p.voters,
      p.weights,
      p.costs,
      sum,
      unit,
      b,
      db,
      track,
      endowment,
      new Crossings(),
      utility,
      ...scratchOf(p),
    );
  }

  /** Stores what the first pass of an evaluation found. */
  setPass(
    money: number,
    dmoney: number,
    pm: number,
    dpm: number,
    rw: number,
    pc: number,
    pw: number,
    np: number,
    minSlack: number,
    kept: number,
    minB: number,
    hopeless: boolean,
  ): void {
    this.pMoney = money;
    this.pDmoney = dmoney;
    this.pPm = pm;
    this.pDpm = dpm;
    this.pRw = rw;
    this.pPc = pc;
    this.pPw = pw;
    this.pNp = np;
    this.pMinSlack = minSlack;
    this.pKept = kept;
    this.pMinB = minB;
    this.pHopeless = hopeless;
  }
}

/**
 * The supporters of `chosen` pay: each min(what they have, share × points); a tracked run
 * updates their slopes. Returns how many voters paid all they had (less than their due).
 */
export function payFloat(
  st: FloatRun,
  mult: Float64Array | undefined,
  chosen: number,
  share: number,
  dshare: number,
): number {
  const from = st.start[chosen] as number;
  const to = st.start[chosen + 1] as number;
  if (st.exactSoFar && !paysExactly(st, from, to, share, st.costs[chosen] as number))
    st.exactSoFar = false;
  if (!st.exactSoFar && !st.nearPay && payNear(st, from, to, share)) st.nearPay = true;
  if (st.track) return payTracked(st, mult, from, to, share, dshare);
  if (mult) return payClasses(st, mult, from, to, share);
  return payVoters(st, st.unit[chosen] === 1, from, to, share);
}

/**
 * Whether the supporters voters[from, to), paying min(budget, share × points), pay whole
 * amounts that add up to `cost` exactly (whole numbers below 2^53 add without rounding):
 * then `share` is the exact share, and with budgets held exactly so are the new ones.
 */
function paysExactly(st: FloatRun, from: number, to: number, share: number, cost: number): boolean {
  if (!Number.isInteger(share)) return false;
  const { voters, weights, b } = st;
  let sum = 0;
  for (let k = from; k < to; k++) {
    const pay = share * (weights[k] as number);
    const bv = b[voters[k] as number] as number;
    const part = bv < pay ? bv : pay;
    if (!Number.isInteger(part)) return false;
    sum += part;
  }
  return sum === cost && sum <= Number.MAX_SAFE_INTEGER;
}

/**
 * Whether a supporter among voters[from, to) holds, within the float margin, what they are
 * about to pay (share × points): then whether they keep anything is too close to call, and
 * a budget of 0 after the payment is not known to be exactly 0. The margin is TOL of the
 * payment plus TOL of what the voter (or class) started with, since a budget's rounding
 * error grows with the amounts subtracted from it, not with what is left.
 */
function payNear(st: FloatRun, from: number, to: number, share: number): boolean {
  const { voters, weights, b, endowment } = st;
  let near = 0;
  for (let k = from; k < to; k++) {
    const w = weights[k] as number;
    const pay = share * w;
    near += +(Math.abs((b[voters[k] as number] as number) - pay) <= TOL * (pay + endowment * w));
  }
  return near > 0;
}

/**
 * Untracked payment by single voters, without branches: bv - pay is 0 when they are
 * equal and below 0 exactly when the supporter pays all they have, so max(bv - pay, 0)
 * is what an if gave. Each kind of payment is a function of its own (V8 optimises each
 * loop at once).
 */
function payVoters(st: FloatRun, ones: boolean, from: number, to: number, share: number): number {
  const { voters, weights, b } = st;
  let paidAll = 0;
  for (let k = from; k < to; k++) {
    const v = voters[k] as number;
    const pay = ones ? share : share * (weights[k] as number);
    const bv = b[v] as number;
    paidAll += +(bv < pay);
    b[v] = Math.max(bv - pay, 0);
  }
  return paidAll;
}

/** Untracked payment by classes of identical ballots: a class short of money counts its voters. */
function payClasses(
  st: FloatRun,
  mult: Float64Array,
  from: number,
  to: number,
  share: number,
): number {
  const { voters, weights, b } = st;
  let paidAll = 0;
  for (let k = from; k < to; k++) {
    const v = voters[k] as number;
    const pay = share * (weights[k] as number);
    const bv = b[v] as number;
    paidAll += (mult[v] as number) * +(bv < pay);
    b[v] = Math.max(bv - pay, 0);
  }
  return paidAll;
}

/** Tracked payment: budgets and their slopes. */
function payTracked(
  st: FloatRun,
  mult: Float64Array | undefined,
  from: number,
  to: number,
  share: number,
  dshare: number,
): number {
  const { voters, weights, b, db } = st;
  let paidAll = 0;
  for (let k = from; k < to; k++) {
    const v = voters[k] as number;
    const w = weights[k] as number;
    const pay = share * w;
    const bv = b[v] as number;
    if (bv < pay) paidAll += mult ? (mult[v] as number) : 1;
    db[v] = bv < pay ? 0 : (db[v] as number) - dshare * w;
    b[v] = bv <= pay ? 0 : bv - pay;
  }
  return paidAll;
}

/**
 * Evaluates project c in a float run at the voters' current budgets: its share (the
 * most any supporter pays per point), rho, the weight of the supporters not short of
 * money, and (tracked) the share's slope and the crossings of who is short. Returns 1
 * with the results in `st`, 0 when the project is not affordable (now, or with `hopeless`
 * never again), -1 when affordability is too close to call in floats. A function of its
 * own so that the engine compiles and optimises it apart from the round logic.
 */
export function evaluateFloat(st: FloatRun, c: number): number {
  const { start, voters, costs, W, unit, b, track, endowment, x, utility } = st;
  const { poorB, poorW, poorD } = st;
  const s = start[c] as number;
  const e = start[c + 1] as number;
  const cost = costs[c] as number;
  const wc = W[c] as number;
  // First pass at the equal share cost/W: money behind the project, and who is poor.
  let share = cost / wc;
  const ones = unit[c] === 1;
  // With all weights 1 (approval), share * w is share itself and rw counts supporters:
  // the same float operations without reading weights. minB is the smallest budget
  // among the rich supporters, so a pass that would find no new poor one is skipped.
  // Each kind of first pass is a function of its own, so that V8 compiles the one a run
  // uses quickly and apart: as one function, every kind of run met code without type
  // feedback, and each of the three recompilations took about 15 ms, during which the
  // count ran unoptimised (allocating a number box for every sum).
  if (!track) {
    if (ones) passApproval(st, s, e, share, cost);
    else passPoints(st, s, e, share);
  } else if (ones) passApprovalTracked(st, s, e, share, cost);
  else passPointsTracked(st, s, e, share);
  const money = st.pMoney;
  const dmoney = st.pDmoney;
  let pm = st.pPm;
  let dpm = st.pDpm;
  let rw = st.pRw;
  let pc = st.pPc;
  // Weight of the supporters short of money (for approval ballots: their number).
  let pw = st.pPw;
  let np = st.pNp;
  let minSlack = st.pMinSlack;
  let kept = st.pKept;
  let minB = st.pMinB;
  const hopeless = st.pHopeless;
  if (hopeless) {
    // Never affordable again: budgets only shrink. Nobody holds more than the endowment.
    st.money = money + (e - s - kept - pc) * endowment;
    return 0;
  }
  st.money = money;
  if (money < cost * (1 - TOL)) {
    if (track) x.float(cost - money, cost, dmoney, dmoney);
    return 0;
  }
  if (money < cost * (1 + TOL)) {
    // Only trust the comparison when every budget is a whole number held exactly (then the
    // sum, below 2^53, is exact): a sum of fractions can land on the cost, or just below or
    // above it, by rounding alone, and so can whole numbers beyond 2^53.
    let whole = st.exactSoFar && money <= Number.MAX_SAFE_INTEGER;
    for (let k = s; k < e && whole; k++) whole = Number.isInteger(b[voters[k] as number]);
    if (!whole) return -1;
    if (money < cost) {
      if (track) x.float(cost - money, cost, dmoney, dmoney);
      return 0;
    }
  }
  // Water-filling: supporters who cannot pay the equal share pay all they have; the
  // share rises until the rest cover the cost. Each pass can only add poor supporters,
  // so each pass keeps only the still-rich ones.
  let poorCount = 0;
  for (let pass = 0; pc !== poorCount; pass++) {
    if (rw === 0 || pass > 1000) return -1;
    poorCount = pc;
    share = (cost - pm) / rw;
    if (ones) {
      // No rich supporter below the new share: the pass would change nothing.
      if (minB >= share) {
        minSlack = minB - share;
        break;
      }
      refillApproval(st, kept, share, pm, dpm, pc, np);
      pm = st.pPm;
      dpm = st.pDpm;
      pc = st.pPc;
      np = st.pNp;
      kept = st.pKept;
      minB = st.pMinB;
      rw = kept;
      minSlack = minB - share;
      continue;
    }
    refillPoints(st, kept, share, pm, dpm, pc, pw, np);
    pm = st.pPm;
    dpm = st.pDpm;
    pc = st.pPc;
    pw = st.pPw;
    np = st.pNp;
    kept = st.pKept;
    rw = st.pRw;
    minSlack = st.pMinSlack;
  }
  // rho is exactly 1/W (or cost/W) when nobody is near the edge of their budget:
  // then equal values are true ties and float comparison is exact. Supporters with
  // nothing left (paid all they had, clearly: no near payment) count as not supporting:
  // rho is then exactly 1/R (or cost/R) over the weight R of the others.
  const clear =
    (poorCount === 0 || (pm === 0 && !st.nearPay)) &&
    minSlack > TOL * share &&
    Number.isInteger(rw);
  const rho = clear
    ? utility === 'cost'
      ? 1 / rw
      : cost / rw
    : utility === 'cost'
      ? share / cost
      : share;
  let dshare = 0;
  if (track && poorCount > 0) {
    // share = (cost - what the poor pay) / weight of the rich, so its slope is
    // -(slope of what the poor pay) / (weight of the rich); never positive.
    dshare = -dpm / rw;
    // A poor supporter stays poor while their budget is below share * w.
    for (let k = 0; k < np; k++) {
      const wi = poorW[k] as number;
      const bi = poorB[k] as number;
      const d = poorD[k] as number;
      x.float(share * wi - bi, share * wi + bi, d - dshare * wi, d - dshare * wi);
    }
  }
  st.rho = rho;
  st.share = share;
  st.dshare = dshare;
  st.rw = rw;
  st.pw = ones ? pc : pw;
  st.clear = clear;
  return 1;
}

// Every kind of pass, over three supporters (see warmPasses), before the first float run
// (WARM_CALLS times: V8 keeps type feedback for a function only after it has run for a
// while): each branch of a pass's loop and the code after it then have feedback before V8
// compiles the loop alone on entering it mid-way (on-stack replacement). Without it, that
// compiled loop deoptimised on reaching the code after it, at times on every call for a
// whole count (over a thousand times in one count of Warszawa 2026, one process in five;
// about 25 deoptimisations otherwise).
const WARM_CALLS = 400;
let warm = false;

/**
 * Entries in the supporter lists below which a profile's runs skip the warm-up: their
 * loops are too short to be compiled mid-way, and the warm-up (about 5 ms, with its
 * garbage) was a third of a count of three voters (the budget of 1e12 in `npm run bench:pb`).
 */
const WARM_FROM = 4096;

/**
 * Runs the warm-up above once per process, before the first float run ({@link mesFloatRun}
 * calls it) on a profile with at least WARM_FROM supporter entries: when the engine
 * loaded, it cost every command about 5 ms, `--help` and the greedy rules too (a fifth of
 * what `--help` takes above bare node).
 */
export function warmOnce(p: Profile): void {
  if (warm || p.voters.length < WARM_FROM) return;
  warm = true;
  // Voters 0, 1, 2 (budgets 0.5, 3, 5.5) support project 0, with points 1, 2, 1; voter 3
  // (budget 0) is all 1100 supporters of project 1 (see warmPasses). Amounts have fractions
  // (as real ones do): whole ones left feedback for small integers, and the first real
  // amount deoptimised the pass ("not a Smi"), as did an endowment of 1 the run's shape.
  const starts = Int32Array.of(0, 3, 1103);
  const voters = new Int32Array(1103).fill(3);
  voters.set([0, 1, 2]);
  const weights = new Float64Array(1103).fill(1);
  weights[1] = 2;
  const ones = Uint8Array.of(1, 1);
  const scratch = Array.from({ length: 6 }, () => new Float64Array(1103));
  const some = (k: number) => scratch[k] as Float64Array;
  // One run of each kind, made once (passes only read budgets and write the scratch lists).
  const runs = [false, true].map(
    (track) =>
      new FloatRun(
        starts,
        voters,
        weights,
        Float64Array.of(3.75, 1e9 + 0.5),
        Float64Array.of(4, 1100),
        ones,
        Float64Array.of(0.5, 3, 5.5, 0),
        Float64Array.of(0.75, 1.5, 0.25, 0.5),
        track,
        1.5,
        new Crossings(),
        'cost',
        some(0),
        some(1),
        some(2),
        some(3),
        some(4),
        some(5),
      ),
  );
  for (let i = 0; i < WARM_CALLS; i++) {
    const st = runs[i % 2] as FloatRun;
    // The check for a hopeless project last, once feedback is kept (see warmPasses).
    warmPasses(st, i >= WARM_CALLS - 2);
  }
}
