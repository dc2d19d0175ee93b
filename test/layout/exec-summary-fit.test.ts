// The exec summary is one page. Themed in Inter (wider than Calibri), generated decisions with several metrics
// clearly worse by segment had their summary go on to a '(cont.)' slide even with the rollout and rollback lines
// left off. Their segment-risk lines then show in brief words (one line naming each metric with its harmed
// segments), the notes carry the full ones, and the built deck's summary, notes or not, still says only what the
// decision holds (the statement and marks checkers, reading the PPTX).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { build } from '../../src/build.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { checkMarks, outlineSlides, pptxSlides, truthOfRun } from '../support/marks-checker.js';
import { checkStatements } from '../support/statement-checker.js';
import { generateDecisions, writeDecision, type GeneratedDecision } from '../support/generate-decisions.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-exec-fit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INTER = { fonts: { heading: 'Inter', body: 'Inter' } };
const SHORTENED = 'Shortened on the slide for room: ';

/** Each generated decision (91, with 0 and with 25 segment values) themed in Inter, with its exec summary's pages. */
const laid: { g: GeneratedDecision; dir: string; pages: number; shortened: boolean }[] = [];
beforeAll(async () => {
  for (const values of [0, 25])
    for (const [i, g] of generateDecisions(91, 20261201, values ? { segmentValues: values } : {}).entries()) {
      const dir = join(root, `${values}-${i}`);
      writeDecision(dir, { ...g, spec: { ...g.spec, theme: INTER } });
      const run = await runUntil('compose', dir);
      const summary = layoutDeck(run.compose!, run.theme!).slides.filter((s) => s.sourceId === 'exec-summary');
      // a design deck has no summary yet
      if (summary.length) laid.push({ g, dir, pages: summary.length, shortened: summary[0].notes.some((n) => n.startsWith(SHORTENED)) });
    }
}, 120_000);

describe('the exec summary of generated decisions, in Inter', () => {
  it('keeps to one slide, some of them with their segment risks in brief words', () => {
    expect(laid.filter((d) => d.pages > 1).map((d) => d.g.name)).toEqual([]);
    expect(laid.filter((d) => d.shortened).length).toBeGreaterThan(0);
  });

  it('in brief words, says only what the decision holds, on the built slides with and without their notes', async () => {
    for (const { g, dir } of laid.filter((d) => d.shortened).slice(0, 2)) {
      const r = await build(dir, { outDir: join(dir, 'out') });
      const run = await runUntil('compose', dir);
      const outline = outlineSlides(renderMarkdown(run.compose!));
      const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), outline);
      expect(pptx.problems).toEqual([]);
      const summary = pptx.slides.find((s) => s.id === 'exec-summary')!;
      expect(summary.paragraphs.some((p) => p.startsWith('Segment risk: clearly worse for '))).toBe(true);
      const truth = truthOfRun(run);
      const bare = pptx.slides.map((s) => ({ ...s, notes: [] }));
      expect([...checkMarks(pptx.slides, truth, g.name), ...checkStatements(pptx.slides, truth, g.name), ...checkStatements(bare, truth, g.name)]).toEqual([]);
      // the checker reads the brief line: with it emptied, the harmed segments go unnamed on the slide
      const emptied = bare.map((s) => (s.id === 'exec-summary' ? { ...s, paragraphs: s.paragraphs.map((p) => (p.startsWith('Segment risk: ') ? 'Segment risk: clearly worse for none.' : p)) } : s));
      expect(checkStatements(emptied, truth, g.name).join('\n')).toMatch(/exec-summary: (does not name .+, clearly harmed on|counts)/);
    }
  });
});
