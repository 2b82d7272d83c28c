/**
 * The fast path of the pabulib reader for the VOTES section (nearly all of a large file):
 * one scan with no per-field strings, ballots kept as project indices in typed arrays.
 * `Instance.ballots` is then built on first use; {@link buildProfile} reads the typed
 * arrays directly while nobody has asked for the ballots.
 */
import type { Ballot, Instance } from './types.js';

/** Where the compact ballots of a parsed instance are kept (not enumerable). */
export const COMPACT = Symbol('compact ballots');

export interface CompactVotes {
  n: number;
  /** Projects of ballot v: projects[ballotStart[v] .. ballotStart[v+1]) (indices). */
  ballotStart: Int32Array;
  ballotProjects: Int32Array;
  /** Points, same layout (cumulative and scoring ballots with a points column). */
  points?: Float64Array;
  /** True once `instance.ballots` was read: it may have been changed since, so use it. */
  materialized: boolean;
}

/** What the scan reports back for the reader's checks and warnings. */
export interface FastResult {
  compact: CompactVotes;
  repeated: { voterId: string; line: number; project: string }[];
  repeatedCount: number;
}

/** Thrown by the fast path: the caller turns it into a PabulibError. */
export class FastError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Scans VOTES lines from `pos` (the line after the header) to the end. Only called when
 * the rest of the text holds no double quote. Fields are trimmed of spaces and tabs as
 * the general reader does. `readPoints` parses one points field entry.
 */
