/**
 * The tables of the fast VOTES scan (votes-fast.ts): project ids found in the file's bytes
 * (UTF-8) without making a string for them, and the growable typed arrays the scan fills,
 * sized from samples of the bytes so that they rarely grow mid-scan.
 */

const encoder = new TextEncoder();
// ignoreBOM: a byte-order mark is kept as U+FEFF (the reader skips one at the start itself).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * bytes[from, to) as text (UTF-8; a malformed sequence becomes U+FFFD, as Node's
 * readFileSync(file, 'utf8') reads it). Short ASCII runs (ids, numbers) skip the decoder.
 */
export function decodeRange(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let s = '';
    for (let q = from; q < to; q++) {
      const b = bytes[q] as number;
      if (b >= 0x80) return decoder.decode(bytes.subarray(from, to));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** UTF-8 bytes of `s`. */
export function encodeText(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Most project ids a file may hold for the direct table of plain-number ids (its entries). */
const DIRECT_LIMIT = 1 << 20;

/**
 * Finds project ids in the bytes without making a string: plain-number ids (no sign, no
 * leading zero, below 10^9) through a table indexed by their value (or a map for large
 * values), others by a hash of their UTF-8 bytes with open addressing.
 */
export class ProjectIds {
  readonly numeric: boolean;
  private readonly direct: Int32Array;
  private readonly byNumber = new Map<number, number>();
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly spelt: Uint8Array[];

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
    this.spelt = ids.map(encodeText);
    this.spelt.forEach((id, c) => {
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

  /**
   * The index of the id spelt bytes[from, to), whose {@link hashOf} is `hash`, or -1.
   * Bytes that are not valid UTF-8 are compared as read (U+FFFD), as a string reader would.
   */
  find(bytes: Uint8Array, from: number, to: number, hash: number): number {
    let h = hash & this.mask;
    for (;;) {
      const c = this.table[h] as number;
      if (c === -1) return this.ids.indexOf(decodeRange(bytes, from, to));
      const id = this.spelt[c] as Uint8Array;
      if (id.length === to - from) {
        let q = 0;
        while (q < id.length && id[q] === bytes[from + q]) q++;
        if (q === id.length) return c;
      }
      h = (h + 1) & this.mask;
    }
  }
}

/** FNV-1a over bytes[from, to). */
export function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let h = 2166136261;
  for (let q = from; q < to; q++) h = Math.imul(h ^ (bytes[q] as number), 16777619);
  return h >>> 0;
}

/**
 * How many ballots and vote entries to make room for, from the lines in four samples of
 * 16 KB spread over the bytes after `pos` (the first 64 KB alone promised Łódź 2022 a tenth
 * too few entries: its later ballots are longer; growing the arrays mid-scan copied them
 * and deoptimised the scan): their average length gives the number of lines, their commas
 * (at most one more id each) the entries, with a tenth to spare.
 */
export function roomFor(bytes: Uint8Array, pos: number): { ballots: number; entries: number } {
  const rest = bytes.length - pos;
  const size = Math.min(16_384, Math.ceil(rest / 4));
  let lines = 1;
  let commas = 0;
  let read = 0;
  for (let w = 0; w < 4; w++) {
    const from = pos + Math.floor(((rest - size) * w) / 3);
    const to = Math.min(bytes.length, from + size);
    read += to - from;
    const [l, c] = countLines(bytes, from, to);
    lines += l;
    commas += c;
  }
  const ballots = Math.ceil(((rest / Math.max(read, 1)) * lines * 11) / 10);
  return {
    ballots: Math.max(1024, ballots),
    entries: Math.max(4096, Math.ceil((ballots * (lines + commas) * 11) / (10 * lines))),
  };
}

/** The line ends and commas in bytes[from, to). */
function countLines(bytes: Uint8Array, from: number, to: number): [number, number] {
  let lines = 0;
  let commas = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
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
