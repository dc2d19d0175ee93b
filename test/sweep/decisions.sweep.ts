// `npm run sweep`: the statement, marks and chart-name checkers over generated decisions of other seeds than the
// suite's (test/build/marks.test.ts reads seed 20261201), on their outlines; every PPTX_EVERY-th is also built and
// its PPTX read, as a reader meets it (laid out: continued slides, brief words). Each seed gives COUNT decisions,
// with no segment dimension and with SEGMENT_VALUES values. Any problem fails the run and is listed.
//   SEEDS=1,2,3 COUNT=100 SEGMENT_VALUES=25 PPTX_EVERY=10 npm run sweep
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { build } from '../../src/build.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { checkMarks, outlineSlides, pptxSlides, truthOfRun } from '../support/marks-checker.js';
import { checkChartNames, checkStatements, writtenChart } from '../support/statement-checker.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const seeds = (process.env.SEEDS ?? '1,2,3').split(',').map(Number);
const count = Number(process.env.COUNT ?? 100);
const values = Number(process.env.SEGMENT_VALUES ?? 25);
const pptxEvery = Number(process.env.PPTX_EVERY ?? 0);

it.each(seeds)('seed %i: every statement, mark and chart name true', async (seed) => {
  const problems: string[] = [];
  for (const options of [{}, { segmentValues: values }])
    for (const [i, g] of generateDecisions(count, seed, options).entries()) {
      const dir = join(root, `${seed}-${options.segmentValues ?? 0}-${i}`);
      writeDecision(dir, g);
      const run = await runUntil('compose', dir);
      const slides = outlineSlides(renderMarkdown(run.compose!));
      const charts = run.compose!.slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [writtenChart(b.chart.id, b.chart.vegaLite)] : [])));
      const truth = truthOfRun(run);
      problems.push(...checkMarks(slides, truth, g.name), ...checkStatements(slides, truth, g.name), ...checkChartNames(charts, slides, truth, g.name));
      if (pptxEvery && i % pptxEvery === 0) {
        const r = await build(dir, { outDir: join(dir, 'out'), chartCacheDir: join(root, 'chart-cache') });
        const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), slides);
        problems.push(...pptx.problems, ...checkMarks(pptx.slides, truth, `${g.name} (PPTX)`), ...checkStatements(pptx.slides, truth, `${g.name} (PPTX)`));
      }
    }
  expect(problems).toEqual([]);
});