export function scanVotes(
  text: string,
  pos: number,
  line: number,
  header: string[],
  projectIds: string[],
  opts: {
    voteCol: number;
    pointsCol: number;
    once: boolean;
    strict: boolean;
    readPoint: (s: string) => number;
  },
): FastResult & { lines: Int32Array; starts: Int32Array } {
  const n = text.length;
  const m = projectIds.length;
  // Project ids that are plain numbers (no sign, no leading zero, below 2^31) are looked up
  // by value while scanning digits, with no string per id.
  const numeric = projectIds.every((id) => /^(0|[1-9]\d{0,8})$/.test(id));
  const byNumber = new Map<number, number>();
  if (numeric) {
    projectIds.forEach((id, c) => {
      byNumber.set(Number(id), c);
    });
  }
  // Open addressing on a hash of the id's characters: lookup without slicing a string.
  const size = 1 << Math.ceil(Math.log2(Math.max(4, m * 4)));
  const table = new Int32Array(size).fill(-1);
  const hashOf = (src: string, from: number, to: number) => {
    let h = 2166136261;
    for (let q = from; q < to; q++) h = Math.imul(h ^ src.charCodeAt(q), 16777619);
    return (h >>> 0) & (size - 1);
  };
  projectIds.forEach((id, c) => {
    let h = hashOf(id, 0, id.length);
    while (table[h] !== -1) h = (h + 1) & (size - 1);
    table[h] = c;
  });
  const lookup = (from: number, to: number): number | undefined => {
    let h = hashOf(text, from, to);
    for (;;) {
      const c = table[h] as number;
      if (c === -1) return undefined;
      const id = projectIds[c] as string;
      if (id.length === to - from) {
        let same = true;
        for (let q = 0; q < id.length && same; q++)
          same = id.charCodeAt(q) === text.charCodeAt(from + q);
        if (same) return c;
      }
      h = (h + 1) & (size - 1);
    }
  };
  const mark = new Int32Array(m).fill(-1);
  const fieldCount = header.length;
  const fs = new Int32Array(fieldCount + 1);
  const seen = new Set<string>();
  let cap = 1024;
  // Numeric voter ids, per ballot (-1: the id is not a plain number); checked for repeats
  // after the scan, by sorting, which is much faster than a set of 100,000 numbers.
  let ids = new Float64Array(cap);
  let ballotStart = new Int32Array(cap + 1);
  let lines = new Int32Array(cap);
  let starts = new Int32Array(cap);
  let pcap = 4096;
  let proj = new Int32Array(pcap);
  let pts: Float64Array | undefined = opts.pointsCol >= 0 ? new Float64Array(pcap) : undefined;
  let total = 0;
  let v = 0;
  const repeated: FastResult['repeated'] = [];
  let repeatedCount = 0;
  try {
    while (pos < n) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      let stop = end;
      if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
      // Blank line (only spaces)?
      let a = pos;
      while (a < stop && isSpace(text.charCodeAt(a))) a++;
      if (a === stop) {
        pos = end + 1;
        line++;
        continue;
      }
      // Field boundaries.
      let k = 0;
      fs[0] = pos;
      let s = text.indexOf(';', pos);
      while (s >= 0 && s < stop) {
        k++;
        if (k < fieldCount) fs[k] = s + 1;
        s = text.indexOf(';', s + 1);
      }
      if (k + 1 !== fieldCount) {
        const name = text.slice(pos, stop).trim().toUpperCase();
        if (k === 0 && (name === 'META' || name === 'PROJECTS' || name === 'VOTES'))
          throw new FastError(line, `only one ${name} section`);
        throw new FastError(
          line,
          `${fieldCount} fields separated by ";" as in the VOTES header, found ${k + 1}`,
        );
      }
      fs[fieldCount] = stop + 1;
      const field = (f: number) => text.slice(fs[f] as number, (fs[f + 1] as number) - 1).trim();
      // Voter ids of up to 15 digits are checked for repeats as numbers (no string kept).
      let x0 = fs[0] as number;
      let y0 = (fs[1] as number) - 1;
      while (x0 < y0 && isSpace(text.charCodeAt(x0))) x0++;
      while (y0 > x0 && isSpace(text.charCodeAt(y0 - 1))) y0--;
      let num = y0 > x0 && y0 - x0 <= 15 && (text.charCodeAt(x0) !== 48 || y0 - x0 === 1) ? 0 : -1;
      for (let q = x0; q < y0 && num >= 0; q++) {
        const d = text.charCodeAt(q) - 48;
        num = d >= 0 && d <= 9 ? num * 10 + d : -1;
      }
      if (num < 0) {
        const id = text.slice(x0, y0);
        if (seen.has(id)) throw new FastError(line, `a unique voter id, "${id}" repeats`);
        seen.add(id);
      }
      if (v === cap) {
        cap *= 2;
        const i2 = new Float64Array(cap);
        i2.set(ids);
        ids = i2;
        const b2 = new Int32Array(cap + 1);
        b2.set(ballotStart);
        ballotStart = b2;
        const l2 = new Int32Array(cap);
        l2.set(lines);
        lines = l2;
        const s2 = new Int32Array(cap);
        s2.set(starts);
        starts = s2;
      }
      ballotStart[v] = total;
      lines[v] = line;
      starts[v] = pos;
      ids[v] = num;
      // The vote field: ids separated by commas.
      let i = fs[opts.voteCol] as number;
      const vEnd = (fs[opts.voteCol + 1] as number) - 1;
      while (i < vEnd && isSpace(text.charCodeAt(i))) i++;
      let j = vEnd;
      while (j > i && isSpace(text.charCodeAt(j - 1))) j--;
      const from = total;
      let twice: string | undefined;
      while (i < j) {
        let c = text.indexOf(',', i);
        if (c < 0 || c > j) c = j;
        let x = i;
        let y = c;
        while (x < y && isSpace(text.charCodeAt(x))) x++;
        while (y > x && isSpace(text.charCodeAt(y - 1))) y--;
        let p: number | undefined;
        if (numeric && y > x && y - x < 10) {
          let num = 0;
          let ok = true;
          for (let q = x; q < y; q++) {
            const d = text.charCodeAt(q) - 48;
            if (d < 0 || d > 9) {
              ok = false;
              break;
            }
            num = num * 10 + d;
          }
          // "007" would parse as 7: only accept the canonical spelling.
          if (ok && (text.charCodeAt(x) !== 48 || y - x === 1)) p = byNumber.get(num);
        } else if (!numeric) p = lookup(x, y);
        if (p === undefined)
          throw new FastError(line, `a project id from PROJECTS, found "${text.slice(x, y)}"`);
        const id = projectIds[p] as string;
        if (total === pcap) {
          pcap *= 2;
          const p2 = new Int32Array(pcap);
          p2.set(proj);
          proj = p2;
          if (pts) {
            const q2 = new Float64Array(pcap);
            q2.set(pts);
            pts = q2;
          }
        }
        if (mark[p] === v) {
          // Named twice: the first stays; the points of the repeat are dropped below.
          twice ??= id;
          proj[total++] = -1;
        } else {
          mark[p] = v;
          proj[total++] = p;
        }
        i = c + 1;
        if (c === j) break;
      }
      if (pts) {
        const txt = field(opts.pointsCol);
        const parts = txt === '' ? [] : txt.split(',');
        if (parts.length !== total - from)
          throw new FastError(
            line,
            `one finite number of points per voted project (${total - from}), found "${txt}"`,
          );
        for (let q = 0; q < parts.length; q++) {
          const x = opts.readPoint(parts[q] as string);
          if (Number.isNaN(x))
            throw new FastError(
              line,
              `one finite number of points per voted project (${total - from}), found "${txt}"`,
            );
          if (x < 0) throw new FastError(line, `points of 0 or more, found ${x}`);
          pts[from + q] = x;
        }
      }
      if (twice !== undefined) {
        if (opts.strict)
          throw new FastError(line, `each project once per ballot, "${twice}" repeats`);
        if (!opts.once) throw new FastError(line, `ONCE:${twice}`);
        repeatedCount++;
        if (repeated.length < 5)
          repeated.push({ voterId: text.slice(x0, y0), line, project: twice });
        // Compact out the repeats.
        let w = from;
        for (let r = from; r < total; r++) {
          if ((proj[r] as number) >= 0) {
            if (pts) pts[w] = pts[r] as number;
            proj[w++] = proj[r] as number;
          }
        }
        total = w;
      }
      v++;
      pos = end + 1;
      line++;
    }
  } catch (err) {
    // A repeated voter id on an earlier line is the first fault of the file.
    if (err instanceof FastError) repeatedVoter(text, ids, lines, starts, v, err.line + 1);
    throw err;
  }
  repeatedVoter(text, ids, lines, starts, v, Number.POSITIVE_INFINITY);
  ballotStart[v] = total;
  return {
    compact: {
      n: v,
      ballotStart: ballotStart.subarray(0, v + 1),
      ballotProjects: proj.subarray(0, total),
      ...(pts ? { points: pts.subarray(0, total) } : {}),
      materialized: false,
    },
    repeated,
    repeatedCount,
    lines: lines.subarray(0, v),
    starts: starts.subarray(0, v),
  };
}

