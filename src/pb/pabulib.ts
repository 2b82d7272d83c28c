/**
 * Reader for the pabulib `.pb` format: three sections (META, PROJECTS, VOTES), each a
 * `;`-separated table with CSV quoting. Text in, plain data out (the writer is
 * pabulib-write.ts).
 */

import { readNumber } from './numbers.js';
import {
  type ReaderReason,
  readerMessage,
  type WarningCases,
  type WarningKind,
  warningMessage,
} from './reader-messages.js';
import type { Ballot, Instance, Project, VoteType } from './types.js';
import { VOTE_TYPES } from './types.js';
import {
  attachBallots,
  FastError,
  isSpace,
  noteSeveral,
  scanVotes,
  severalInScan,
} from './votes-fast.js';
import { decodeRange, encodeText } from './votes-fast-tables.js';

/** Malformed pabulib input: says on which line and what was expected there. */
export class PabulibError extends Error {
  readonly line: number;
  /** Why, as data: {@link readerMessage} words it in Dutch or English. */
  readonly reason: ReaderReason;
  /** `line`: 1-based line of the fault (1 for what concerns the whole file). */
  constructor(line: number, reason: ReaderReason) {
    super(`line ${line}: ${readerMessage(reason, 'en')}`);
    this.name = 'PabulibError';
    this.line = line;
    this.reason = reason;
  }
}

type Section = 'META' | 'PROJECTS' | 'VOTES';
const SECTIONS: readonly Section[] = ['META', 'PROJECTS', 'VOTES'];
/** Vote types where naming a project twice can only mean support, so it counts once. */
const ONCE_TYPES = new Set(['approval', 'choose-1']);
/** PROJECTS columns holding official counts (see fileCounts in rules.ts). */
const COUNT_COLUMNS = ['score', 'votes'] as const;

/**
 * Something the reader accepted but changed or could not check, reported with the
 * instance (and an error under `strict`).
 * - `repeated-project`: an approval or choose-1 ballot names a project more than once
 *   (real Warsaw district files of 2022 and 2026); it counts once.
 * - `choose-1-several`: a ballot of a choose-1 file names more than one project; each
 *   project it names gets its vote, as on an approval ballot (`project`: the projects
 *   named, joined by commas).
 * - `no-ballots`: VOTES holds no ballot, so every rule counts 0 votes for every project
 *   (greedy still funds what fits, Equal Shares nothing); `count` 0, no cases.
 */
export interface PabulibWarning extends WarningCases {
  kind: WarningKind;
  /** In English (the command line's); {@link warningMessage} words it in either language. */
  message: string;
}

export interface ParseOptions {
  /** Refuse what would otherwise be a warning (a {@link PabulibError} at its line). */
  strict?: boolean;
  /**
   * Read VOTES with the fast scan when the section holds no quote (default true); false
   * reads every line with the general reader (the reference in tests).
   */
  fast?: boolean;
}

/** What {@link parsePabulib} returns: the instance and what the reader had to warn about. */
export interface Parsed {
  instance: Instance;
  warnings: PabulibWarning[];
}

