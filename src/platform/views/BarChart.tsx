// A server-rendered SVG chart of stacked bars per category over time, with the table of
// its numbers beside it (DESIGN: every chart has its table, for screen readers and for
// people who prefer numbers). No script, no inline styles (the CSP forbids them).
/** One category (a theme, a kind of decision…): a number per period. */
export interface ChartSeries {
  label: string;
  /** One count per period, in the order of `periods`. */
  values: number[];
  total: number;
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
   * under the bar.
   */
  periods: { key: string; label: string; short: string }[];
  series: ChartSeries[];
  /** Per period, over every series. */
  totals: number[];
  total: number;
  /** The header of the table's first column ("Thema"). */
  categoryHeader: string;
  /** The label of the totals row and column ("Totaal"). */
  totalLabel: string;
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
  const height = 260;
  const left = 32;
  const bottom = 40;
  const max = Math.max(1, ...props.totals);
  const slot = (width - left) / Math.max(1, props.periods.length);
  const bar = slot * 0.6;
  const scale = (height - bottom - 10) / max;
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
      <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} stroke="#333" />
      <text x={left - 6} y={height - bottom} text-anchor="end" font-size="11" fill="#333">
        0
      </text>
      <text
        x={left - 6}
        y={height - bottom - max * scale + 4}
        text-anchor="end"
        font-size="11"
        fill="#333"
      >
        {max}
      </text>
      {props.periods.map((period, i) => {
        let y = height - bottom;
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
            <text
              x={x + bar / 2}
              y={height - bottom + 16}
              text-anchor="middle"
              font-size="10"
              fill="#333"
            >
              {period.short}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart with its legend, and beside it the table of every number in it. */
export function BarChart(props: BarChartProps) {
  const numeric = 'utrecht-table__cell utrecht-table__cell--numeric-data';
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
      <div class="bk-table-wrap">
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
                    {n}
                  </td>
                ))}
                <td class={numeric}>{s.total}</td>
              </tr>
            ))}
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {props.totalLabel}
              </th>
              {props.totals.map((n, i) => (
                <td class={numeric} key={i}>
                  {n}
                </td>
              ))}
              <td class={numeric}>{props.total}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
