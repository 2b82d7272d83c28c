/** Turns an outcome's facts into sentences for residents, in Dutch or English. */
import { type Lang, MESSAGES, type Noun, WORDS } from './messages.js';
import type { Outcome } from './outcome.js';

export interface ExplainOptions {
  lang?: Lang;
  /** ISO 4217 code (pabulib META `currency`); amounts are plain numbers without it. */
  currency?: string;
  /** Project names by id, for friendlier sentences (shown in quotes). */
  names?: Record<string, string>;
  /**
   * Whether a named project's id follows its name in brackets: default true (a pabulib file's
   * ids are public and help to find the line); false where ids are internal (a round's page).
   * A project without a name is always called by its noun and id ("project 17").
   */
  ids?: boolean;
  /** The word for a project in the sentences (default `project`; the budget pages say `plan`). */
  noun?: Noun;
  /**
   * The ids are numbers given in the order projects were submitted (a round's proposals): a
   * tie settled by id (numbers by value, tie mode `default`) is told as "submitted earlier".
   */
  idsInSubmissionOrder?: boolean;
  /** Whether the election's sentences end with what is left of the budget (default true). */
  leftover?: boolean;
}

/** How a project is called in a sentence: its name in quotes (and its id), or noun and id. */
function namer(options: ExplainOptions, lang: Lang): (id: string) => string {
  const word = WORDS[lang][options.noun ?? 'project'].one;
  return (id) => {
    const name = options.names?.[id];
    if (!name) return `${word} ${id}`;
    return options.ids === false ? `"${name}"` : `"${name}" (${id})`;
  };
}

