// A decided deck read back and held to its decision: its outline composed in-process, or the files a build writes
// (outline, PPTX, chart specs), each through the marks and statement checkers. Shared by the suite's generated
// decisions (test/build/marks.test.ts) and `npm run sweep` (test/sweep/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { build } from '../../src/build.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readPptx } from '../../src/review/pptx-text.js';
import type { Mark } from '../../src/model/outcomes.js';
import { checkMarks, marksIn, outlineSlides, pptxSlides, truthOfRun, type Truth } from './marks-checker.js';
import { checkChartLabels, checkChartNames, checkStatements, writtenChart, type WrittenChart } from './statement-checker.js';

/** The deck composed in-process: its decision (the checkers' truth), its outline and its chart specs. */
export async function composedTruth(dir: string): Promise<Truth & { outline: string; charts: WrittenChart[] }> {
  const run = await runUntil('compose', dir);
  const charts = run.compose!.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [writtenChart(b.chart.id, b.chart.vegaLite)] : [])));
  return { ...truthOfRun(run), outline: renderMarkdown(run.compose!), charts };
}

/** Builds the deck into `outDir`, then checks the written outline, the written PPTX and the written chart specs. */
export async function checkBuilt(dir: string, outDir: string, chartCacheDir: string, name: string): Promise<{ problems: string[]; shown: Mark[]; truth: Truth; pptxFile: string; slideCount: number }> {
  const truth = await composedTruth(dir);
  const r = await build(dir, { outDir, chartCacheDir });
  const outline = outlineSlides(readFileSync(r.markdownPath.startsWith('/') ? r.markdownPath : join(process.cwd(), r.markdownPath), 'utf8'));
  const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), outline);
  const written = writtenCharts(join(r.outDir, 'charts'));
  const problems = [
    ...checkMarks(outline, truth, `${name} (outline)`),
    ...checkStatements(outline, truth, `${name} (outline)`),
    ...pptx.problems,
    ...checkMarks(pptx.slides, truth, `${name} (PPTX)`),
    ...checkStatements(pptx.slides, truth, `${name} (PPTX)`),
    ...checkChartLabels(written, outline, `${name} (charts)`),
    ...checkChartNames(written, outline, truth, `${name} (charts)`),
  ];
  const shown = outline.flatMap((s) => [s.title, ...s.paragraphs, ...s.tables.flat(2), ...s.alts, ...s.notes]).flatMap((t) => marksIn(t).map((m) => m.mark));
  return { problems, shown, truth, pptxFile: r.pptxFile, slideCount: r.slideCount };
}

/** The chart specs written beside the deck, with the data their labels are drawn from. */
function writtenCharts(dir: string): WrittenChart[] {
  // A deck without charts (an interim report, a design deck without power) writes no charts folder.
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vl.json'))
    .map((f) => writtenChart(f.replace(/\.vl\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>));
}
