/**
 * The tables of the fast VOTES scan (votes-fast.ts): project ids found in the text without
 * making a string for them, and the growable typed arrays the scan fills, sized from
 * samples of the text so that they rarely grow mid-scan.
 */

/** Most project ids a file may hold for the direct table of plain-number ids (its entries). */
const DIRECT_LIMIT = 1 << 20;

/**
 * Finds project ids in the text without slicing a string: plain-number ids (no sign, no
 * leading zero, below 10^9) through a table indexed by their value (or a map for large
 * values), others by a hash of their characters with open addressing.
 */
export class ProjectIds {
  readonly numeric: boolean;
  private readonly direct: Int32Array;
  private readonly byNumber = new Map<number, number>();
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(private readonly ids: string[]) {
    this.numeric = ids.every((id) => /^(0|[1-9]\d{0,8})$/.test(id));
    let most = -1;
    if (this.numeric) for (const id of ids) most = Math.max(most, Number(id));
    this.direct = new Int32Array(most >= 0 && most < DIRECT_LIMIT ? most + 1 : 0).fill(-1);
    ids.forEach((id, c) => {
      if (this.direct.length > 0) this.direct[Number(id)] = c;
      else if (this.numeric) this.byNumber.set(Number(id), c);
    });
    const size = 1 << Math.ceil(Math.log2(Math.max(4, ids.length * 4)));
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    ids.forEach((id, c) => {
      let h = hashOf(id, 0, id.length) & this.mask;
      while (this.table[h] !== -1) h = (h + 1) & this.mask;
      this.table[h] = c;
    });
  }

  /** The index of the plain-number id `value`, or -1. */
  byValue(value: number): number {
    if (this.direct.length > 0)
      return value < this.direct.length ? (this.direct[value] as number) : -1;
    return this.byNumber.get(value) ?? -1;
  }

  /** The index of the id spelt text[from, to), whose {@link hashOf} is `hash`, or -1. */
  find(text: string, from: number, to: number, hash: number): number {
    let h = hash & this.mask;
    for (;;) {
      const c = this.table[h] as number;
      if (c === -1) return -1;
      const id = this.ids[c] as string;
      if (id.length === to - from) {
        let q = 0;
        while (q < id.length && id.charCodeAt(q) === text.charCodeAt(from + q)) q++;
        if (q === id.length) return c;
      }
      h = (h + 1) & this.mask;
    }
  }
}

/** FNV-1a over the UTF-16 code units of text[from, to). */
export function hashOf(text: string, from: number, to: number): number {
  let h = 2166136261;
  for (let q = from; q < to; q++) h = Math.imul(h ^ text.charCodeAt(q), 16777619);
  return h >>> 0;
}

/**
 * How many ballots and vote entries to make room for, from the lines in four samples of
 * 16 KB spread over the text after `pos` (the first 64 KB alone promised Łódź 2022 a tenth
 * too few entries: its later ballots are longer; growing the arrays mid-scan copied them
 * and deoptimised the scan): their average length gives the number of lines, their commas
 * (at most one more id each) the entries, with a tenth to spare.
 */
export function roomFor(text: string, pos: number): { ballots: number; entries: number } {
  const rest = text.length - pos;
  const size = Math.min(16_384, Math.ceil(rest / 4));
  let lines = 1;
  let commas = 0;
  let read = 0;
  for (let w = 0; w < 4; w++) {
    const from = pos + Math.floor(((rest - size) * w) / 3);
    const to = Math.min(text.length, from + size);
    read += to - from;
    const [l, c] = countLines(text, from, to);
    lines += l;
    commas += c;
  }
  const ballots = Math.ceil(((rest / Math.max(read, 1)) * lines * 11) / 10);
  return {
    ballots: Math.max(1024, ballots),
    entries: Math.max(4096, Math.ceil((ballots * (lines + commas) * 11) / (10 * lines))),
  };
}

/** The line ends and commas in text[from, to). */
function countLines(text: string, from: number, to: number): [number, number] {
  let lines = 0;
  let commas = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 44) commas++;
  }
  return [lines, commas];
}

/** Growable typed arrays of the scan: per ballot and per vote entry. */
export class Store {
  ids: Float64Array;
  ballotStart: Int32Array;
  lines: Int32Array;
  starts: Int32Array;
  proj: Int32Array;
  pts: Float64Array | undefined;
  /** Room for `cap` ballots and `pcap` vote entries to start with. */
  constructor(
    public cap: number,
    public pcap: number,
    points: boolean,
  ) {
    this.ids = new Float64Array(cap);
    this.ballotStart = new Int32Array(cap + 1);
    this.lines = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.proj = new Int32Array(pcap);
    if (points) this.pts = new Float64Array(pcap);
  }
  growBallots(): void {
    this.cap *= 2;
    this.ids = grown(this.ids, new Float64Array(this.cap));
    this.ballotStart = grown(this.ballotStart, new Int32Array(this.cap + 1));
    this.lines = grown(this.lines, new Int32Array(this.cap));
    this.starts = grown(this.starts, new Int32Array(this.cap));
  }
  growEntries(): void {
    this.pcap *= 2;
    this.proj = grown(this.proj, new Int32Array(this.pcap));
    if (this.pts) this.pts = grown(this.pts, new Float64Array(this.pcap));
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
