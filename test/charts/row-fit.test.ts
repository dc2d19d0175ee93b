// Scenario and guardrail charts with many rows: a scenario chart held a fixed four metrics and a guardrail chart
// every guardrail, so long labels (two lines each) or many guardrails brought rows closer than a label, and Vega's
// overlap rule named only every other row. They now hold the rows their measured plot fits, by the forest charts'
// rule (rowsFit), and go on over further charts. These tests hold the rule to Vega's own layout.
import { describe, expect, it } from 'vitest';
import { finalSpec, guardrailsChart, guardrailsCharts, scenariosChart, scenariosCharts, type GuardrailsInput, type ScenariosInput } from '../../src/charts/index.js';
import { GUARDRAILS_FRAME_PT } from '../../src/charts/guardrails.js';
import { SCENARIOS_FRAME_PT } from '../../src/charts/scenarios.js';
import { rowsFit, type ChartPart } from '../../src/charts/config.js';
import { defaultTheme, type Theme } from '../../src/deck/theme.js';
import type { ChartSpec } from '../../src/deck/types.js';
import { expectRowsClear, rowLayout } from './helpers.js';

const FULL = { width: 11.6, height: 4.6 };
const WIDE = { width: 7.6, height: 4.6 };
/** Two lines in the row-label column of either chart. */
const LONG = 'Support tickets per 100 requests in the first week';

function scenarios(labels: string[], size = FULL): ScenariosInput {
  return {
    size,
    rows: labels.map((label, i) => ({ label, format: { kind: 'pp' }, better: 'higher', best: 0.02 + 0.001 * i, base: 0.01, worst: -0.005, criterion: 0, marks: { best: '✓ met', base: '✓ met', worst: '✗ not met' } })),
  };
}

function guardrails(labels: string[], size = WIDE): GuardrailsInput {
  return {
    size,
    confidence: 0.9,
    rows: labels.map((label, i) => ({ label, estimate: 0.001 * (i % 5), lo: -0.002, hi: 0.004 + 0.001 * (i % 5), limit: 0.01, format: { kind: 'pp' }, better: 'lower', tone: 'pass', mark: '✓ not triggered', breached: false })),
  };
}

const labelsOf = (n: number, long: (i: number) => boolean = () => false) => Array.from({ length: n }, (_, i) => (long(i) ? `${LONG} ${i}` : `Metric ${i}`));

interface Kind {
  name: string;
  frame: number;
  size: { width: number; height: number };
  parts: (labels: string[], theme?: Theme, size?: { width: number; height: number }) => ChartPart[];
  /** The row axis' labels as drawn, lines joined. */
  rowsOf: (labels: string[]) => string[];
  /** The spec with a row more at the bottom, its label one line. */
  oneMore: (spec: Spec, k: number) => Spec;
}

type Spec = { data?: { values: Record<string, unknown>[] }; layer: { encoding?: { y?: { sort?: string[]; scale?: { domain?: string[] } } } }[] };

const SCENARIOS: Kind = {
  name: 'scenario',
  frame: SCENARIOS_FRAME_PT,
  size: FULL,
  parts: (labels, theme = defaultTheme, size = FULL) => scenariosCharts(scenarios(labels, size), theme),
  rowsOf: (labels) => labels.flatMap((l) => [l, 'Best', 'Base', 'Worst']),
  // A 'Best' row of a metric past the last: its id ends in 'b', so the axis names it Best.
  oneMore: (spec, k) => {
    const id = `${k}b`;
    const layer = spec.layer.map((l) => (l.encoding?.y ? { ...l, encoding: { ...l.encoding, y: { ...l.encoding.y, sort: [...l.encoding.y.sort!, id], scale: { domain: [...l.encoding.y.scale!.domain!, id] } } } } : l));
    return { ...spec, layer };
  },
};

const GUARDRAILS: Kind = {
  name: 'guardrail',
  frame: GUARDRAILS_FRAME_PT,
  size: WIDE,
  parts: (labels, theme = defaultTheme, size = WIDE) => guardrailsCharts(guardrails(labels, size), theme),
  rowsOf: (labels) => labels,
  oneMore: (spec, k) => {
    const values = [...spec.data!.values, { ...spec.data!.values[0], label: `Again ${k}` }];
    const layer = spec.layer.map((l) => (l.encoding?.y?.sort ? { ...l, encoding: { ...l.encoding, y: { ...l.encoding.y, sort: values.map((v) => String(v.label)) } } } : l));
    return { ...spec, data: { values }, layer };
  },
};

