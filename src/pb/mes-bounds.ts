/**
 * What a float MES run may know without evaluating a project: bounds taken from an earlier
 * run at a lower per-voter budget (rho that cannot be lower, money that cannot be more),
 * and, for a run with a cap, upper bounds on the money behind each project that settle
 * early whether the outcome fits.
 */
import type { FloatRun } from './mes-evaluate.js';
import { type MesRun, multiplicity, type RunLog, TOL, type Utility } from './mes-run.js';
import type { Profile } from './profile.js';

/** Per project, what {@link mesFloatRun} needs to bound rho from an earlier run. */
export interface SupportOverlap {
  /** Per project d: the number of voters behind its supporters (classes count their size). */
  voters: Float64Array;
  /** The fewest points behind one voter's support (1 for approval): a voter's weight is at least this. */
  pmin: number;
  /** weight[j * m + d]: the points for j of the voters who support both j and d. */
  weight: Float64Array;
}

const overlapCache = new WeakMap<Profile, SupportOverlap | null>();

/**
 * {@link SupportOverlap} of a profile, or null when it would take long to compute (the
 * sum over ballots of their length squared above 5e7). Cached.
 */
export function supportOverlap(p: Profile): SupportOverlap | null {
  const cached = overlapCache.get(p);
  if (cached !== undefined) return cached;
  const { n, m, ballotStart: bs, ballotProjects: bp, ballotWeights: bw } = p;
  let work = 0;
  for (let v = 0; v < n; v++) work += ((bs[v + 1] as number) - (bs[v] as number)) ** 2;
  let r: SupportOverlap | null = null;
  if (work <= 5e7 && m <= 2000) {
    const mult = multiplicity.get(p);
    const voters = new Float64Array(m);
    let pmin = Number.POSITIVE_INFINITY;
    const weight = new Float64Array(m * m);
    for (let v = 0; v < n; v++) {
      const from = bs[v] as number;
      const to = bs[v + 1] as number;
      const k = mult ? (mult[v] as number) : 1;
      for (let a = from; a < to; a++) {
        const j = bp[a] as number;
        const w = bw[a] as number;
        if (w / k < pmin) pmin = w / k;
        voters[j] = (voters[j] as number) + k;
        const row = j * m;
        for (let c = from; c < to; c++) {
          const at = row + (bp[c] as number);
          weight[at] = (weight[at] as number) + w;
        }
      }
    }
    r = { voters, pmin, weight };
  }
  overlapCache.set(p, r);
  return r;
}

/**
 * Lower bounds on rho in a run at a per-voter budget `raise` above the prior run's, from
 * the prior run's evaluations in `round` (its log from index `at`): see `prior` of
 * {@link mesFloatRun}. Raises `cross[d]` to each bound, listing each d raised in `raised`
 * (only those can have a bound above what the run knows); returns the next log index.
 */
export function priorBounds(
  L: RunLog,
  at: number,
  round: number,
  raise: number,
  overlap: SupportOverlap,
  gained: Float64Array,
  costs: Float64Array,
  utility: Utility,
  cross: Float64Array,
  raised: number[],
): number {
  let i = at;
  for (; i < L.round.length && L.round[i] === round; i++) {
    const d = L.project[i] as number;
    // Only supporters short of money at the share bind it (those with enough keep paying
    // exactly the share), so with nobody short the share cannot fall at all; otherwise
    // they number at most their weight / pmin (and at most all supporters).
    const poor = L.poor[i] as number;
    const more =
      poor > 0
        ? raise * Math.min(overlap.voters[d] as number, poor / overlap.pmin) + (gained[d] as number)
        : 0;
    const drop = more / ((L.rich[i] as number) * (utility === 'cost' ? (costs[d] as number) : 1));
    const bound = (L.rho[i] as number) - drop;
    if (bound > (cross[d] as number)) {
      cross[d] = bound;
      raised.push(d);
    }
  }
  return i;
}

/** to[d] += by × from[offset + d] for every d. */
export function addScaled(to: Float64Array, from: Float64Array, offset: number, by: number): void {
  for (let d = 0; d < to.length; d++) to[d] = (to[d] as number) + by * (from[offset + d] as number);
}

