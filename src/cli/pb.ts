/** `buurtkracht pb …`: tally, check and explain pabulib files. The only place that reads them. */
import { readFileSync } from 'node:fs';
import {
  buildProfile,
  COMPLETIONS,
  type Completion,
  DEFAULT_RULE,
  exactScores,
  explainElection,
  explainProject,
  fileCounts,
  type Instance,
  LANGS,
  type Lang,
  type Outcome,
  officialRule,
  officialSelection,
  PabulibError,
  type PabulibWarning,
  parsePabulib,
  Rational,
  RULES,
  type TallyOptions,
  TIE_MODES,
  type TieMode,
  tally,
  unusedOptions,
} from '../pb/index.js';

export const PB_USAGE = `usage:
  buurtkracht pb tally FILE --rule R [--completion C] [--ties T] [--counts file|ballots]
                        [--step N] [--strict] [--json]
  buurtkracht pb check FILE... [--counts file|ballots] [--step N] [--strict]
  buurtkracht pb explain FILE --project ID [--rule R] [--lang nl|en] [--counts file|ballots]
                          [--completion C] [--ties T] [--step N] [--strict]

rules:       ${[...RULES.keys()].join(', ')}
completions: ${COMPLETIONS.join(', ')}
ties:        ${TIE_MODES.join(', ')}
--counts     greedy rules: the file's score/votes column (file, the default) or a recount
             of the ballots (ballots)
--step       add1's step in the file's amounts (100 when amounts are cents; default 1)
--strict     refuse files the reader would otherwise read with a warning`;

