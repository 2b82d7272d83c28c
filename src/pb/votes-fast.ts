/**
 * The fast path of the pabulib reader for the VOTES section (nearly all of a large file):
 * one scan over the file's bytes (UTF-8) with no per-field strings, ballots kept as
 * project indices in typed arrays. Reading the bytes, not a decoded string, spares the
 * decoding and a string twice the file's size when it holds any letter outside Latin-1
 * (most Polish files): a whole `pb tally` of Łódź 2022 took 534 → 502 ms and 88 → 81 MB
 * at its peak, Warszawa 2026 96 → 84 MB (farm-bench, medians of 21, 2026-12-02).
 * `Instance.ballots` is then built on first use; {@link buildProfile} reads the typed
 * arrays directly while nobody has asked for the ballots.
 */
import { type ReaderReason, readerMessage, type WarningCases } from './reader-messages.js';
import type { Ballot, Instance, Project } from './types.js';
import { decodeRange, hashOf, ProjectIds, roomFor, Store } from './votes-fast-tables.js';

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

/** Thrown by the fast path: the caller turns it into a PabulibError (same line, same reason). */
export class FastError extends Error {
  constructor(
    readonly line: number,
    readonly reason: ReaderReason,
  ) {
    super(readerMessage(reason, 'en'));
  }
}

/** Spaces and tabs: what the scan trims from fields. */
export const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Scans VOTES lines of `bytes` (UTF-8) from `pos` (the line after the header) to the end;
 * `line` is the line number at `pos`. Only called when the rest holds no double quote.
 * Lines end in LF, CRLF or a lone CR (old Mac files), as in the general reader.
 * Fields are trimmed of spaces and tabs as the general reader does. `readPoint` parses one
 * points field entry. One pass over the bytes of each line: field boundaries, the voter id
 * as a number and the vote field's project ids, with no string made for any of them
 * (reading at over 100 MB/s). The delimiters are ASCII, so they never occur inside a
 * multi-byte letter. Positions in the result (`starts`) are byte offsets.
 */
