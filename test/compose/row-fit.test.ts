// Scenario and guardrail charts in composed decks hold the rows their plot fits (test/charts/row-fit.test.ts): every
// primary metric and every guardrail with a read is drawn on exactly one chart, each chart on its own slide
// (scenarios-chart, scenarios-chart-2 …; guardrails, guardrails-2 …) that says only what its chart draws, and Vega
// hides no row label. On generated decisions, and on a hand-written readout with long labels, seven primary metrics
// and sixteen guardrails (test/fixtures/long-labels), whose PPTX both checkers read back.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { build } from '../../src/build.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { continued } from '../../src/model/words.js';
import type { ChartSpec, Deck } from '../../src/deck/types.js';
import { checkMarks, outlineSlides, pptxSlides } from '../support/marks-checker.js';
import { checkChartNames, checkStatements, writtenChart } from '../support/statement-checker.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
import { expectRowsClear, rowLayout } from '../charts/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-row-fit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'long-labels');

type Run = Awaited<ReturnType<typeof runUntil<'compose'>>>;

/** A deck's scenario or guardrail chart slides, in order, each with its chart and the rows its axis names (lines joined). */
function chartSlides(deck: Deck, kind: 'scenarios-chart' | 'guardrails') {
  return deck.slides
    .filter((s) => new RegExp(`^${kind}(-\\d+)?$`).test(s.id))
    .map((slide) => {
      const block = slide.blocks.find((b) => b.type === 'chart');
      if (block?.type !== 'chart') throw new Error(`${slide.id} holds no chart`);
      return { slide, chart: block.chart, rows: writtenChart(block.chart.id, block.chart.vegaLite).rows!.map((r) => r.replace(/\n/g, ' ')) };
    });
}

/** Vega draws every row label of the chart, each a label separation clear of the next, the ones it should. */
async function expectEveryRowNamed(chart: ChartSpec, rows: string[]): Promise<void> {
  const drawn = await rowLayout(chart);
  expect(drawn.hidden, chart.id).toBe(0);
  expectRowsClear(drawn, chart.id);
  expect(drawn.shown, chart.id).toEqual(chart.kind === 'scenarios' ? rows.flatMap((r) => [r, 'Best', 'Base', 'Worst']) : rows);
}

/** What a deck's charts must draw: each primary metric of the base scenario, each guardrail with a read (labels, in order). */
function expected(run: Run) {
  const label = (id: string) => run.load!.spec.metrics.find((m) => m.id === id)!.label;
  const base = run.decide!.scenarios.find((s) => s.name === 'base');
  return {
    scenarios: (base?.changes ?? []).filter((c) => run.load!.spec.metrics.find((m) => m.id === c.metric)?.role === 'primary').map((c) => label(c.metric)),
    guardrails: run.decide!.guardrails.filter((g) => g.read).map((g) => label(g.metric)),
  };
}

/** Whether a drawn row is that label, wrapped onto lines or cut after two with '…'. */
const drawnAs = (row: string, label: string) => row.replace(/\s/g, '') === label.replace(/\s/g, '') || (row.endsWith('…') && label.replace(/\s/g, '').startsWith(row.replace(/\s/g, '').slice(0, -1)));

/** Each kind's slides: ids and titles of a continued slide, and every expected row drawn once, in order. */
function expectSplitSlides(run: Run, where: string): number {
  let split = 0;
  const want = expected(run);
  for (const kind of ['scenarios-chart', 'guardrails'] as const) {
    const shown = chartSlides(run.compose!, kind);
    const labels = kind === 'guardrails' ? want.guardrails : want.scenarios;
    if (!shown.length) continue;
    expect(shown.map((s) => s.slide.id), where).toEqual(shown.map((_, i) => (i === 0 ? kind : `${kind}-${i + 1}`)));
    expect(shown.map((s) => s.slide.title), where).toEqual(shown.map((_, i) => (i === 0 ? shown[0].slide.title : continued(shown[0].slide.title))));
    const rows = shown.flatMap((s) => s.rows);
    expect(rows.length, `${where}, ${kind}: ${JSON.stringify(rows)}`).toBe(labels.length);
    rows.forEach((r, i) => expect(drawnAs(r, labels[i]), `${where}, ${kind}: row "${r}" for "${labels[i]}"`).toBe(true));
    if (shown.length > 1) split++;
  }
  return split;
}

describe('scenario and guardrail charts of generated decisions', () => {
  it('draw each primary metric and guardrail once, no row label hidden, each slide saying only what its chart draws', async () => {
    const decisions = generateDecisions(160);
    const primaries = (g: (typeof decisions)[number]) => (g.spec.metrics as { role: string }[]).filter((m) => m.role === 'primary').length;
    // Those with more than four primary metrics (a scenario chart's rows came closer than a label), and the first final ones.
    const picked = [...decisions.filter((g) => primaries(g) > 4).slice(0, 8), ...decisions.filter((g) => g.spec.phase === 'final' && primaries(g) <= 4).slice(0, 8)];
    let split = 0;
    let charts = 0;
    for (const [i, g] of picked.entries()) {
      const dir = join(root, `gen-${i}`);
      writeDecision(dir, g);
      const run = await runUntil('compose', dir);
      split += expectSplitSlides(run, g.name);
      for (const { chart, rows } of [...chartSlides(run.compose!, 'scenarios-chart'), ...chartSlides(run.compose!, 'guardrails')]) {
        await expectEveryRowNamed(chart, rows);
        charts++;
      }
      const outline = outlineSlides(renderMarkdown(run.compose!));
      const written = run.compose!.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [writtenChart(b.chart.id, b.chart.vegaLite)] : [])));
      expect(checkChartNames(written, outline, { spec: run.load!.spec, decision: run.decide! }, g.name)).toEqual([]);
    }
    expect(split).toBeGreaterThan(0);
    expect(charts).toBeGreaterThan(15);
  });
});

