/**
 * Supporters grouped by what they have paid for: add1's verdict runs on approval ballots
 * in a fraction of the reads.
 *
 * In a run of MES on approval ballots, a voter's money after some rounds depends only on
 * which of the projects chosen so far they support (their *pattern*): every voter starts
 * with the per-voter budget e, and each pays min(money, share) for each chosen project
 * they support, in the order chosen. Voters with the same pattern hold the same money, so
 * an evaluation of project c needs only how many of c's supporters have each pattern (its
 * histogram), not each supporter. Early in a run there are few patterns: over add1's
 * walk on Warszawa 2026 (rounds 1–26), 11,000 patterns per run against 163,000 supporter
 * entries of the projects chosen. A histogram depends on the set of projects chosen so
 * far, not on e nor on their order, so add1's hundreds of runs share them: they are kept
 * per set of chosen projects (a node) and per project (111 distinct histograms of chosen
 * projects over that walk's 184 steps).
 *
 * Money is per pattern (`beta`, indexed by pattern id) and computed in each run exactly as
 * the per-voter run computes each voter's: max(money − share, 0) per project paid, the
 * same float operations in the same order, so every voter's money is bit for bit the
 * same. Sums over a histogram (count × money) group terms that the per-voter run adds one
 * by one, so sums can differ in the last bits: every decision already keeps a margin far
 * above that (TOL) and hands a close call to the exact engine, as for any float run.
 * This file keeps the patterns, nodes and histograms; mes-patterns-run.ts evaluates and pays.
 */
import { weightSums } from './mes-run.js';
import type { Profile } from './profile.js';

/** How many of a project's supporters have each pattern, at one node. */
export interface Histogram {
  /** Pattern ids, and how many supporters have each (`counts`, same order). */
  ids: Int32Array;
  counts: Float64Array;
  /** Per entry: the pattern its supporters move to when this project is paid (on first use). */
  children?: Int32Array;
}

/**
 * Every voter's pattern id at one node: 2 bytes a voter while all ids fit (a count of
 * Warszawa 2026 makes 27,224 patterns), 4 once one does not (see PatternSpace.widen).
 */
export type PatternIds = Uint16Array | Int32Array;

/** A set of chosen projects: its patterns per voter and its histograms. */
export class PatternNode {
  readonly next = new Map<number, PatternNode>();
  /** Per voter: the id of their pattern (null until built, or after being dropped for memory). */
  pid: PatternIds | null = null;
  readonly hist: (Histogram | undefined)[];
  constructor(
    /** The node this one was first reached from (null for the empty set), and the project added. */
    readonly parent: PatternNode | null,
    readonly added: number,
    /** The chosen projects, sorted. */
    readonly set: number[],
    m: number,
  ) {
    this.hist = new Array(m);
  }
}

/**
 * Per-voter pattern arrays kept at once, in bytes: older ones are given back to a pool and
 * rebuilt from an ancestor's when needed again (rarely: a node's histograms are nearly all
 * built on its first visit, and a new node's parent was visited just before it).
 */
const PID_BYTES = 4 * 2 ** 20;

/**
 * Bytes of nodes and histograms kept (estimated); past it, new histograms are not kept
 * and the next run turns patterns off (3 voters, 3,000 projects: 386,000 histograms).
 */
const HIST_BYTES = 64 * 2 ** 20;

/**
 * The patterns and nodes of one approval profile (see the file's comment); made by
 * {@link patternSpace}. Patterns have canonical ids (the same set, the same id, whatever
 * order its projects were chosen in); id 0 is the empty pattern.
 */
