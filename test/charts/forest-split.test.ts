// A forest chart with many rows: from about 15 rows of one-line labels (8 with two-line ones) the rows of a
// 4.6-inch chart came closer than a label, Vega's overlap rule named only every other row, and the value column's
// lines touched. forestCharts now puts as many rows in a chart as stand a label apart and continues on further
// charts, each headed by the overall row, all on one x scale. These tests hold the rule to Vega's own layout.
import { describe, expect, it } from 'vitest';
import { finalSpec, forestChart, forestCharts, type ForestInput } from '../../src/charts/index.js';
import { FOREST_FRAME_PT, FOREST_X_LABELS_BELOW_PT } from '../../src/charts/forest.js';
import { defaultTheme, type Theme } from '../../src/deck/theme.js';
import { listOf } from '../../src/model/words.js';
import { expectRowsClear, rowLayout } from './helpers.js';

const WIDE = { width: 7.6, height: 4.6 };
const LONG = 'Commercial deep cleaning & sanitising (EU)';

function forest(labels: string[], size = WIDE): ForestInput {
  return {
    id: 'win_rate',
    metric: 'Win rate',
    better: 'higher',
    format: { kind: 'pp' },
    confidence: 0.9,
    thresholds: [{ value: 0.01, label: 'change ≥ +1pp' }],
    rule: 'Win rate: change ≥ +1pp',
    size,
    // Spread estimates, so each chart of a split forest would pick its own domain if it were not shared.
    rows: labels.map((label, i) => ({ label, estimate: 0.002 * i - 0.01, lo: 0.002 * i - 0.03, hi: 0.002 * i + 0.01, tone: 'pass' as const, mark: '✓ met' })),
  };
}

const labelsOf = (n: number, long: (i: number) => boolean = () => false) => Array.from({ length: n }, (_, i) => (i === 0 ? 'All' : long(i) ? `${LONG} ${i}` : `Segment ${i}`));

describe('a forest chart’s rows', () => {
  it.each([
    ['Calibri', WIDE],
    ['Arial', WIDE],
    ['Calibri', { width: 8, height: 6 }],
  ] as const)('stand in a plot FOREST_FRAME_PT shorter than the chart, as Vega lays it out (%s, %o)', async (face, size) => {
    const theme: Theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, heading: face, body: face } };
    const { plot, below: xLabelsTop } = await rowLayout(forestChart(forest(labelsOf(5), size), theme));
    expect(plot.h).toBe(Math.round(size.height * 72) - FOREST_FRAME_PT);
    expect(xLabelsTop - plot.h).toBe(FOREST_X_LABELS_BELOW_PT);
  });

  it.each([
    ['one-line labels', false],
    ['two-line labels', true],
  ] as const)('with %s: as many as stand a label apart go in one chart, every one named; one more would have Vega hide labels', async (_, wrap) => {
    const long = () => wrap;
    let n = 2;
    while (forestCharts(forest(labelsOf(n + 1, long)), defaultTheme).length === 1) n++;
    const fits = forestChart(forest(labelsOf(n, long)), defaultTheme);
    const drawn = await rowLayout(fits);
    expect(drawn.hidden).toBe(0);
    expect(drawn.shown).toHaveLength(n);
    expectRowsClear(drawn, `${n} rows`);
    // The same chart with one row more, as the builder drew it before it split: Vega drops labels.
    const over = forest(labelsOf(n + 1, long));
    const spec = finalSpec(fits) as { data: { values: Record<string, unknown>[] }; layer: { encoding?: { y?: { sort?: string[] } } }[] };
    const extra = { ...spec.data.values[1], row: n, label: `${String(spec.data.values[1].label)} (again)` };
    spec.data.values = [...spec.data.values, extra];
    for (const l of spec.layer) if (l.encoding?.y?.sort) l.encoding.y.sort = spec.data.values.map((v) => String(v.label));
    expect((await rowLayout(spec as unknown as Record<string, unknown>)).hidden).toBeGreaterThan(0);
    expect(forestCharts(over, defaultTheme)).toHaveLength(2);
    // a 4.6-inch chart: 14 rows of one-line labels, 7 of two-line ones
    expect(n).toBe(wrap ? 7 : 14);
  });

  it('keep a two-line label on the last row clear of the x axis’s labels', async () => {
    // Nine rows stand a one-line label apart, but the last label's second line would reach the x axis's labels.
    expect(forestCharts(forest(labelsOf(8, (i) => i === 7)), defaultTheme)).toHaveLength(1);
    const parts = forestCharts(forest(labelsOf(9, (i) => i === 8)), defaultTheme);
    expect(parts.map((p) => p.rows)).toEqual([[0, 1, 2, 3, 4], [0, 5, 6, 7, 8]]);
    for (const p of parts) expectRowsClear(await rowLayout(p.chart), p.chart.id);
  });
});

describe('a forest of many rows', () => {
  it.each([25, 101])('goes on over several charts with %i rows: each headed by the overall row, every row named once, one x scale, plots lined up', async (n) => {
    // Short labels, and every seventh long enough to wrap onto two lines.
    const input = forest(labelsOf(n, (i) => i % 7 === 3));
    const parts = forestCharts(input, defaultTheme);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.chart.id)).toEqual(parts.map((_, i) => (i === 0 ? 'forest-win_rate' : `forest-win_rate.${i + 1}`)));
    for (const p of parts) expect(p.rows[0]).toBe(0);
    expect(parts.flatMap((p) => p.rows.slice(1))).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
    const specs = parts.map((p) => finalSpec(p.chart) as { layer: { encoding: { x: { scale: unknown } } }[] });
    for (const s of specs) expect(s.layer.map((l) => l.encoding.x.scale)).toEqual(specs[0].layer.map((l) => l.encoding.x.scale));
    const plots = [];
    for (const [i, p] of parts.entries()) {
      const drawn = await rowLayout(p.chart);
      expect(drawn.hidden, p.chart.id).toBe(0);
      expectRowsClear(drawn, p.chart.id);
      expect(drawn.shown, p.chart.id).toEqual(p.rows.map((r) => input.rows[r].label));
      // Each chart's alt text reads the rows it draws, and only those.
      for (const r of p.rows) expect(p.chart.alt).toContain(`${input.rows[r].label} ✓ met`);
      expect(p.chart.alt.match(/✓ met/g), p.chart.id).toHaveLength(p.rows.length);
      plots.push({ ...drawn.plot, i });
    }
    for (const plot of plots) expect({ x: plot.x, w: plot.w }).toEqual({ x: plots[0].x, w: plots[0].w });
    // Without a rule to mark them, each chart names the rows it draws.
    const { rule: _, ...unruled } = input;
    for (const p of forestCharts(unruled, defaultTheme)) expect(p.chart.alt).toContain(` Also on the chart: ${listOf(p.rows.slice(1).map((r) => input.rows[r].label))}.`);
  });

  it('keeps the charts of a forest under the limit as they were: one chart, no fixed label width', () => {
    const [one, ...more] = forestCharts(forest(labelsOf(14)), defaultTheme);
    expect(more).toEqual([]);
    expect(JSON.stringify(one.chart.vegaLite)).not.toContain('minExtent');
    expect(() => forestChart(forest(labelsOf(15)), defaultTheme)).toThrow(/15 rows do not fit a 4.6-inch chart/);
  });
});
