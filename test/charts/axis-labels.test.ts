// Axis labels a reader can tell apart: with Vega's default separation of zero, an Arial-themed forest chart put
// "−1.5pp−1.0pp−0.5pp" edge to edge (Calibri's narrower figures had left a gap). Every horizontal axis label now
// keeps at least a space from the next; labels that would not are thinned by Vega's overlap rule.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { finalSpec, forestChart, renderSvg } from '../../src/charts/index.js';
import { familyOfFontList } from '../../src/layout/fonts.js';
import { textWidthPt } from '../../src/layout/measure.js';
import { allCharts } from './fixtures.js';

/** Each horizontal axis's labels (text-anchor middle, one baseline) as [left, right] extents, in order. */
function horizontalLabelRows(svg: string): [number, number][][] {
  const rows: [number, number][][] = [];
  for (const group of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)) {
    // Vega's overlap rule hides a label by making it transparent: those are not read.
    const labels = [...group[1].matchAll(/<text text-anchor="middle" transform="translate\(([-\d.]+),([-\d.]+)\)" font-family="([^"]*)" font-size="([\d.]+)px"([^>]*)>([^<]*)<\/text>/g)].filter((m) => !/opacity="0"/.test(m[5]));
    if (labels.length < 2) continue;
    rows.push(
      labels.map(([, x, , family, size, , text]) => {
        const w = textWidthPt(text.replace(/&amp;/g, '&'), Number(size), 'regular', familyOfFontList(family.replace(/&#39;|&apos;/g, "'")));
        return [Number(x) - w / 2, Number(x) + w / 2] as [number, number];
      }),
    );
  }
  return rows;
}

describe('horizontal axis labels', () => {
  // The reference deck's 7-day hire rate at its slide size, whose ticks sat edge to edge in Arial.
  const row = (label: string, estimate: number, lo: number, hi: number, met: boolean) => ({ label, estimate: estimate / 100, lo: lo / 100, hi: hi / 100, tone: met ? ('pass' as const) : ('fail' as const), mark: met ? '✓ met' : '✗ not met' });
  const hireRate = {
    id: 'hire_rate_7d',
    metric: '7-day hire rate',
    better: 'higher' as const,
    format: { kind: 'pp' as const, digits: 2 },
    confidence: 0.9,
    thresholds: [{ value: -0.01, label: 'CI lower bound ≥ −1 pp' }],
    rule: '7-day hire rate: CI lower bound ≥ −1 pp',
    size: { width: 7.6, height: 4.6 },
    rows: [
      row('All', -0.22, -0.55, 0.12, true),
      row('Electrical', -0.04, -0.89, 0.8, true),
      row('Handyman', -0.07, -0.91, 0.77, true),
      row('House Cleaning', -0.07, -0.93, 0.79, true),
      row('Local Moving', -0.09, -1.04, 0.86, false),
      row('Other', -0.93, -1.57, -0.29, false),
      row('Plumbing', -0.06, -0.8, 0.68, true),
    ],
  };

  it.each(['Calibri', 'Arial', 'Inter'])('keep a space between neighbours, in %s', async (face) => {
    const theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, heading: face, body: face } };
    let rows = 0;
    for (const chart of [forestChart(hireRate, theme), ...allCharts(theme)]) {
      for (const row of horizontalLabelRows(await renderSvg(finalSpec(chart) as Record<string, unknown>))) {
        rows++;
        for (let i = 1; i < row.length; i++) expect(row[i][0] - row[i - 1][1], `${chart.id}: label ${i} of ${row.length}`).toBeGreaterThanOrEqual(2.5);
      }
    }
    expect(rows).toBeGreaterThan(3);
  });
});
