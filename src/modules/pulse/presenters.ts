// Turns the pulse's figures into tables, a chart and CSV rows. Pure. For leaders every
// count of a group of 1 to 4 is hidden ("minder dan 5") and so is any share that would
// give such a group away (see policy.ts).

import type { Lang, Translate } from '../../platform/i18n/index.js';
import type { ChartSeries } from '../../platform/views/BarChart.js';
import { shareOf, suppressed } from './policy.js';
import type { NetworkPulse, Period } from './service.js';
import type { PulseChart, PulseScope, PulseTable, PulseViewModel } from './views/pages.js';

// The categories in the order the owning modules define them (decisions, experiments).
const EFFECTS = ['strengthens', 'restores', 'replaces', 'sedates'] as const;
const INVOLVEMENT = ['co_decided', 'consulted', 'informed', 'not_involved'] as const;
const STATUSES = ['idea', 'running', 'evaluated', 'stopped'] as const;
const VISIBILITIES = ['network', 'municipality', 'region', 'public'] as const;

const sum = (rows: { n: number }[]) => rows.reduce((total, r) => total + r.n, 0);

/** A month "YYYY-MM" for the chart and the period filter: "mrt 2026", "mrt", "2026". */
export function monthLabel(lang: Lang, month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1, 15));
  const format = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { ...o, timeZone: 'UTC' })
      .format(date)
      .replace('.', '');
  return {
    label: format({ month: 'short', year: 'numeric' }),
    short: format({ month: 'short' }),
    year: String(y),
  };
}

/** One table: categories with their count and (optionally) their share of the total. */
function table(
  t: Translate,
  asLeader: boolean,
  id: string,
  title: string,
  rows: { label: string; n: number; whole?: number }[],
  withTotal = true,
): PulseTable {
  const shown = (n: number) => {
    const v = asLeader ? suppressed(n) : n;
    return { value: v === null ? t('pulse.fewerThan5') : String(v), raw: v };
  };
  const total = sum(rows);
  return {
    id,
    title,
    rows: rows.map((r) => {
      const share = r.whole === undefined ? null : shareOf(r.n, r.whole, asLeader);
      return {
        label: r.label,
        value: shown(r.n).value,
        csv: shown(r.n).raw === null ? '<5' : String(r.n),
        share: share === null ? '' : `${share}%`,
      };
    }),
    total: withTotal ? { label: t('pulse.total'), value: shown(total).value } : null,
  };
}

/** One category of a monthly chart: its label and its count in a month ("YYYY-MM"). */
interface MonthlyCategory {
  label: string;
  count: (month: string) => number;
}

/**
 * A chart of counts per month, one series per category (empty ones left out). For leaders
 * every count of 1 to 4 (a cell, a category's total, a month's total) is not shown apart, as
 * in the tables: no bar, "minder dan 5" in its table.
 */
function monthlyChart(
  t: Translate,
  lang: Lang,
  period: Period,
  asLeader: boolean,
  chart: { id: string; title: string; description: string; valueLabel: string },
  categories: MonthlyCategory[],
): PulseChart {
  const shown = (n: number) => (asLeader ? suppressed(n) : n);
  const counted = categories
    .map((c) => ({ label: c.label, values: period.months.map(c.count) }))
    .map((c) => ({ ...c, total: c.values.reduce((a, b) => a + b, 0) }))
    .filter((c) => c.total > 0);
  const totals = period.months.map((_, i) => counted.reduce((a, c) => a + (c.values[i] ?? 0), 0));
  const series: ChartSeries[] = counted.map((c) => ({
    label: c.label,
    values: c.values.map(shown),
    total: shown(c.total),
  }));
  return {
    ...chart,
    periods: period.months.map((month) => {
      const l = monthLabel(lang, month);
      return { key: month, label: l.label, short: l.short, group: l.year };
    }),
    series,
    totals: totals.map(shown),
    total: shown(totals.reduce((a, b) => a + b, 0)),
    hiddenLabel: t('pulse.fewerThan5'),
    categoryHeader: t('pulse.category'),
    totalLabel: t('pulse.total'),
  };
}

