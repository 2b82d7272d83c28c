// Turns rounds, proposals and stored outcomes into the plain view models of the budget pages.
// Pure.
import { explainElection, explainProject, type Outcome } from '../../pb/index.js';
import { formatDate, formatMoney, type Lang, type Translate } from '../../platform/i18n/index.js';
import type { ProposalRow, RoundRow } from './repository.js';
import type { StoredResult } from './service.js';
import type { BallotType, Phase } from './tables.js';
import type { PublicProposal } from './views/public-round.js';
import type { ResultRow, ResultsViewModel } from './views/results.js';
import type { ProposalCard } from './views/round.js';

export function phaseLabel(t: Translate, phase: Phase): string {
  return t(`budget.phase.${phase}`);
}

export function ballotTypeLabel(t: Translate, type: BallotType): string {
  return t(`budget.ballotType.${type}`);
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

export function presentPublicProposal(p: ProposalRow): PublicProposal {
  return {
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
): ProposalCard {
  return {
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

function percent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
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
): ResultsViewModel {
  const outcome: Outcome = result.outcome;
  const greedySelected = new Set(result.greedy.selected);
  const options = { lang, currency: 'EUR', names };
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
    ruleLabel: t(round.rule === 'greedy' ? 'budget.rule.greedy' : 'budget.rule.other', {
      rule: round.rule,
    }),
    ballots: result.ballots,
    budget: formatMoney(round.budgetCents),
    used: formatMoney(Math.round(outcome.totalCost * 100)),
    left: formatMoney(round.budgetCents - Math.round(outcome.totalCost * 100)),
    funded,
    notFunded: rows.filter((r) => !r.funded),
    rows,
    election: explainElection(outcome, options),
    greedyFunded: result.greedy.selected.map((id) => names[id] ?? id),
    coverage: percent(lang, outcome.coverage),
    greedyCoverage: percent(lang, result.greedy.coverage),
    receiptCheck,
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
