/** A fixed-budget MES run in exact rational arithmetic: the reference and the judge of close calls. */
import { Crossings, type MesOptions, type MesRun, multiplicity, newRun } from './mes-run.js';
import type { Profile } from './profile.js';
import { Rational, RationalSum } from './rational.js';
import { breakTie } from './ties.js';

/**
 * Fixed-budget MES in exact rational arithmetic: the reference the float engine is tested
 * against, and the judge of its close calls. Slower, so used only when needed. With
 * `track`, reports `stable` exactly as {@link mesFloatRun} describes.
 */
export function mesExactRun(
  p: Profile,
  endowment: Rational,
  opts: MesOptions = {},
  track = false,
): MesRun {
  const utility = opts.utility ?? 'cost';
  const ties = opts.ties ?? 'default';
  const { start, voters, weights, costs } = p;
  const ONE = Rational.of(1n);
  const mult = multiplicity.get(p);
  const b = exactBudgets(p, endowment);
  const db: Rational[] = mult
    ? Array.from(mult, (k) => Rational.of(BigInt(k)))
    : new Array(p.n).fill(ONE);
  const wr: Rational[] = Array.from(weights, (w) => Rational.fromNumber(w));
  const weightOf = (k: number) => wr[k] as Rational;
  const cr: Rational[] = Array.from(costs, (c) => Rational.fromNumber(c));
  const run = newRun(p);
  const lower: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const dlower: Rational[] = new Array(p.m).fill(Rational.ZERO);
  const qx: (Rational | undefined)[] = new Array(p.m).fill(undefined);
  const dqx: Rational[] = new Array(p.m).fill(Rational.ZERO);
  const x = new Crossings();
  let cand: number[] = [];
  for (let c = 0; c < p.m; c++) {
    if ((costs[c] ?? 0) > 0 && (start[c + 1] ?? 0) > (start[c] ?? 0)) cand.push(c);
  }
  for (let round = 1; cand.length > 0; round++) {
    let best: Rational | undefined;
    let tied: number[] = [];
    const keep: number[] = [];
    for (const c of cand) {
      const lo = lower[c];
      if (best && lo && best.lt(lo)) {
        keep.push(c);
        continue;
      }
      const cost = cr[c] as Rational;
      const ev = exactEvaluate(p, b, track ? db : null, weightOf, c, cost);
      const share = ev.share;
      if (!share) {
        if (track) x.exact(cost.sub(ev.money), ev.dmoney);
        continue;
      }
      const dshare = ev.dshare;
      if (track && ev.poorCount > 0) {
        for (let k = start[c] ?? 0; k < (start[c + 1] ?? 0); k++) {
          const v = voters[k] ?? 0;
          const bi = b[v] as Rational;
          const wi = wr[k] as Rational;
          const sw = share.mul(wi);
          if (bi.lt(sw)) x.exact(sw.sub(bi), (db[v] as Rational).sub(dshare.mul(wi)));
        }
      }
      const rho = utility === 'cost' ? share.div(cost) : share;
      lower[c] = rho;
      dlower[c] = utility === 'cost' ? dshare.div(cost) : dshare;
      qx[c] = share;
      dqx[c] = dshare;
      keep.push(c);
      const d = best ? rho.cmp(best) : -1;
      if (d < 0) {
        best = rho;
        tied = [c];
      } else if (d === 0) tied.push(c);
    }
    cand = keep;
    if (!best) break;
    const chosen = breakTie(p, ties, tied, `MES round ${round}`, run.tieDecisions);
    const share = qx[chosen] as Rational;
    const dshare = dqx[chosen] as Rational;
    cand = cand.filter((c) => c !== chosen);
    if (track) {
      const rc = lower[chosen] as Rational;
      const drc = dlower[chosen] as Rational;
      for (const d of cand) {
        const gap = (lower[d] as Rational).sub(rc);
        const closing = drc.sub(dlower[d] as Rational);
        // A lost tie stays lost unless the loser's rho falls below the winner's.
        x.exact(gap, closing);
      }
    }
    const paidAll = exactPay(p, b, track ? db : null, weightOf, chosen, share, dshare);
    run.selected.push(chosen);
    run.round[chosen] = round;
    run.share[chosen] = share.toNumber();
    run.paidAll[chosen] = paidAll;
  }
  return {
    ...run,
    budgets: Float64Array.from(b, (v) => v.toNumber()),
    exact: true,
    stable: track ? x.stable : 0,
  };
}

/**
 * Every voter's budget at the start of a run, in rationals: the endowment each, or on
 * classes of identical ballots k endowments for a class of k.
 */
