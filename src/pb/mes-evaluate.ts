/**
 * One project's evaluation in a float MES run: its share, rho and who is short of money,
 * and the payment of a chosen project. The hot loop of the engine, kept apart so that it
 * is compiled and optimised on its own.
 */
import { type Crossings, TOL, type Utility } from './mes-run.js';
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
  const { start, voters, weights, b, db, track } = st;
  let paidAll = 0;
  if (!track && !mult) {
    // The common case, without the branches it does not need (same arithmetic).
    const ones = st.unit[chosen] === 1;
    for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++) {
      const v = voters[k] as number;
      const pay = ones ? share : share * (weights[k] as number);
      const bv = b[v] as number;
      // Without a branch (see evaluateFloat): bv - pay is 0 when they are equal and below
      // 0 exactly when the supporter pays all they have, so this is 0 or bv - pay as before.
      paidAll += +(bv < pay);
      b[v] = Math.max(bv - pay, 0);
    }
    return paidAll;
  }
  if (!track && mult) {
    // Classes of identical ballots, branch-free as above: a class short of money counts
    // its voters.
    for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++) {
      const v = voters[k] as number;
      const pay = share * (weights[k] as number);
      const bv = b[v] as number;
      paidAll += (mult[v] as number) * +(bv < pay);
      b[v] = Math.max(bv - pay, 0);
    }
    return paidAll;
  }
  for (let k = start[chosen] as number; k < (start[chosen + 1] as number); k++) {
    const v = voters[k] as number;
    const w = weights[k] as number;
    const pay = share * w;
    const bv = b[v] as number;
    if (bv < pay) paidAll += mult ? (mult[v] as number) : 1;
    if (track) db[v] = bv < pay ? 0 : (db[v] as number) - dshare * w;
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
  const { start, voters, weights, costs, W, unit, b, db, track, endowment, x, utility } = st;
  const { scratchB, scratchW, scratchD, poorB, poorW, poorD } = st;
  const s = start[c] as number;
  const e = start[c + 1] as number;
  const cost = costs[c] as number;
  const wc = W[c] as number;
  // First pass at the equal share cost/W: money behind the project, and who is poor.
  let share = cost / wc;
  let money = 0;
  let dmoney = 0;
  let pm = 0;
  let dpm = 0;
  let rw = 0;
  let pc = 0;
  // Weight of the supporters short of money (for approval ballots: their number).
  let pw = 0;
  let np = 0;
  let minSlack = Number.POSITIVE_INFINITY;
  let kept = 0;
  const ones = unit[c] === 1;
  // With all weights 1 (approval), share * w is share itself and rw counts supporters:
  // the same float operations without reading weights. minB is the smallest budget
  // among the rich supporters, so a pass that would find no new poor one is skipped.
  let minB = Number.POSITIVE_INFINITY;
  let hopeless = false;
  if (ones && !track) {
    // The same pass as below without the slopes, in blocks of 1024 supporters between
    // the checks for a hopeless project (at the same supporters as below).
    let k = s;
    let check = s + 1023;
    while (k < e) {
      const stop = check < e ? check : e;
      for (; k < stop; k++) {
        // Without branches (late in a count, whether a supporter is short of money is
        // close to a coin toss, and a mispredicted branch cost more than this whole step):
        // `poor` is 1 or 0 and adding bi × 0 leaves a sum as it is, so money, pm, pc and
        // the rich budgets in scratchB come out exactly as with an if. A poor supporter's
        // budget is written past the rich ones and overwritten; in minB it counts as
        // bi + 1e308, above any budget, and minB is set to Infinity below when nobody is rich.
        const bi = b[voters[k] as number] as number;
        const poor = +(bi < share);
        money += bi;
        pm += bi * poor;
        pc += poor;
        scratchB[kept] = bi;
        kept += 1 - poor;
        const r = bi + poor * 1e308;
        minB = r < minB ? r : minB;
      }
      if (k === check && k < e) {
        if (money + (e - k) * endowment < cost * (1 - 2 * TOL)) {
          hopeless = true;
          break;
        }
        check += 1024;
      }
    }
    if (kept === 0) minB = Number.POSITIVE_INFINITY;
    rw = kept;
    minSlack = minB - share;
  } else if (ones) {
    for (let k = s; k < e; k++) {
      // Nobody holds more than the endowment: if even that cannot close the gap, the
      // project is never affordable again (with margin, so the full sum agrees).
      if ((k - s) % 1024 === 1023 && money + (e - k) * endowment < cost * (1 - 2 * TOL)) {
        hopeless = true;
        if (track) {
          const bound = money + (e - k) * endowment;
          x.float(cost - bound, cost, dmoney + (e - k), dmoney + (e - k));
        }
        break;
      }
      const v = voters[k] as number;
      const bi = b[v] as number;
      money += bi;
      if (track) dmoney += db[v] as number;
      if (bi < share) {
        pm += bi;
        pc++;
        if (track) {
          dpm += db[v] as number;
          poorB[np] = bi;
          poorW[np] = 1;
          poorD[np++] = db[v] as number;
        }
      } else {
        if (bi < minB) minB = bi;
        if (track) scratchD[kept] = db[v] as number;
        scratchB[kept++] = bi;
      }
    }
    rw = kept;
    minSlack = minB - share;
  } else if (!track) {
    // The loop below without slopes and without branches (as the approval pass above):
    // sums take bi × 0 or wi × 0 where the if left them alone. In minSlack a poor
    // supporter counts as slack + 1e308, which loses to every rich one (the comparison for
    // those is the one below), and minSlack is Infinity again when nobody is rich.
    for (let k = s; k < e; k++) {
      const bi = b[voters[k] as number] as number;
      const wi = weights[k] as number;
      money += bi;
      const slack = bi - share * wi;
      const poor = +(slack < 0);
      pm += bi * poor;
      pc += poor;
      pw += wi * poor;
      rw += wi * (1 - poor);
      const adj = slack + poor * 1e308;
      if (adj < minSlack * wi) minSlack = adj / wi;
      scratchB[kept] = bi;
      scratchW[kept] = wi;
      kept += 1 - poor;
    }
    if (kept === 0) minSlack = Number.POSITIVE_INFINITY;
  } else {
    for (let k = s; k < e; k++) {
      const v = voters[k] as number;
      const bi = b[v] as number;
      const wi = weights[k] as number;
      money += bi;
      if (track) dmoney += db[v] as number;
      const slack = bi - share * wi;
      if (slack < 0) {
        pm += bi;
        pc++;
        pw += wi;
        if (track) {
          dpm += db[v] as number;
          poorB[np] = bi;
          poorW[np] = wi;
          poorD[np++] = db[v] as number;
        }
      } else {
        rw += wi;
        if (slack < minSlack * wi) minSlack = slack / wi;
        // Rich supporters go to a contiguous scratch list: later passes skip the indirection.
        if (track) scratchD[kept] = db[v] as number;
        scratchB[kept] = bi;
        scratchW[kept++] = wi;
      }
    }
  }
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
  if (money < cost * (1 + TOL) && money !== cost) {
    // Only trust the comparison when every budget is a whole number (then the sum is exact).
    let whole = true;
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
      minB = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let k = 0; k < kept; k++) {
        const bi = scratchB[k] as number;
        if (bi < share) {
          pm += bi;
          pc++;
          if (track) {
            dpm += scratchD[k] as number;
            poorB[np] = bi;
            poorW[np] = 1;
            poorD[np++] = scratchD[k] as number;
          }
        } else {
          if (bi < minB) minB = bi;
          if (track) scratchD[next] = scratchD[k] as number;
          scratchB[next++] = bi;
        }
      }
      kept = next;
      rw = kept;
      minSlack = minB - share;
      continue;
    }
    rw = 0;
    minSlack = Number.POSITIVE_INFINITY;
    let next = 0;
    for (let k = 0; k < kept; k++) {
      const bi = scratchB[k] as number;
      const wi = scratchW[k] as number;
      const slack = bi - share * wi;
      if (slack < 0) {
        pm += bi;
        pc++;
        pw += wi;
        if (track) {
          dpm += scratchD[k] as number;
          poorB[np] = bi;
          poorW[np] = wi;
          poorD[np++] = scratchD[k] as number;
        }
      } else {
        rw += wi;
        if (slack < minSlack * wi) minSlack = slack / wi;
        if (track) scratchD[next] = scratchD[k] as number;
        scratchB[next] = bi;
        scratchW[next++] = wi;
      }
    }
    kept = next;
  }
  // rho is exactly 1/W (or cost/W) when nobody is near the edge of their budget:
  // then equal values are true ties and float comparison is exact.
  const clear = poorCount === 0 && minSlack > TOL * share && Number.isInteger(wc);
  const rho = clear
    ? utility === 'cost'
      ? 1 / wc
      : cost / wc
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
