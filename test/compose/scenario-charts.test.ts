// A metric without a bar kept its name off the scenario chart. (Many primary metrics take several scenario
// charts, each on its own slide: test/compose/row-fit.test.ts.)
import { describe, expect, it } from 'vitest';
import { scenariosChart } from '../../src/charts/scenarios.js';
import { finalSpec, renderSvg } from '../../src/charts/index.js';
import { defaultTheme } from '../../src/deck/theme.js';

describe('a scenario chart', () => {
  it('names every metric it draws, with a bar or without one', async () => {
    // The heading row of a metric without a bar holds no mark: it was left out of the row scale, and the name with it.
    const chart = scenariosChart(
      {
        rows: [
          { label: 'Win rate', format: { kind: 'pp' }, better: 'higher', best: 0.02, base: 0.01, worst: -0.005, criterion: 0 },
          { label: 'Order value', format: { kind: 'percent' }, better: 'higher', best: 0.14, base: 0.12, worst: 0.1 },
        ],
      },
      defaultTheme,
    );
    const texts = [...(await renderSvg(finalSpec(chart) as Record<string, unknown>)).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const name of ['Win rate', 'Order value']) expect(texts).toContain(name);
    expect(texts.filter((t) => t === 'Best')).toHaveLength(2);
  });
});
