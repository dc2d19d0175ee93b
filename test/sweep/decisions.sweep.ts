// `npm run sweep`: the statement, marks and chart-name checkers over generated decisions of other seeds than the
// suite's (test/build/marks.test.ts reads seed 20261201), on their outlines; every PPTX_EVERY-th is built instead,
// and its outline, PPTX (laid out: continued slides, brief words) and chart specs are read as the suite reads them.
// Each seed gives COUNT decisions, with no segment dimension and with SEGMENT_VALUES values. Any problem fails the
// run and is listed.
//   SEEDS=1,2,3 COUNT=100 SEGMENT_VALUES=25 PPTX_EVERY=10 npm run sweep
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMarks, outlineSlides } from '../support/marks-checker.js';
import { checkChartNames, checkStatements } from '../support/statement-checker.js';
import { checkBuilt, composedTruth } from '../support/deck-checks.js';
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
      if (pptxEvery && i % pptxEvery === 0) {
        problems.push(...(await checkBuilt(dir, join(dir, 'out'), join(root, 'chart-cache'), g.name)).problems);
        continue;
      }
      const truth = await composedTruth(dir);
      const slides = outlineSlides(truth.outline);
      problems.push(...checkMarks(slides, truth, g.name), ...checkStatements(slides, truth, g.name), ...checkChartNames(truth.charts, slides, truth, g.name));
    }
  expect(problems).toEqual([]);
});
