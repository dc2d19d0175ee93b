// A metric sliced by a dimension of many values (up to 100, src/limits.ts) drew one forest chart of every segment:
// from about 15 rows Vega named only every other row and the value column's lines touched. Its deep-dive now goes
// on over '(cont.)' slides, one forest chart each, every row named, all on one x scale; the outline, the Deck JSON,
// the PPTX and both checkers read them. Generated decisions with 25 and 100 segment values.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { build } from '../../src/build.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { finalSpec, renderSvg } from '../../src/charts/index.js';
import { continued } from '../../src/model/words.js';
import { OVERALL, segmentValue } from '../../src/model/rows.js';
import type { ChartSpec, Deck } from '../../src/deck/types.js';
import { checkMarks, outlineSlides, pptxSlides, truthOfRun } from '../support/marks-checker.js';
import { checkChartLabels, checkStatements } from '../support/statement-checker.js';
import { generateDecisions, writeDecision, type GeneratedDecision } from '../support/generate-decisions.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-forest-split-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A final-phase decision whose first metric (a primary) is read by segment. */
function decisionWith(values: number): GeneratedDecision {
  const g = generateDecisions(40, 20261201, { segmentValues: values }).find((d) => d.spec.phase === 'final' && (d.spec.metrics as { segments?: string[] }[])[0].segments);
  if (!g) throw new Error(`no final decision with a segmented primary metric among 40 with ${values} segment values`);
  return g;
}

/** A decision with `values` segment values, written to its own folder under `name` and composed. */
async function composedWith(values: number, name: string) {
  const g = decisionWith(values);
  const dir = join(root, name);
  writeDecision(dir, g);
  return { g, dir, run: await runUntil('compose', dir) };
}

/** The rows a forest chart's row axis names, in order (its labels' lines joined). */
function rowsOf(chart: ChartSpec): string[] {
  const y = (finalSpec(chart) as { layer: { encoding?: { y?: { sort: string[] } } }[] }).layer.find((l) => l.encoding?.y)!.encoding!.y!;
  return y.sort.map((l) => l.replace(/\n/g, ' '));
}

function xScaleOf(chart: ChartSpec): unknown {
  return (finalSpec(chart) as { layer: { encoding: { x: { scale: unknown } } }[] }).layer[0].encoding.x.scale;
}

/** Each primary metric's deep-dive slides (the first and its continuations) with their charts. */
function deepDives(deck: Deck, metricId: string) {
  return deck.slides
    .filter((s) => s.id === `deep-dive-${metricId}` || s.id.startsWith(`deep-dive-${metricId}.`))
    .map((s) => {
      const block = s.blocks.find((b) => b.type === 'chart');
      if (block?.type !== 'chart') throw new Error(`${s.id} holds no chart`);
      return { slide: s, chart: block.chart };
    });
}