export class PatternSpace {
  readonly root: PatternNode;
  /** Money per pattern in the current run (see the file's comment). */
  beta: Float64Array;
  /** In a tracked run: the slope of each pattern's money with respect to the per-voter budget. */
  dbeta: Float64Array;
  /** How many patterns there are (ids 0 .. count − 1). */
  private count = 1;
  /**
   * Per pattern: the pattern it was first made from and the project added to it (a chain
   * back to the empty pattern 0 lists its projects; 0's own entries are never read), how
   * many projects it has, its two hashes.
   */
  private base: Int32Array;
  private added: Int32Array;
  private size: Int32Array;
  private hashA: Int32Array;
  private hashB: Int32Array;
  /** Per project: two random 32-bit words; a pattern's hashes are the xor of its projects'. */
  private readonly zA: Int32Array;
  private readonly zB: Int32Array;
  /** Open-addressing table of the patterns other than 0 by their hashes: id + 1, 0 for none. */
  private byHash: Int32Array;
  /** Per project: whether it is in the pattern being compared (equal to `setStamp`). */
  private readonly inSet: Int32Array;
  private setStamp = 0;
  /** Open-addressing table of known children: (pattern, project) -> child pattern. */
  private memoKeys: Int32Array;
  private memoVals: Int32Array;
  private memoSize = 0;
  private readonly nodes = new Map<string, PatternNode>();
  private readonly withPid = new Set<PatternNode>();
  /** Pattern arrays given back for the next node (fresh pages cost more than a copy). */
  private readonly spare: PatternIds[] = [];
  /** Estimated bytes of the nodes and histograms kept (see HIST_BYTES). */
  private stored = 0;
  /**
   * The work of the runs using this space, in units of one supporter read by a per-voter
   * run (`cost`: histogram entries read, supporters and voters read while building, new
   * patterns, each weighed by what it took when measured), and what per-voter runs would
   * have read instead (`perVoter`: the supporters of each project evaluated, paid or
   * summed); `marks` holds both at the start of each run. See {@link startRun}.
   */
  private cost = 0;
  private perVoter = 0;
  private readonly marks: number[] = [];
  /** Set once patterns were found not to pay for this profile. */
  off = false;
  /** How many runs kept their money in this space (for tests). */
  runs = 0;
  /**
   * How many per-voter pattern arrays are kept at once: as many as fit in PID_BYTES at 4
   * bytes a voter (narrow arrays take half of that), at least 2 (a node's and its
   * parent's). Tests lower it to rebuild arrays often.
   */
  pidLimit: number;
  /**
   * The highest pattern id the per-voter arrays hold in 2 bytes (0xffff). Past it they are
   * widened to 4 bytes for good (`wide`). Tests lower it to widen in the middle of a count.
   */
  narrowLimit = 0xffff;
  private wide = false;
  /** Whether the per-voter pattern arrays were widened to 4 bytes a voter. */
  get widened(): boolean {
    return this.wide;
  }
  private mark: Int32Array;
  private slot: Int32Array;
  private stamp = 0;
  private readonly counting: Float64Array;
  private readonly idsOut: Int32Array;

