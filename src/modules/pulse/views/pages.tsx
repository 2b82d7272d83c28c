import { BarChart, type BarChartProps } from '../../../platform/views/BarChart.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export type PulseChart = BarChartProps;

/** One table of figures; `csv` is the count as the download gives it. */
export interface PulseTable {
  id: string;
  title: string;
  rows: { label: string; value: string; csv: string; share: string }[];
  total: { label: string; value: string } | null;
}

/** Whose pulse a page shows: one network, or every network of a municipality or region. */
export interface PulseScope {
  kind: 'network' | 'municipality' | 'region';
  name: string;
  /** The page's address, and its figures as CSV. */
  base: string;
  csv: string;
}

export interface PulseViewModel {
  scope: PulseScope;
  asLeader: boolean;
  /** The period shown, as "YYYY-MM". */
  from: string;
  to: string;
  months: { value: string; label: string }[];
  /** Charts over time, each with its table of numbers (small groups hidden for leaders). */
  charts: PulseChart[];
  /** Charts left out because every month of them is a small group (leaders only). */
  chartsTooSmall: { id: string; title: string }[];
  tables: PulseTable[];
}

function FigureTable({ ctx, table }: { ctx: ViewContext; table: PulseTable }) {
  const { t } = ctx;
  const withShare = table.rows.some((r) => r.share !== '');
  return (
    <table class="utrecht-table utrecht-table--html-table bk-table">
      <caption class="utrecht-table__caption">{table.title}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">
            {t('pulse.category')}
          </th>
          <th
            class="utrecht-table__header-cell utrecht-table__header-cell--numeric-data"
            scope="col"
          >
            {t('pulse.count')}
          </th>
          {withShare ? (
            <th
              class="utrecht-table__header-cell utrecht-table__header-cell--numeric-data"
              scope="col"
            >
              {t('pulse.share')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {table.rows.map((r) => (
          <tr class="utrecht-table__row" key={r.label}>
            <th class="utrecht-table__header-cell" scope="row">
              {r.label}
            </th>
            <td class="utrecht-table__cell utrecht-table__cell--numeric-data">{r.value}</td>
            {withShare ? (
              <td class="utrecht-table__cell utrecht-table__cell--numeric-data">{r.share}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
      {table.total ? (
        <tfoot class="utrecht-table__footer">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {table.total.label}
            </th>
            <td class="utrecht-table__cell utrecht-table__cell--numeric-data">
              {table.total.value}
            </td>
            {withShare ? <td class="utrecht-table__cell" /> : null}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export function PulsePage({ ctx, vm }: { ctx: ViewContext; vm: PulseViewModel }) {
  const { t } = ctx;
  const base = vm.scope.base;
  const title = t(`pulse.title.${vm.scope.kind}`, { name: vm.scope.name });
  const query = `?van=${vm.from}&tot=${vm.to}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('pulse.intro')}</p>
      {vm.asLeader ? <p class="utrecht-paragraph">{t('pulse.leaderNote')}</p> : null}
      <form method="get" action={base} class="utrecht-form bk-form bk-filter">
        <SelectField name="van" label={t('pulse.periodFrom')} options={vm.months} value={vm.from} />
        <SelectField name="tot" label={t('pulse.periodTo')} options={vm.months} value={vm.to} />
        <SubmitButton variant="secondary">{t('pulse.show')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${vm.scope.csv}${query}`}>
          {t('pulse.csv')}
        </a>
      </p>
      {vm.charts.map((chart) => (
        <section key={chart.id} aria-labelledby={`${chart.id}-heading`}>
          <h2 class="utrecht-heading-2" id={`${chart.id}-heading`}>
            {chart.title}
          </h2>
          <BarChart {...chart} />
        </section>
      ))}
      {vm.chartsTooSmall.map((chart) => (
        <section key={chart.id} aria-labelledby={chart.id}>
          <h2 class="utrecht-heading-2" id={chart.id}>
            {chart.title}
          </h2>
          <p class="utrecht-paragraph">{t('pulse.tooSmallPerMonth')}</p>
        </section>
      ))}
      {vm.tables.map((table) => (
        <section key={table.id} aria-labelledby={`pulse-${table.id}`}>
          <h2 class="utrecht-heading-2" id={`pulse-${table.id}`}>
            {table.title}
          </h2>
          {table.id === 'listening' ? (
            <p class="utrecht-paragraph">{t('pulse.listeningIntro')}</p>
          ) : null}
          {table.id === 'budget' ? <p class="utrecht-paragraph">{t('pulse.budgetIntro')}</p> : null}
          {table.rows.length === 0 ? (
            <p class="utrecht-paragraph">{t('pulse.none')}</p>
          ) : (
            <FigureTable ctx={ctx} table={table} />
          )}
        </section>
      ))}
    </Layout>
  );
}
