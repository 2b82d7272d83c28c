/**
 * Exact budgets behind a float run, for its close calls: when an untracked float run
 * cannot decide a comparison (a near-tie of rhos that are not exact constants, or money
 * within the float margin of a cost), it settles that one comparison in rationals and goes
 * on in floats, instead of handing the whole run to the exact engine.
 */
import type { Utility } from './mes-run.js';
import { multiplicity } from './mes-run.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';

const ONE = Rational.of(1n);

/** A project's exact evaluation at the ledger's budgets. */
export interface ExactEvaluation {
  /** The money behind the project (its supporters' budgets, summed). */
  money: Rational;
  /** Undefined when the money is short of the cost; else the share per point and rho. */
  share?: Rational;
  rho?: Rational;
  /** Weight (points) of the supporters who pay the share, and of those who pay all they have. */
  rich: number;
  poor: number;
}

/**
 * Every voter's budget in rationals, brought up to date with a float run's payments on
 * demand (`sync`). The float run's choices before a close call are the exact run's
 * choices (every one was made with a margin far above float error), so replaying them
 * with exact shares gives the exact budgets at that round: that costs one exact
 * evaluation per chosen project, where the exact engine evaluates every candidate in
 * every round. On classes of identical ballots a class holds k endowments, as in
 * {@link mesExactRun}.
 */
export class ExactLedger {
  private readonly b: Rational[];
  private readonly cost: Rational[];
  /** How many of the run's chosen projects have been paid here. */
  private paid = 0;

  constructor(
    private readonly p: Profile,
    endowment: Rational,
    private readonly utility: Utility,
  ) {
    const mult = multiplicity.get(p);
    this.b = mult
      ? Array.from(mult, (k) => endowment.mul(Rational.of(BigInt(k))))
      : new Array<Rational>(p.n).fill(endowment);
    this.cost = new Array<Rational>(p.m);
  }

  private costOf(c: number): Rational {
    let r = this.cost[c];
    if (!r) {
      r = Rational.fromNumber(this.p.costs[c] as number);
      this.cost[c] = r;
    }
    return r;
  }

  private weight(k: number): Rational {
    const w = this.p.weights[k] as number;
    return w === 1 ? ONE : Rational.fromNumber(w);
  }

  /**
   * Pays, in order, the chosen projects of `selected` not paid here yet. False if one of
   * them is short of money in rationals (the float run chose what the exact run would not:
   * not expected, and the caller then hands the whole run to the exact engine).
   */
  sync(selected: readonly number[]): boolean {
    for (; this.paid < selected.length; this.paid++) {
      const share = this.evaluate(selected[this.paid] as number).share;
      if (!share) return false;
      this.pay(selected[this.paid] as number, share);
    }
    return true;
  }

  /**
   * Project c at the current budgets (call `sync` first): its money and, when that covers
   * the cost, the share by water-filling (supporters short of share × points pay all they
   * have, the others the share; Peters, Pierczyński and Skowron, NeurIPS 2021) and rho
   * (share / cost for cost utilities, the share for cardinality).
   */
  evaluate(c: number): ExactEvaluation {
    const { start, voters } = this.p;
    const s = start[c] as number;
    const e = start[c + 1] as number;
    const cost = this.costOf(c);
    let money = Rational.ZERO;
    for (let k = s; k < e; k++) money = money.add(this.b[voters[k] as number] as Rational);
    if (money.lt(cost)) return { money, rich: 0, poor: 0 };
    let wsum = Rational.ZERO;
    for (let k = s; k < e; k++) wsum = wsum.add(this.weight(k));
    let share = cost.div(wsum);
    let poorCount = 0;
    let rich = 0;
    let poor = 0;
    for (;;) {
      let pm = Rational.ZERO;
      let rw = Rational.ZERO;
      let pc = 0;
      rich = 0;
      poor = 0;
      for (let k = s; k < e; k++) {
        const bi = this.b[voters[k] as number] as Rational;
        const wi = this.weight(k);
        if (bi.lt(share.mul(wi))) {
          pm = pm.add(bi);
          pc++;
          poor += this.p.weights[k] as number;
        } else {
          rw = rw.add(wi);
          rich += this.p.weights[k] as number;
        }
      }
      if (pc === poorCount) break;
      poorCount = pc;
      share = cost.sub(pm).div(rw);
    }
    const rho = this.utility === 'cost' ? share.div(cost) : share;
    return { money, share, rho, rich, poor };
  }

  private pay(c: number, share: Rational): void {
    const { start, voters } = this.p;
    for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
      const v = voters[k] as number;
      const owed = share.mul(this.weight(k));
      const bv = this.b[v] as Rational;
      this.b[v] = bv.cmp(owed) <= 0 ? Rational.ZERO : bv.sub(owed);
    }
  }
}