  constructor(readonly p: Profile) {
    // Room for as many patterns as a count is likely to make, so that the tables are not
    // grown (and copied) while the first runs are still cold: half the voters, between
    // 2^10 and 2^15 (Warszawa 2026 makes 27,224 patterns from 61,668 voters; growing the
    // tables five times took 4 % of its whole `pb tally`, farm-bench, 15 runs).
    const room = 2 ** Math.min(15, Math.max(10, Math.ceil(Math.log2(Math.max(p.n, 1) / 2))));
    this.beta = new Float64Array(room);
    this.dbeta = new Float64Array(room);
    this.base = new Int32Array(room);
    this.added = new Int32Array(room);
    this.size = new Int32Array(room);
    this.hashA = new Int32Array(room);
    this.hashB = new Int32Array(room);
    this.mark = new Int32Array(room);
    this.slot = new Int32Array(room);
    this.byHash = new Int32Array(2 * room);
    this.memoKeys = new Int32Array(4 * room).fill(-1);
    this.memoVals = new Int32Array(2 * room);
    this.root = new PatternNode(null, -1, [], p.m);
    this.root.pid = new Uint16Array(p.n);
    this.pidLimit = Math.max(2, Math.floor(PID_BYTES / (4 * Math.max(p.n, 1))));
    this.nodes.set('', this.root);
    let most = 0;
    for (let c = 0; c < p.m; c++)
      most = Math.max(most, (p.start[c + 1] as number) - (p.start[c] as number));
    this.counting = new Float64Array(most);
    this.idsOut = new Int32Array(most);
    // Fixed words (xorshift from a constant seed): the same ids in every process.
    let x = 0x9e3779b9;
    const word = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x | 0;
    };
    this.inSet = new Int32Array(p.m);
    this.zA = Int32Array.from({ length: p.m }, word);
    this.zB = Int32Array.from({ length: p.m }, word);
  }

  /** The node of `node`'s set with project j added. */
  nextNode(node: PatternNode, j: number): PatternNode {
    let to = node.next.get(j);
    if (to) return to;
    const set = [...node.set, j].sort((a, b) => a - b);
    const key = set.join(',');
    to = this.nodes.get(key);
    if (!to) {
      to = new PatternNode(node, j, set, this.p.m);
      this.nodes.set(key, to);
      this.stored += 8 * this.p.m + 24 * set.length + 200; // its hist slots, set and key
    }
    node.next.set(j, to);
    return to;
  }

  /** The canonical id of pattern `id` with project j added (j not in it). */
  child(id: number, j: number): number {
    const keys = this.memoKeys;
    const mask = (keys.length >> 1) - 1;
    let at = (Math.imul(id, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b)) & mask;
    for (;;) {
      const k = keys[2 * at] as number;
      if (k === -1) break;
      if (k === id && keys[2 * at + 1] === j) return this.memoVals[at] as number;
      at = (at + 1) & mask;
    }
    const to = this.canonical(id, j);
    keys[2 * at] = id;
    keys[2 * at + 1] = j;
    this.memoVals[at] = to;
    if (++this.memoSize * 2 > mask + 1) this.growMemo();
    return to;
  }

  /**
   * The id of the set pattern `id` ∪ {j} (j not in it), made when new: found by its
   * hashes, then checked in full (same size, and each of its projects is j or in `id`).
   */
  private canonical(id: number, j: number): number {
    const a = (this.hashA[id] as number) ^ (this.zA[j] as number);
    const b = (this.hashB[id] as number) ^ (this.zB[j] as number);
    const n = (this.size[id] as number) + 1;
    const table = this.byHash;
    const mask = table.length - 1;
    let at = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    let marked = false;
    for (let q = (table[at] as number) - 1; q >= 0; q = (table[at] as number) - 1) {
      if (this.hashA[q] === a && this.hashB[q] === b && this.size[q] === n) {
        if (!marked) this.markSet(id);
        marked = true;
        if (this.within(q, j)) return q;
      }
      at = (at + 1) & mask;
    }
    const to = this.count++;
    this.cost += 30;
    if (to >= this.beta.length) this.grow();
    this.base[to] = id;
    this.added[to] = j;
    this.size[to] = n;
    this.hashA[to] = a;
    this.hashB[to] = b;
    table[at] = to + 1;
    if (this.count * 2 > table.length) this.growTable();
    return to;
  }

  /** Marks the projects of pattern `id` in `inSet`. */
  private markSet(id: number): void {
    const stamp = ++this.setStamp;
    for (let x = id; x > 0; x = this.base[x] as number) this.inSet[this.added[x] as number] = stamp;
  }

  /** Whether every project of pattern q is j or marked by {@link markSet}. */
  private within(q: number, j: number): boolean {
    const stamp = this.setStamp;
    for (let x = q; x > 0; x = this.base[x] as number) {
      const c = this.added[x] as number;
      if (c !== j && this.inSet[c] !== stamp) return false;
    }
    return true;
  }

  /** The table of patterns by their hashes, twice as large. */
  private growTable(): void {
    const table = new Int32Array(this.byHash.length * 2);
    const mask = table.length - 1;
    for (let q = 1; q < this.count; q++) {
      let at = ((this.hashA[q] as number) ^ Math.imul(this.hashB[q] as number, 0x9e3779b1)) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = q + 1;
    }
    this.byHash = table;
  }

  private growMemo(): void {
    const keys = this.memoKeys;
    const vals = this.memoVals;
    this.memoKeys = new Int32Array(keys.length * 2).fill(-1);
    this.memoVals = new Int32Array(vals.length * 2);
    const mask = vals.length * 2 - 1;
    for (let i = 0; i < vals.length; i++) {
      const id = keys[2 * i] as number;
      if (id === -1) continue;
      const j = keys[2 * i + 1] as number;
      let at = (Math.imul(id, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca6b)) & mask;
      while (this.memoKeys[2 * at] !== -1) at = (at + 1) & mask;
      this.memoKeys[2 * at] = id;
      this.memoKeys[2 * at + 1] = j;
      this.memoVals[at] = vals[i] as number;
    }
  }

  /** Per-pattern arrays twice as long. */
  private grow(): void {
    const size = this.beta.length * 2;
    const longer = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.beta = longer(this.beta);
    this.dbeta = longer(this.dbeta);
    this.mark = longer(this.mark);
    this.slot = longer(this.slot);
    this.base = longer(this.base);
    this.added = longer(this.added);
    this.size = longer(this.size);
    this.hashA = longer(this.hashA);
    this.hashB = longer(this.hashB);
  }

  /**
   * Called as a run starts: whether it should use the space. Patterns pay when histograms
   * are much shorter than supporter lists and are used again and again (real elections:
   * Warszawa 2026's 180 runs read a tenth of what per-voter runs would); on ballots that
   * share little (the generated million-voter election, approvals at random) nearly every
   * voter has a pattern of their own and each run meets new sets, so the runs would only
   * pay for building. When the space's work exceeds 1.2 times what per-voter runs would
   * have read (from the fifth run on), or 0.7 times over the last four runs (from the
   * ninth on), it is switched off for good and its memory let go: later runs of this
   * profile are per voter (the same outcome either way). Warszawa 2026 stays below both
   * lines until its last capped run (44 rounds, most of them sets no run met before); the
   * generated elections of bench/pb pass both lines early. A `last` run (add1's full count
   * of the outcome it took, which reads these sets again) is not judged: no run comes
   * after it for the switch to spare, and per voter it would run code not yet warmed up.
   */
  startRun(last = false): boolean {
    if (this.off) return false;
    if (last) {
      this.runs++;
      return true;
    }
    const k = this.marks.length;
    this.marks.push(this.cost, this.perVoter);
    // Building comes first, so the first runs are judged on the whole; later ones on the
    // last four runs.
    const whole = k >= 8 && this.cost > 1.2 * this.perVoter;
    const full = this.stored > HIST_BYTES;
    const recent =
      k >= 16 &&
      this.cost - (this.marks[k - 8] as number) >
        0.7 * (this.perVoter - (this.marks[k - 7] as number));
    if (whole || recent || full) {
      this.off = true;
      this.nodes.clear();
      this.withPid.clear();
      this.spare.length = 0;
      this.root.next.clear();
      return false;
    }
    this.runs++;
    return true;
  }

  /** Every voter's pattern at `node`, built from its parent's (kept while among the `pidLimit` last used). */
  pidOf(node: PatternNode): PatternIds {
    if (node.pid) {
      this.withPid.delete(node);
      this.withPid.add(node);
      return node.pid;
    }
    const parent = node.parent as PatternNode;
    const from = this.pidOf(parent);
    const pid =
      this.spare.pop() ?? (this.wide ? new Int32Array(from.length) : new Uint16Array(from.length));
    pid.set(from);
    const j = node.added;
    const { start, voters } = this.p;
    this.cost += pid.length / 4 + 2 * ((start[j + 1] as number) - (start[j] as number));
    // The child of each pattern met, looked up once per pattern (mark/slot by stamp).
    const stamp = ++this.stamp;
    for (let k = start[j] as number; k < (start[j + 1] as number); k++) {
      const v = voters[k] as number;
      const old = pid[v] as number;
      if (this.mark[old] !== stamp) {
        const to = this.child(old, j);
        if (to > this.narrowLimit && !this.wide) {
          // An id that 2 bytes cannot hold: every array becomes 4 bytes a voter, and this
          // node is built again from its parent's (the children found stay known).
          this.widen();
          return this.pidOf(node);
        }
        this.mark[old] = stamp;
        this.slot[old] = to;
      }
      pid[v] = this.slot[old] as number;
    }
    node.pid = pid;
    this.withPid.add(node);
    this.dropOld();
    return pid;
  }

  /** Every per-voter pattern array from now on holds 4 bytes a voter (see `narrowLimit`). */
  private widen(): void {
    this.wide = true;
    this.spare.length = 0;
    for (const node of this.withPid) if (node.pid) node.pid = Int32Array.from(node.pid);
    this.root.pid = Int32Array.from(this.root.pid as PatternIds);
  }

  /** Gives back the least recently used pattern arrays beyond `pidLimit` (never the root's). */
  private dropOld(): void {
    const limit = this.pidLimit;
    if (this.withPid.size <= limit) return;
    for (const old of this.withPid) {
      if (this.withPid.size <= limit) break;
      this.withPid.delete(old);
      if (old !== this.root && old.pid) {
        this.spare.push(old.pid);
        old.pid = null;
      }
    }
  }

  /** Project c's histogram at `node` (built once, from the node's patterns). */
  histOf(node: PatternNode, c: number): Histogram {
    const { start, voters } = this.p;
    const from = start[c] as number;
    const to = start[c + 1] as number;
    this.perVoter += to - from;
    const known = node.hist[c];
    if (known) {
      this.cost += 2 * known.ids.length;
      return known;
    }
    this.cost += 3 * (to - from);
    let h: Histogram;
    if (node === this.root) {
      h = { ids: Int32Array.of(0), counts: Float64Array.of(to - from) };
    } else {
      const pid = this.pidOf(node);
      const stamp = ++this.stamp;
      const { counting, idsOut } = this;
      let size = 0;
      for (let k = from; k < to; k++) {
        const id = pid[voters[k] as number] as number;
        if (this.mark[id] !== stamp) {
          this.mark[id] = stamp;
          this.slot[id] = size;
          idsOut[size] = id;
          counting[size++] = 0;
        }
        const at = this.slot[id] as number;
        counting[at] = (counting[at] as number) + 1;
      }
      h = { ids: idsOut.slice(0, size), counts: counting.slice(0, size) };
    }
    const bytes = 12 * h.ids.length + 300; // two typed arrays and their object
    if (this.stored + bytes <= HIST_BYTES) {
      node.hist[c] = h;
      this.stored += bytes;
    }
    return h;
  }

  /** The patterns that project j's supporters at `node` move to when j is paid. */
  childrenOf(h: Histogram, j: number): Int32Array {
    if (h.children) return h.children;
    const children = new Int32Array(h.ids.length);
    for (let i = 0; i < children.length; i++) children[i] = this.child(h.ids[i] as number, j);
    h.children = children;
    return children;
  }
}

const spaces = new WeakMap<Profile, PatternSpace | null>();

/** The pattern space of profile p if {@link patternSpace} made one (null otherwise). */
export function madePatternSpace(p: Profile): PatternSpace | null {
  return spaces.get(p) ?? null;
}

/**
 * The pattern space of profile p, or null when its runs cannot use patterns: some point
 * is not 1 (cumulative, scoring and ordinal ballots; classes of identical ballots weigh
 * more). Cached per profile, so that add1's runs share it.
 */
export function patternSpace(p: Profile): PatternSpace | null {
  const known = spaces.get(p);
  if (known !== undefined) return known;
  const unit = weightSums(p).unit;
  let ones = true;
  for (let c = 0; c < p.m && ones; c++) ones = unit[c] === 1 || p.start[c] === p.start[c + 1];
  const space = ones ? new PatternSpace(p) : null;
  spaces.set(p, space);
  return space;
}