/** Bad command-line arguments: the caller prints the message and the usage, exit status 2. */
export class UsageError extends Error {}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The streams as the subcommands see them: `json` writes a line of JSON to `out`. */
interface PbIo extends Io {
  json: (line: string) => void;
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(args: string[], valued: string[], booleans: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (booleans.includes(name)) flags.set(name, true);
    else if (valued.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { positional, flags };
}

/**
 * A per-voter budget as printed: exactly when it is whole (44999999999999999999, not the
 * double 45000000000000000000, which is the first budget that overshoots), else the double
 * and, when that is not exact, the fraction beside it.
 */
function perVoterBudget(endowment: number, exact: string | undefined): string {
  if (exact === undefined) return plain(endowment);
  return exact.includes('/') ? `${plain(endowment)} (exactly ${exact})` : exact;
}

/**
 * An amount as the engine counts it (the shortest decimal of the double), written out in
 * digits also from 1e21 up, where JavaScript switches to `1e+21`: the amounts the file
 * wrote in digits and the whole per-voter budgets are printed in digits too.
 */
export function plain(x: number): string {
  return Math.abs(x) >= 1e21 ? Rational.fromNumber(x).toString() : String(x);
}

/** A file that cannot be read: its name and why (with the line for format errors). */
class Unreadable extends Error {}

function load(file: string, strict: boolean): { instance: Instance; warnings: PabulibWarning[] } {
  let bytes: Uint8Array;
  try {
    // Bytes, not text: the reader scans VOTES undecoded (see parsePabulib).
    const read = readFileSync(file);
    bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  } catch (e) {
    throw new Unreadable(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return parsePabulib(bytes, { strict });
  } catch (e) {
    if (e instanceof PabulibError) throw new Unreadable(e.message);
    throw e;
  }
}

function pick<T extends string>(
  value: string | true | undefined,
  allowed: readonly T[],
  what: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (value === true || !allowed.includes(value as T)) {
    throw new UsageError(`unknown ${what} "${String(value)}"; choose from ${allowed.join(', ')}`);
  }
  return value as T;
}

const COUNTS = ['file', 'ballots'] as const;

/** add1's step from --step (a whole number ≥ 1), or undefined when not given. */
function stepOption(flags: Map<string, string | true>): number | undefined {
  const text = flags.get('step');
  if (text === undefined) return undefined;
  const step = Number(text);
  if (!Number.isInteger(step) || step < 1)
    throw new UsageError(`--step needs a whole number ≥ 1, found "${String(text)}"`);
  return step;
}

/** The options shared by tally and explain, from the flags. */
function tallyOptions(flags: Map<string, string | true>): TallyOptions {
  const completion = pick<Completion>(flags.get('completion'), COMPLETIONS, 'completion');
  const ties = pick<TieMode>(flags.get('ties'), TIE_MODES, 'tie mode');
  const counts = pick(flags.get('counts'), COUNTS, 'counts');
  const step = stepOption(flags);
  return {
    ...(completion ? { completion } : {}),
    ...(ties ? { ties } : {}),
    ...(counts ? { counts } : {}),
    ...(step !== undefined ? { step } : {}),
  };
}

/**
 * Refuses an option the rule would ignore (`--completion` with greedy, `--step` with plain
 * Equal Shares): a user who gives one expects it to change the count.
 */
function refuseUnused(rule: string, opts: TallyOptions): void {
  const [first] = unusedOptions(rule, opts);
  if (first === undefined) return;
  const readers: Record<typeof first, string> = {
    completion: 'Equal Shares rules',
    counts: 'greedy rules',
    step: 'Equal Shares with a completion (add1, add1-exhaustive, add1u)',
  };
  throw new UsageError(`--${first} does not apply to ${rule}; it is for ${readers[first]}`);
}

/** Runs a rule, turning engine errors about the file (e.g. an unsupported scoring_fn) into Unreadable. */
function run(instance: Instance, rule: string, opts: TallyOptions): Outcome {
  try {
    return tally(instance, rule, opts);
  } catch (e) {
    if (e instanceof Error && !(e instanceof RangeError)) throw new Unreadable(e.message);
    throw e;
  }
}

function printWarnings(warnings: PabulibWarning[], say: (line: string) => void): void {
  for (const w of warnings) say(`warning: ${w.message}`);
}

function tallyCommand(args: string[], io: PbIo): number {
  const { positional, flags } = parseArgs(
    args,
    ['rule', 'completion', 'ties', 'counts', 'step'],
    ['json', 'strict'],
  );
  if (positional.length !== 1) throw new UsageError('pb tally needs exactly one FILE');
  const rule = pick(flags.get('rule'), [...RULES.keys()], 'rule');
  if (!rule) throw new UsageError('pb tally needs --rule');
  const opts = tallyOptions(flags);
  refuseUnused(rule, opts);
  const { instance, warnings } = load(positional[0] as string, flags.has('strict'));
  printWarnings(warnings, io.err);
  const t0 = performance.now();
  const outcome = run(instance, rule, opts);
  const ms = performance.now() - t0;
  if (flags.has('json')) {
    io.json(
      JSON.stringify(
        { ...outcome, warnings: warnings.map((w) => w.message), timeMs: Math.round(ms * 10) / 10 },
        null,
        2,
      ),
    );
  } else {
    io.out(`selected: ${outcome.selected.join(' ')}`);
    io.out(`total cost: ${plain(outcome.totalCost)} of ${plain(outcome.budget)}`);
    if (outcome.endowment !== undefined)
      io.out(
        `per-voter budget: ${perVoterBudget(outcome.endowment, outcome.endowmentExact)} (${outcome.runs ?? 1} MES runs)`,
      );
    io.out(`time: ${ms.toFixed(1)} ms`);
  }
  return 0;
}

const GREEDY = /^greedy/;

function checkCommand(args: string[], io: Io): number {
  const { positional, flags } = parseArgs(args, ['counts', 'step'], ['strict']);
  if (positional.length === 0) throw new UsageError('pb check needs at least one FILE');
  const counts = pick(flags.get('counts'), COUNTS, 'counts');
  const step = stepOption(flags);
  const total = { same: 0, ties: 0, differs: 0, unreadable: 0, skipped: 0 };
  for (const file of positional) {
    const name = file.split('/').pop() ?? file;
    try {
      const { instance, warnings } = load(file, flags.has('strict'));
      const note = (line: string) => io.out(`            ${line}`);
      const chosen = officialRule(instance);
      if (!instance.projectColumns.includes('selected')) {
        io.out(`skipped     ${name}: no selected column`);
        total.skipped++;
        continue;
      }
      if ('skip' in chosen) {
        io.out(`skipped     ${name}: ${chosen.skip}`);
        total.skipped++;
        continue;
      }
      const rule = chosen.rule;
      const opts: TallyOptions = {
        ...(counts ? { counts } : {}),
        ...(step !== undefined ? { step } : {}),
      };
      const outcome = run(instance, rule, opts);
      const ours = new Set(outcome.selected);
      // selected 1 is the rule's outcome; under Poznań's rule 2 marks its 80 % project.
      // Other values (2, 3) are projects funded in another way (reserve funds).
      const { official, otherwise } = officialSelection(instance, rule);
      const extra = [...ours].filter((id) => !official.has(id));
      const missing = [...official].filter((id) => !ours.has(id));
      const how = [
        rule,
        ...(outcome.counts && outcome.counts !== 'ballots' ? [`counts ${outcome.counts}`] : []),
        ...(step !== undefined && outcome.endowment !== undefined ? [`step ${step}`] : []),
      ].join(', ');
      if (extra.length === 0 && missing.length === 0) {
        io.out(`reproduced  ${name} (${how}, ${ours.size} funded)`);
        total.same++;
      } else {
        // Does some order of the tied projects give the official outcome?
        const again = run(instance, rule, { ...opts, prefer: [...official] });
        const sameAgain =
          again.selected.length === official.size && again.selected.every((id) => official.has(id));
        const differing = new Set([...extra, ...missing]);
        const tiesSeen = outcome.tieDecisions.filter((d) =>
          d.between.some((id) => differing.has(id)),
        );
        if (sameAgain && tiesSeen.length > 0) {
          const named = tiesSeen
            .map(
              (d) => `${d.context}: tie between ${d.between.join(' ')} (engine chose ${d.chosen})`,
            )
            .join('; ');
          io.out(
            `reproduced up to ties  ${name} (${how}): engine funds [${extra.join(' ')}], official [${missing.join(' ')}]; ${named}`,
          );
          total.ties++;
        } else {
          io.out(
            `differs     ${name} (${how}): engine also funds [${extra.join(' ')}], official also funds [${missing.join(' ')}]`,
          );
          total.differs++;
        }
      }
      printWarnings(warnings, note);
      if (otherwise.length > 0)
        note(
          `funded otherwise (not by the rule): ${otherwise.map((o) => `${o.id} (selected ${o.selected})`).join(', ')}`,
        );
      if (GREEDY.test(rule) && outcome.counts?.startsWith('file')) {
        const fromFile = fileCounts(instance);
        const recount = exactScores(buildProfile(instance));
        const off: string[] = [];
        fromFile?.scores.forEach((s, c) => {
          const r = recount[c];
          if (r && s.cmp(r) !== 0)
            off.push(`${instance.projects[c]?.id} file ${s.toString()} ballots ${r.toString()}`);
        });
        if (off.length > 0)
          note(
            `warning: the recount from the ballots differs from the file's ${fromFile?.column} for ${off.length} project${off.length === 1 ? '' : 's'} (first: ${off.slice(0, 3).join('; ')})`,
          );
      }
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
      io.out(`unreadable  ${name}: ${e.message}`);
      total.unreadable++;
    }
  }
  io.out(
    `total: ${total.same} reproduced, ${total.ties} reproduced up to ties, ${total.differs} differ, ${total.unreadable} unreadable, ${total.skipped} skipped`,
  );
  return total.differs > 0 || total.unreadable > 0 ? 1 : 0;
}

function explainCommand(args: string[], io: Io): number {
  const { positional, flags } = parseArgs(
    args,
    ['project', 'lang', 'rule', 'ties', 'completion', 'counts', 'step'],
    ['strict'],
  );
  if (positional.length !== 1) throw new UsageError('pb explain needs exactly one FILE');
  const project = flags.get('project');
  if (typeof project !== 'string') throw new UsageError('pb explain needs --project ID');
  const lang = pick<Lang>(flags.get('lang'), LANGS, 'language') ?? 'nl';
  const opts = tallyOptions(flags);
  const { instance, warnings } = load(positional[0] as string, flags.has('strict'));
  printWarnings(warnings, io.err);
  const fromFile = officialRule(instance);
  const chosen = pick(flags.get('rule'), [...RULES.keys()], 'rule');
  // A file whose own rule cannot be counted is explained under the default: say so.
  if (!chosen && 'skip' in fromFile && instance.meta.rule)
    io.err(
      `note: the file's ${fromFile.skip}; explained with ${DEFAULT_RULE} (choose another with --rule)`,
    );
  const rule = chosen ?? ('rule' in fromFile ? fromFile.rule : DEFAULT_RULE);
  refuseUnused(rule, opts);
  if (!instance.projects.some((p) => p.id === project))
    throw new UsageError(`no project "${project}" in the file`);
  const outcome = run(instance, rule, opts);
  const names = Object.fromEntries(
    instance.projects.map((p) => [p.id, p.fields.name ?? '']).filter(([, n]) => n),
  );
  const text = {
    lang,
    names,
    ...(instance.meta.currency ? { currency: instance.meta.currency } : {}),
  };
  io.out(`${rule}`);
  for (const line of explainProject(outcome, project, text)) io.out(line);
  for (const line of explainElection(outcome, text)) io.out(line);
  return 0;
}

/**
 * Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides and
 * isolates of Unicode (UAX #9): in a file's ids and names they could move the cursor,
 * recolour or clear the terminal, or show a line in another order than it is stored. And
 * the backslash, which text doubles (see {@link printable}).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const UNPRINTABLE = /[\\\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `line` with each control character and bidi override of {@link UNPRINTABLE} written as
 * a `\uXXXX` escape. In text (`as` 'text', the default) a backslash is doubled too, so that
 * an id holding the six characters `\u001b` cannot pass for one holding ESC: the escapes
 * read back one way (as GNU `ls --quoting-style=escape` writes names). In JSON (`as`
 * 'json': a line made by JSON.stringify, whose backslashes are escapes already) it stays:
 * the escapes are valid inside a JSON string, so `pb tally --json` reads back the same.
 */
export function printable(line: string, as: 'text' | 'json' = 'text'): string {
  return line.replace(UNPRINTABLE, (c) => {
    if (c === '\\') return as === 'json' ? c : '\\\\';
    return `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Runs `pb SUBCOMMAND …` (`pb --help`, `-h`, `help`: the usage); returns the exit status.
 * Every line goes out through {@link printable}: the files are other people's.
 */
export function pbMain(args: string[], given: Io): number {
  const io: PbIo = {
    out: (l) => given.out(printable(l)),
    err: (l) => given.err(printable(l)),
    json: (l) => given.out(printable(l, 'json')),
  };
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.out(PB_USAGE);
    return 0;
  }
  try {
    if (sub === 'tally') return tallyCommand(rest, io);
    if (sub === 'check') return checkCommand(rest, io);
    if (sub === 'explain') return explainCommand(rest, io);
    throw new UsageError(sub ? `unknown pb command "${sub}"` : 'pb needs a command');
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      io.err(PB_USAGE);
      return 2;
    }
    if (e instanceof Unreadable) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