/** Decisions per month by effect and by residents' involvement, and signals per month by theme. */
function charts(
  t: Translate,
  lang: Lang,
  period: Period,
  p: NetworkPulse,
  themes: { theme: string; label: string }[],
  asLeader: boolean,
): PulseChart[] {
  const chart = (meta: Parameters<typeof monthlyChart>[4], of: MonthlyCategory[]) =>
    monthlyChart(t, lang, period, asLeader, meta, of);
  /** Decisions of a month that `match` (an effect, a level of involvement). */
  const decided = (month: string, match: (d: NetworkPulse['decisions'][number]) => boolean) =>
    sum(p.decisions.filter((d) => d.month === month && match(d)));
  const decisions = chart(
    {
      id: 'chart-decisions',
      title: t('pulse.decisionsByEffectOverTime'),
      description: t('pulse.decisionsByEffectDesc'),
      valueLabel: t('pulse.decisionsValue'),
    },
    EFFECTS.map((effect) => ({
      label: t(`pulse.effect.${effect}`),
      count: (month) => decided(month, (d) => d.effect === effect),
    })),
  );
  const involvement = chart(
    {
      id: 'chart-involvement',
      title: t('pulse.decisionsByInvolvementOverTime'),
      description: t('pulse.decisionsByInvolvementDesc'),
      valueLabel: t('pulse.decisionsValue'),
    },
    INVOLVEMENT.map((level) => ({
      label: t(`pulse.involvement.${level}`),
      count: (month) => decided(month, (d) => d.involvement === level),
    })),
  );
  const signals = chart(
    {
      id: 'chart-signals',
      title: t('pulse.signalsByThemeOverTime'),
      description: t('pulse.signalsByThemeDesc'),
      valueLabel: t('pulse.signalsValue'),
    },
    themes.map(({ theme, label }) => ({
      label,
      count: (month) => sum(p.signals.filter((s) => s.month === month && s.theme === theme)),
    })),
  );
  return [decisions, involvement, signals].filter((c) => c.series.length > 0);
}

/**
 * The charts with at least one bar to draw, and the titles of those whose every month is a
 * small group for a leader (an empty frame would read as "nothing happened").
 */
function drawable(all: PulseChart[]): Pick<PulseViewModel, 'charts' | 'chartsTooSmall'> {
  const drawn = (c: PulseChart) => c.series.some((s) => s.values.some((n) => (n ?? 0) > 0));
  return {
    charts: all.filter(drawn),
    chartsTooSmall: all.filter((c) => !drawn(c)).map((c) => ({ id: c.id, title: c.title })),
  };
}

/** The budget rounds: how many, turnout, proposals from residents, voters with a funded project. */
function budgetRows(t: Translate, b: NetworkPulse['budget']) {
  return [
    { label: t('pulse.budget.rounds'), n: b.rounds },
    { label: t('pulse.budget.ballots'), n: b.ballots },
    // Turnout where it is known who could vote (rounds with codes), else only the ballots.
    ...(b.eligible > 0
      ? [{ label: t('pulse.budget.turnout'), n: b.ballotsWithEligible, whole: b.eligible }]
      : []),
    { label: t('pulse.budget.proposals'), n: b.proposals },
    { label: t('pulse.budget.fromResidents'), n: b.proposalsFromResidents, whole: b.proposals },
    ...(b.countedBallots > 0
      ? [{ label: t('pulse.budget.funded'), n: b.ballotsWithFunded, whole: b.countedBallots }]
      : []),
  ];
}