describe('a deep-dive of a metric with many segments', () => {
  it.each([25, 100])('with %i segment values: forest charts on (cont.) slides, every segment named once, each chart headed by All, one x scale; the checkers read every slide', async (values) => {
    const { g, run } = await composedWith(values, `compose-${values}`);
    const deck = run.compose!;
    const spec = run.load!.spec;
    let split = 0;
    for (const m of spec.metrics.filter((x) => x.role === 'primary' && x.segments?.length)) {
      const dives = deepDives(deck, m.id);
      if (!dives.length) continue;
      const segments = run.analyze!.reads.filter((r) => r.metric === m.id && r.segment !== OVERALL).map((r) => segmentValue(r.segment));
      expect(segments, `${g.name}, ${m.id}`).toHaveLength(values);
      expect(dives.map((d) => d.slide.id)).toEqual(dives.map((_, i) => (i === 0 ? `deep-dive-${m.id}` : `deep-dive-${m.id}.${i + 1}`)));
      expect(dives.map((d) => d.slide.title)).toEqual(dives.map((_, i) => (i === 0 ? dives[0].slide.title : continued(dives[0].slide.title))));
      const rows = dives.map((d) => rowsOf(d.chart));
      for (const r of rows) expect(r[0]).toBe('All');
      expect(rows.flatMap((r) => r.slice(1)).sort()).toEqual([...segments].sort());
      for (const d of dives) expect(xScaleOf(d.chart)).toEqual(xScaleOf(dives[0].chart));
      // The segment table follows the last chart.
      expect(deck.slides[deck.slides.indexOf(dives.at(-1)!.slide) + 1].id).toBe(`segments-${m.id}`);
      if (dives.length > 1) split++;
    }
    expect(split, g.name).toBeGreaterThan(0);

    // The outline shows every continuation with its id; the Deck JSON holds them as slides.
    const md = renderMarkdown(deck);
    const json = JSON.parse(JSON.stringify(deck)) as Deck;
    for (const s of deck.slides.filter((x) => /^deep-dive-.+\.\d+$/.test(x.id))) {
      expect(md).toContain(`<!-- ${s.id} · chart · Metric deep-dives -->`);
      expect(json.slides.some((x) => x.id === s.id && x.title === s.title)).toBe(true);
    }
    const outline = outlineSlides(md);
    const truth = truthOfRun(run);
    const charts = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [{ id: b.chart.id, values: (b.chart.vegaLite.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? [] }] : [])));
    expect([...checkMarks(outline, truth, g.name), ...checkStatements(outline, truth, g.name), ...checkChartLabels(charts, outline, g.name)]).toEqual([]);
  });

  it('a deep-dive title and the exec summary count clearly worse segments past three and name the worst; the checker holds both to the segment table', async () => {
    const { g, run } = await composedWith(25, 'harms');
    const truth = truthOfRun(run);
    const outline = outlineSlides(renderMarkdown(run.compose!));
    const counted = outline.filter((s) => /^deep-dive-[^.]+$/.test(s.id) && /clearly worse in \d+ segments, worst in /.test(s.title));
    expect(counted.length, g.name).toBeGreaterThan(0);
    for (const s of counted) expect(Number(/clearly worse in (\d+) segments/.exec(s.title)![1])).toBeGreaterThan(3);
    expect(checkStatements(outline, truth, g.name)).toEqual([]);
    // A wrong count, or a segment that is not the worst, is caught.
    const [first] = counted;
    const n = Number(/clearly worse in (\d+) segments/.exec(first.title)![1]);
    const miscounted = outline.map((s) => (s === first ? { ...s, title: s.title.replace(`in ${n} segments`, `in ${n + 1} segments`) } : s));
    expect(checkStatements(miscounted, truth, g.name).join('\n')).toMatch(/counts \d+ segments clearly worse on .+; its segment table shows \d+/);
    const table = outline.find((s) => s.id === first.id.replace('deep-dive-', 'segments-'))!;
    const other = table.tables[0].slice(1).map((r) => r[0]).find((seg) => seg !== 'All' && !first.title.includes(seg))!;
    const misnamed = outline.map((s) => (s === first ? { ...s, title: s.title.replace(/worst in (.+) \(/, `worst in ${other} (`) } : s));
    expect(checkStatements(misnamed, truth, g.name).join('\n')).toMatch(/names .+ the worst clearly worse segment on .+; its segment table's is /);

    // The exec summary counts them the same way, and stays one slide.
    const summary = outline.find((s) => s.id === 'exec-summary')!;
    const said = summary.paragraphs.find((p) => /^Segment risk: .+ is clearly worse in \d+ segments, worst in /.test(p));
    expect(said, summary.paragraphs.join('\n')).toBeDefined();
    expect(layoutDeck(run.compose!, run.theme!).slides.filter((s) => s.sourceId === 'exec-summary')).toHaveLength(1);
    const m = /in (\d+) segments/.exec(said!)!;
    const wrongSummary = outline.map((s) => (s === summary ? { ...s, paragraphs: s.paragraphs.map((p) => (p === said ? p.replace(m[0], `in ${Number(m[1]) + 2} segments`) : p)) } : s));
    expect(checkStatements(wrongSummary, truth, g.name).join('\n')).toMatch(/exec-summary: counts \d+ segments clearly worse on .+; its segment table shows \d+/);
  });

  it('a segment slide counts clearly worse segments past three in its title, and its table marks each in words; the checker holds both', async () => {
    const { g, run } = await composedWith(25, 'segment-tables');
    const truth = truthOfRun(run);
    const outline = outlineSlides(renderMarkdown(run.compose!));
    const tables = outline.filter((s) => /^(segments|appendix)-/.test(s.id) && /clearly worse in \d+ segments(?: after the [\w-]+ adjustment)?, worst in /.test(s.title));
    expect(tables.length, g.name).toBeGreaterThan(0);
    for (const t of tables) {
      const n = Number(/clearly worse in (\d+) segments/.exec(t.title)![1]);
      expect(n).toBeGreaterThan(3);
      expect(t.tables[0].slice(1).filter((r) => /clearly worse\)$/.test(r[0]))).toHaveLength(n);
    }
    expect(checkStatements(outline, truth, g.name)).toEqual([]);
    // An unmarked harmed row, a marked row that is not harmed, and a wrong count in the title are each caught.
    const [t] = tables;
    const rows = t.tables[0];
    const harmedRow = rows.findIndex((r) => /clearly worse\)$/.test(r[0]));
    // a row whose interval straddles zero: clearly worse in neither direction
    const plainRow = rows.findIndex((r, i) => i > 0 && r[0] !== 'All' && /^\[−.*, \+/.test(r[4] ?? ''));
    const withRows = (edit: (r: string[], i: number) => string[]) => outline.map((s) => (s === t ? { ...s, tables: [rows.map(edit), ...s.tables.slice(1)] } : s));
    const unmarked = withRows((r, i) => (i === harmedRow ? [r[0].replace(/ \(clearly worse\)$/, '').replace(/, clearly worse\)$/, ')'), ...r.slice(1)] : r));
    expect(checkStatements(unmarked, truth, g.name).join('\n')).toMatch(/does not mark .+ clearly worse on /);
    expect(plainRow).toBeGreaterThan(0);
    const marked = withRows((r, i) => (i === plainRow ? [`${r[0]} (clearly worse)`, ...r.slice(1)] : r));
    expect(checkStatements(marked, truth, g.name).join('\n')).toMatch(/ marks .+ clearly worse on /);
    const n = Number(/clearly worse in (\d+) segments/.exec(t.title)![1]);
    const miscounted = outline.map((s) => (s === t ? { ...s, title: s.title.replace(`in ${n} segments`, `in ${n - 1} segments`) } : s));
    expect(checkStatements(miscounted, truth, g.name).join('\n')).toMatch(/counts \d+ segments clearly worse on .+; its segment table shows \d+/);
  });

  it('draws every row of its forest charts with its label, in the written deck too', async () => {
    const { g, dir, run } = await composedWith(25, 'built');
    const m = run.load!.spec.metrics[0];
    const dives = deepDives(run.compose!, m.id);
    expect(dives.length).toBeGreaterThan(1);
    // As Vega draws them: no label hidden by its overlap rule, every row named.
    for (const { chart } of dives) {
      const svg = await renderSvg(finalSpec(chart) as Record<string, unknown>);
      const rowAxis = svg.split('role-axis-label').pop()!.split('</g>')[0];
      expect(rowAxis, chart.id).not.toContain('opacity="0"');
      expect((rowAxis.match(/<text /g) ?? []).length, chart.id).toBe(rowsOf(chart).length);
    }
    // The written PPTX: one slide per chart, each picture described for the rows it draws; the checkers pass.
    const r = await build(dir, { outDir: join(root, 'built-out'), chartCacheDir: join(root, 'chart-cache') });
    const outline = outlineSlides(readFileSync(r.markdownPath.startsWith('/') ? r.markdownPath : join(process.cwd(), r.markdownPath), 'utf8'));
    const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), outline);
    const shown = pptx.slides.filter((s) => s.title === dives[0].slide.title || s.title === continued(dives[0].slide.title));
    expect(shown.map((s) => s.alts)).toEqual(dives.map((d) => [d.chart.alt]));
    // Every page: a segment table of 25 segments goes on over pages, each with its key ("n: …", the statement checker's nUnits).
    expect([...pptx.problems, ...checkMarks(pptx.slides, truthOfRun(run), `${g.name} (PPTX)`), ...checkStatements(pptx.slides, truthOfRun(run), `${g.name} (PPTX)`)]).toEqual([]);
  });
});
