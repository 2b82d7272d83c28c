import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { BarChart, type BarChartProps } from './BarChart.js';

function chart(totals: number[], extra: Partial<BarChartProps> = {}): string {
  const periods = totals.map((_, i) => ({ key: `p${i}`, label: `periode ${i}`, short: `p${i}` }));
  return renderToString(
    <BarChart
      id="test-chart"
      title="Signalen per thema per maand"
      description="Staafdiagram"
      periods={periods}
      series={[{ label: 'Armoede', values: totals, total: totals.reduce((a, b) => a + b, 0) }]}
      totals={totals}
      total={totals.reduce((a, b) => a + b, 0)}
      categoryHeader="Thema"
      totalLabel="Totaal"
      valueLabel="Aantal signalen"
      {...extra}
    />,
  );
}

/** The numbers written along the y-axis, bottom to top. */
const yLabels = (svg: string) =>
  [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));

describe('the bar chart with its table', () => {
  test('the y-axis is labelled in round steps, not only 0 and the highest bar', () => {
    assert.deepEqual(yLabels(chart([1, 3, 0])), [0, 1, 2, 3]);
    assert.deepEqual(yLabels(chart([17, 4])), [0, 5, 10, 15, 20]);
    assert.deepEqual(yLabels(chart([0, 0])), [0, 1]);
    assert.deepEqual(yLabels(chart([120])), [0, 50, 100, 150]);
  });

  test('the axis says what it counts; the table holds every number', () => {
    const html = chart([2, 5]);
    assert.match(html, /<text[^>]*>Aantal signalen<\/text>/);
    assert.match(html, /<caption[^>]*>Signalen per thema per maand<\/caption>/);
    assert.match(
      html,
      /<th[^>]*scope="row">Armoede<\/th><td[^>]*>2<\/td><td[^>]*>5<\/td><td[^>]*>7<\/td>/,
    );
  });

  test('a count not shown apart has no bar and reads as the hidden label in the table', () => {
    const html = chart([6, 2], {
      series: [{ label: 'Armoede', values: [6, null], total: 8 }],
      totals: [6, null],
      hiddenLabel: 'minder dan 5',
    });
    assert.equal(html.match(/<rect x=/g)?.length, 1, 'one bar (the 6), besides the legend');
    assert.match(
      html,
      /<th[^>]*scope="row">Armoede<\/th><td[^>]*>6<\/td><td[^>]*>minder dan 5<\/td><td[^>]*>8<\/td>/,
    );
    // The axis fits the bar that is drawn.
    assert.deepEqual(yLabels(html), [0, 2, 4, 6]);
  });

  test('under many bars every few periods are labelled, so the labels do not run together', () => {
    const under = (html: string) =>
      [...html.matchAll(/<text[^>]*text-anchor="middle"[^>]*>(p\d+)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(under(chart([1, 2, 3])), ['p0', 'p1', 'p2']);
    const months = under(chart(Array.from({ length: 36 }, () => 1)));
    assert.equal(months.length, 12);
    assert.deepEqual(months.slice(0, 3), ['p0', 'p3', 'p6']);
  });
});