/** Splits the whole text into rows of fields, honouring quotes (which may span lines). */
function* rows(text: string): Generator<{ fields: string[]; line: number; next: number }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark from spreadsheet exports
  const n = text.length;
  let line = 1;
  let quoteAt = -2; // position of the next double quote at or after i; -1 when there is none
  // Position of the next line feed at or after i, n when there is none: kept, so that a file
  // whose lines end in CR alone is not searched to its end once per line.
  let feedAt = -1;
  while (i < n) {
    const startLine = line;
    // Fast path: most lines hold no quote, so a plain split is exact and far quicker.
    if (feedAt < i) {
      feedAt = text.indexOf('\n', i);
      if (feedAt < 0) feedAt = n;
    }
    const end = feedAt;
    if (quoteAt !== -1 && quoteAt < i) quoteAt = text.indexOf('"', i);
    if (quoteAt < 0 || quoteAt > end) {
      const stop = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const raw = text.slice(i, stop);
      if (raw.indexOf('\r') < 0) {
        const parts = raw.split(';');
        for (let k = 0; k < parts.length; k++) parts[k] = (parts[k] as string).trim();
        yield { fields: parts, line: startLine, next: end + 1 };
        i = end + 1;
        line++;
        continue;
      }
    }
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        if (quoted) throw new PabulibError(startLine, { kind: 'unclosed-quote' });
        fields.push(field);
        break;
      }
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
          field += text[i];
          i++;
        }
      } else if (c === 34 && field.trim() === '') {
        quoted = true;
        field = '';
        i++;
      } else if (c === 59) {
        fields.push(field);
        field = '';
        i++;
      } else if (c === 10 || c === 13) {
        fields.push(field);
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        break;
      } else {
        // Take the run of ordinary characters in one slice: much faster than per character.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 59 || d === 10 || d === 13 || d === 34) break;
          j++;
        }
        field += text.slice(i, j);
        i = j;
      }
    }
    for (let k = 0; k < fields.length; k++) fields[k] = (fields[k] as string).trim();
    yield { fields, line: startLine, next: i };
  }
}

/** Spaces, tabs ({@link isSpace}) and carriage returns: what the byte checks below trim. */
const isBlank = (c: number) => isSpace(c) || c === 13;

/**
 * Where the VOTES lines of a file's UTF-8 bytes start: just after the header row that
 * follows the first VOTES title outside quotes ("VOTES" in any case, only empty fields
 * after it, as {@link sectionOf} reads a title), or -1 when there is none. Rows end at a
 * line feed (LF, CRLF) or a lone carriage return outside quotes; a double quote toggles
 * quoting (a doubled one twice). The caller checks that the general reader, given the
 * bytes before this point, ends on the same header (and reads the whole file as text if
 * not), so a title this misses or a space it does not trim only costs speed.
 */
function votesHeaderEnd(b: Uint8Array): number {
  const n = b.length;
  let quoted = false;
  let title = false;
  for (let i = 0; i < n; ) {
    let end = i;
    for (; end < n; end++) {
      const c = b[end];
      if (c === 34) quoted = !quoted;
      else if ((c === 10 || (c === 13 && b[end + 1] !== 10)) && !quoted) break;
    }
    if (title) {
      let k = i;
      while (k < end && isBlank(b[k] as number)) k++;
      if (k < end) return Math.min(end + 1, n);
    } else title = isVotesTitle(b, i, end);
    i = end + 1;
  }
  return -1;
}

/** Whether the row b[from, to) is the title VOTES: the word, then only `;` and blanks. */
function isVotesTitle(b: Uint8Array, from: number, to: number): boolean {
  let k = from;
  while (k < to && isBlank(b[k] as number)) k++;
  for (const letter of [86, 79, 84, 69, 83]) {
    // V O T E S, either case (ASCII letters differ from their lower case by 32).
    if (k >= to || ((b[k] as number) | 32) !== (letter | 32)) return false;
    k++;
  }
  while (k < to && (isBlank(b[k] as number) || b[k] === 59)) k++;
  return k === to;
}

function sectionOf(fields: string[]): Section | undefined {
  if (fields.length > 1 && fields.slice(1).some((f) => f !== '')) return undefined;
  const name = (fields[0] ?? '').toUpperCase();
  return SECTIONS.find((s) => s === name);
}

/**
 * Parses a `.pb` file (format: https://pabulib.org/format), given as text or as its bytes
 * (UTF-8, as read from disk: the quicker way for a large file, read without decoding its
 * VOTES section; the result is the same). Throws
 * {@link PabulibError} (with the line) on malformed input: a missing section or header, a
 * wrong number of fields, a cost, budget or point that is not a number a double holds as
 * written (see readNumber in numbers.ts), a cost below 0, negative points, unknown or
 * repeated project or voter ids, an unknown `vote_type`, a project named twice in a
 * cumulative, scoring or ordinal ballot. A project named twice in an approval or choose-1
 * ballot counts once and is reported in `warnings` (an error with `strict`).
 */