/** A sentence that starts with a name in lower case (a noun): its first letter in capitals. */
function capital(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** Decimals an amount is shown with: cents below 100 (when not whole), else none. */
function digitsOf(amount: number): number {
  return Math.abs(amount) < 100 && !Number.isInteger(amount) ? 2 : 0;
}

/**
 * An amount rounded to the decimals it is shown with, in the direction that keeps a
 * sentence's claim true: `down` for "had this much left" and "would have been chosen at
 * this cost or less", `up` for "paid at most this much".
 */
export function roundFor(amount: number, direction: 'up' | 'down'): number {
  const scale = 10 ** digitsOf(amount);
  const x = amount * scale;
  return (direction === 'up' ? Math.ceil(x) : Math.floor(x)) / scale;
}

function money(amount: number, lang: Lang, currency?: string): string {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const digits = digitsOf(amount);
  const opts: Intl.NumberFormatOptions = {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  };
  try {
    if (currency)
      return new Intl.NumberFormat(locale, { ...opts, style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code: fall back to a plain number with the code after it.
    return `${new Intl.NumberFormat(locale, opts).format(amount)} ${currency}`;
  }
  return new Intl.NumberFormat(locale, opts).format(amount);
}

/** Sentences explaining why one project was or was not funded. Throws for an unknown id. */
export function explainProject(
  outcome: Outcome,
  id: string,
  options: ExplainOptions = {},
): string[] {
  const lang = options.lang ?? 'nl';
  const t = MESSAGES[lang];
  const m = (x: number) => money(x, lang, options.currency);
  const pr = outcome.projects.find((x) => x.id === id);
  if (!pr) throw new Error(`unknown project "${id}"`);
  const w = WORDS[lang][options.noun ?? 'project'];
  const call = namer(options, lang);
  const n = call(id);
  const lines = [pr.selected ? t.funded(n) : t.notFunded(n)];
  const f = pr.facts;
  if (f.kind === 'greedy') {
    if (f.reason === 'below-threshold')
      lines.push(t.belowThreshold(n, pr.score, f.threshold ?? 0, w));
    else if (f.reason === 'withdrawn') lines.push(t.greedyWithdrawn(n));
    else {
      // Greedy funds what fits, also a project nobody voted for: say so, it is no merit.
      if (pr.votes === 0) lines.push(t.noVotes(n));
      if (f.perCost) lines.push(t.greedyPerCost(n));
      lines.push(t.greedyRank(n, f.rank ?? 0, m(f.budgetLeft ?? 0)));
      if (f.reason === 'funded') lines.push(t.greedyFits(n, m(pr.cost)));
      else if (f.reason === 'funded-80')
        lines.push(t.greedyFunded80(n, m(pr.cost), m(f.budgetLeft ?? 0)));
      else if (f.reason === 'too-expensive')
        lines.push(t.greedyTooExpensive(n, m(pr.cost), m(f.budgetLeft ?? 0)));
      else lines.push(t.greedyStopped(n, w));
    }
  } else if (f.kind === 'mes') {
    if (f.reason === 'funded') {
      lines.push(t.mesRound(n, f.round ?? 0));
      // A supporter pays at most the share times their points: per point on ballots with points.
      lines.push(
        t.mesShare(n, pr.votes, m(roundFor(f.share ?? 0, 'up')), outcome.pointBallots === true),
      );
      if ((f.paidAllTheyHad ?? 0) > 0) lines.push(t.mesPaidAll(n, f.paidAllTheyHad ?? 0));
      const ev = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
        maximumFractionDigits: 1,
      });
      lines.push(t.mesEffectiveVotes(n, ev.format(f.effectiveVotes ?? 0)));
    } else if (f.reason === 'completion') {
      if (pr.votes === 0) lines.push(t.noVotes(n));
      lines.push(t.mesCompletion(n));
    } else if (f.reason === 'no-votes') lines.push(t.noVotes(n));
    else if (f.reason === 'zero-cost') lines.push(t.mesZeroCost(n, w));
    else {
      lines.push(t.mesNotAffordable(n, m(roundFor(f.moneyLeft ?? 0, 'down')), m(pr.cost)));
      // Claims about the same fixed-budget count (tested by re-running it with the change):
      // its supporters keep at least what they had left at the end in every round, so at
      // a cost that is at most that, the project stays affordable and is chosen at the
      // latest when nothing else is; the same for new supporters bringing a full share.
      const most = roundFor(f.maxAffordableCost ?? 0, 'down');
      lines.push(t.mesWouldWin(n, most > 0 ? m(most) : undefined, f.moreSupportersNeeded ?? 0));
    }
  } else if (f.reason === 'funded') lines.push(t.phragmenRound(n, f.round ?? 0));
  else if (f.reason === 'no-votes') lines.push(t.noVotes(n));
  const by = t.tieBy(w);
  for (const d of outcome.tieDecisions) {
    if (!d.between.includes(id)) continue;
    const reason =
      d.decidedBy === 'id' && options.idsInSubmissionOrder && outcome.ties === 'default'
        ? by.submitted
        : by[d.decidedBy];
    lines.push(t.tie(t.and(d.between.map(call)), call(d.chosen), reason));
  }
  return lines.map(capital);
}

/** Sentences about the whole election: who is represented, what is left over. */
export function explainElection(outcome: Outcome, options: ExplainOptions = {}): string[] {
  const lang = options.lang ?? 'nl';
  const t = MESSAGES[lang];
  const m = (x: number) => money(x, lang, options.currency);
  const pct = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const lines: string[] = [];
  if (outcome.endowment !== undefined && outcome.comparison?.kept !== 'greedy') {
    lines.push(t.endowment(m(outcome.endowment)));
  }
  const c = outcome.comparison;
  if (c) {
    lines.push(
      c.kept === 'greedy'
        ? t.comparisonGreedy(c.prefersGreedy, c.prefersMes)
        : t.comparisonMes(c.prefersMes, c.prefersGreedy),
    );
  }
  lines.push(t.coverage(pct.format(outcome.coverage), WORDS[lang][options.noun ?? 'project']));
  if (options.leftover !== false) lines.push(t.leftover(m(outcome.leftover), m(outcome.budget)));
  return lines;
}
