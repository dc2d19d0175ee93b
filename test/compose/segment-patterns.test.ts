// A segments rule ("no segment shows the pattern") that many segments break: its reason named each (15 in one
// generated decision), and as the blocker in the exec summary's bold lead line that ran to five lines. The lead now
// counts past three and names the first three; the recommendation slide still names each. Generated decisions with
// 25 segment values; the statement checker holds the count and the names to the decision.
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { segmentValue } from '../../src/model/rows.js';
import type { SegmentsRuleOutcome } from '../../src/decide/types.js';
import { checkMarks, outlineSlides, truthOfRun } from '../support/marks-checker.js';
import { checkStatements } from '../support/statement-checker.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-segment-patterns-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('counts a long list of segments showing a pattern in the exec summary lead, and names each elsewhere', { timeout: 120_000 }, async () => {
  let found = 0;
  for (const [i, g] of generateDecisions(160, 777, { segmentValues: 25 }).entries()) {
    if (g.spec.phase !== 'final' || found >= 2) continue;
    const dir = join(root, `g${i}`);
    writeDecision(dir, g);
    const run = await runUntil('compose', dir);
    const blocker = [...run.decide!.verdict.blockers].reverse().find((b) => b.criterion.polarity === 'go')?.rule;
    if (blocker?.type !== 'segments' || blocker.offenders.length <= 3) continue;
    found++;
    const offenders = (blocker as SegmentsRuleOutcome).offenders.map(segmentValue);
    const lead = run.compose!.slides.find((s) => s.id === 'exec-summary')!.blocks.find((b) => b.type === 'text' && b.role === 'lead') as { text: string };
    expect(lead.text, g.name).toContain(`${offenders.length} segments show the pattern, among them ${offenders[0]}, ${offenders[1]} and ${offenders[2]}`);
    expect(lead.text).not.toContain(offenders[3]);
    const outline = renderMarkdown(run.compose!);
    expect(outline).toContain(`${offenders.join(', ')} show the pattern`);
    const slides = outlineSlides(outline);
    const truth = truthOfRun(run);
    expect([...checkMarks(slides, truth, g.name), ...checkStatements(slides, truth, g.name)]).toEqual([]);
  }
  expect(found).toBeGreaterThan(0);
});
