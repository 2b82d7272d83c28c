/**
 * What a tracked float run notes about the comparisons it makes: the crossings of each
 * round's choice (`trackChoice`) and of its findings of "short of money"
 * (`ShortFindings`), which are judged over the rest of the run instead of only in the
 * round where each was made.
 *
 * A project d found short in round r leaves the run. Noted at once, its crossing is the
 * budget at which its supporters' money in round r reaches its cost. But d affordable in
 * round r changes nothing by itself: it must also win a round. Its rho is never below
 * its constant bound (1/W_d for cost utility, cost/W_d for cardinality: each supporter
 * pays at most rho × points × utility, and the payments add up to the cost), and along a
 * fixed sequence of choices the chosen project's rho only falls as the per-voter budget
 * rises (mes.ts, sameOutcomeBetween). So in a round whose chosen rho lies below that
 * bound (by the float margin TOL), or equals it as an exact constant with the chosen
 * project first in the tie order, d cannot win at any higher budget with the same
 * choices. The first round t where it could is where its crossing is taken: the budget
 * at which its supporters' money at the start of round t reaches its cost. Money only
 * falls from round to round, so short in round t it is short in every later round and
 * at the end. A finding no round reaches this way takes its crossing at the money its
 * supporters hold where the run ends (for a run stopped early by its cap: where it
 * stopped, as `settledFit` judges). Either way the crossing it was found with also
 * holds, and the further of the two is taken.
 *
 * Found by trying 3 voters over 1,500 projects: runs proved 4 to 57 steps of a per-voter
 * budget of 43 million, limited by projects a few dozen units short in rounds they could
 * not have won, while the outcome held for hundreds of steps.
 */
import { Crossings, TOL, type Utility } from './mes-run.js';
import type { Profile } from './profile.js';
import { type TieMode, tieCompare } from './ties.js';

/** What d's supporters hold now, and its slope per unit of per-voter budget. */
export type MoneyNow = (d: number) => readonly [number, number];

/** A tracked run's findings of "short of money" not yet settled. */
export class ShortFindings {
  private project: number[] = [];
  /** The run's `stable` as each finding alone left it (Infinity: it did not lower it). */
  private distance: number[] = [];
  /** The number of findings held in the current round (the last ones). */
  private fresh = 0;
  /** Where a crossing is measured before it is noted. */
  private readonly scratch = new Crossings();

  constructor(
    private readonly p: Profile,
    private readonly ties: TieMode,
    private readonly W: ArrayLike<number>,
    private readonly utility: Utility,
    private readonly money: MoneyNow,
  ) {}

  /**
   * Takes back what an evaluation that found project `d` short did to the crossings `x`
   * (its `stable` was `before`), and holds the finding.
   */
  hold(x: Crossings, before: number, d: number): void {
    this.distance.push(x.stable < before ? x.stable : Number.POSITIVE_INFINITY);
    x.stable = before;
    this.project.push(d);
    this.fresh++;
  }

  /**
   * A round chose `chosen` at `rho` (`exact`: an exact constant), before paying for it:
   * each held project that could have won it takes its crossing at the money its
   * supporters hold now (`money`, given to the constructor: their sum and its slope).
   */
  round(x: Crossings, chosen: number, rho: number, exact: boolean): void {
    let kept = 0;
    const n = this.project.length;
    for (let k = 0; k < n; k++) {
      const d = this.project[k] as number;
      const least = this.least(d);
      const loses =
        least > rho * (1 + TOL) ||
        (exact && least === rho && tieCompare(this.p, this.ties, chosen, d).order < 0);
      if (loses) {
        this.project[kept] = d;
        this.distance[kept++] = this.distance[k] as number;
      } else this.cross(x, k, n);
    }
    this.project.length = kept;
    this.distance.length = kept;
    this.fresh = 0;
  }

  /** The run has ended (or stopped): every finding still held takes its crossing there. */
  end(x: Crossings): void {
    const n = this.project.length;
    for (let k = 0; k < n; k++) this.cross(x, k, n);
    this.project.length = 0;
    this.distance.length = 0;
    this.fresh = 0;
  }

  /** The lowest rho project d can have (see the module's comment). */
  private least(d: number): number {
    const w = this.W[d] as number;
    return this.utility === 'cost' ? 1 / w : (this.p.costs[d] as number) / w;
  }

  /**
   * Notes the crossing of the k-th finding (of n held) at its supporters' money now, or
   * the one it was found with where that reaches further: short when found, the project
   * is dropped in that round at every budget it covers, which also leaves the outcome as
   * it is. (A payment can raise a supporter's slope, so the later crossing is not always
   * the further one.) A finding of this round keeps the crossing it was found with: its
   * money has not changed since.
   */
  private cross(x: Crossings, k: number, n: number): void {
    let t = this.distance[k] as number;
    if (k < n - this.fresh) {
      const d = this.project[k] as number;
      const cost = this.p.costs[d] as number;
      const [have, slope] = this.money(d);
      const later = this.scratch;
      later.stable = Number.POSITIVE_INFINITY;
      later.float(cost - have, cost, slope, slope);
      if (later.stable > t) t = later.stable;
    }
    if (t < x.stable) x.stable = t;
  }
}

/**
 * The crossings of a tracked round: every other candidate must keep a higher rho than the
 * chosen one (or lose the same tie between two exact constants).
 */
export function trackChoice(
  x: Crossings,
  cand: number[],
  chosen: number,
  lower: Float64Array,
  dlower: Float64Array,
  exactRho: Uint8Array,
): void {
  const rc = lower[chosen] as number;
  const drc = dlower[chosen] as number;
  for (const d of cand) {
    if (exactRho[d] === 1 && exactRho[chosen] === 1) continue; // two constants
    const ld = lower[d] as number;
    const dld = dlower[d] as number;
    x.float(ld - rc, ld + rc, drc - dld, Math.abs(drc) + Math.abs(dld));
  }
}
