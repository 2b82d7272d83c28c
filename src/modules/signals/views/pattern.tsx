import { BarChart, type ChartSeries } from '../../../platform/views/BarChart.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef } from './shared.js';

export interface PatternViewModel {
  network: NetworkRef;
  /** The months shown, oldest first: column header and label under the bar. */
  periods: { key: string; label: string; short: string; group?: string }[];
  /** Per theme (by label), its count per month. */
  series: ChartSeries[];
  totals: number[];
  total: number;
}

export function PatternPage({ ctx, vm }: { ctx: ViewContext; vm: PatternViewModel }) {
  const { t } = ctx;
  const title = t('signals.pattern.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.pattern.intro')}</p>
      {vm.total === 0 ? <p class="utrecht-paragraph">{t('signals.pattern.empty')}</p> : null}
      <BarChart
        id="pattern-chart"
        title={t('signals.pattern.chartTitle')}
        description={t('signals.pattern.chartDesc', { total: vm.total })}
        periods={vm.periods}
        series={vm.series}
        totals={vm.totals}
        total={vm.total}
        categoryHeader={t('signals.col.theme')}
        totalLabel={t('signals.pattern.total')}
        valueLabel={t('signals.pattern.axis')}
      />
    </Layout>
  );
}
