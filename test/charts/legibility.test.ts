// Charts legible at a glance, per chart kind, read from the laid-out scene the SVG is written from: no label
// overlaps another label or a mark (points, intervals, reference lines, leader lines, curves), every label is
// inside the chart, and no label is cut with '…' while it would fit on two lines (a longer one is cut, and its
// full text is in the alt text). Each kind runs on its fixture and on inputs made to crowd it.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { distributionChart, finalSpec, forestChart, guardrailsChart, powerChart, scenariosChart, timeSeriesChart, tradeoffChart } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/deck/types.js';
import { distributionInput, forestInput, guardrailsInput, powerInput, scenariosInput, timeSeriesInput, tradeoffInput } from './fixtures.js';
import { collisions, sceneOf } from './helpers.js';

const theme = defaultTheme;
/** Fits on two lines of the row-label column (a third of a 7.6 in chart), not on one. */
const TWO_LINES = 'Support tickets per 100 requests in the first week';
const FOUR_LINES = 'Support tickets per 100 requests in the first week after rollout, counted by the day the request was made';

const CASES: Record<ChartSpec['kind'], [string, ChartSpec][]> = {
  forest: [
    ['fixture', forestChart(forestInput, theme)],
    ['a two-line and a cut label', forestChart({ ...forestInput, rows: [...forestInput.rows, { ...forestInput.rows[1], label: TWO_LINES }, { ...forestInput.rows[2], label: FOUR_LINES }] }, theme)],
    ['threshold on zero, intervals across it', forestChart({ ...forestInput, thresholds: [{ value: 0, label: 'CI excludes 0%' }], rows: forestInput.rows.map((r) => ({ ...r, lo: -0.3, hi: 0.3 })) }, theme)],
  ],
  guardrails: [
    ['fixture', guardrailsChart(guardrailsInput, theme)],
    ['long labels, past the limit', guardrailsChart({ ...guardrailsInput, rows: [{ ...guardrailsInput.rows[1], label: TWO_LINES, estimate: 0.2, lo: 0.15, hi: 0.25 }, { ...guardrailsInput.rows[0], label: FOUR_LINES }] }, theme)],
  ],
  scenarios: [
    ['fixture', scenariosChart(scenariosInput, theme)],
    ['the bar at zero, a long metric label', scenariosChart({ rows: [{ ...scenariosInput.rows[0], criterion: 0, label: TWO_LINES }, { ...scenariosInput.rows[1], best: -0.0001, base: -0.0001, worst: -0.0001 }] }, theme)],
  ],
  tradeoff: [
    ['fixture', tradeoffChart(tradeoffInput, theme)],
    [
      'a tight cluster (the reference deck’s segments)',
      tradeoffChart(
        {
          ...tradeoffInput,
          acceptable: { xMax: -0.1, yMin: -0.01, label: 'meets both bars' },
          x: { label: 'Median time to first quote, change', format: { kind: 'percent' } },
          y: { label: '7-day hire rate, change', format: { kind: 'pp' } },
          points: [
            { label: 'All', x: -0.124, y: -0.0022, tone: 'pass', mark: '✓ met' },
            { label: 'Electrical', x: -0.138, y: -0.0004, tone: 'pass', mark: '✓ met' },
            { label: 'Handyman', x: -0.13, y: -0.0007, tone: 'pass', mark: '✓ met' },
            { label: 'House Cleaning', x: -0.126, y: -0.0006, tone: 'pass', mark: '✓ met' },
            { label: 'Local Moving', x: -0.128, y: -0.0009, tone: 'pass', mark: '✓ met' },
            { label: 'Other', x: -0.069, y: -0.0093, tone: 'fail', mark: '✗ not met' },
            { label: 'Plumbing', x: -0.121, y: -0.0006, tone: 'pass', mark: '✓ met' },
          ],
        },
        theme,
      ),
    ],
  ],
  distribution: [
    ['histogram', distributionChart(distributionInput, theme)],
    ['ECDF', distributionChart({ ...distributionInput, id: 'ecdf', mode: 'ecdf' }, theme)],
  ],
  timeseries: [
    ['fixture', timeSeriesChart(timeSeriesInput, theme)],
    [
      'markers a day apart with long labels',
      timeSeriesChart({ ...timeSeriesInput, checkpoints: [{ date: '2026-03-16', label: 'Checkpoint 1 (day 14 review)' }, { date: '2026-03-17', label: 'Safety check' }, { date: '2026-03-18', label: 'Final read before decision' }, { date: '2026-03-29', label: 'Last day' }] }, theme),
    ],
  ],
  power: [
    ['fixture', powerChart(powerInput, theme)],
    ['planned n at the right end, target where the curves run', powerChart({ ...powerInput, plannedN: 3900, target: { mde: 0.1, label: 'Target +10pp' } }, theme)],
  ],
};

describe.each(Object.entries(CASES))('%s chart', (_kind, cases) => {
  it.each(cases)('%s: no label overlaps another label or a mark, and every label is inside', async (_name, chart) => {
    const scene = await sceneOf(finalSpec(chart));
    expect(scene.texts.length).toBeGreaterThan(3);
    expect(collisions(scene)).toEqual([]);
    const outside = scene.texts.filter((t) => t.x1 < -0.5 || t.y1 < -0.5 || t.x2 > scene.width + 0.5 || t.y2 > scene.height + 0.5).map((t) => t.text);
    expect(outside).toEqual([]);
  });

  it.each(cases)('%s: no label is cut while it would fit on two lines', async (_name, chart) => {
    const scene = await sceneOf(finalSpec(chart));
    const cut = scene.texts.filter((t) => t.text.includes('…'));
    // Only a label longer than two lines is cut, and the alt text then names it in full.
    for (const t of cut) expect(FOUR_LINES.startsWith(t.text.replace(/…$/, '').trim().split(' ')[0]) && chart.alt.includes(FOUR_LINES), t.text).toBe(true);
    const twoLine = JSON.stringify(chart.vegaLite).replace(/\\n/g, ' ').includes(TWO_LINES);
    if (twoLine) expect(scene.texts.map((t) => t.text).join(' ')).toContain(TWO_LINES);
  });
});

describe('the collision check', () => {
  it('catches a label on a reference line and two labels on each other (negative control)', async () => {
    const spec = {
      width: 300, height: 120, autosize: { type: 'fit', contains: 'padding' }, config: { font: 'Calibri, Carlito, sans-serif' },
      layer: [
        { data: { values: [{ x: 1 }] }, mark: 'rule', encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0, 2] } } } },
        { data: { values: [{ x: 1, t: 'on the line' }, { x: 1.05, t: 'over it' }] }, mark: { type: 'text', fontSize: 12 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 50 }, text: { field: 't' } } },
      ],
    };
    const found = collisions(await sceneOf(spec));
    expect(found).toContain("'on the line' overlaps 'over it'");
    expect(found).toContain("'on the line' is crossed by a rule");
  });
});
