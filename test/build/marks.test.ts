// Every mark a deck shows for a rule or a metric — on any slide, in the outline, in alt text — equals that
// rule's one outcome in the Decision. Checked by reading the written outline and PPTX (test/support/
// marks-checker.ts), for both reference decks and 200 generated decisions (test/support/generate-decisions.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { build } from '../../src/build.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { readHistory } from '../../src/review/history.js';
import { markOf, MARKS, type Mark } from '../../src/model/outcomes.js';
import { checkMarks, marksIn, outlineSlides, pptxSlides, type Truth } from '../support/marks-checker.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
import { REFERENCE } from '../support/decks.js';
import { LOSING_DATA, pilotDeck, WINNING_DATA } from '../support/pilot.js';

/** Every n-th generated decision is built to PPTX with its charts; the rest are checked on the outline. */
const PPTX_EVERY = 40;
const root = mkdtempSync(join(tmpdir(), 'gonogo-marks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function truthOf(dir: string): Promise<Truth & { outline: string }> {
  const run = await runUntil('compose', dir);
  const previous = [...readHistory(run.load!.dir).checkpoints].pop();
  return { spec: run.load!.spec, decision: run.decide!, ...(previous ? { previous } : {}), outline: renderMarkdown(run.compose!) };
}

/** Builds the deck to files, then checks the written outline and the written PPTX. */
async function checkBuilt(dir: string, name: string): Promise<{ problems: string[]; shown: Mark[]; truth: Truth }> {
  const out = join(root, name.replace(/\W+/g, '-'));
  const truth = await truthOf(dir);
  const r = await build(dir, { outDir: out, chartCacheDir: join(root, 'chart-cache') });
  const outline = outlineSlides(readFileSync(r.markdownPath.startsWith('/') ? r.markdownPath : join(process.cwd(), r.markdownPath), 'utf8'));
  const pptx = pptxSlides(readPptx(new Uint8Array(readFileSync(r.pptxFile)), r.pptxFile), outline);
  const problems = [...checkMarks(outline, truth, `${name} (outline)`), ...pptx.problems, ...checkMarks(pptx.slides, truth, `${name} (PPTX)`)];
  const shown = outline.flatMap((s) => [s.title, ...s.paragraphs, ...s.tables.flat(2), ...s.alts, ...s.notes]).flatMap((t) => marksIn(t).map((m) => m.mark));
  return { problems, shown, truth };
}

describe('every mark equals its rule’s one outcome', () => {
  it('in the quoting-workflow reference deck, outline and PPTX', async () => {
    const { problems, shown } = await checkBuilt(REFERENCE, 'quoting-workflow');
    expect(problems).toEqual([]);
    expect(new Set(shown)).toEqual(new Set(['met', 'not_met', 'not_triggered']));
  });

  // The reference pilot in each of its phases, on the data it ships, and read at the end on data that wins,
  // loses, and breaches a guardrail.
  const BREACHED = WINNING_DATA.replace('complaint_rate,double_calls,all,,,,,46,40000', 'complaint_rate,double_calls,all,,,,,200,40000');
  it.each([
    ['design', 'design', undefined, 'design'],
    ['interim, week 3', 'interim', undefined, 'interim'],
    ['readout', 'final', undefined, undefined],
    ['readout, treatment wins', 'final', WINNING_DATA, 'scale'],
    ['readout, win rate falls', 'final', LOSING_DATA, 'stop'],
    ['readout, a guardrail breached', 'final', BREACHED, 'stop'],
  ] as const)('in the call-volume pilot: %s', async (name, phase, data, verdict) => {
    const deck = pilotDeck(phase, data);
    try {
      const { problems, shown, truth } = await checkBuilt(deck.dir, `pilot ${name}`);
      expect(problems).toEqual([]);
      if (verdict) expect(truth.decision.verdict.criterion).toBe(verdict);
      if (phase === 'design') expect(shown).toEqual([]);
      else expect(shown.length).toBeGreaterThan(0);
      if (data === WINNING_DATA) expect(shown).toContain('not_met'); // Iterate's "interval includes zero" beside [+11.5 pp, +18.4 pp]
      if (data === BREACHED) expect(shown).toContain('triggered');
    } finally {
      deck.cleanup();
    }
  });

  // About 30 s on a loaded 2-core machine (150 ms per deck composed, 3 s per deck built with charts).
  it(`in 200 generated decisions (outline for all, PPTX for every ${PPTX_EVERY}th), covering every mark, rule type and polarity`, { timeout: 240_000 }, async () => {
    const decisions = generateDecisions(200);
    const problems: string[] = [];
    const shown = new Map<Mark, number>(MARKS.map((m) => [m, 0]));
    const types = new Set<string>();
    const polarities = new Set<string>();
    let barOnEnd = 0;
    let checked = 0;
    for (const [i, g] of decisions.entries()) {
      const dir = join(root, `gen-${i}`);
      mkdirSync(dir);
      writeDecision(dir, g);
      let truth: Truth;
      if (i % PPTX_EVERY === 0) {
        const r = await checkBuilt(dir, g.name);
        problems.push(...r.problems);
        truth = r.truth;
      } else {
        const t = await truthOf(dir);
        const slides = outlineSlides(t.outline);
        problems.push(...checkMarks(slides, t, `${g.name} (outline)`));
        checked += slides.flatMap((x) => [x.title, ...x.paragraphs, ...x.tables.flat(2), ...x.alts, ...x.notes]).reduce((n, x) => n + marksIn(x).length, 0);
        truth = t;
      }
      for (const c of truth.decision.criteria)
        for (const r of c.rules) {
          types.add(r.type);
          polarities.add(r.polarity);
          shown.set(markOf(r.status, r.polarity), shown.get(markOf(r.status, r.polarity))! + 1);
          if (r.type === 'metric') barOnEnd += r.checks.filter((k) => k.value !== null && k.value === k.check.bar.value).length;
        }
      for (const gd of truth.decision.guardrails) shown.set(markOf(gd.status, gd.polarity), shown.get(markOf(gd.status, gd.polarity))! + 1);
      rmSync(dir, { recursive: true, force: true });
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
    expect([...types].sort()).toEqual(['data_gap', 'guardrails', 'metric', 'segments']);
    expect([...polarities].sort()).toEqual(['go', 'stop']);
    for (const [mark, n] of shown) expect(n, `rules and guardrail checks that came to "${mark}"`).toBeGreaterThan(0);
    expect(barOnEnd).toBeGreaterThan(10);
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('the marks checker', () => {
  it('catches a mark that differs from its rule, and a mark beside no rule', async () => {
    const truth = await truthOf(REFERENCE);
    const slides = outlineSlides(truth.outline);
    expect(checkMarks(slides, truth, 'untouched')).toEqual([]);
    const flipped = outlineSlides(truth.outline.replace('| Other | 80.8 min | 75.2 min | −6.9% | \\[−10.4%, −3.4%\\] | 13,996 | ✗ not met |', '| Other | 80.8 min | 75.2 min | −6.9% | \\[−10.4%, −3.4%\\] | 13,996 | ✓ met |'));
    expect(checkMarks(flipped, truth, 'flipped')).toEqual(['flipped segment row Other: shows met, the decision says not met']);
    const stray = outlineSlides(truth.outline.replace('## 3. We tested one change to answer one question', '## 3. We tested one change to answer one question ✓ met'));
    expect(checkMarks(stray, truth, 'stray')).toEqual(['stray context-method: 1 mark(s) beside no rule the checker can find']);
    const wrongSymbol = outlineSlides(truth.outline.replace('| Go (full) — expand to 100% | Median time to first quote: change ≤ −10% and CI upper bound ≤ −5% | −12.4% \\[−13.8%, −11.1%\\] | ✓ met |', '| Go (full) — expand to 100% | Median time to first quote: change ≤ −10% and CI upper bound ≤ −5% | −12.4% \\[−13.8%, −11.1%\\] | ✗ met |'));
    expect(checkMarks(wrongSymbol, truth, 'symbol')).toEqual(['symbol recommendation: "✗ met" carries the wrong symbol for its word']);
  });
});
