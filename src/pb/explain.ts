/** Turns an outcome's facts into sentences for residents, in Dutch or English. */
import { type Lang, MESSAGES, type Noun, WORDS, type Words } from './messages.js';
import type { Outcome } from './outcome.js';
import type { TieDecision } from './ties.js';

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

/** Whether `x` is a whole multiple of `1 / scale`, up to the noise of floating point. */
function wholeAt(x: number, scale: number): boolean {
  const y = x * scale;
  return Math.abs(y - Math.round(y)) <= 1e-9 * Math.abs(y);
}

/** The most decimals an amount is ever shown with. */
const MAX_DIGITS = 20;

/**
 * Decimals an amount is shown with: none when whole, 2 when whole cents, else enough for
 * about 4 significant digits (at least 2), so that nothing above 0 is shown as 0.00.
 */
function digitsOf(amount: number): number {
  if (wholeAt(amount, 1)) return 0;
  if (wholeAt(amount, 100)) return 2;
  return Math.min(MAX_DIGITS, Math.max(2, 3 - Math.floor(Math.log10(Math.abs(amount)))));
}

/** An amount rounded to `digits` decimals (to the nearest). */
function roundTo(amount: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(amount * scale) / scale;
}

/**
 * An amount rounded to the decimals it is shown with, in the direction that keeps a
 * sentence's claim true: `down` for "had this much left" and "would have been chosen at
 * this cost or less", `up` for "paid at most this much".
 */
export function roundFor(amount: number, direction: 'up' | 'down'): number {
  const scale = 10 ** digitsOf(amount);
  const x = amount * scale;
  // Already shown exactly (up to float noise, as 150.7 × 100): no step up or down.
  if (wholeAt(x, 1)) return Math.round(x) / scale;
  return (direction === 'up' ? Math.ceil(x) : Math.floor(x)) / scale;
}

/**
 * The amounts of one sentence, formatted: each with {@link digitsOf} decimals, and more
 * where two different amounts would otherwise be shown the same (€150.70 and €150.60,
 * not €151 twice).
 */
function moneys(amounts: number[], lang: Lang, currency?: string): string[] {
  const digits = amounts.map(digitsOf);
  const shown = (i: number) => roundTo(amounts[i] as number, digits[i] as number);
  for (let again = true; again; ) {
    again = false;
    for (let i = 0; i < amounts.length; i++) {
      for (let j = i + 1; j < amounts.length; j++) {
        const a = amounts[i] as number;
        const b = amounts[j] as number;
        const same = Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
        if (same || shown(i) !== shown(j)) continue;
        for (const k of [i, j]) {
          const d = digits[k] as number;
          if (d > 0 && d < MAX_DIGITS) {
            digits[k] = d + 1;
            again = true;
          }
        }
      }
    }
  }
  return amounts.map((x, i) => money(x, digits[i] as number, lang, currency));
}

/** The number format's locale per language. */
const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