/**
 * Throws for the first ballot (in file order, on a line before `before`) whose numeric
 * voter id an earlier ballot already had: `ids` per ballot, -1 for ids that are not plain
 * numbers (checked while scanning). Ids in increasing order cost one pass; otherwise a
 * sorted copy tells whether anything repeats before the ballots are searched.
 */
function repeatedVoter(
  text: string,
  ids: Float64Array,
  lines: Int32Array,
  starts: Int32Array,
  count: number,
  before: number,
): void {
  // Files usually number their voters in increasing order: then nothing repeats.
  let rising = true;
  let last = -1;
  for (let k = 0; k < count && rising; k++) {
    const num = ids[k] as number;
    if (num < 0) continue;
    rising = num > last;
    last = num;
  }
  if (rising) return;
  const sorted = ids.slice(0, count).sort();
  let any = false;
  for (let k = 1; k < count && !any; k++)
    any = sorted[k] === sorted[k - 1] && (sorted[k] as number) >= 0;
  if (!any) return;
  const seen = new Set<number>();
  for (let v = 0; v < count && (lines[v] as number) < before; v++) {
    const num = ids[v] as number;
    if (num < 0) continue;
    if (seen.has(num)) {
      let a = starts[v] as number;
      while (isSpace(text.charCodeAt(a))) a++;
      let b = a;
      while (b < text.length && text.charCodeAt(b) >= 48 && text.charCodeAt(b) <= 57) b++;
      throw new FastError(lines[v] as number, `a unique voter id, "${text.slice(a, b)}" repeats`);
    }
    seen.add(num);
  }
}

/**
 * Gives `instance` a `ballots` property built on first use from the compact form (and the
 * text, for the extra columns), and keeps the compact form under {@link COMPACT}.
 */
export function attachBallots(
  instance: Omit<Instance, 'ballots'>,
  text: string,
  header: string[],
  voteCol: number,
  pointsCol: number,
  scan: ReturnType<typeof scanVotes>,
): Instance {
  const { compact, starts } = scan;
  let cache: Ballot[] | undefined;
  const extra = header.some((_, c) => c > 0 && c !== voteCol && c !== pointsCol);
  const build = (): Ballot[] => {
    const out: Ballot[] = new Array(compact.n);
    for (let v = 0; v < compact.n; v++) {
      const from = compact.ballotStart[v] as number;
      const to = compact.ballotStart[v + 1] as number;
      const projects: string[] = [];
      for (let k = from; k < to; k++)
        projects.push(instance.projects[compact.ballotProjects[k] as number]?.id ?? '');
      const fields: Record<string, string> = {};
      const start = starts[v] as number;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const parts = text.slice(start, end).replace(/\r$/, '').split(';');
      if (extra) {
        for (let c = 1; c < header.length; c++) {
          if (c !== voteCol && c !== pointsCol) fields[header[c] ?? ''] = (parts[c] ?? '').trim();
        }
      }
      const ballot: Ballot = { voterId: (parts[0] ?? '').trim(), projects, fields };
      if (compact.points) ballot.points = Array.from(compact.points.subarray(from, to));
      out[v] = ballot;
    }
    return out;
  };
  Object.defineProperty(instance, 'ballots', {
    enumerable: true,
    configurable: true,
    get() {
      if (!cache) {
        cache = build();
        compact.materialized = true;
      }
      return cache;
    },
    set(value: Ballot[]) {
      cache = value;
      compact.materialized = true;
    },
  });
  Object.defineProperty(instance, COMPACT, { value: compact, enumerable: false });
  return instance as Instance;
}

/** The compact ballots of a parsed instance, while they still describe its ballots. */
export function compactOf(instance: Instance): CompactVotes | undefined {
  const c = (instance as unknown as Record<symbol, CompactVotes | undefined>)[COMPACT];
  return c && !c.materialized ? c : undefined;
}