/** The row labels a chart's axis names, as the builder wrapped them (lines joined with '\n'). */
function axisLabels(kind: Kind, chart: ChartSpec): string[] {
  const spec = finalSpec(chart) as Spec;
  if (kind === GUARDRAILS) return spec.data!.values.map((v) => String(v.label));
  const y = spec.layer[1].encoding!.y as { sort: string[]; axis: { labelExpr: string } };
  const heads = JSON.parse(/split\((\{.*?\})\[datum\.value\]/.exec(y.axis.labelExpr)![1]) as Record<string, string>;
  return y.sort.map((id) => ({ b: 'Best', c: 'Base', d: 'Worst' })[id.slice(-1)] ?? heads[id]);
}

describe('scenario and guardrail charts’ rows', () => {
  it.each([
    ['scenario', 'Calibri', FULL, SCENARIOS],
    ['scenario', 'Arial', FULL, SCENARIOS],
    ['scenario', 'Calibri', { width: 8, height: 6 }, SCENARIOS],
    ['guardrail', 'Calibri', WIDE, GUARDRAILS],
    ['guardrail', 'Arial', WIDE, GUARDRAILS],
    ['guardrail', 'Calibri', { width: 8, height: 6 }, GUARDRAILS],
  ] as const)('of a %s chart stand in a plot its frame shorter than the chart, as Vega lays it out (%s, %o)', async (_, face, size, kind) => {
    const theme: Theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, heading: face, body: face } };
    for (const labels of [labelsOf(1), labelsOf(2, (i) => i === 0)]) {
      const [part] = kind.parts(labels, theme, size);
      expect((await rowLayout(part.chart)).plot.h, `${kind.name} chart of ${labels.length}`).toBe(Math.round(size.height * 72) - kind.frame);
    }
  });

  it.each([
    ['scenario', 'one-line', false, SCENARIOS],
    ['scenario', 'two-line', true, SCENARIOS],
    ['guardrail', 'one-line', false, GUARDRAILS],
    ['guardrail', 'two-line', true, GUARDRAILS],
  ] as const)('of a %s chart with %s labels: as many go in one chart as rowsFit allows, every one named; past that, Vega hides labels', async (_, __, wrap, kind) => {
    const long = () => wrap;
    let n = 1;
    while (kind.parts(labelsOf(n + 1, long)).length === 1) n++;
    const [fits] = kind.parts(labelsOf(n, long));
    const drawn = await rowLayout(fits.chart);
    expect(drawn.hidden).toBe(0);
    expect(drawn.shown).toEqual(kind.rowsOf(labelsOf(n, long)));
    expectRowsClear(drawn, `${n} rows`);
    expect(kind.parts(labelsOf(n + 1, long))).toHaveLength(2);
    // Rows added one at a time to the chart as drawn: Vega names all of them while rowsFit holds, and hides
    // labels at the first row it refuses (so the rule is Vega's own limit, not one short of it).
    const labels = axisLabels(kind, fits.chart);
    const plot = drawn.plot.h;
    let spec = finalSpec(fits.chart) as Spec;
    for (let k = n; ; k++) {
      spec = kind.oneMore(spec, k);
      labels.push(kind === SCENARIOS ? 'Best' : `Again ${k}`);
      const more = await rowLayout(spec as unknown as Record<string, unknown>);
      if (!rowsFit(labels, plot, 0)) {
        expect(more.hidden, `${labels.length} rows`).toBeGreaterThan(0);
        break;
      }
      expect(more.hidden, `${labels.length} rows`).toBe(0);
      expect(more.plot.h).toBe(plot);
    }
    // a 4.6-inch chart: 4 metrics or 16 guardrails of one-line labels; 2 metrics or 5 guardrails of two-line ones
    expect(n).toBe(kind === SCENARIOS ? (wrap ? 2 : 4) : wrap ? 5 : 16);
  });

  it('of a guardrail chart keep a two-line label on the last row inside the plot: past its bottom, Vega’s fit shrinks the plot', async () => {
    // The chart has no x axis: a row label reaching past the plot's bottom makes Vega's fit shorten the plot, so
    // rows would stand closer than rowsFit measured. So the last label ends inside the plot: with a two-line label
    // last, 5 rows fit a 4.6-inch chart (half a pitch of 26 pt under the last row's centre), 6 do not.
    const lastLong = (n: number) => labelsOf(n, (i) => i === n - 1);
    const fits = guardrailsCharts(guardrails(lastLong(5)), defaultTheme);
    expect(fits).toHaveLength(1);
    const drawn = await rowLayout(fits[0].chart);
    expect(drawn.plot.h).toBe(Math.round(WIDE.height * 72) - GUARDRAILS_FRAME_PT);
    expect(drawn.hidden).toBe(0);
    expectRowsClear(drawn, '5 rows, the last two lines');
    expect(guardrailsCharts(guardrails(lastLong(6)), defaultTheme).map((p) => p.rows)).toEqual([[0, 1, 2], [3, 4, 5]]);
    // Ten rows stand a one-line label apart, but drawn on one chart the last label hangs 9 pt past the plot, and
    // Vega shortens the plot.
    const labels = axisLabels(GUARDRAILS, fits[0].chart);
    let spec = finalSpec(fits[0].chart) as Spec;
    for (let k = 5; k < 10; k++) spec = GUARDRAILS.oneMore(spec, k);
    // the two-line label moved to the bottom
    const values = [...spec.data!.values.filter((v) => v.label !== labels[4]), spec.data!.values[4]];
    spec = { ...spec, data: { values }, layer: spec.layer.map((l) => (l.encoding?.y?.sort ? { ...l, encoding: { ...l.encoding, y: { ...l.encoding.y, sort: values.map((v) => String(v.label)) } } } : l)) };
    const over = await rowLayout(spec as unknown as Record<string, unknown>);
    expect(over.shown.at(-1)).toBe(labels[4].replace('\n', ' '));
    expect(over.plot.h).toBeLessThan(drawn.plot.h);
  });
});

