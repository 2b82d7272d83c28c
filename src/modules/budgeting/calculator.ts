// The calculator (rekenhulp, issue 13 item 7): any pabulib file, counted with a rule of the
// engine's registry, with the engine's explanations and greedy counting beside it — for
// municipalities that voted elsewhere. This file is the count itself (pure: file in, view
// data out, in both languages); calculator-worker.ts runs it off the main thread and
// calculator-jobs.ts keeps track of the running counts.
import {
  explainElection,
  explainProject,
  LANGS,
  type Lang,
  type Outcome,
  PabulibError,
  parsePabulib,
  percent,
  RULES,
  readerMessage,
  tally,
  warningMessage,
} from '../../pb/index.js';

/** The largest file the calculator takes (5 MB: a city-wide vote of 100,000 ballots fits). */
export const CALCULATOR_MAX_BYTES = 5 * 1024 * 1024;

/** One project of a counted file, ready to show. */
export interface CalculatorProject {
  id: string;
  name: string;
  cost: string;
  votes: number;
  funded: boolean;
  fundedByGreedy: boolean;
  explanation: string[];
}

/** A counted file in one language, ready to show. */
export interface CalculatorOutcome {
  /** The rule's name in the engine ("equalshares/add1"), its title and description in the language. */
  rule: string;
  ruleTitle: string;
  ruleDescription: string;
  /** Whether greedy is shown beside it for comparison (not when greedy was the rule). */
  compared: boolean;
  description: string;
  /** What the reader accepted with a remark (ballots naming a project twice, …). */
  warnings: string[];
  voters: number;
  budget: string;
  used: string;
  left: string;
  election: string[];
  funded: CalculatorProject[];
  notFunded: CalculatorProject[];
  greedyFunded: string[];
  coverage: string;
  greedyCoverage: string;
}

export type CalculatorResult =
  | { ok: true; byLang: Record<Lang, CalculatorOutcome> }
  /** A refused file: the line at fault (0: the whole file) and why, in each language. */
  | { ok: false; line: number; message: Record<Lang, string> }
  /** A file beyond what the calculator counts: more than `max` projects (it has `projects`). */
  | { ok: false; line: 0; tooManyProjects: { projects: number; max: number } };

/**
 * The most projects a file may have here (the largest of ../shared/pabulib has 197): each
 * project's explanation goes into the page, and results are kept for half an hour.
 */
export const CALCULATOR_MAX_PROJECTS = 2000;

/** The steps of a count, reported as it goes (for the "bezig met tellen" page). */
export type CalculatorStep = 'read' | 'count' | 'greedy' | 'explain';
export const CALCULATOR_STEPS: readonly CalculatorStep[] = ['read', 'count', 'greedy', 'explain'];

/** Whether `rule` is a rule of the engine's registry. */
export function isCalculatorRule(rule: string): boolean {
  return RULES.has(rule);
}

function moneyFormat(lang: Lang, currency: string | undefined): (amount: number) => string {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  // Whole amounts without decimals, others with two: "€ 900", "€ 150,50".
  const format = (digits: number) => {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    if (currency) {
      try {
        return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency });
      } catch {
        // An unknown currency code: a plain number with the code after it (below).
      }
    }
    return new Intl.NumberFormat(locale, options);
  };
  const whole = format(0);
  const cents = format(2);
  const known = whole.resolvedOptions().style === 'currency';
  const suffix = currency && !known ? ` ${currency}` : '';
  return (x) => `${(Number.isInteger(x) ? whole : cents).format(x)}${suffix}`;
}

function present(
  lang: Lang,
  rule: string,
  outcome: Outcome,
  greedy: Outcome,
  names: Record<string, string>,
  meta: Record<string, string>,
  warnings: string[],
): CalculatorOutcome {
  const currency = meta.currency || undefined;
  const money = moneyFormat(lang, currency);
  // The page's summary says what is left, so the election's sentences do not say it again.
  const options = { lang, currency, names, noun: 'plan' as const, leftover: false };
  const greedySelected = new Set(greedy.selected);
  const order = new Map(outcome.selected.map((id, k) => [id, k]));
  const projects: CalculatorProject[] = outcome.projects.map((p) => ({
    id: p.id,
    name: names[p.id] ?? p.id,
    cost: money(p.cost),
    votes: p.votes,
    funded: p.selected,
    fundedByGreedy: greedySelected.has(p.id),
    explanation: explainProject(outcome, p.id, options),
  }));
  return {
    rule,
    ruleTitle: RULES.get(rule)?.title[lang] ?? rule,
    ruleDescription: RULES.get(rule)?.description[lang] ?? '',
    compared: rule !== 'greedy',
    description: meta.description ?? '',
    warnings,
    voters: outcome.voters,
    budget: money(outcome.budget),
    used: money(outcome.totalCost),
    left: money(outcome.leftover),
    election: explainElection(outcome, options),
    funded: projects
      .filter((p) => p.funded)
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    notFunded: projects.filter((p) => !p.funded).sort((a, b) => b.votes - a.votes),
    greedyFunded: greedy.selected.map((id) => names[id] ?? id),
    coverage: percent(outcome.coverage, lang),
    greedyCoverage: percent(greedy.coverage, lang),
  };
}

/** A file the reader or the rule refuses: its line and the message; anything else is rethrown. */
function refusal(error: unknown): CalculatorResult {
  if (!(error instanceof PabulibError)) throw error;
  const { reason } = error;
  const message = { nl: readerMessage(reason, 'nl'), en: readerMessage(reason, 'en') };
  return { ok: false, line: error.line, message };
}

/**
 * Reads a pabulib file (its text, or its bytes: the reader then scans VOTES as bytes, as the
 * command line does) and counts it with `rule` and with greedy beside it; a file that
 * cannot be read answers its line and the reader's message. `onStep` hears each step.
 */
export function countPabulib(
  file: string | Uint8Array,
  rule: string,
  onStep: (step: CalculatorStep) => void = () => {},
): CalculatorResult {
  onStep('read');
  let parsed: ReturnType<typeof parsePabulib>;
  try {
    parsed = parsePabulib(file);
  } catch (error) {
    return refusal(error);
  }
  const { instance, warnings } = parsed;
  if (instance.projects.length > CALCULATOR_MAX_PROJECTS)
    return {
      ok: false,
      line: 0,
      tooManyProjects: { projects: instance.projects.length, max: CALCULATOR_MAX_PROJECTS },
    };
  onStep('count');
  let outcome: Outcome;
  try {
    // A rule may need a META key the file lacks (greedy-threshold: its threshold).
    outcome = tally(instance, rule);
  } catch (error) {
    return refusal(error);
  }
  onStep('greedy');
  const greedy = tally(instance, 'greedy');
  onStep('explain');
  const names: Record<string, string> = {};
  for (const p of instance.projects) names[p.id] = p.fields.name || p.id;
  const byLang = {} as Record<Lang, CalculatorOutcome>;
  for (const lang of LANGS) {
    byLang[lang] = present(
      lang,
      rule,
      outcome,
      greedy,
      names,
      instance.meta,
      warnings.map((w) => warningMessage(w, lang)),
    );
  }
  return { ok: true, byLang };
}