describe('a readout with long labels, seven primary metrics and sixteen guardrails', () => {
  it('goes on over several scenario and guardrail charts, every row named; the checkers read every slide, in the outline and the PPTX', async () => {
    const dir = join(root, 'long-labels');
    cpSync(FIXTURE, dir, { recursive: true });
    const run = await runUntil('compose', dir);
    const deck = run.compose!;
    expect(expectSplitSlides(run, 'long labels')).toBe(2);
    const scenarios = chartSlides(deck, 'scenarios-chart');
    const guardrails = chartSlides(deck, 'guardrails');
    // Two-line labels: two metrics or five guardrails a chart at most; a label past two lines is cut, and said in full in the alt text.
    expect(scenarios.map((s) => s.rows.length)).toEqual([2, 2, 2, 1]);
    expect(guardrails.map((s) => s.rows.length)).toEqual([5, 6, 5]);
    expect(scenarios.some((s) => s.rows.some((r) => r.endsWith('…')))).toBe(true);
    for (const { chart, rows } of [...scenarios, ...guardrails]) await expectEveryRowNamed(chart, rows);
    // Each guardrail slide lists the checks of the guardrails its chart draws, in the chart's order.
    const labels = expected(run).guardrails;
    let at = 0;
    for (const { slide, rows } of guardrails) {
      const bullets = slide.blocks.find((b) => b.type === 'bullets');
      if (bullets?.type !== 'bullets') throw new Error(`${slide.id} has no guardrail lines`);
      expect(bullets.items.map((b) => labels.find((l) => b.text.includes(` — ${l}:`)))).toEqual(labels.slice(at, (at += rows.length)));
    }

    const truth = { spec: run.load!.spec, decision: run.decide! };
    const outline = outlineSlides(renderMarkdown(deck));
    const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [writtenChart(b.chart.id, b.chart.vegaLite)] : [])));
    expect([...checkMarks(outline, truth, 'outline'), ...checkStatements(outline, truth, 'outline'), ...checkChartNames(charts, outline, truth, 'outline')]).toEqual([]);

    // The written deck: each chart slide's picture described for the rows it draws; the checkers pass on the PPTX.
    const r = await build(dir, { outDir: join(root, 'long-labels-out'), chartCacheDir: join(root, 'chart-cache') });
    const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), outline);
    const pictured = pptx.slides.filter((s) => s.alts.length && /^(scenarios-chart|guardrails)/.test(s.id)).map((s) => s.alts);
    expect(pictured).toEqual([...guardrails, ...scenarios].map((s) => [s.chart.alt]));
    expect([...pptx.problems, ...checkMarks(pptx.slides, truth, 'PPTX'), ...checkStatements(pptx.slides, truth, 'PPTX')]).toEqual([]);
  });

  it('is held by the chart checker: a guardrail line beside the wrong chart, a note naming a metric the chart does not draw', async () => {
    const dir = join(root, 'long-labels-checked');
    cpSync(FIXTURE, dir, { recursive: true });
    const run = await runUntil('compose', dir);
    const truth = { spec: run.load!.spec, decision: run.decide! };
    const charts = run.compose!.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [writtenChart(b.chart.id, b.chart.vegaLite)] : [])));
    const outline = outlineSlides(renderMarkdown(run.compose!));
    expect(checkChartNames(charts, outline, truth, 'deck')).toEqual([]);
    const [first, second] = outline.filter((s) => /^guardrails(-\d+)?$/.test(s.id));
    const moved = first.paragraphs.find((p) => p.includes('— Chargebacks:'))!;
    const wrongSlide = outline.map((s) => (s === first ? { ...s, paragraphs: s.paragraphs.filter((p) => p !== moved) } : s === second ? { ...s, paragraphs: [...s.paragraphs, moved] } : s));
    expect(checkChartNames(charts, wrongSlide, truth, 'deck')).toEqual(['deck guardrails-2: the line of Chargebacks stands beside chart guardrails-all-2, which does not draw it']);
    const scenario = outline.find((s) => s.id === 'scenarios-chart-2')!;
    const noted = outline.map((s) => (s === scenario ? { ...s, notes: [...s.notes, 'Seven-day retention of newly registered business customers moved past its interval.'] } : s));
    expect(checkChartNames(charts, noted, truth, 'deck')).toEqual(['deck scenarios-chart-2: names Seven-day retention of newly registered business customers, which its chart scenarios-primary-2 does not draw ("Seven-day retention of newly registered business customers moved past its interv…")']);
  });
});
