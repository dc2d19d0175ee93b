// The public surface of the chart kit (an accidental export or removal shows here), and themes.
import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.js';
import { defaultTheme, type Theme } from '../../src/deck/theme.js';
import { allCharts } from './fixtures.js';

describe('src/charts/index.ts', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(charts).sort()).toEqual([
      'DEFAULT_SCALE', 'MINUS', 'autoDigits', 'capitalize', 'chartSpecJson', 'clearRenderCache', 'compileVegaLite',
      'distributionChart', 'finalSpec', 'fixed', 'forestChart', 'forestCharts', 'formatConfidence', 'formatInterval', 'formatMagnitude',
      'formatValue', 'guardrailsChart', 'guardrailsCharts', 'midSentence', 'nForMde', 'powerChart', 'renderChart', 'renderSvg',
      'scenariosChart', 'scenariosCharts', 'shareOfLimit', 'tickLabel', 'timeSeriesChart', 'tradeoffChart', 'unitSuffix', 'vegaLabelExpr', 'writeChartSpecs',
    ]);
  });
});

describe('themes', () => {
  it('carries a theme’s arm, status and text colours and font into every spec', () => {
    const theme: Theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, body: 'Inter' }, colors: { ...defaultTheme.colors, control: '111111', treatment: '222222', pass: '333333', text: '444444' } };
    const json = allCharts(theme).map((c) => JSON.stringify(c.vegaLite)).join('\n');
    expect(json).toContain('"#111111","#222222"');
    expect(json).toContain('#333333');
    expect(json).toContain('"color":"#444444"');
    expect(json).not.toContain(`#${defaultTheme.colors.treatment}`);
  });
});