/**
 * After `chosen` (points W in all, cost `cost`) is paid at `share`: lowers `money[d]`, an
 * upper bound on the money behind each project d of `cand` (the only ones read: a project
 * never returns to the candidates), by what its supporters must have paid.
 * Supporters of `chosen` who do not support d pay at most share × their points
 * (W - overlap), and all of them together pay exactly the cost, so those who also support
 * d pay at least cost - share × (W - overlap).
 */
export function lowerMoney(
  money: Float64Array,
  overlap: SupportOverlap,
  chosen: number,
  cost: number,
  W: number,
  share: number,
  cand: number[],
): void {
  const row = chosen * money.length;
  for (const d of cand) {
    const paid = cost - share * (W - (overlap.weight[row + d] as number));
    if (paid > 0) money[d] = (money[d] as number) - paid;
  }
}

/**
 * Whether the outcome of a run with `cap` is settled before it ends: 'over' when what it
 * has chosen (`spent`, the sum of their costs) already costs more than `cap`; 'fits' when
 * it costs at most `cap` together with every candidate still able to pay for itself, and
 * at least one candidate dropped out (`dropped`; else the run might fund every candidate,
 * which ends add1 and so needs the full run). Float sums of at most a few thousand costs
 * are within 1e-12 of the exact ones, so a margin of that size makes both answers exact
 * (undecided near the cap: the run goes on). `money` (see {@link lowerMoney}) says which
 * candidates must be short of money; each is checked once more by summing its
 * supporters' money (so float error in the bound cannot decide), and one found short
 * (below its cost, with margin) leaves `cand` for the rest of the run: a voter's money
 * never grows within a run. In a tracked run each such finding is a comparison of the
 * trace (its crossing is noted); the rest of the verdict (what was chosen, the cap, the
 * costs) is fixed while the choices are. `moneyBehind` sums a project's supporters'
 * money where the run keeps it per pattern (mes-patterns.ts) instead of per voter, and
 * `slopeBehind` the slope of that money in a tracked run.
 */
export function settledFit(
  st: FloatRun,
  cand: number[],
  spent: number,
  cap: number,
  dropped: boolean,
  money: Float64Array,
  log: RunLog,
  round: number,
  moneyBehind?: (d: number) => number,
  slopeBehind?: (d: number) => number,
): MesRun['partial'] {
  if (spent > cap * (1 + 1e-12)) return 'over';
  const { costs, start, voters, b } = st;
  const room = cap * (1 - 1e-12) - spent;
  let rest = 0;
  let likely = 0;
  for (const d of cand) {
    const cost = costs[d] as number;
    rest += cost;
    if ((money[d] as number) >= cost * (1 - 1e-6)) likely += cost;
  }
  if (rest <= room && dropped) return 'fits';
  // Even if every candidate whose bound says it is short of money is, the rest would not fit.
  if (likely > room) return undefined;
  for (let i = cand.length - 1; i >= 0; i--) {
    const d = cand[i] as number;
    const cost = costs[d] as number;
    if ((money[d] as number) >= cost * (1 - 1e-6)) continue;
    const have = moneyBehind
      ? moneyBehind(d)
      : sumOver(b, voters, start[d] as number, start[d + 1] as number);
    if (have < cost * (1 - TOL)) {
      // A tracked run: d stays short while its money, rising at the slopes of its
      // supporters' budgets, stays below its cost.
      if (st.track) {
        const dsum = slopeBehind
          ? slopeBehind(d)
          : sumOver(st.db, voters, start[d] as number, start[d + 1] as number);
        st.x.float(cost - have, cost, dsum, dsum);
      }
      // Summed after this round's payment: what the next round starts with.
      noteShort(log, d, round + 1, have);
      rest -= cost;
      cand.splice(i, 1);
      if (rest <= room) return 'fits';
    }
  }
  return undefined;
}

/** Notes in a run's log that project d was found short of money in `round` (`money` at most). */
export function noteShort(log: RunLog, d: number, round: number, money: number): void {
  if (log.shortRound[d] === 0) {
    log.shortRound[d] = round;
    log.shortMoney[d] = money;
  }
}

