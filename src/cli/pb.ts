/** `buurtkracht pb …`: tally, check and explain pabulib files. The only place that reads them. */
import { readFileSync } from 'node:fs';
import {
  COMPLETIONS,
  type Completion,
  explainElection,
  explainProject,
  type Instance,
  LANGS,
  type Lang,
  parsePabulib,
  RULES,
  TIE_MODES,
  type TieMode,
  tally,
} from '../pb/index.js';

export const PB_USAGE = `usage:
  buurtkracht pb tally FILE --rule R [--completion C] [--ties T] [--json]
  buurtkracht pb check FILE...
  buurtkracht pb explain FILE --project ID [--rule R] [--lang nl|en]

rules:       ${[...RULES.keys()].join(', ')}
completions: ${COMPLETIONS.join(', ')}
ties:        ${TIE_MODES.join(', ')}`;

/** Bad command-line arguments: the caller prints the message and the usage, exit status 2. */
export class UsageError extends Error {}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
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

function load(file: string): Instance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  return parsePabulib(text);
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

function tallyCommand(args: string[], io: Io): number {
  const { positional, flags } = parseArgs(args, ['rule', 'completion', 'ties'], ['json']);
  if (positional.length !== 1) throw new UsageError('pb tally needs exactly one FILE');
  const rule = pick(flags.get('rule'), [...RULES.keys()], 'rule');
  if (!rule) throw new UsageError('pb tally needs --rule');
  const completion = pick<Completion>(flags.get('completion'), COMPLETIONS, 'completion');
  const ties = pick<TieMode>(flags.get('ties'), TIE_MODES, 'tie mode');
  const instance = load(positional[0] as string);
  const t0 = performance.now();
  const outcome = tally(instance, rule, {
    ...(completion ? { completion } : {}),
    ...(ties ? { ties } : {}),
  });
  const ms = performance.now() - t0;
  if (flags.has('json')) {
    io.out(JSON.stringify({ ...outcome, timeMs: Math.round(ms * 10) / 10 }, null, 2));
  } else {
    io.out(`selected: ${outcome.selected.join(' ')}`);
    io.out(`total cost: ${outcome.totalCost} of ${outcome.budget}`);
    io.out(`time: ${ms.toFixed(1)} ms`);
  }
  return 0;
}

function checkCommand(args: string[], io: Io): number {
  const { positional } = parseArgs(args, [], []);
  if (positional.length === 0) throw new UsageError('pb check needs at least one FILE');
  let same = 0;
  let differs = 0;
  let skipped = 0;
  for (const file of positional) {
    const instance = load(file);
    const rule = instance.meta.rule ?? '';
    const name = file.split('/').pop() ?? file;
    if (!instance.projectColumns.includes('selected')) {
      io.out(`skipped     ${name}: no selected column`);
      skipped++;
      continue;
    }
    if (!RULES.has(rule)) {
      io.out(`skipped     ${name}: rule "${rule}" is not supported`);
      skipped++;
      continue;
    }
    const outcome = tally(instance, rule);
    const ours = new Set(outcome.selected);
    // Pabulib marks special cases with other numbers than 1 (explained in META comment).
    const official = new Set(
      instance.projects.filter((p) => (p.fields.selected ?? '0') !== '0').map((p) => p.id),
    );
    const extra = [...ours].filter((id) => !official.has(id));
    const missing = [...official].filter((id) => !ours.has(id));
    if (extra.length === 0 && missing.length === 0) {
      io.out(`reproduced  ${name} (${rule}, ${ours.size} projects)`);
      same++;
    } else {
      io.out(
        `differs     ${name} (${rule}): engine also funds [${extra.join(' ')}], official also funds [${missing.join(' ')}]`,
      );
      differs++;
    }
  }
  io.out(`total: ${same} reproduced, ${differs} differ, ${skipped} skipped`);
  return differs > 0 ? 1 : 0;
}

function explainCommand(args: string[], io: Io): number {
  const { positional, flags } = parseArgs(
    args,
    ['project', 'lang', 'rule', 'ties', 'completion'],
    [],
  );
  if (positional.length !== 1) throw new UsageError('pb explain needs exactly one FILE');
  const project = flags.get('project');
  if (typeof project !== 'string') throw new UsageError('pb explain needs --project ID');
  const lang = pick<Lang>(flags.get('lang'), LANGS, 'language') ?? 'nl';
  const instance = load(positional[0] as string);
  const fileRule = instance.meta.rule ?? '';
  const rule =
    pick(flags.get('rule'), [...RULES.keys()], 'rule') ??
    (RULES.has(fileRule) ? fileRule : 'equalshares/add1');
  const ties = pick<TieMode>(flags.get('ties'), TIE_MODES, 'tie mode');
  const completion = pick<Completion>(flags.get('completion'), COMPLETIONS, 'completion');
  if (!instance.projects.some((p) => p.id === project))
    throw new UsageError(`no project "${project}" in the file`);
  const outcome = tally(instance, rule, {
    ...(completion ? { completion } : {}),
    ...(ties ? { ties } : {}),
  });
  const names = Object.fromEntries(
    instance.projects.map((p) => [p.id, p.fields.name ?? '']).filter(([, n]) => n),
  );
  const opts = {
    lang,
    names,
    ...(instance.meta.currency ? { currency: instance.meta.currency } : {}),
  };
  io.out(`${rule}`);
  for (const line of explainProject(outcome, project, opts)) io.out(line);
  for (const line of explainElection(outcome, opts)) io.out(line);
  return 0;
}

/** Runs `pb SUBCOMMAND …`; returns the exit status. */
export function pbMain(args: string[], io: Io): number {
  const [sub, ...rest] = args;
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
    if (e instanceof Error && e.name === 'PabulibError') {
      io.err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
