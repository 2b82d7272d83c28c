// Turns rounds, proposals and stored outcomes into the plain view models of the budget pages.
// Pure.
import {
  type ExplainOptions,
  explainElection,
  explainProject,
  type Outcome,
  percent,
  RULES,
} from '../../pb/index.js';
import { formatDate, formatMoney, type Lang, type Translate } from '../../platform/i18n/index.js';
import type { RadioChoices } from '../../platform/views/forms.js';
import type { ProposalRow, RoundRow, UpdateRow } from './repository.js';
import type { StoredResult } from './service.js';
import type { BallotType, Phase } from './tables.js';
import type { PublicProposal } from './views/public-round.js';
import type { RealisationProject } from './views/realisation.js';
import type { ResultRow, ResultsViewModel } from './views/results.js';
import type { ProposalCard } from './views/round.js';

export function phaseLabel(t: Translate, phase: Phase): string {
  return t(`budget.phase.${phase}`);
}

export function ballotTypeLabel(t: Translate, type: BallotType): string {
  return t(`budget.ballotType.${type}`);
}

/**
 * The rules `names` (default first, as {@link allRules} and {@link offeredRules} give them)
 * as a form's choice in `lang`: each labelled with its title and the engine's name, which
 * files and the command line use ("Methode van gelijke delen met add1 (equalshares/add1)"),
 * its description as the hint; the first two (the default and greedy) in view, the others
 * folded under "Andere manieren van tellen".
 */
export function ruleChoices(t: Translate, lang: Lang, names: readonly string[]): RadioChoices {
  const options = names.flatMap((name) => {
    const spec = RULES.get(name);
    return spec
      ? [{ value: name, label: `${spec.title[lang]} (${name})`, hint: spec.description[lang] }]
      : [];
  });
  const after = 2;
  return {
    options,
    more: { after, label: t('budget.field.ruleMore', { count: options.length - after }) },
  };
}

