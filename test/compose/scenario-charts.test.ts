// A scenario chart draws four rows per primary metric in one 4.6-inch chart: from five metrics on, its rows came
// closer than a line of their labels and the chart read as a smear (the 100-slide bench deck, 22 metrics, drew
// labels over labels). Many primary metrics now take several charts, each on its own slide. And a metric without
// a bar kept its name off the chart.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { SCENARIO_METRICS_PER_CHART } from '../../src/compose/charts.js';
import { scenariosChart } from '../../src/charts/scenarios.js';
import { finalSpec, renderSvg } from '../../src/charts/index.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-scenario-charts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scenario charts', () => {
  it('hold at most four primary metrics each, every primary metric in exactly one, in generated decisions', async () => {
    const many = generateDecisions(160).filter((g) => (g.spec.metrics as { role: string }[]).filter((m) => m.role === 'primary').length > SCENARIO_METRICS_PER_CHART);
    let split = 0;
    for (const [i, g] of many.slice(0, 8).entries()) {
      const dir = join(root, String(i));
      mkdirSync(dir);
      writeDecision(dir, g);
      const run = await runUntil('compose', dir);
      const slides = run.compose!.slides.filter((s) => /^scenarios-chart(-\d+)?$/.test(s.id));
      const scenarios = run.decide!.scenarios.find((s) => s.name === 'base');
      if (!scenarios) {
        expect(slides, g.name).toEqual([]);
        continue;
      }
      const primaries = scenarios.changes.filter((c) => run.load!.spec.metrics.find((m) => m.id === c.metric)?.role === 'primary').map((c) => run.load!.spec.metrics.find((m) => m.id === c.metric)!.label);
      const drawn = slides.map((s) => {
        const block = s.blocks.find((b) => b.type === 'chart');
        if (block?.type !== 'chart') throw new Error(`${g.name}: ${s.id} holds no chart`);
        // The heading row of each metric, as the row axis names it: {"0a": "Win rate", "1a": …} (wrapped lines joined).
        const labelExpr = (block.chart.vegaLite.layer as { encoding: { y: { axis: { labelExpr: string } } } }[])[1].encoding.y.axis.labelExpr;
        const heads = /split\((\{.*?\})\[datum\.value\]/.exec(labelExpr)?.[1];
        return Object.values(JSON.parse(heads ?? '{}') as Record<string, string>).map((l) => l.replace(/\n/g, ' '));
      });
      for (const labels of drawn) expect(labels.length, g.name).toBeLessThanOrEqual(SCENARIO_METRICS_PER_CHART);
      expect(drawn.flat().sort(), g.name).toEqual([...primaries].sort());
      expect(slides.map((s) => s.title.endsWith(' (cont.)')), g.name).toEqual(slides.map((_, k) => k > 0));
      if (slides.length > 1) split++;
    }
    expect(split).toBeGreaterThan(0);
  });
});

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
