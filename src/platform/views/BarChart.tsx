// A server-rendered SVG chart of stacked bars per category over time, with the table of
// its numbers beside it (DESIGN: every chart has its table, for screen readers and for
// people who prefer numbers). No script, no inline styles (the CSP forbids them).
/**
 * One category (a theme, a kind of decision…): a number per period. A null is a count that is
 * not shown apart (a small group, see the pulse's leaders' view): no bar, and the chart's
 * `hiddenLabel` in the table.
 */
export interface ChartSeries {
  label: string;
  /** One count per period, in the order of `periods`. */
  values: (number | null)[];
  total: number | null;
}

export interface BarChartProps {
  /** Prefix of the element ids (`${id}-title`, `${id}-desc`); unique on the page. */
  id: string;
  /** The chart's title: the SVG's <title> and the table's caption. */
  title: string;
  /** A one-sentence summary for screen readers (the SVG's <desc>). */
  description: string;
  /**
   * The time periods, oldest first: `label` heads the table's column, `short` is written
   * under the bar, and `group` (a year) under that where it changes.
   */
  periods: { key: string; label: string; short: string; group?: string }[];
  series: ChartSeries[];
  /** Per period, over every series (null: not shown apart). */
  totals: (number | null)[];
  total: number | null;
  /** What the table says for a count not shown apart ("minder dan 5"); needed with nulls. */
  hiddenLabel?: string;
  /** The header of the table's first column ("Thema"). */
  categoryHeader: string;
  /** The label of the totals row and column ("Totaal"). */
  totalLabel: string;
  /** What the bars count, written above the y-axis ("Aantal signalen"). */
  valueLabel: string;
}

/**
 * Round steps for a count axis from 0 to at least `max`: steps of 1, 2 or 5 times a power
 * of ten, at most five steps, never a fraction (counts are whole). Returns the tick values,
 * 0 first; the last is the axis's top.
 */
export function axisTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power);
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/** Colours with at least 3:1 contrast on white, told apart in the legend and the table. */
export const CHART_COLOURS = [
  '#1f5f8b',
  '#b8470b',
  '#2e7d32',
  '#6a1b9a',
  '#8d6e00',
  '#00695c',
  '#ad1457',
  '#37474f',
  '#4e342e',
];

const colour = (j: number) => CHART_COLOURS[j % CHART_COLOURS.length];

function Bars(props: BarChartProps) {
  const width = 640;
  const height = 270;
  const left = 40;
  const top = 24;
  const bottom = 40;
  // The axis fits the bars as drawn: hidden counts have no bar.
  const drawn = props.periods.map((_, i) =>
    props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
  );
  const ticks = axisTicks(Math.max(0, ...drawn));
  const max = ticks[ticks.length - 1] ?? 1;
  const slot = (width - left) / Math.max(1, props.periods.length);
  const bar = slot * 0.6;
  // At most about 12 labels under the bars, so that they do not run together (36 months:
  // every third); the table holds every period.
  const labelEvery = Math.ceil(props.periods.length / 12);
  const scale = (height - bottom - top) / max;
  const base = height - bottom;
  return (
    <svg
      class="bk-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <text x={4} y={12} font-size="11" fill="#333">
        {props.valueLabel}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          <line
            x1={left}
            y1={base - v * scale}
            x2={width}
            y2={base - v * scale}
            stroke={v === 0 ? '#333' : '#ccc'}
          />
          <text x={left - 6} y={base - v * scale + 4} text-anchor="end" font-size="11" fill="#333">
            {v}
          </text>
        </g>
      ))}
      {props.periods.map((period, i) => {
        let y = base;
        const x = left + i * slot + (slot - bar) / 2;
        return (
          <g key={period.key}>
            {props.series.map((s, j) => {
              const n = s.values[i] ?? 0;
              if (n === 0) return null;
              const h = n * scale;
              y -= h;
              return <rect key={s.label} x={x} y={y} width={bar} height={h} fill={colour(j)} />;
            })}
            {i % labelEvery === 0 ? (
              <text x={x + bar / 2} y={base + 16} text-anchor="middle" font-size="10" fill="#333">
                {period.short}
              </text>
            ) : null}
            {period.group && (i === 0 || props.periods[i - 1]?.group !== period.group) ? (
              <text x={x + bar / 2} y={base + 30} text-anchor="middle" font-size="10" fill="#333">
                {period.group}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** The chart with its legend, and beside it the table of every number in it. */
export function BarChart(props: BarChartProps) {
  const numeric = 'utrecht-table__cell utrecht-table__cell--numeric-data';
  const shown = (n: number | null) => (n === null ? (props.hiddenLabel ?? '') : n);
  return (
    <div class="bk-chart-with-table">
      <figure class="bk-figure">
        <Bars {...props} />
        <ul class="bk-legend">
          {props.series.map((s, j) => (
            <li key={s.label}>
              {/* An SVG swatch: a fill attribute, since the CSP allows no inline styles. */}
              <svg
                class="bk-legend__swatch"
                width="14"
                height="14"
                aria-hidden="true"
                focusable="false"
              >
                <rect width="14" height="14" fill={colour(j)} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figure>
      {/* Focusable, so a keyboard can scroll a wide table sideways on a phone. */}
      <section class="bk-table-wrap" tabindex={0} aria-label={props.title}>
        <table class="utrecht-table utrecht-table--html-table bk-pattern-table">
          <caption class="utrecht-table__caption">{props.title}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {props.categoryHeader}
              </th>
              {props.periods.map((p) => (
                <th class="utrecht-table__header-cell" scope="col" key={p.key}>
                  {p.label}
                </th>
              ))}
              <th class="utrecht-table__header-cell" scope="col">
                {props.totalLabel}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.series.map((s) => (
              <tr class="utrecht-table__row" key={s.label}>
                <th class="utrecht-table__header-cell" scope="row">
                  {s.label}
                </th>
                {s.values.map((n, i) => (
                  <td class={numeric} key={i}>
                    {shown(n)}
                  </td>
                ))}
                <td class={numeric}>{shown(s.total)}</td>
              </tr>
            ))}
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {props.totalLabel}
              </th>
              {props.totals.map((n, i) => (
                <td class={numeric} key={i}>
                  {shown(n)}
                </td>
              ))}
              <td class={numeric}>{shown(props.total)}</td>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