export function parsePabulib(input: string | Uint8Array, options: ParseOptions = {}): Parsed {
  if (typeof input === 'string') return readText(input, undefined, options) as Parsed;
  // Bytes: the part up to the VOTES header is decoded for the general reader and the VOTES
  // lines are scanned as bytes; when that cannot be done (no VOTES header found, quotes in
  // VOTES, options.fast false) the whole file is decoded and read as text.
  const at = options.fast === false ? -1 : votesHeaderEnd(input);
  const head =
    at < 0 ? undefined : readText(decodeRange(input, 0, at), { bytes: input, at }, options);
  return head ?? (readText(decodeRange(input, 0, input.length), undefined, options) as Parsed);
}

/** VOTES lines as UTF-8 bytes: bytes[at..] (the fast scan's input). */
interface VotesBytes {
  bytes: Uint8Array;
  at: number;
}

/**
 * {@link parsePabulib} of `text`. With `votes`, the text ends with the VOTES header and the
 * VOTES lines are `votes`; undefined when they cannot be scanned as they are (a quote, or
 * the general reader did not end on that header), for the caller to read everything as text.
 */
function readText(
  text: string,
  votes: VotesBytes | undefined,
  options: ParseOptions,
): Parsed | undefined {
  const repeated: PabulibWarning['first'] = [];
  let repeatedCount = 0;
  // Ballots of the general reader naming more than one project (a choose-1 ballot names one).
  const several: WarningCases = { count: 0, first: [] };
  const metaLine: Record<string, number> = {};
  const meta: Record<string, string> = {};
  const projects: Project[] = [];
  const ballots: Ballot[] = [];
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  let section: Section | undefined;
  let header: string[] | undefined;
  const seen = new Set<Section>();
  const projectIds = new Set<string>();
  const voterIds = new Set<string>();
  let voteCol = -1;
  let votesLine = 0;
  let pointsCol = -1;

  let fast: ReturnType<typeof scanVotes> | undefined;
  let lastLine = 1;
  for (const { fields, line, next: after } of rows(text)) {
    lastLine = line;
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    const next = sectionOf(fields);
    if (next) {
      if (seen.has(next)) throw new PabulibError(line, { kind: 'section-twice', section: next });
      // Ballots name projects: without PROJECTS first, every vote would be "unknown".
      if (next === 'VOTES' && !seen.has('PROJECTS'))
        throw new PabulibError(line, { kind: 'no-section', section: 'PROJECTS', before: 'VOTES' });
      seen.add(next);
      section = next;
      header = undefined;
      continue;
    }
    if (!section) throw new PabulibError(line, { kind: 'no-section-title' });
    if (!header) {
      header = fields;
      const first = section === 'META' ? 'key' : section === 'PROJECTS' ? 'project_id' : 'voter_id';
      if (header[0] !== first) {
        throw new PabulibError(line, {
          kind: 'header-start',
          expected: first,
          found: header[0] ?? '',
        });
      }
      if (section === 'PROJECTS') {
        if (!header.includes('cost'))
          throw new PabulibError(line, { kind: 'no-column', column: 'cost', section });
        projectColumns = header;
      } else if (section === 'VOTES') {
        if (!header.includes('vote'))
          throw new PabulibError(line, { kind: 'no-column', column: 'vote', section });
        voteColumns = header;
        votesLine = line;
        voteCol = header.indexOf('vote');
        pointsCol = header.indexOf('points');
        const plain =
          options.fast !== false &&
          seen.has('META') &&
          seen.has('PROJECTS') &&
          (votes
            ? after >= text.length && votes.bytes.indexOf(34, votes.at) < 0
            : text.indexOf('"', after) < 0);
        if (votes && !plain) return undefined;
        if (plain) {
          // The rest is plain VOTES lines: the fast scan reads them all, as UTF-8 bytes.
          const rest = votes ?? { bytes: encodeText(text.slice(after)), at: 0 };
          try {
            fast = scanVotes(
              rest.bytes,
              rest.at,
              line + 1,
              header,
              projects.map((p) => p.id),
              {
                voteCol,
                pointsCol,
                once: ONCE_TYPES.has(meta.vote_type ?? 'approval'),
                voteType: meta.vote_type ?? 'approval',
                strict: options.strict ?? false,
                readPoint: readNumber,
              },
            );
          } catch (e) {
            if (!(e instanceof FastError)) throw e;
            throw new PabulibError(e.line, e.reason);
          }
          repeated.push(...fast.repeated);
          repeatedCount += fast.repeatedCount;
          break;
        }
      }
      continue;
    }
    if (fields.length !== header.length) {
      throw new PabulibError(line, {
        kind: 'field-count',
        section,
        expected: header.length,
        found: fields.length,
      });
    }
    if (section === 'META') {
      const key = fields[0] ?? '';
      const value = fields[1] ?? '';
      // Given twice alike, a key says the same; otherwise which one counts is a guess.
      if (Object.hasOwn(metaLine, key) && meta[key] !== value)
        throw new PabulibError(line, {
          kind: 'meta-twice',
          key,
          first: meta[key] ?? '',
          firstLine: metaLine[key] ?? 0,
          value,
        });
      meta[key] = value;
      metaLine[key] = line;
    } else if (section === 'PROJECTS') {
      const record: Record<string, string> = {};
      for (let k = 1; k < header.length; k++) record[header[k] ?? ''] = fields[k] ?? '';
      const id = fields[0] ?? '';
      if (id === '') throw new PabulibError(line, { kind: 'no-project-id' });
      if (projectIds.has(id)) throw new PabulibError(line, { kind: 'project-id-repeats', id });
      projectIds.add(id);
      const costText = record.cost ?? '';
      const cost = readNumber(costText);
      if (!(cost >= 0)) throw new PabulibError(line, { kind: 'bad-cost', found: costText });
      delete record.cost;
      // The official counts (greedy rules count by them): a number for every project.
      for (const column of COUNT_COLUMNS) {
        const text = record[column];
        if (text !== undefined && Number.isNaN(readNumber(text)))
          throw new PabulibError(line, { kind: 'bad-count', column, found: text });
      }
      projects.push({ id, cost, fields: record });
    } else {
      const record: Record<string, string> = {};
      // Extra columns only: vote and points become typed fields (no `delete`, which is slow).
      for (let k = 1; k < header.length; k++) {
        if (k !== voteCol && k !== pointsCol) record[header[k] ?? ''] = fields[k] ?? '';
      }
      const voterId = fields[0] ?? '';
      if (voterId === '') throw new PabulibError(line, { kind: 'no-voter-id' });
      if (voterIds.has(voterId))
        throw new PabulibError(line, { kind: 'voter-id-repeats', id: voterId });
      voterIds.add(voterId);
      const voteText = fields[voteCol] ?? '';
      let chosen = voteText === '' ? [] : voteText.split(',');
      let twice: string | undefined;
      for (let k = 0; k < chosen.length; k++) {
        const p = (chosen[k] as string).trim();
        chosen[k] = p;
        if (!projectIds.has(p)) throw new PabulibError(line, { kind: 'unknown-project', found: p });
        for (let j = 0; j < k; j++) {
          if (chosen[j] === p && twice === undefined) twice = p;
        }
      }
      let points: number[] | undefined;
      if (pointsCol >= 0) {
        const pointsText = fields[pointsCol] ?? '';
        points = pointsText === '' ? [] : pointsText.split(',').map((s) => readNumber(s));
        if (points.length !== chosen.length || points.some((p) => Number.isNaN(p))) {
          throw new PabulibError(line, {
            kind: 'bad-points',
            count: chosen.length,
            found: pointsText,
          });
        }
        const negative = points.find((p) => p < 0);
        if (negative !== undefined)
          throw new PabulibError(line, { kind: 'negative-points', found: negative });
      }
      if (twice !== undefined) {
        if (options.strict)
          throw new PabulibError(line, { kind: 'project-repeats', project: twice });
        if (!ONCE_TYPES.has(meta.vote_type ?? 'approval')) {
          throw new PabulibError(line, {
            kind: 'project-repeats',
            project: twice,
            voteType: meta.vote_type,
          });
        }
        repeatedCount++;
        if (repeated.length < 5) repeated.push({ voterId, line, project: twice });
        const keepAt = chosen.map((p, k) => chosen.indexOf(p) === k);
        chosen = chosen.filter((_, k) => keepAt[k]);
        if (points) points = points.filter((_, k) => keepAt[k]);
      }
      const ballot: Ballot = { voterId, projects: chosen, fields: record };
      if (points) ballot.points = points;
      ballots.push(ballot);
      if (chosen.length > 1) noteSeveral(several, voterId, line, chosen);
    }
  }
  // From bytes the loop returns or scans at the VOTES header; if the general reader saw the
  // head otherwise than votesHeaderEnd did, the caller reads the whole file as text.
  if (votes && !fast) return undefined;
  // META's own faults come before a section missing further on: a file that breaks off
  // after a wrong budget is told about the budget first, at its line.
  if (!seen.has('META')) throw new PabulibError(1, { kind: 'no-section', section: 'META' });
  const budget = readNumber(meta.budget ?? '');
  if (!(budget >= 0))
    throw new PabulibError(metaLine.budget ?? 1, { kind: 'bad-budget', found: meta.budget ?? '' });
  const voteType = meta.vote_type ?? 'approval';
  if (!VOTE_TYPES.includes(voteType as VoteType)) {
    throw new PabulibError(metaLine.vote_type ?? 1, {
      kind: 'bad-vote-type',
      found: voteType,
      known: VOTE_TYPES,
    });
  }
  for (const key of ['default_score', 'min_project_score_threshold']) {
    const text = meta[key];
    if (text !== undefined && Number.isNaN(readNumber(text)))
      throw new PabulibError(metaLine[key] ?? 1, { kind: 'bad-meta-number', key, found: text });
  }
  // A section still missing here is missing at the end of the file: say so there.
  for (const s of SECTIONS)
    if (!seen.has(s))
      throw new PabulibError(lastLine, { kind: 'no-section', section: s, atEnd: true });
  const warnings: PabulibWarning[] = [];
  const warn = (kind: PabulibWarning['kind'], found: WarningCases) =>
    warnings.push({ kind, ...found, message: warningMessage({ kind, ...found }, 'en') });
  if (voteType === 'choose-1') {
    const found = fast ? severalInScan(fast, projects) : several;
    const at = found.first[0];
    if (at && options.strict)
      throw new PabulibError(at.line, { kind: 'choose-1-several', count: found.count });
    if (at) warn('choose-1-several', found);
  }
  if (repeatedCount > 0) warn('repeated-project', { count: repeatedCount, first: repeated });
  if ((fast ? fast.compact.n : ballots.length) === 0) {
    if (options.strict) throw new PabulibError(votesLine, { kind: 'no-ballots' });
    warn('no-ballots', { count: 0, first: [] });
  }
  const instance = fast
    ? attachBallots(
        { meta, projectColumns, projects, voteColumns },
        voteColumns,
        voteCol,
        pointsCol,
        fast,
      )
    : { meta, projectColumns, projects, voteColumns, ballots };
  return { instance, warnings };
}