/**
 * The projects an earlier run's log `L` found short of money, in the order of the round
 * it found them in (see {@link stillShort}).
 */
export function shortOrder(L: RunLog): Int32Array {
  // A counting sort by round: `at[r]` is where round r's projects go (round 0: none found).
  const rounds = L.shortRound;
  let last = 0;
  for (let d = 0; d < rounds.length; d++) last = Math.max(last, rounds[d] as number);
  const at = new Int32Array(last + 2);
  for (let d = 0; d < rounds.length; d++) {
    const r = rounds[d] as number;
    if (r > 0) at[r + 1] = (at[r + 1] as number) + 1;
  }
  for (let r = 2; r <= last + 1; r++) at[r] = (at[r] as number) + (at[r - 1] as number);
  const order = new Int32Array(at[last + 1] as number);
  for (let d = 0; d < rounds.length; d++) {
    const r = rounds[d] as number;
    if (r === 0) continue;
    const k = at[r] as number;
    order[k] = d;
    at[r] = k + 1;
  }
  return order;
}

/**
 * Drops from `cand` the projects that an earlier run at a lower per-voter budget (its log
 * `L`, `raise` below this run) found short of money by this round, and that must still be
 * short here: while this run has chosen what the earlier one chose in the same rounds,
 * each voter holds at most `raise` per voter plus, per project paid, (old share − new
 * share) per point more than there (`gained` sums that over d's supporters; see `prior`
 * of {@link mesFloatRun}), and money only falls within a run. So d's money now is at
 * most its money then plus raise × its voters plus gained[d]; below its cost (with the
 * float margin TOL) d is not affordable, exactly as an evaluation would have found. Each
 * project dropped is noted in this run's `log` with that bound, for the next run.
 *
 * `order` ({@link shortOrder} of L) is taken from index `next` up to the projects due by
 * this round; returns the index to go on from. Each project is looked at once, in the
 * first round it is due: gained[d] only grows, so one that is not short then never is
 * later in the run. One no longer a candidate (chosen: `chosenIn` > 0; or found short in
 * this run: noted in `log`) is passed over.
 */
export function stillShort(
  L: RunLog,
  round: number,
  raise: number,
  overlap: SupportOverlap,
  gained: Float64Array,
  costs: Float64Array,
  cand: number[],
  log: RunLog,
  order: Int32Array,
  next: number,
  chosenIn: Int32Array,
): number {
  let k = next;
  let dropped = 0;
  for (; k < order.length && (L.shortRound[order[k] as number] as number) <= round; k++) {
    const d = order[k] as number;
    if ((chosenIn[d] as number) > 0 || (log.shortRound[d] as number) > 0) continue;
    const most =
      (L.shortMoney[d] as number) + raise * (overlap.voters[d] as number) + (gained[d] as number);
    if (most < (costs[d] as number) * (1 - TOL)) {
      noteShort(log, d, round, most);
      dropped++;
    }
  }
  if (dropped > 0) {
    let kept = 0;
    for (const d of cand) if ((log.shortRound[d] as number) === 0) cand[kept++] = d;
    cand.length = kept;
  }
  return k;
}

/**
 * The sum of `values` over the voters of supporter entries from..to (money or slopes of a
 * project's supporters). A function of its own, so that V8 optimises the loop at once.
 */
export function sumOver(
  values: Float64Array,
  voters: Int32Array,
  from: number,
  to: number,
): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[voters[k] as number] as number;
  return sum;
}

/**
 * Sorts projects by `key`, smallest first, in place; equal keys keep their order (as the
 * stable Array.prototype.sort with the same comparison). Insertion sort: from one round to
 * the next the order changes little, so this is nearly linear and allocates nothing.
 */
export function sortBy(items: number[], key: Float64Array): void {
  for (let i = 1; i < items.length; i++) {
    const c = items[i] as number;
    const k = key[c] as number;
    let j = i;
    while (j > 0 && (key[items[j - 1] as number] as number) > k) {
      items[j] = items[j - 1] as number;
      j--;
    }
    items[j] = c;
  }
}
