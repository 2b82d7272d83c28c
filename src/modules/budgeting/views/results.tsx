// The results of a round with their explanations and the receipt check.
import { BarChart, type ChartSeries } from '../../../platform/views/BarChart.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface ResultRow {
  id: string;
  title: string;
  cost: string;
  votes: number;
  funded: boolean;
  fundedByGreedy: boolean;
  explanation: string[];
}

export interface ResultsViewModel {
  base: string;
  title: string;
  /** The rule name of the engine the round was counted with (`greedy`, `phragmen`, …). */
  rule: string;
  /** That rule's description in the page's language (the engine's RuleSpec.description). */
  ruleDescription: string;
  ballots: number;
  budget: string;
  used: string;
  left: string;
  funded: ResultRow[];
  notFunded: ResultRow[];
  rows: ResultRow[];
  election: string[];
  greedyFunded: string[];
  coverage: string;
  greedyCoverage: string;
  receiptCheck: { receipt: string; found: boolean } | null;
  /** The calculator with this round's pabulib file offered ("Zelf narekenen"). */
  recountPath: string;
  /** Votes per project for the bar chart: projects as bars (most votes first), funded or not. */
  chart: {
    periods: { key: string; label: string; short: string }[];
    series: ChartSeries[];
    totals: number[];
    total: number;
  };
}

/** A proposal of the result with the engine's explanation, one line an item. */
function ExplainedResult({ r }: { r: ResultRow }) {
  return (
    <section class="bk-result" id={`voorstel-${r.id}`}>
      <h3 class="utrecht-heading-3">
        {r.title} — {r.cost}
      </h3>
      <ul class="utrecht-unordered-list">
        {r.explanation.map((line) => (
          <li class="utrecht-unordered-list__item" key={line}>
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultsPage({ ctx, vm }: { ctx: ViewContext; vm: ResultsViewModel }) {
  const { t } = ctx;
  const title = t('budget.results.title', { round: vm.title });
  const yes = t('budget.yes');
  const no = t('budget.no');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {t('budget.results.summary', {
          ballots: vm.ballots,
          budget: vm.budget,
          used: vm.used,
          left: vm.left,
        })}
      </p>
      <p class="utrecht-paragraph">
        {t('budget.results.rule', { rule: vm.rule, description: vm.ruleDescription })}
      </p>
      {vm.election.map((line) => (
        <p class="utrecht-paragraph" key={line}>
          {line}
        </p>
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.funded')}</h2>
      {vm.funded.map((r) => (
        <ExplainedResult r={r} key={r.id} />
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.notFunded')}</h2>
      {vm.notFunded.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.results.allFunded')}</p>
      ) : null}
      {vm.notFunded.map((r) => (
        <ExplainedResult r={r} key={r.id} />
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.table')}</h2>
      <BarChart
        id="votes-chart"
        title={t('budget.results.chartTitle')}
        description={t('budget.results.chartDescription', { projects: vm.rows.length })}
        periods={vm.chart.periods}
        series={vm.chart.series}
        totals={vm.chart.totals}
        total={vm.chart.total}
        categoryHeader={t('budget.results.chartCategory')}
        totalLabel={t('budget.results.chartTotal')}
        valueLabel={t('budget.results.col.votes')}
      />
      <section class="bk-table-wrap" tabindex={0} aria-label={t('budget.results.tableCaption')}>
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('budget.results.tableCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.project')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.cost')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.votes')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.funded')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.greedy')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {vm.rows.map((r) => (
              <tr class="utrecht-table__row" key={r.id}>
                <th class="utrecht-table__header-cell" scope="row">
                  {r.title}
                </th>
                <td class="utrecht-table__cell">{r.cost}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{r.votes}</td>
                <td class="utrecht-table__cell">{r.funded ? yes : no}</td>
                <td class="utrecht-table__cell">{r.fundedByGreedy ? yes : no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2 class="utrecht-heading-2">{t('budget.results.compare')}</h2>
      <p class="utrecht-paragraph">{t('budget.results.greedyIntro')}</p>
      <ul class="utrecht-unordered-list">
        {vm.greedyFunded.map((title) => (
          <li class="utrecht-unordered-list__item" key={title}>
            {title}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        {t('budget.results.coverage', { rule: vm.coverage, greedy: vm.greedyCoverage })}
      </p>
      <h2 class="utrecht-heading-2">{t('budget.results.check')}</h2>
      <p class="utrecht-paragraph">{t('budget.results.download')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${vm.base}/uitslag.pb`} download>
          {t('budget.results.downloadLink')}
        </a>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.recountPath}>
          {t('budget.results.recount')}
        </a>
      </p>
      <form method="get" action={`${vm.base}/uitslag`} class="utrecht-form bk-form">
        <TextField
          name="bewijs"
          label={t('budget.results.receipt')}
          value={vm.receiptCheck?.receipt}
          maxLength={20}
        />
        <SubmitButton variant="secondary">{t('budget.results.receiptCheck')}</SubmitButton>
      </form>
      {vm.receiptCheck ? (
        <p class="utrecht-paragraph" role="status">
          {vm.receiptCheck.found
            ? t('budget.results.receiptFound')
            : t('budget.results.receiptNotFound')}
        </p>
      ) : null}
    </Layout>
  );
}
