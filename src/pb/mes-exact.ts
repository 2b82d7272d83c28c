/** A fixed-budget MES run in exact rational arithmetic: the reference and the judge of close calls. */
import { Crossings, type MesOptions, type MesRun, multiplicity, newRun } from './mes-run.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
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
  const b: Rational[] = mult
    ? Array.from(mult, (k) => endowment.mul(Rational.of(BigInt(k))))
    : new Array(p.n).fill(endowment);
  const db: Rational[] = mult
    ? Array.from(mult, (k) => Rational.of(BigInt(k)))
    : new Array(p.n).fill(ONE);
  const wr: Rational[] = Array.from(weights, (w) => Rational.fromNumber(w));
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
      const s = start[c] ?? 0;
      const e = start[c + 1] ?? 0;
      const cost = cr[c] as Rational;
      let money = Rational.ZERO;
      let dmoney = Rational.ZERO;
      for (let k = s; k < e; k++) {
        money = money.add(b[voters[k] ?? 0] as Rational);
        if (track) dmoney = dmoney.add(db[voters[k] ?? 0] as Rational);
      }
      if (money.lt(cost)) {
        if (track) x.exact(cost.sub(money), dmoney);
        continue;
      }
      let wsum = Rational.ZERO;
      for (let k = s; k < e; k++) wsum = wsum.add(wr[k] as Rational);
      let share = cost.div(wsum);
      let poorCount = 0;
      let dshare = Rational.ZERO;
      for (;;) {
        let pm = Rational.ZERO;
        let dpm = Rational.ZERO;
        let rw = Rational.ZERO;
        let pc = 0;
        for (let k = s; k < e; k++) {
          const v = voters[k] ?? 0;
          const bi = b[v] as Rational;
          const wi = wr[k] as Rational;
          if (bi.lt(share.mul(wi))) {
            pm = pm.add(bi);
            if (track) dpm = dpm.add(db[v] as Rational);
            pc++;
          } else rw = rw.add(wi);
        }
        if (pc === poorCount) {
          if (track && pc > 0) dshare = Rational.ZERO.sub(dpm).div(rw);
          break;
        }
        poorCount = pc;
        share = cost.sub(pm).div(rw);
      }
      if (track && poorCount > 0) {
        for (let k = s; k < e; k++) {
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
    let paidAll = 0;
    for (let k = start[chosen] ?? 0; k < (start[chosen + 1] ?? 0); k++) {
      const v = voters[k] ?? 0;
      const pay = share.mul(wr[k] as Rational);
      const bv = b[v] as Rational;
      if (bv.lt(pay)) paidAll += mult ? (mult[v] as number) : 1;
      if (track)
        db[v] = bv.lt(pay) ? Rational.ZERO : (db[v] as Rational).sub(dshare.mul(wr[k] as Rational));
      b[v] = bv.cmp(pay) <= 0 ? Rational.ZERO : bv.sub(pay);
    }
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
