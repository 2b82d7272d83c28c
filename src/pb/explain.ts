/** Turns an outcome's facts into sentences for residents, in Dutch or English. */
import { type Lang, MESSAGES } from './messages.js';
import type { Outcome } from './outcome.js';

export interface ExplainOptions {
  lang?: Lang;
  /** ISO 4217 code (pabulib META `currency`); amounts are plain numbers without it. */
  currency?: string;
  /** Project names by id, for friendlier sentences. */
  names?: Record<string, string>;
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
  const name = options.names?.[id] ? `${options.names[id]} (${id})` : id;
  const lines = [pr.selected ? t.funded(name) : t.notFunded(name)];
  const f = pr.facts;
  if (f.kind === 'greedy') {
    if (f.reason === 'below-threshold') lines.push(t.belowThreshold(pr.score, f.threshold ?? 0));
    else if (f.reason === 'withdrawn') lines.push(t.greedyWithdrawn);
    else {
      if (f.perCost) lines.push(t.greedyPerCost);
      lines.push(t.greedyRank(f.rank ?? 0, m(f.budgetLeft ?? 0)));
      if (f.reason === 'funded') lines.push(t.greedyFits(m(pr.cost)));
      else if (f.reason === 'funded-80')
        lines.push(t.greedyFunded80(m(pr.cost), m(f.budgetLeft ?? 0)));
      else if (f.reason === 'too-expensive')
        lines.push(t.greedyTooExpensive(m(pr.cost), m(f.budgetLeft ?? 0)));
      else lines.push(t.greedyStopped);
    }
  } else if (f.kind === 'mes') {
    if (f.reason === 'funded') {
      lines.push(t.mesRound(f.round ?? 0));
      // A supporter pays at most the share times their points: per point on ballots with points.
      lines.push(
        t.mesShare(pr.votes, m(roundFor(f.share ?? 0, 'up')), outcome.pointBallots === true),
      );
      if ((f.paidAllTheyHad ?? 0) > 0) lines.push(t.mesPaidAll(f.paidAllTheyHad ?? 0));
      const ev = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
        maximumFractionDigits: 1,
      });
      lines.push(t.mesEffectiveVotes(ev.format(f.effectiveVotes ?? 0)));
    } else if (f.reason === 'completion') lines.push(t.mesCompletion);
    else if (f.reason === 'no-votes') lines.push(t.noVotes);
    else if (f.reason === 'zero-cost') lines.push(t.mesZeroCost);
    else {
      lines.push(t.mesNotAffordable(m(roundFor(f.moneyLeft ?? 0, 'down')), m(pr.cost)));
      // Claims about the same fixed-budget count (tested by re-running it with the change):
      // its supporters keep at least what they had left at the end in every round, so at
      // a cost that is at most that, the project stays affordable and is chosen at the
      // latest when nothing else is; the same for new supporters bringing a full share.
      const most = roundFor(f.maxAffordableCost ?? 0, 'down');
      lines.push(t.mesWouldWin(most > 0 ? m(most) : undefined, f.moreSupportersNeeded ?? 0));
    }
  } else if (f.reason === 'funded') lines.push(t.phragmenRound(f.round ?? 0));
  else if (f.reason === 'no-votes') lines.push(t.noVotes);
  for (const d of outcome.tieDecisions) {
    if (d.between.includes(id))
      lines.push(t.tie(d.between.join(', '), d.chosen, t.tieBy[d.decidedBy]));
  }
  return lines;
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
  lines.push(t.coverage(pct.format(outcome.coverage)));
  lines.push(t.leftover(m(outcome.leftover), m(outcome.budget)));
  return lines;
}