function money(amount: number, digits: number, lang: Lang, currency?: string): string {
  const locale = LOCALE[lang];
  const opts: Intl.NumberFormatOptions = {
    maximumFractionDigits: digits,
    minimumFractionDigits: Math.min(digits, 2),
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

/**
 * A share (0 to 1) of residents as a percentage: whole, with decimals only where rounding
 * would say "100%" of residents when not all are, or "0%" when some are (99.6%, 0.4%).
 * Pages that show a share of an outcome use this too.
 */
export function percent(share: number, lang: Lang): string {
  const locale = LOCALE[lang];
  const format = (x: number, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(x);
  let digits = 0;
  while (
    digits < MAX_DIGITS &&
    ((share < 1 && format(share, digits) === format(1, digits)) ||
      (share > 0 && format(share, digits) === format(0, digits)))
  )
    digits++;
  return format(share, digits);
}

/** Whether Poznań's rule funded a project with 80 % of its cost left (then counting stopped). */
function fundedBy80(outcome: Outcome): boolean {
  return outcome.projects.some((q) => q.facts.kind === 'greedy' && q.facts.reason === 'funded-80');
}

/** At most this many of a tie's projects are named; the others are counted. */
const TIE_NAMED = 5;

/**
 * The tied projects of decision d as a sentence part: all of them, or (a tie of hundreds,
 * as when every project costs the same and nobody voted) the project explained, the one
 * chosen and the first others up to TIE_NAMED, then how many more: every project's
 * explanation naming every tied project made a calculator page grow with the square of
 * the projects (97 MB for 2,000).
 */
function tiedNames(
  d: TieDecision,
  id: string,
  call: (id: string) => string,
  lang: Lang,
  w: Words,
): string {
  const t = MESSAGES[lang];
  if (d.between.length <= TIE_NAMED) return t.and(d.between.map(call));
  const keep = new Set([id, d.chosen]);
  for (const x of d.between) if (keep.size < TIE_NAMED) keep.add(x);
  const named = d.between.filter((x) => keep.has(x));
  const more = d.between.length - named.length;
  return t.andMore(
    named.map(call),
    new Intl.NumberFormat(LOCALE[lang]).format(more),
    more === 1,
    w,
  );
}

/** Sentences explaining why one project was or was not funded. Throws for an unknown id. */
export function explainProject(
  outcome: Outcome,
  id: string,
  options: ExplainOptions = {},
): string[] {
  const lang = options.lang ?? 'nl';
  const t = MESSAGES[lang];
  const ms = (...amounts: number[]) => moneys(amounts, lang, options.currency);
  const m = (x: number) => ms(x)[0] as string;
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
      const [cost, shownLeft] = ms(pr.cost, f.budgetLeft ?? 0) as [string, string];
      // Nothing left is said in words ("niets meer"), not as an amount of 0.
      const left = (f.budgetLeft ?? 0) > 0 ? shownLeft : undefined;
      if (f.reason === 'stopped') {
        // It got no turn: what was left at its place in the ranking is not its story.
        lines.push(t.greedyRank(n, f.rank ?? 0));
        lines.push(fundedBy80(outcome) ? t.greedyStoppedAfter80(n, w) : t.greedyStopped(n, w));
      } else {
        lines.push(`${t.greedyRank(n, f.rank ?? 0)} ${t.greedyLeftAtTurn(left)}`);
        if (f.reason === 'funded') lines.push(t.greedyFits(n, cost));
        else if (f.reason === 'funded-80') lines.push(t.greedyFunded80(n, cost, shownLeft));
        else lines.push(t.greedyTooExpensive(n, cost, left));
      }
    }
  } else if (f.kind === 'mes') {
    if (f.reason === 'funded') {
      lines.push(t.mesRound(n, f.round ?? 0));
      // A supporter pays at most the share times their points: per point on ballots with points.
      lines.push(
        t.mesShare(n, pr.votes, m(roundFor(f.share ?? 0, 'up')), outcome.pointBallots === true),
      );
      if ((f.paidAllTheyHad ?? 0) > 0) lines.push(t.mesPaidAll(n, f.paidAllTheyHad ?? 0));
      const ev = new Intl.NumberFormat(LOCALE[lang], {
        maximumFractionDigits: 1,
      });
      const votes = ev.format(f.effectiveVotes ?? 0);
      lines.push(t.mesEffectiveVotes(n, votes, votes === ev.format(1)));
    } else if (f.reason === 'completion') {
      if (pr.votes === 0) lines.push(t.noVotes(n));
      lines.push(t.mesCompletion(n));
    } else if (f.reason === 'no-votes') lines.push(t.noVotes(n));
    else if (f.reason === 'zero-cost') lines.push(t.mesZeroCost(n, w));
    else {
      const had = roundFor(f.moneyLeft ?? 0, 'down');
      const [left, cost] = ms(had, pr.cost) as [string, string];
      lines.push(t.mesNotAffordable(n, had > 0 ? left : undefined, cost));
      // Claims about the same fixed-budget count (tested by re-running it with the change):
      // its supporters keep at least what they had left at the end in every round, so at
      // a cost that is at most that, the project stays affordable and is chosen at the
      // latest when nothing else is; the same for new supporters bringing a full share.
      const most = roundFor(f.maxAffordableCost ?? 0, 'down');
      lines.push(t.mesWouldWin(n, most > 0 ? m(most) : undefined, f.moreSupportersNeeded ?? 0));
    }
  } else if (f.reason === 'funded') lines.push(t.phragmenRound(n, f.round ?? 0));
  else if (f.reason === 'no-votes') lines.push(t.noVotes(n));
  else {
    // Phragmén spends nothing after its last purchase: what is left over now was left when
    // counting ended (too-expensive: no project with votes still fitted) or stopped.
    const leftover = roundFor(outcome.leftover, 'down');
    const [cost, left] = ms(pr.cost, leftover) as [string, string];
    const shown = leftover > 0 ? left : undefined;
    lines.push(
      f.reason === 'stopped'
        ? t.phragmenStopped(n, w, shown)
        : t.phragmenTooExpensive(n, cost, shown),
    );
  }
  const by = t.tieBy(w);
  for (const d of outcome.tieDecisions) {
    if (!d.between.includes(id)) continue;
    const reason =
      d.decidedBy === 'id' && options.idsInSubmissionOrder && outcome.ties === 'default'
        ? by.submitted
        : by[d.decidedBy];
    lines.push(t.tie(tiedNames(d, id, call, lang, w), call(d.chosen), reason));
  }
  return lines.map(capital);
}

/** Sentences about the whole election: who is represented, what is left over. */
export function explainElection(outcome: Outcome, options: ExplainOptions = {}): string[] {
  const lang = options.lang ?? 'nl';
  const t = MESSAGES[lang];
  const ms = (...amounts: number[]) => moneys(amounts, lang, options.currency);
  const lines: string[] = [];
  // Without voters there is no resident with a share, and no share of residents covered.
  const nobody = outcome.voters === 0;
  if (outcome.endowment !== undefined && outcome.comparison?.kept !== 'greedy') {
    lines.push(t.endowment(ms(outcome.endowment)[0] as string));
  }
  const c = outcome.comparison;
  if (c) {
    lines.push(
      c.kept === 'greedy'
        ? t.comparisonGreedy(c.prefersGreedy, c.prefersMes)
        : t.comparisonMes(c.prefersMes, c.prefersGreedy),
    );
  }
  lines.push(
    nobody
      ? t.noVoters()
      : t.coverage(percent(outcome.coverage, lang), WORDS[lang][options.noun ?? 'project']),
  );
  if (options.leftover !== false) {
    // Poznań's 80 % rule may fund a project with more than is left: nothing is left over then.
    const extra = outcome.totalCost - outcome.budget;
    if (fundedBy80(outcome) && extra > 0) {
      const [more, budget] = ms(extra, outcome.budget) as [string, string];
      lines.push(t.overspent(more, budget));
    } else {
      const [leftover, budget] = ms(outcome.leftover, outcome.budget) as [string, string];
      lines.push(t.leftover(leftover, budget));
    }
  }
  return lines;
}