export function exactBudgets(p: Profile, endowment: Rational): Rational[] {
  const mult = multiplicity.get(p);
  return mult
    ? Array.from(mult, (k) => endowment.mul(Rational.of(BigInt(k))))
    : new Array<Rational>(p.n).fill(endowment);
}

/** What {@link exactEvaluate} finds for one project. */
export interface ExactEvaluation {
  /** The money behind the project (its supporters' budgets, summed) and its slope. */
  money: Rational;
  dmoney: Rational;
  /** Undefined when the money is short of the cost; else the share per point. */
  share?: Rational;
  /** The share's slope (0 without slopes or when nobody is short). */
  dshare: Rational;
  /** How many supporters pay all they have, and the weights (points) of both kinds. */
  poorCount: number;
  rich: number;
  poor: number;
}

/**
 * Project c at exact budgets `b` (per voter, or per class of identical ballots): the
 * money behind it and, when that covers `cost`, its share by water-filling (supporters
 * short of share × points pay all they have, the others the share; Peters, Pierczyński
 * and Skowron, NeurIPS 2021). With budget slopes `db` (a tracked run) also the slopes of
 * the money and the share. `weightOf(k)` is the points of supporter entry k as a rational.
 * The exact engine and a float run's exact ledger (mes-exact-ledger.ts) both evaluate here.
 */
export function exactEvaluate(
  p: Profile,
  b: readonly Rational[],
  db: readonly Rational[] | null,
  weightOf: (k: number) => Rational,
  c: number,
  cost: Rational,
): ExactEvaluation {
  const { start, voters, weights } = p;
  const s = start[c] ?? 0;
  const e = start[c + 1] ?? 0;
  const moneySum = new RationalSum();
  const dmoneySum = new RationalSum();
  for (let k = s; k < e; k++) {
    moneySum.add(b[voters[k] ?? 0] as Rational);
    if (db) dmoneySum.add(db[voters[k] ?? 0] as Rational);
  }
  const money = moneySum.value();
  const dmoney = dmoneySum.value();
  if (money.lt(cost))
    return { money, dmoney, dshare: Rational.ZERO, poorCount: 0, rich: 0, poor: 0 };
  const wsum = new RationalSum();
  for (let k = s; k < e; k++) wsum.add(weightOf(k));
  let share = cost.div(wsum.value());
  let poorCount = 0;
  let dshare = Rational.ZERO;
  let rich = 0;
  let poor = 0;
  for (;;) {
    const pm = new RationalSum();
    const dpm = new RationalSum();
    const rw = new RationalSum();
    let pc = 0;
    rich = 0;
    poor = 0;
    for (let k = s; k < e; k++) {
      const v = voters[k] ?? 0;
      const bi = b[v] as Rational;
      const wi = weightOf(k);
      if (bi.lt(share.mul(wi))) {
        pm.add(bi);
        if (db) dpm.add(db[v] as Rational);
        pc++;
        poor += weights[k] ?? 0;
      } else {
        rw.add(wi);
        rich += weights[k] ?? 0;
      }
    }
    if (pc === poorCount) {
      if (db && pc > 0) dshare = Rational.ZERO.sub(dpm.value()).div(rw.value());
      break;
    }
    poorCount = pc;
    share = cost.sub(pm.value()).div(rw.value());
  }
  return { money, dmoney, share, dshare, poorCount, rich, poor };
}

/**
 * The supporters of `chosen` pay, exactly: each min(budget, share × points), and with
 * slopes `db` (a tracked run) theirs follow (0 for who paid all, else less the share's
 * slope × points). Returns how many voters paid all they had (a class counts its voters).
 */
export function exactPay(
  p: Profile,
  b: Rational[],
  db: Rational[] | null,
  weightOf: (k: number) => Rational,
  chosen: number,
  share: Rational,
  dshare: Rational,
): number {
  const { start, voters } = p;
  const mult = multiplicity.get(p);
  let paidAll = 0;
  for (let k = start[chosen] ?? 0; k < (start[chosen + 1] ?? 0); k++) {
    const v = voters[k] ?? 0;
    const wi = weightOf(k);
    const pay = share.mul(wi);
    const bv = b[v] as Rational;
    const side = bv.cmp(pay);
    if (side < 0) paidAll += mult ? (mult[v] as number) : 1;
    if (db) db[v] = side < 0 ? Rational.ZERO : (db[v] as Rational).sub(dshare.mul(wi));
    b[v] = side <= 0 ? Rational.ZERO : bv.sub(pay);
  }
  return paidAll;
}