/** Cents as a form value: "1500" or "1500,50". */
export function centsInput(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

function day(lang: Lang, iso: string | null): string | null {
  if (!iso) return null;
  return formatDate(lang, new Date(`${iso}T12:00:00Z`));
}

/** The round's planned dates that are set, with their labels. */
export function roundDates(t: Translate, lang: Lang, round: RoundRow) {
  const list: { label: string; value: string }[] = [];
  const add = (key: Parameters<Translate>[0], iso: string | null) => {
    const value = day(lang, iso);
    if (value) list.push({ label: t(key), value });
  };
  add('budget.field.submissionUntil', round.submissionUntil);
  add('budget.field.reviewUntil', round.reviewUntil);
  add('budget.field.votingFrom', round.votingFrom);
  add('budget.field.votingUntil', round.votingUntil);
  return list;
}

/** What the ballot asks, in one sentence. */
export function ballotRulesText(t: Translate, round: RoundRow): string {
  const parts: string[] = [];
  if (round.ballotType === 'approval-budget')
    parts.push(t('budget.ballot.rules.budget', { budget: formatMoney(round.budgetCents) }));
  else if (round.ballotType === 'approval-k')
    parts.push(t('budget.ballot.rules.k', { k: round.maxSelections }));
  else parts.push(t('budget.ballot.rules.points', { points: round.pointsTotal }));
  if (round.minSelections > 1)
    parts.push(t('budget.ballot.rules.min', { min: round.minSelections }));
  if (round.ballotType !== 'approval-k' && round.maxSelections > 0)
    parts.push(t('budget.ballot.rules.max', { max: round.maxSelections }));
  return parts.join(' ');
}

function costChange(p: ProposalRow) {
  return p.costCents !== p.estimateCents
    ? { estimate: formatMoney(p.estimateCents), reason: p.costReason }
    : null;
}

/** The address of a budget photo (served only while what it belongs to is shown). */
export function photoUrl(photoId: number): string {
  return `/wijkbudget/foto/${photoId}`;
}

/**
 * A proposal as the public pages and the ballot show it; `alts` gives photo ids their
 * descriptions (the alt text; empty: the view's general one).
 */
export function presentPublicProposal(
  p: ProposalRow,
  alts: ReadonlyMap<number, string> = new Map(),
): PublicProposal {
  return {
    photo: p.photoId ? { url: photoUrl(p.photoId), alt: alts.get(p.photoId) ?? '' } : null,
    id: p.id,
    title: p.title,
    description: p.description,
    place: p.place,
    cost: formatMoney(p.costCents),
    costCents: p.costCents,
    costChange: costChange(p),
    reviewReason: p.reviewReason,
  };
}

export function presentProposalCard(
  t: Translate,
  p: ProposalRow,
  canWithdraw: boolean,
  alts: ReadonlyMap<number, string> = new Map(),
): ProposalCard {
  return {
    // A hidden or withdrawn proposal's photo is served to no one.
    photo:
      p.photoId && p.status !== 'hidden' && p.status !== 'withdrawn'
        ? { url: photoUrl(p.photoId), alt: alts.get(p.photoId) ?? '' }
        : null,
    hiddenReason: p.status === 'hidden' ? (p.hiddenReason ?? '') : '',
    id: p.id,
    title: p.title,
    description: p.description,
    place: p.place,
    cost: formatMoney(p.costCents),
    costChange: costChange(p),
    status: p.status,
    statusLabel: t(`budget.status.${p.status}`),
    reviewReason: p.reviewReason,
    canWithdraw,
    costInput: centsInput(p.costCents),
  };
}

/** The calculator's address for a counted round: it offers the round's pabulib file. */
export function recountPath(slug: string, roundId: number): string {
  return `/rekenhulp?buurt=${encodeURIComponent(slug)}&ronde=${roundId}`;
}

/**
 * How a round's explanations are worded: proposals by their titles only (their ids are
 * internal), called "plan" as on every budget page, a tie by id told as "submitted earlier"
 * (proposal ids are given in order of submission), and without the leftover sentence (the
 * results summary says it). `names`: proposal titles by id (as strings).
 */
export function roundExplainOptions(lang: Lang, names: Record<string, string>): ExplainOptions {
  return {
    lang,
    currency: 'EUR',
    names,
    ids: false,
    noun: 'plan',
    idsInSubmissionOrder: true,
    leftover: false,
  };
}

/** The results page: funded and not funded projects with the engine's explanations. */
export function presentResults(
  t: Translate,
  lang: Lang,
  base: string,
  round: RoundRow,
  result: StoredResult,
  names: Record<string, string>,
  receiptCheck: ResultsViewModel['receiptCheck'],
  recountPath: string,
): ResultsViewModel {
  const outcome: Outcome = result.outcome;
  const greedySelected = new Set(result.greedy.selected);
  const options = roundExplainOptions(lang, names);
  const rows: ResultRow[] = outcome.projects.map((p) => ({
    id: p.id,
    title: names[p.id] ?? p.id,
    cost: formatMoney(Math.round(p.cost * 100)),
    votes: p.votes,
    funded: p.selected,
    fundedByGreedy: greedySelected.has(p.id),
    explanation: explainProject(outcome, p.id, options),
  }));
  const order = new Map(outcome.selected.map((id, k) => [id, k]));
  rows.sort((a, b) => b.votes - a.votes || Number(a.id) - Number(b.id));
  const funded = rows
    .filter((r) => r.funded)
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    base,
    title: round.title,
    rule: round.rule,
    // The rule's own description: a page must not call every rule the Method of Equal Shares.
    ruleDescription: RULES.get(round.rule)?.description[lang] ?? '',
    ballots: result.ballots,
    budget: formatMoney(round.budgetCents),
    used: formatMoney(Math.round(outcome.totalCost * 100)),
    left: formatMoney(round.budgetCents - Math.round(outcome.totalCost * 100)),
    funded,
    notFunded: rows.filter((r) => !r.funded),
    rows,
    election: explainElection(outcome, options),
    greedyFunded: result.greedy.selected.map((id) => names[id] ?? id),
    coverage: percent(outcome.coverage, lang),
    greedyCoverage: percent(result.greedy.coverage, lang),
    receiptCheck,
    recountPath,
    chart: {
      periods: rows.map((r, k) => ({
        key: r.id,
        label: `${k + 1}. ${r.title}`,
        short: String(k + 1),
      })),
      series: [
        { label: t('budget.results.chartFunded'), funded: true },
        { label: t('budget.results.chartNotFunded'), funded: false },
      ].map(({ label, funded }) => {
        const values = rows.map((r) => (r.funded === funded ? r.votes : 0));
        return { label, values, total: values.reduce((x, y) => x + y, 0) };
      }),
      totals: rows.map((r) => r.votes),
      total: rows.reduce((x, r) => x + r.votes, 0),
    },
  };
}

/** The ids of the projects a counted round funds (none before the count). */
export function fundedIds(round: RoundRow): Set<number> {
  const result = round.result as StoredResult | null;
  return new Set((result?.outcome.selected ?? []).map(Number));
}

/**
 * The funded projects of a round with their realisation updates (newest first), the latest
 * progress and money spent; `done` at 100 %. Hidden or withdrawn proposals are left out.
 */
export function presentRealisation(
  lang: Lang,
  round: RoundRow,
  proposals: ProposalRow[],
  updates: UpdateRow[],
  alts: ReadonlyMap<number, string>,
): RealisationProject[] {
  const funded = fundedIds(round);
  return proposals
    .filter((p) => funded.has(p.id) && p.status === 'accepted')
    .map((p) => {
      const own = updates.filter((u) => u.proposalId === p.id);
      const latest = own[own.length - 1];
      return {
        id: p.id,
        title: p.title,
        cost: formatMoney(p.costCents),
        progress: latest?.progress ?? 0,
        spent: formatMoney(latest?.spentCents ?? 0),
        done: (latest?.progress ?? 0) >= 100,
        updates: own
          .map((u) => ({
            id: u.id,
            date: formatDate(lang, u.createdAt),
            text: u.text,
            progress: u.progress,
            spent: formatMoney(u.spentCents),
            photo: u.photoId ? { url: photoUrl(u.photoId), alt: alts.get(u.photoId) ?? '' } : null,
          }))
          .reverse(),
      };
    });
}
