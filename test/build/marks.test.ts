// Every mark a deck shows for a rule or a metric — on any slide, in the outline, in alt text — equals that
// rule's one outcome in the Decision, and every statement is one the decision data backs. Checked by reading
// the written outline and PPTX (test/support/marks-checker.ts, test/support/statement-checker.ts), for both
// reference decks in every phase and 320 generated decisions (test/support/generate-decisions.ts), one build
// per deck read by both checkers; a sample of the written PPTX files goes through LibreOffice as well.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markOf, MARKS, type Mark } from '../../src/model/outcomes.js';
import { checkMarks, marksIn, outlineSlides, type Truth, type WrittenSlide } from '../support/marks-checker.js';
import { checkChartNames, checkStatements, checkWording } from '../support/statement-checker.js';
import { checkBuilt, composedTruth } from '../support/deck-checks.js';
import { convertWithLibreOffice, pdfPages } from '../support/office.js';
import { execFileSync } from 'node:child_process';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
import { REFERENCE } from '../support/decks.js';
import { LOSING_DATA, pilotDeck, WINNING_DATA } from '../support/pilot.js';

/** Every n-th generated decision is built to PPTX with its charts; the rest are checked on the outline. */
const PPTX_EVERY = 40;
/** How many of those PPTX files LibreOffice opens and prints, to read the text as a reader's office shows it. */
const OFFICE_SAMPLE = 2;
const root = mkdtempSync(join(tmpdir(), 'gonogo-marks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Builds the deck into this run's folder (charts drawn once into a shared cache), and checks what it wrote. */
const checkWritten = (dir: string, name: string) => checkBuilt(dir, join(root, name.replace(/\W+/g, '-')), join(root, 'chart-cache'), name);

/** The PPTX as LibreOffice prints it: every page opens, and its sentences pass the checks that read text alone. */
function checkInOffice(pptxFile: string, slideCount: number, truth: Truth, name: string): string[] {
  const pdf = convertWithLibreOffice(pptxFile, 'pdf', join(root, 'office'));
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').filter((p) => p.trim());
  const slides: WrittenSlide[] = pages.map((p, i) => ({ id: `page ${i + 1}`, title: '', paragraphs: [p.replace(/\s+/g, ' ').trim()], tables: [], alts: [], notes: [] }));
  const problems = checkWording(slides, truth, `${name} (LibreOffice PDF)`);
  if (pdfPages(pdf) !== slideCount) problems.push(`${name}: LibreOffice prints ${pdfPages(pdf)} pages of ${slideCount} slides`);
  return problems;
}

describe('every mark equals its rule’s one outcome, every statement is backed', () => {
  it('in the quoting-workflow reference deck, outline and PPTX', async () => {
    const { problems, shown } = await checkWritten(REFERENCE, 'quoting-workflow');
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
      const { problems, shown, truth } = await checkWritten(deck.dir, `pilot ${name}`);
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

  // About 60 s on a loaded 2-core machine (150 ms per deck composed, 3 s per deck built with charts, 10 s per
  // deck LibreOffice prints).
  it(`in 320 generated decisions (outline for all, PPTX for every ${PPTX_EVERY}th, LibreOffice for ${OFFICE_SAMPLE}), covering every mark, rule type, polarity, metric kind, phase and scenario flip`, { timeout: 300_000 }, async () => {
    const decisions = generateDecisions(320);
    const kinds = new Set<string>();
    const metricCounts = new Set<number>();
    const segmentCounts = new Set<number>();
    const phases = new Set<string>();
    const verdicts = new Set<string>();
    const verdictIds = new Set<string>();
    const flips = new Map<string, number>([['up', 0], ['down', 0], ['both', 0], ['none', 0]]);
    let inOffice = 0;
    const problems: string[] = [];
    const shown = new Map<Mark, number>(MARKS.map((m) => [m, 0]));
    const types = new Set<string>();
    const polarities = new Set<string>();
    let barOnEnd = 0;
    let checked = 0;
    for (const [i, g] of decisions.entries()) {
      const dir = join(root, `gen-${i}`);
      writeDecision(dir, g);
      let truth: Truth;
      if (i % PPTX_EVERY === 0) {
        const r = await checkWritten(dir, g.name);
        problems.push(...r.problems);
        truth = r.truth;
        // LibreOffice reads full decks: final-phase ones, which carry every kind of slide.
        if (truth.spec.phase === 'final' && inOffice < OFFICE_SAMPLE) {
          inOffice++;
          problems.push(...checkInOffice(r.pptxFile, r.slideCount, truth, g.name));
        }
      } else {
        const t = await composedTruth(dir);
        const slides = outlineSlides(t.outline);
        problems.push(...checkMarks(slides, t, `${g.name} (outline)`), ...checkStatements(slides, t, `${g.name} (outline)`), ...checkChartNames(t.charts, slides, t, `${g.name} (outline)`));
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
      for (const m of truth.spec.metrics) kinds.add(m.kind);
      metricCounts.add(truth.spec.metrics.length);
      segmentCounts.add(new Set(truth.decision.criteria.flatMap((c) => c.rules.flatMap((r) => (r.type === 'metric' ? r.segments.map((s) => s.segment) : [])))).size);
      phases.add(truth.spec.phase);
      const v = truth.decision.verdict;
      verdictIds.add(v.criterion);
      verdicts.add(v.decidedBy.by === 'phase' ? v.decidedBy.phase : v.fallback ? 'fallback' : `${truth.decision.criteria.find((c) => c.id === v.criterion)?.polarity} criterion`);
      if (truth.spec.phase === 'final') {
        const [best, worst] = (['best', 'worst'] as const).map((n) => truth.decision.scenarios.find((s) => s.name === n)?.flips ?? false);
        const kind = best && worst ? 'both' : best ? 'up' : worst ? 'down' : 'none';
        flips.set(kind, flips.get(kind)! + 1);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    // Every decision is read (a compose costs 30–150 ms), so the coverage below always holds; the first 30 problems show.
    expect(problems.slice(0, 30), `${problems.length} problems in all`).toEqual([]);
    expect([...types].sort()).toEqual(['data_gap', 'guardrails', 'metric', 'segments']);
    expect([...polarities].sort()).toEqual(['go', 'stop']);
    for (const [mark, n] of shown) expect(n, `rules and guardrail checks that came to "${mark}"`).toBeGreaterThan(0);
    expect(barOnEnd).toBeGreaterThan(10);
    expect([...kinds].sort()).toEqual(['mean', 'median', 'proportion', 'quantile', 'rate', 'ratio']);
    expect(Math.min(...metricCounts)).toBe(1);
    expect(Math.max(...metricCounts)).toBe(8);
    expect(segmentCounts.has(0)).toBe(true);
    expect(Math.max(...segmentCounts)).toBe(7);
    expect([...phases].sort()).toEqual(['design', 'final', 'interim']);
    expect([...verdicts].sort()).toEqual(['design', 'fallback', 'go criterion', 'interim', 'stop criterion']);
    // every outcome a generated criterion can name comes out as a verdict somewhere
    expect([...verdictIds].sort()).toEqual(['design', 'fallback', 'go_full', 'go_partial', 'interim', 'iterate', 'no_go', 'scale', 'stop']);
    for (const [kind, n] of flips) expect(n, `final decisions whose scenarios flip ${kind}`).toBeGreaterThan(0);
    expect(inOffice).toBeGreaterThanOrEqual(OFFICE_SAMPLE);
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('the marks checker', () => {
  it('catches a mark that differs from its rule, and a mark beside no rule', async () => {
    const truth = await composedTruth(REFERENCE);
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
