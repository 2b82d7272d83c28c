/**
 * Sequential Phragmén for participatory budgeting (Los, Christoff and Grossi,
 * "Proportional Budget Allocations: Towards a Systematization", IJCAI 2022; pabutools
 * `sequential_phragmen`): supporters earn money at a constant rate; a project is bought as
 * soon as its supporters together hold its cost, and their money is then spent.
 * Two conventions for a project that no longer fits the remaining budget:
 * - `skip` (this engine's default, rule `phragmen`): only projects that still fit compete;
 * - `stop` (pabutools, rule `phragmen-stop`): the next project to be bought is chosen among
 *   all, and counting stops when it does not fit.
 * Support is counted as approval (points are ignored). Times are compared in floats and a
 * near-tie is redone exactly, as in MES; the remaining budget is always exact.
 */
import type { PhragmenFacts } from './outcome.js';
import type { Profile } from './profile.js';
import { Rational } from './rational.js';
import { breakTie, type TieDecision, type TieMode } from './ties.js';

const TOL = 1e-9;

export interface PhragmenResult {
  selected: number[];
  facts: PhragmenFacts[];
  tieDecisions: TieDecision[];
}

interface Num<T> {
  zero: T;
  of(x: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  divInt(a: T, k: number): T;
  cmp(a: T, b: T): number;
  near(a: T, b: T): boolean;
  toNumber(a: T): number;
}

const floats: Num<number> = {
  zero: 0,
  of: (x) => x,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  divInt: (a, k) => a / k,
  cmp: (a, b) => a - b,
  near: (a, b) => Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b)),
  toNumber: (a) => a,
};

const exact: Num<Rational> = {
  zero: Rational.ZERO,
  of: (x) => Rational.fromNumber(x),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  divInt: (a, k) => a.div(Rational.of(BigInt(k))),
  cmp: (a, b) => a.cmp(b),
  near: () => false,
  toNumber: (a) => a.toNumber(),
};

/** What to do with a project that no longer fits; see the module comment. */
export type PhragmenVariant = 'skip' | 'stop';

function run<T>(
  p: Profile,
  ties: TieMode,
  num: Num<T>,
  variant: PhragmenVariant,
): PhragmenResult | null {
  const load: T[] = new Array(p.n).fill(num.zero);
  const facts: PhragmenFacts[] = [];
  for (let c = 0; c < p.m; c++) {
    facts.push({ kind: 'phragmen', reason: p.votes[c] === 0 ? 'no-votes' : 'too-expensive' });
  }
  const tieDecisions: TieDecision[] = [];
  const selected: number[] = [];
  let left = Rational.fromNumber(p.budget);
  const cost = (c: number) => Rational.fromNumber(p.costs[c] as number);
  const open = new Set<number>();
  for (let c = 0; c < p.m; c++) if ((p.votes[c] as number) > 0) open.add(c);
  for (let round = 1; ; round++) {
    let best: T | undefined;
    let tied: number[] = [];
    for (const c of open) {
      if (variant === 'skip' && cost(c).cmp(left) > 0) continue;
      // Time at which supporters hold the cost: (cost + what they already spent) / count.
      let sum = num.of(p.costs[c] as number);
      for (let k = p.start[c] as number; k < (p.start[c + 1] as number); k++) {
        sum = num.add(sum, load[p.voters[k] as number] as T);
      }
      const t = num.divInt(sum, p.votes[c] as number);
      if (best === undefined) {
        best = t;
        tied = [c];
        continue;
      }
      if (num.near(t, best)) return null; // floats cannot tell: settle the whole run exactly
      const d = num.cmp(t, best);
      if (d < 0) {
        best = t;
        tied = [c];
      } else if (d === 0) tied.push(c);
    }
    if (best === undefined) break;
    const chosen = breakTie(p, ties, tied, `Phragmén round ${round}`, tieDecisions);
    if (variant === 'stop' && cost(chosen).cmp(left) > 0) {
      // pabutools: the project bought next does not fit, so counting ends here.
      for (const c of open) facts[c] = { kind: 'phragmen', reason: 'stopped' };
      break;
    }
    for (let k = p.start[chosen] as number; k < (p.start[chosen + 1] as number); k++) {
      load[p.voters[k] as number] = best;
    }
    left = left.sub(cost(chosen));
    selected.push(chosen);
    open.delete(chosen);
    facts[chosen] = { kind: 'phragmen', reason: 'funded', round, time: num.toNumber(best) };
  }
  return { selected, facts, tieDecisions };
}

/**
 * Sequential Phragmén with the given variant; `exactOnly` skips the float pass (used by
 * tests as a reference).
 */
export function phragmen(
  p: Profile,
  ties: TieMode = 'default',
  exactOnly = false,
  variant: PhragmenVariant = 'skip',
): PhragmenResult {
  return (
    (exactOnly ? null : run(p, ties, floats, variant)) ??
    (run(p, ties, exact, variant) as PhragmenResult)
  );
}
