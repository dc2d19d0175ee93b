// Every builder: compiles with Vega-Lite without a warning, keeps text ≥ 12 pt and inside the
// chart, does not mutate its input, and writes a size that matches its inches (1 px = 1 pt).
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { compileVegaLite, finalSpec, forestChart } from '../../src/charts/index.js';
import { allCharts, forestInput } from './fixtures.js';
import { textBoxes } from './helpers.js';

const charts = allCharts(defaultTheme);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe.each(charts.map((c) => [c.id, c] as const))('%s', (_id, chart) => {
  it('compiles with Vega-Lite without warnings', async () => {
    const { warnings } = await compileVegaLite(finalSpec(chart));
    expect(warnings).toEqual([]);
  });

  it('is sized in points from its inches and has alt text', () => {
    const spec = finalSpec(chart);
    // A framed chart holds its plot size and paddings; together they are the chart's inches.
    const pad = (spec.autosize as { type: string }).type === 'none' ? (spec.padding as { left: number; right: number; top: number; bottom: number }) : { left: 0, right: 0, top: 0, bottom: 0 };
    expect((spec.width as number) + pad.left + pad.right).toBe(Math.round(chart.width * 72));
    expect((spec.height as number) + pad.top + pad.bottom).toBe(Math.round(chart.height * 72));
    expect(chart.id).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(chart.alt).toMatch(/^[A-Z0-9].*\.$/);
    expect(chart.alt).not.toMatch(/NaN|undefined|Infinity/);
    // The face the PPTX names first (PowerPoint draws the SVG with it), the file that measured it second.
    expect(JSON.stringify(chart.vegaLite)).toContain('"font":"Calibri, Carlito, sans-serif"');
  });

  it('sets no text under 12 pt and clips none (every text box inside the chart)', async () => {
    const { boxes, width, height } = await textBoxes(finalSpec(chart));
    expect(width).toBe(Math.round(chart.width * 72));
    expect(height).toBe(Math.round(chart.height * 72));
    expect(boxes.length).toBeGreaterThan(3);
    for (const b of boxes) {
      expect(b.fontSize, b.text).toBeGreaterThanOrEqual(12);
      expect(b.x1, b.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.y1, b.text).toBeGreaterThanOrEqual(-0.5);
      expect(b.x2, b.text).toBeLessThanOrEqual(width + 0.5);
      expect(b.y2, b.text).toBeLessThanOrEqual(height + 0.5);
    }
  });
});

describe('builders are pure', () => {
  it('does not mutate a frozen input and gives the same spec twice', () => {
    const input = deepFreeze(structuredClone(forestInput));
    const a = forestChart(input, deepFreeze(structuredClone(defaultTheme)));
    const b = forestChart(input, defaultTheme);
    expect(a).toEqual(b);
  });

  it('uses the theme colours for control and treatment in every arm chart', () => {
    for (const c of charts.filter((x) => ['distribution', 'timeseries'].includes(x.kind))) {
      const json = JSON.stringify(c.vegaLite);
      expect(json).toContain(`["#${defaultTheme.colors.control}","#${defaultTheme.colors.treatment}"]`);
    }
  });
});

describe('text metrics', () => {
  it("measures with the shipped Carlito (Calibri's metrics), not the 0.8 × characters estimate", async () => {
    const { boxes } = await textBoxes(finalSpec(charts[0]));
    const title = boxes.find((b) => b.text.startsWith('Change vs control'))!;
    const { textWidthPt } = await import('../../src/layout/measure.js');
    const { CARLITO } = await import('../../src/layout/fonts.js');
    expect(title.x2 - title.x1).toBeCloseTo(textWidthPt(title.text, 15, 'semibold', CARLITO), 0);
    expect(title.x2 - title.x1).toBeLessThan(0.8 * title.text.length * 15 * 0.8);
  });
});

describe('the clipping check', () => {
  it('catches text drawn past the right edge (negative control)', async () => {
    const spec = { width: 200, height: 100, autosize: { type: 'fit', contains: 'padding' }, config: { font: 'Calibri, Carlito, sans-serif' }, data: { values: [{ x: 1 }] }, mark: { type: 'text', fontSize: 12, align: 'left' }, encoding: { x: { value: 190 }, y: { value: 50 }, text: { value: 'Runs off the edge' } } };
    const { boxes, width } = await textBoxes(spec);
    expect(Math.max(...boxes.map((b) => b.x2))).toBeGreaterThan(width);
  });

  it('wraps a long row label on two lines, and cuts only what two lines cannot hold', async () => {
    const long = { ...forestInput, rows: [{ ...forestInput.rows[0], label: 'A segment label far too long to fit beside the plot of the forest chart on two lines or even three' }] };
    const chart = forestChart(long, defaultTheme);
    const { boxes, width } = await textBoxes(finalSpec(chart));
    const label = boxes.find((b) => b.text.startsWith('A segment label'))!;
    expect(label.text).toMatch(/…$/);
    expect(label.y2 - label.y1).toBeGreaterThan(24);
    expect(chart.alt).toContain('Full row labels: A segment label far too long to fit beside the plot of the forest chart on two lines or even three.');
    for (const b of boxes) expect(b.x2).toBeLessThanOrEqual(width + 0.5);
  });
});

describe('row labels', () => {
  it('keeps two rows with the same label apart', () => {
    const twin = { ...forestInput, rows: [forestInput.rows[0], { ...forestInput.rows[1], label: 'Overall' }] };
    const values = (forestChart(twin, defaultTheme).vegaLite.data as { values: { label: string }[] }).values;
    expect(values.map((v) => v.label)).toEqual(['Overall', 'Overall (2)']);
  });
});
