/**
 * Exact budgets behind a float run, for its close calls: when an untracked float run
 * cannot decide a comparison (a near-tie of rhos that are not exact constants, or money
 * within the float margin of a cost), it settles that one comparison in rationals and goes
 * on in floats, instead of handing the whole run to the exact engine.
 */
import { exactBudgets, exactEvaluate, exactPay } from './mes-exact.js';
import type { Utility } from './mes-run.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';

const ONE = Rational.of(1n);

/** A project's exact evaluation at the ledger's budgets, with its rho when affordable. */
export interface LedgerEvaluation {
  money: Rational;
  share?: Rational;
  rho?: Rational;
  /** Weight (points) of the supporters who pay the share, and of those who pay all they have. */
  rich: number;
  poor: number;
}

/**
 * Every voter's budget in rationals, brought up to date with a float run's payments when
 * it is asked for an evaluation (`selected`: the run's chosen projects, read as they grow). The float run's choices before a close call are the exact run's
 * choices (every one was made with a margin far above float error), so replaying them
 * with exact shares gives the exact budgets at that round: that costs one exact
 * evaluation per chosen project, where the exact engine evaluates every candidate in
 * every round. Evaluations and payments are the exact engine's own ({@link exactEvaluate},
 * {@link exactPay}).
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
    private readonly selected: readonly number[],
  ) {
    this.b = exactBudgets(p, endowment);
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

  /** Supporter entry k's points as a rational, made when needed (one per entry would be large). */
  private readonly weight = (k: number): Rational => {
    const w = this.p.weights[k] as number;
    return w === 1 ? ONE : Rational.fromNumber(w);
  };

  /**
   * Pays, in order, the run's chosen projects not paid here yet. False if one of them is
   * short of money in rationals (the float run chose what the exact run would not: not
   * expected, and the caller then hands the whole run to the exact engine).
   */
  private sync(): boolean {
    for (; this.paid < this.selected.length; this.paid++) {
      const c = this.selected[this.paid] as number;
      const share = this.at(c).share;
      if (!share) return false;
      exactPay(this.p, this.b, null, this.weight, c, share, Rational.ZERO);
    }
    return true;
  }

  /**
   * Project c at the budgets after the run's choices so far, evaluated as the exact engine
   * does ({@link exactEvaluate}), with rho (share / cost for cost utilities, the share for
   * cardinality) when the money covers the cost. Null when the ledger cannot follow the
   * run (see `sync`).
   */
  evaluate(c: number): LedgerEvaluation | null {
    return this.sync() ? this.at(c) : null;
  }

  private at(c: number): LedgerEvaluation {
    const cost = this.costOf(c);
    const { money, share, rich, poor } = exactEvaluate(this.p, this.b, null, this.weight, c, cost);
    if (!share) return { money, rich, poor };
    const rho = this.utility === 'cost' ? share.div(cost) : share;
    return { money, share, rho, rich, poor };
  }
}
