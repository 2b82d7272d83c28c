/**
 * The passes over a project's supporters that an evaluation in a float MES run makes
 * (see evaluateFloat in mes-evaluate.ts): the first pass at the equal share, one kind per
 * run (untracked or tracked, approval or points), and the water-filling passes over the
 * supporters still rich. Each is a function of its own, so that V8 optimises each loop
 * quickly and apart; each stores what it found in the `p…` fields of the run's FloatRun.
 */
import type { FloatRun } from './mes-evaluate.js';
import { TOL } from './mes-run.js';

/**
 * The first pass of an untracked evaluation on approval ballots, at the equal share:
 * money behind the project, and who is short of it; in blocks of 1024 supporters between
 * the checks for a hopeless project (at the same supporters as the tracked pass).
 * Results in the `p…` fields of `st`.
 */
export function passApproval(
  st: FloatRun,
  s: number,
  e: number,
  share: number,
  cost: number,
): void {
  const { voters, b, endowment, scratchB } = st;
  let money = 0;
  let pm = 0;
  let pc = 0;
  let kept = 0;
  let hopeless = false;
  let k = s;
  let check = s + 1023;
  while (k < e) {
    const stop = check < e ? check : e;
    for (; k < stop; k++) {
      // Without branches (late in a count, whether a supporter is short of money is
      // close to a coin toss, and a mispredicted branch cost more than this whole step):
      // `poor` is 1 or 0 and adding bi × 0 leaves a sum as it is, so money, pm, pc and
      // the rich budgets in scratchB come out exactly as with an if. A poor supporter's
      // budget is written past the rich ones and overwritten.
      const bi = b[voters[k] as number] as number;
      const poor = +(bi < share);
      money += bi;
      pm += bi * poor;
      pc += poor;
      scratchB[kept] = bi;
      kept += 1 - poor;
    }
    if (k === check && k < e) {
      if (money + (e - k) * endowment < cost * (1 - 2 * TOL)) {
        hopeless = true;
        break;
      }
      check += 1024;
    }
  }
  // The smallest rich budget, from the list once the pass is done: kept in the loop, its
  // chain of comparisons (each waiting for the one before) made the pass a quarter slower.
  // A hopeless project needs none.
  const minB = hopeless ? Number.POSITIVE_INFINITY : smallest(scratchB, kept);
  st.setPass(money, 0, pm, 0, kept, pc, 0, 0, minB - share, kept, minB, hopeless);
}

/** The smallest of values[0..count), Infinity when count is 0. */
function smallest(values: Float64Array, count: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const x = values[k] as number;
    min = x < min ? x : min;
  }
  return min;
}

/**
 * The first pass of a tracked evaluation on approval ballots: as {@link passApproval},
 * with slopes, the poor supporters listed, and the crossing of a hopeless project.
 */
export function passApprovalTracked(
  st: FloatRun,
  s: number,
  e: number,
  share: number,
  cost: number,
): void {
  const { voters, b, db, endowment, x, scratchB, scratchD, poorB, poorW, poorD } = st;
  let money = 0;
  let dmoney = 0;
  let pm = 0;
  let dpm = 0;
  let pc = 0;
  let np = 0;
  let kept = 0;
  let minB = Number.POSITIVE_INFINITY;
  let hopeless = false;
  for (let k = s; k < e; k++) {
    // Nobody holds more than the endowment: if even that cannot close the gap, the
    // project is never affordable again (with margin, so the full sum agrees).
    if ((k - s) % 1024 === 1023 && money + (e - k) * endowment < cost * (1 - 2 * TOL)) {
      hopeless = true;
      const bound = money + (e - k) * endowment;
      x.float(cost - bound, cost, dmoney + (e - k), dmoney + (e - k));
      break;
    }
    const v = voters[k] as number;
    const bi = b[v] as number;
    money += bi;
    dmoney += db[v] as number;
    if (bi < share) {
      pm += bi;
      pc++;
      dpm += db[v] as number;
      poorB[np] = bi;
      poorW[np] = 1;
      poorD[np++] = db[v] as number;
    } else {
      if (bi < minB) minB = bi;
      scratchD[kept] = db[v] as number;
      scratchB[kept++] = bi;
    }
  }
  st.setPass(money, dmoney, pm, dpm, kept, pc, 0, np, minB - share, kept, minB, hopeless);
}

/**
 * The first pass of an untracked evaluation with points (and of classes of ballots),
 * without branches: sums take bi × 0 or wi × 0 where an if would leave them alone. In
 * minSlack a poor supporter counts as slack + 1e308, which loses to every rich one (whose
 * comparison is the tracked pass's), and minSlack is Infinity again when nobody is rich.
 */