/** The pulse page (and its CSV) of one network. */
export function presentPulse(
  t: Translate,
  lang: Lang,
  input: {
    /** Whose pulse: the page's title names it; `base` is its address (without `.csv`). */
    scope: PulseScope;
    period: Period;
    pulse: NetworkPulse;
    asLeader: boolean;
    themeLabel: (theme: string) => string;
    monthOptions: string[];
  },
): PulseViewModel {
  const { pulse: p, asLeader } = input;
  const decisionsTotal = sum(p.decisions);
  const agendaTotal = sum(p.agenda);
  const signalsTotal = sum(p.signals);
  const byOrigin = (origin: string) => sum(p.agenda.filter((a) => a.origin === origin));
  const byRaiser = (who: string) => sum(p.signals.filter((s) => s.raisedBy === who));
  const themes = [...new Set(p.signals.map((s) => s.theme))]
    .map((theme) => ({
      theme,
      label: input.themeLabel(theme),
      n: sum(p.signals.filter((s) => s.theme === theme)),
    }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'nl'));
  const fromResidents = sum(p.decisions.filter((d) => d.fromResidents));
  const attended = p.attendance.residents + p.attendance.professionals;
  const tables: PulseTable[] = [
    table(
      t,
      asLeader,
      'effect',
      t('pulse.decisionsByEffect'),
      EFFECTS.map((effect) => ({
        label: t(`pulse.effect.${effect}`),
        n: sum(p.decisions.filter((d) => d.effect === effect)),
        whole: decisionsTotal,
      })),
    ),
    table(
      t,
      asLeader,
      'involvement',
      t('pulse.decisionsByInvolvement'),
      INVOLVEMENT.map((level) => ({
        label: t(`pulse.involvement.${level}`),
        n: sum(p.decisions.filter((d) => d.involvement === level)),
        whole: decisionsTotal,
      })),
    ),
    table(
      t,
      asLeader,
      'listening',
      t('pulse.listening'),
      [
        { label: t('pulse.agendaResident'), n: byOrigin('resident'), whole: agendaTotal },
        { label: t('pulse.agendaProfessional'), n: byOrigin('professional'), whole: agendaTotal },
        { label: t('pulse.signalsResident'), n: byRaiser('resident'), whole: signalsTotal },
        {
          label: t('pulse.signalsProfessional'),
          n: byRaiser('professional'),
          whole: signalsTotal,
        },
        { label: t('pulse.decisionsResident'), n: fromResidents, whole: decisionsTotal },
        {
          label: t('pulse.decisionsOther'),
          n: decisionsTotal - fromResidents,
          whole: decisionsTotal,
        },
      ],
      false,
    ),
    table(t, asLeader, 'attendance', t('pulse.attendance'), [
      { label: t('pulse.attendanceResidents'), n: p.attendance.residents, whole: attended },
      {
        label: t('pulse.attendanceProfessionals'),
        n: p.attendance.professionals,
        whole: attended,
      },
    ]),
    table(t, asLeader, 'themes', t('pulse.signalsByTheme'), themes),
    table(
      t,
      asLeader,
      'experiments',
      t('pulse.experimentsByStatus'),
      STATUSES.map((status) => ({
        label: t(`pulse.status.${status}`),
        n: sum(p.experiments.filter((e) => e.status === status)),
      })),
    ),
    table(
      t,
      asLeader,
      'lessons',
      t('pulse.lessonsShared'),
      VISIBILITIES.map((v) => ({
        label: t(`pulse.visibility.${v}`),
        n: sum(p.lessons.filter((l) => l.visibility === v)),
      })),
    ),
    table(t, asLeader, 'budget', t('pulse.budget'), budgetRows(t, p.budget), false),
    table(
      t,
      asLeader,
      'reviews',
      t('pulse.reviewsDue'),
      [{ label: t('pulse.reviewsDueLabel'), n: p.dueForReview }],
      false,
    ),
  ];
  return {
    scope: input.scope,
    asLeader,
    from: input.period.months[0]!,
    to: input.period.months.at(-1)!,
    months: input.monthOptions.map((m) => ({ value: m, label: monthLabel(lang, m).label })),
    ...drawable(charts(t, lang, input.period, p, themes, asLeader)),
    tables,
  };
}

/** A CSV field: quoted, and never read as a formula by a spreadsheet. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The figures of the page as CSV: one line per table row, then one per chart category and
 * month ("Veiligheid, jan 2026"); small groups as "<5" for leaders.
 */
export function pulseCsv(t: Translate, vm: PulseViewModel): string {
  const lines = [[t('pulse.section'), t('pulse.category'), t('pulse.count'), t('pulse.share')]];
  for (const tbl of vm.tables) {
    for (const row of tbl.rows) lines.push([tbl.title, row.label, row.csv, row.share]);
  }
  for (const chart of vm.charts) {
    for (const s of chart.series) {
      s.values.forEach((n, i) => {
        const month = chart.periods[i]!.label;
        lines.push([chart.title, `${s.label}, ${month}`, n === null ? '<5' : String(n), '']);
      });
    }
  }
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