describe('many primary metrics or guardrails', () => {
  it.each([
    ['scenario', 9, SCENARIOS],
    ['scenario', 23, SCENARIOS],
    ['guardrail', 30, GUARDRAILS],
    ['guardrail', 101, GUARDRAILS],
  ] as const)('go on over several %s charts (%i of them): every one named once in order, each chart’s alt text reads only its own, no label hidden', async (_, n, kind) => {
    // Short labels, and every fourth long enough to wrap onto two lines.
    const labels = labelsOf(n, (i) => i % 4 === 1);
    const parts = kind.parts(labels);
    expect(parts.length).toBeGreaterThan(1);
    const base = kind === SCENARIOS ? 'scenarios-primary' : 'guardrails-all';
    expect(parts.map((p) => p.chart.id)).toEqual(parts.map((_, i) => (i === 0 ? base : `${base}-${i + 1}`)));
    expect(parts.flatMap((p) => p.rows)).toEqual(labels.map((_, i) => i));
    for (const p of parts) {
      const drawn = await rowLayout(p.chart);
      expect(drawn.hidden, p.chart.id).toBe(0);
      expectRowsClear(drawn, p.chart.id);
      expect(drawn.shown, p.chart.id).toEqual(kind.rowsOf(p.rows.map((r) => labels[r])));
      // The alt text names the rows the chart draws, and no other.
      const mine = p.rows.map((r) => labels[r]);
      const others = labels.filter((l) => !mine.includes(l));
      for (const l of mine) expect(p.chart.alt.toLowerCase(), p.chart.id).toContain(l.toLowerCase());
      for (const l of others) expect(p.chart.alt.toLowerCase(), p.chart.id).not.toMatch(new RegExp(`${l.toLowerCase()}\\b`));
    }
  });

  it.each([
    ['scenario', SCENARIOS],
    ['guardrail', GUARDRAILS],
  ] as const)('split onto %s charts as evenly as they go, the larger first', (_, kind) => {
    for (let n = 1; n <= 40; n++) {
      const sizes = kind.parts(labelsOf(n)).map((p) => p.rows.length);
      expect(Math.max(...sizes) - Math.min(...sizes), `${n} rows: ${sizes.join(', ')}`).toBeLessThanOrEqual(1);
      // a continuation holds the remainder: no part is larger than the one before it
      expect(sizes.every((s, i) => i === 0 || s <= sizes[i - 1]), `${n} rows: ${sizes.join(', ')}`).toBe(true);
    }
  });

  it('keep one chart while they fit, as before; the one-chart builders refuse what does not fit', () => {
    expect(scenariosCharts(scenarios(labelsOf(4)), defaultTheme).map((p) => p.chart)).toEqual([scenariosChart(scenarios(labelsOf(4)), defaultTheme)]);
    expect(guardrailsCharts(guardrails(labelsOf(16)), defaultTheme).map((p) => p.chart)).toEqual([guardrailsChart(guardrails(labelsOf(16)), defaultTheme)]);
    expect(() => scenariosChart(scenarios(labelsOf(5)), defaultTheme)).toThrow(/5 metrics do not fit a 4.6-inch chart/);
    expect(() => guardrailsChart(guardrails(labelsOf(17)), defaultTheme)).toThrow(/17 guardrails do not fit a 4.6-inch chart/);
  });
});