export function passPoints(st: FloatRun, s: number, e: number, share: number): void {
  const { voters, weights, b, scratchB, scratchW } = st;
  let money = 0;
  let pm = 0;
  let rw = 0;
  let pc = 0;
  let pw = 0;
  let minSlack = Number.POSITIVE_INFINITY;
  let kept = 0;
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
  st.setPass(money, 0, pm, 0, rw, pc, pw, 0, minSlack, kept, Number.POSITIVE_INFINITY, false);
}

/** The first pass of a tracked evaluation with points: slopes, and the poor supporters listed. */
export function passPointsTracked(st: FloatRun, s: number, e: number, share: number): void {
  const { voters, weights, b, db, scratchB, scratchW, scratchD, poorB, poorW, poorD } = st;
  let money = 0;
  let dmoney = 0;
  let pm = 0;
  let dpm = 0;
  let rw = 0;
  let pc = 0;
  let pw = 0;
  let np = 0;
  let minSlack = Number.POSITIVE_INFINITY;
  let kept = 0;
  for (let k = s; k < e; k++) {
    const v = voters[k] as number;
    const bi = b[v] as number;
    const wi = weights[k] as number;
    money += bi;
    dmoney += db[v] as number;
    const slack = bi - share * wi;
    if (slack < 0) {
      pm += bi;
      pc++;
      pw += wi;
      dpm += db[v] as number;
      poorB[np] = bi;
      poorW[np] = wi;
      poorD[np++] = db[v] as number;
    } else {
      rw += wi;
      if (slack < minSlack * wi) minSlack = slack / wi;
      // Rich supporters go to a contiguous scratch list: later passes skip the indirection.
      scratchD[kept] = db[v] as number;
      scratchB[kept] = bi;
      scratchW[kept++] = wi;
    }
  }
  st.setPass(
    money,
    dmoney,
    pm,
    dpm,
    rw,
    pc,
    pw,
    np,
    minSlack,
    kept,
    Number.POSITIVE_INFINITY,
    false,
  );
}

/**
 * One more water-filling pass on approval ballots over the `kept` rich supporters in the
 * scratch lists, at the raised share: who of them is now short. Starts from the sums so
 * far (pm, dpm, pc, np) and stores the new ones, the rich left and their smallest budget
 * in the `p…` fields of `st` (a function of its own, as the first passes).
 */
export function refillApproval(
  st: FloatRun,
  kept: number,
  share: number,
  pm: number,
  dpm: number,
  pc: number,
  np: number,
): void {
  const { track, scratchB, scratchD, poorB, poorW, poorD } = st;
  let minB = Number.POSITIVE_INFINITY;
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
  st.setPass(st.pMoney, st.pDmoney, pm, dpm, next, pc, 0, np, minB - share, next, minB, false);
}

/** As {@link refillApproval} with points: also the weights of the poor and the rich. */
export function refillPoints(
  st: FloatRun,
  kept: number,
  share: number,
  pm: number,
  dpm: number,
  pc: number,
  pw: number,
  np: number,
): void {
  const { track, scratchB, scratchW, scratchD, poorB, poorW, poorD } = st;
  let rw = 0;
  let minSlack = Number.POSITIVE_INFINITY;
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
  st.setPass(st.pMoney, st.pDmoney, pm, dpm, rw, pc, pw, np, minSlack, next, st.pMinB, false);
}

/**
 * Runs every pass of this file once on a made-up run (see warmOnce in mes-evaluate.ts,
 * which calls it before the first float run): project 0's three supporters hold 0.5, 3
 * and 5.5, so that at share 1.25 one is short and at 3.25 one more, and every branch of
 * each loop and the code after it have type feedback before V8 first compiles the loop.
 * With `hopeless`, project 1's 1100 supporters hold nothing: the check for a hopeless
 * project runs too (its first run mid-count deoptimised the compiled pass, and refilling a
 * pass whose short branch had never run did the same; each cost a recompilation). Only
 * the run's own arrays are written.
 */
export function warmPasses(st: FloatRun, hopeless: boolean): void {
  passApproval(st, 0, 3, 1.25, 3.75);
  refillApproval(st, st.pKept, 3.25, st.pPm, 0, st.pPc, 0);
  passPoints(st, 0, 3, 1.25);
  refillPoints(st, st.pKept, 3.25, st.pPm, 0, st.pPc, st.pPw, 0);
  if (hopeless) passApproval(st, 3, 1103, 1.25, 1e9 + 0.5);
  if (st.track) {
    passApprovalTracked(st, 0, 3, 1.25, 3.75);
    refillApproval(st, st.pKept, 3.25, st.pPm, st.pDpm, st.pPc, st.pNp);
    passPointsTracked(st, 0, 3, 1.25);
    refillPoints(st, st.pKept, 3.25, st.pPm, st.pDpm, st.pPc, st.pPw, st.pNp);
    if (hopeless) passApprovalTracked(st, 3, 1103, 1.25, 1e9 + 0.5);
  }
}