export function scanVotes(
  bytes: Uint8Array,
  pos: number,
  line: number,
  header: string[],
  projectIds: string[],
  opts: {
    voteCol: number;
    pointsCol: number;
    once: boolean;
    /** META vote_type, for the refusal of a repeat when `once` is false. */
    voteType: string;
    strict: boolean;
    readPoint: (s: string) => number;
  },
): FastResult & { bytes: Uint8Array; lines: Int32Array; starts: Int32Array } {
  const n = bytes.length;
  const lookup = new ProjectIds(projectIds);
  const numeric = lookup.numeric;
  const mark = new Int32Array(projectIds.length).fill(-1);
  const fieldCount = header.length;
  const voteCol = opts.voteCol;
  const fs = new Int32Array(fieldCount + 1);
  const seen = new Set<string>();
  // Numeric voter ids, per ballot (-1: the id is not a plain number); checked for repeats
  // after the scan, by sorting, which is much faster than a set of 100,000 numbers.
  // Room for the ballots and vote entries the first 64 KB of lines promise (grown when
  // short): zeroing arrays several times too large took a tenth of the scan.
  const guess = roomFor(bytes, pos);
  const st = new Store(guess.ballots, guess.entries, opts.pointsCol >= 0);
  let total = 0;
  let v = 0;
  const repeated: FastResult['repeated'] = [];
  let repeatedCount = 0;
  // Ballots whose voter ids are stored: the repeat check covers them when a fault stops the scan.
  let known = 0;
  try {
    while (pos < n) {
      // Field boundaries and the line's end in one pass: fs[f] is where field f starts,
      // fs[f + 1] - 1 where it ends.
      let k = 0;
      fs[0] = pos;
      let end = pos;
      for (; end < n; end++) {
        const c = bytes[end];
        if (c === 59) {
          k++;
          if (k < fieldCount) fs[k] = end + 1;
        } else if (c === 10 || (c === 13 && bytes[end + 1] !== 10)) break; // LF, CRLF or CR
      }
      let stop = end;
      if (stop > pos && bytes[stop - 1] === 13) stop--;
      if (k === 0) {
        // Blank line (only spaces)?
        let a = pos;
        while (a < stop && isSpace(bytes[a] as number)) a++;
        if (a === stop) {
          pos = end + 1;
          line++;
          continue;
        }
      }
      if (k + 1 !== fieldCount) {
        const name = decodeRange(bytes, pos, stop).trim().toUpperCase();
        if (k === 0 && (name === 'META' || name === 'PROJECTS' || name === 'VOTES'))
          throw new FastError(line, { kind: 'section-twice', section: name });
        throw new FastError(line, {
          kind: 'field-count',
          section: 'VOTES',
          expected: fieldCount,
          found: k + 1,
        });
      }
      fs[fieldCount] = stop + 1;
      // Voter ids of up to 15 digits are checked for repeats as numbers (no string kept).
      let x0 = fs[0] as number;
      let y0 = (fs[1] as number) - 1;
      while (x0 < y0 && isSpace(bytes[x0] as number)) x0++;
      while (y0 > x0 && isSpace(bytes[y0 - 1] as number)) y0--;
      if (y0 === x0) throw new FastError(line, { kind: 'no-voter-id' });
      let num = y0 > x0 && y0 - x0 <= 15 && (bytes[x0] !== 48 || y0 - x0 === 1) ? 0 : -1;
      for (let q = x0; q < y0 && num >= 0; q++) {
        const d = (bytes[q] as number) - 48;
        num = d >= 0 && d <= 9 ? num * 10 + d : -1;
      }
      if (num < 0) {
        const id = decodeRange(bytes, x0, y0);
        if (seen.has(id)) throw new FastError(line, { kind: 'voter-id-repeats', id });
        seen.add(id);
      }
      if (v === st.cap) st.growBallots();
      st.ballotStart[v] = total;
      st.lines[v] = line;
      st.starts[v] = pos;
      st.ids[v] = num;
      // From here a fault on this line comes after its voter id's check (as in the reader).
      known = v + 1;
      // The vote field: ids separated by commas, each trimmed of spaces and tabs.
      const from = total;
      let twice = -1;
      let i = fs[voteCol] as number;
      const j = (fs[voteCol + 1] as number) - 1;
      while (i < j && isSpace(bytes[i] as number)) i++;
      let last = j;
      while (last > i && isSpace(bytes[last - 1] as number)) last--;
      // An empty field is an empty ballot; otherwise every id between commas must be one.
      for (let more = i < last; more; ) {
        // One id: bytes[x, y) trimmed, ending at a comma or the end of the field.
        let x = i;
        while (x < last && isSpace(bytes[x] as number)) x++;
        let y = x;
        let h = 2166136261;
        for (; y < last; y++) {
          const c = bytes[y] as number;
          if (c === 44) break;
          h = Math.imul(h ^ c, 16777619);
        }
        more = y < last;
        i = y + 1;
        const full = y;
        while (y > x && isSpace(bytes[y - 1] as number)) y--;
        let p = -1;
        if (numeric) {
          // "007" would parse as 7: only the canonical spelling, digits only.
          if (y > x && y - x < 10 && (bytes[x] !== 48 || y - x === 1)) {
            let value = 0;
            for (let q = x; q < y && value >= 0; q++) {
              const d = (bytes[q] as number) - 48;
              value = d >= 0 && d <= 9 ? value * 10 + d : -1;
            }
            if (value >= 0) p = lookup.byValue(value);
          }
        } else p = lookup.find(bytes, x, y, y === full ? h >>> 0 : hashOf(bytes, x, y));
        if (p < 0)
          throw new FastError(line, { kind: 'unknown-project', found: decodeRange(bytes, x, y) });
        if (total === st.pcap) st.growEntries();
        if (mark[p] === v) {
          // Named twice: the first stays; the points of the repeat are dropped below.
          if (twice < 0) twice = p;
          st.proj[total++] = -1;
        } else {
          mark[p] = v;
          st.proj[total++] = p;
        }
      }
      if (st.pts) readPoints(bytes, fs, opts, st.pts, from, total, line);
      if (twice >= 0) {
        const id = projectIds[twice] as string;
        if (opts.strict) throw new FastError(line, { kind: 'project-repeats', project: id });
        if (!opts.once)
          throw new FastError(line, {
            kind: 'project-repeats',
            project: id,
            voteType: opts.voteType,
          });
        repeatedCount++;
        if (repeated.length < 5)
          repeated.push({ voterId: decodeRange(bytes, x0, y0), line, project: id });
        // Compact out the repeats.
        let w = from;
        for (let r = from; r < total; r++) {
          if ((st.proj[r] as number) >= 0) {
            if (st.pts) st.pts[w] = st.pts[r] as number;
            st.proj[w++] = st.proj[r] as number;
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
    if (err instanceof FastError)
      repeatedVoter(bytes, st.ids, st.lines, st.starts, known, err.line + 1);
    throw err;
  }
  repeatedVoter(bytes, st.ids, st.lines, st.starts, v, Number.POSITIVE_INFINITY);
  st.ballotStart[v] = total;
  return {
    compact: {
      n: v,
      ballotStart: st.ballotStart.subarray(0, v + 1),
      ballotProjects: st.proj.subarray(0, total),
      ...(st.pts ? { points: st.pts.subarray(0, total) } : {}),
      materialized: false,
    },
    repeated,
    repeatedCount,
    bytes,
    lines: st.lines.subarray(0, v),
    starts: st.starts.subarray(0, v),
  };
}

/** Reads the points field of one ballot (cumulative and scoring files) into pts[from, to). */
function readPoints(
  bytes: Uint8Array,
  fs: Int32Array,
  opts: { pointsCol: number; readPoint: (s: string) => number },
  pts: Float64Array,
  from: number,
  to: number,
  line: number,
): void {
  const txt = decodeRange(
    bytes,
    fs[opts.pointsCol] as number,
    (fs[opts.pointsCol + 1] as number) - 1,
  ).trim();
  const parts = txt === '' ? [] : txt.split(',');
  const wrong = () => new FastError(line, { kind: 'bad-points', count: to - from, found: txt });
  if (parts.length !== to - from) throw wrong();
  for (let q = 0; q < parts.length; q++) {
    const x = opts.readPoint(parts[q] as string);
    if (Number.isNaN(x)) throw wrong();
    if (x < 0) throw new FastError(line, { kind: 'negative-points', found: x });
    pts[from + q] = x;
  }
}

/**
 * Throws for the first ballot (in file order, on a line before `before`) whose numeric
 * voter id an earlier ballot already had: `ids` per ballot, -1 for ids that are not plain
 * numbers (checked while scanning). Ids in increasing order cost one pass; otherwise a
 * sorted copy tells whether anything repeats before the ballots are searched.
 */
function repeatedVoter(
  bytes: Uint8Array,
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
      while (isSpace(bytes[a] as number)) a++;
      let b = a;
      while (b < bytes.length && (bytes[b] as number) >= 48 && (bytes[b] as number) <= 57) b++;
      throw new FastError(lines[v] as number, {
        kind: 'voter-id-repeats',
        id: decodeRange(bytes, a, b),
      });
    }
    seen.add(num);
  }
}

/** The voter id of the VOTES line starting at byte `start` (its first field, trimmed). */
function voterIdAt(bytes: Uint8Array, start: number): string {
  let end = start;
  while (end < bytes.length && bytes[end] !== 59 && bytes[end] !== 10) end++;
  return decodeRange(bytes, start, end).trim();
}

/**
 * Gives `instance` a `ballots` property built on first use from the compact form (and the
 * bytes the scan read, for the voter ids and extra columns), and keeps the compact form
 * under {@link COMPACT}.
 */
export function attachBallots(
  instance: Omit<Instance, 'ballots'>,
  header: string[],
  voteCol: number,
  pointsCol: number,
  scan: ReturnType<typeof scanVotes>,
): Instance {
  const { compact, starts, bytes } = scan;
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
      // The line ends at its first LF or CR (CRLF, or a lone CR).
      let end = start;
      while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) end++;
      const parts = decodeRange(bytes, start, end).split(';');
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

/** Notes a ballot naming several projects (`named`) in `found`. */
export function noteSeveral(
  found: WarningCases,
  voterId: string,
  line: number,
  named: string[],
): void {
  found.count++;
  if (found.first.length < 5) found.first.push({ voterId, line, project: named.join(',') });
}

/** The ballots of the fast scan that name more than one project (see WarningCases). */
export function severalInScan(
  fast: ReturnType<typeof scanVotes>,
  projects: Project[],
): WarningCases {
  const found: WarningCases = { count: 0, first: [] };
  const { ballotStart, ballotProjects, n } = fast.compact;
  for (let v = 0; v < n; v++) {
    const from = ballotStart[v] as number;
    const to = ballotStart[v + 1] as number;
    if (to - from < 2) continue;
    const named: string[] = [];
    for (let k = from; k < to; k++) named.push(projects[ballotProjects[k] as number]?.id ?? '');
    noteSeveral(
      found,
      voterIdAt(fast.bytes, fast.starts[v] as number),
      fast.lines[v] as number,
      named,
    );
  }
  return found;
}
