// The statement checker's own cases (test/support/statement-checker.ts): for each thing issue 15 found false
// or robotic on a built deck, a small written deck that says it, which the checker must reject. Each case is a
// true deck's outline with one statement changed, or a few written slides, checked against real spec and
// Decision data (the reference decks'). A case asserts the problem it adds, so the cases hold whatever else the
// decks say. The decks themselves are checked in marks.test.ts, on the builds the marks checker reads.
import { beforeAll, describe, expect, it } from 'vitest';
import { runUntil } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { checkMarks, outlineSlides, type WrittenSlide } from '../support/marks-checker.js';
import { checkChartLabels, checkStatements, type StatementTruth } from '../support/statement-checker.js';
import { REFERENCE } from '../support/decks.js';
import type { MetricRuleOutcome, SegmentsRuleOutcome } from '../../src/decide/types.js';
import { segmentValue } from '../../src/model/rows.js';
import { PILOT } from '../support/pilot.js';

interface Deck extends StatementTruth {
  outline: string;
}
async function deckOf(dir: string, phase?: 'design' | 'interim' | 'final'): Promise<Deck> {
  const run = await runUntil('compose', dir, phase ? { phase } : {});
  return { spec: run.load!.spec, decision: run.decide!, outline: renderMarkdown(run.compose!) };
}

function slide(id: string, title: string, parts: Partial<Omit<WrittenSlide, 'id' | 'title'>> = {}): WrittenSlide {
  return { id, title, paragraphs: [], tables: [], alts: [], notes: [], ...parts };
}

/** The problems a change adds: what the checker says of `after` and not of `before`. */
function added(before: WrittenSlide[], after: WrittenSlide[], truth: StatementTruth): string[] {
  const was = new Set(checkStatements(before, truth, 'deck'));
  return checkStatements(after, truth, 'deck').filter((p) => !was.has(p));
}

/** The outline with one text replaced (the text must be there). */
function edit(d: Deck, from: string, to: string): WrittenSlide[] {
  expect(d.outline).toContain(from);
  return outlineSlides(d.outline.replace(from, to));
}

let quoting: Deck;
let pilot: Deck;
let interim: Deck;
beforeAll(async () => {
  [quoting, pilot, interim] = await Promise.all([deckOf(REFERENCE), deckOf(PILOT, 'final'), deckOf(PILOT, 'interim')]);
});

describe('the statement checker rejects what issue 15 found', () => {
  describe('scenario sentences', () => {
    it('a verdict named for two cases where one of them differs', () => {
      const worst = quoting.decision.scenarios.find((s) => s.name === 'worst')!;
      const best = quoting.decision.scenarios.find((s) => s.name === 'best')!;
      expect([best.flips, worst.flips]).toEqual([false, true]);
      const said = `In the best and worst case the verdict becomes ${worst.verdict.label}.`;
      const p = checkStatements([slide('exec-summary', 'Summary', { paragraphs: [said] })], quoting, 'deck');
      expect(p).toEqual([`deck exec-summary: says the verdict in the best case becomes "${worst.verdict.label}", the decision says "${best.verdict.label}"`]);
      const wrong = checkStatements([slide('exec-summary', 'Summary', { paragraphs: [`In the worst case the verdict becomes ${best.verdict.label}.`] })], quoting, 'deck');
      expect(wrong).toContain(`deck exec-summary: says the verdict in the worst case becomes "${best.verdict.label}.", the decision says "${worst.verdict.label}"`.replace('.",', '",'));
    });

    it('a summary, an options slide or a cover that names another verdict or option', () => {
      const slides = [
        slide('title', 'New quoting workflow', { notes: ['Open with the question: Should we? Then the answer: Go (full) — expand to 100%. Everything after this slide is the evidence.'] }),
        slide('exec-summary', 'Recommend A, expand to 100% of traffic: median time to first quote −12.4%'),
        slide('tradeoffs', 'Options', { paragraphs: ['A · Expand to 100% of traffic (recommended)'] }),
      ];
      expect(checkStatements(slides, quoting, 'deck')).toEqual([
        'deck exec-summary: recommends "Recommend A, expand to 100% of traffic: ", the verdict\'s option is B, "50% in the top-5 categories"',
        'deck tradeoffs: marks "Expand to 100% of traffic" recommended, the verdict\'s option is "50% in the top-5 categories"',
        'deck title: gives the answer "Go (full) — expand to 100%", the decision\'s verdict is "Go (partial) — 50% in the top-5 categories"',
      ]);
    });

    it('a case said to hold that changes the verdict, and a case said to change it that does not', () => {
      const worst = quoting.decision.scenarios.find((s) => s.name === 'worst')!;
      const p = checkStatements([slide('scenarios', 'The verdict holds in the best, base and worst cases; in the best case it becomes No-go — hold and instrument')], quoting, 'deck');
      expect(p).toContain(`deck scenarios: says the verdict holds in the worst case, where it changes to "${worst.verdict.label}"`);
      expect(p.some((x) => x.startsWith('deck scenarios: says the verdict in the best case becomes "No-go — hold and instrument"'))).toBe(true);
    });

    it('a criterion said to hold where its rules do not (a fallback verdict carries a criterion’s label)', () => {
      const failing = quoting.decision.criteria.find((c) => !c.holds)!;
      const p = checkStatements([slide('scenarios', `${failing.label} holds in the best, base and worst cases`)], quoting, 'deck');
      expect(p).toContain(`deck scenarios: says "${failing.label}" holds, where its rules do not`);
    });

    it('a criterion said to hold in a case where its rules do not (there, the fallback gives the same verdict)', () => {
      const worst = quoting.decision.scenarios.find((s) => s.name === 'worst')!;
      const failing = worst.criteria.find((c) => !c.holds && quoting.decision.criteria.find((x) => x.id === c.id)?.holds)!;
      expect(failing).toBeDefined();
      const p = checkStatements([slide('scenarios', `${failing.label} holds in the best, base and worst cases`)], quoting, 'deck');
      expect(p).toContain(`deck scenarios: says "${failing.label}" holds in the worst case, where its rules do not there`);
      expect(checkStatements([slide('scenarios', `${failing.label} holds in the base case`)], quoting, 'deck').filter((x) => x.includes(' holds'))).toEqual([]);
    });

    it('"the best and worst case misses a bar" where the best case meets every bar, and in the singular', () => {
      const p = checkStatements([slide('scenarios-chart', 'Primary metrics at the ends of their intervals: the best and worst case misses a bar')], quoting, 'deck');
      expect(p).toContain('deck scenarios-chart: says the best case misses a bar, where no primary rule of the target criterion gives bad news there');
      expect(p).toContain('deck scenarios-chart: "best and worst case misses": two cases with a singular noun and verb');
    });

    it('a red ✗ on a best case whose rule is met', () => {
      const alt = 'In the base case treatment lowers median time to first quote by 12% (worst −11%, best −14%), against its rule: best ✗ not met, base ✓ met, worst ✓ met.';
      const p = checkMarks([slide('scenarios-chart', 'Scenarios', { alts: [alt] })], quoting, 'deck');
      expect(p).toContain('deck scenario best, Median time to first quote: shows not met, the decision says met');
    });

    it('an interval with equal ends in the scenario notes', () => {
      const p = checkStatements([slide('scenarios', 'Scenarios', { notes: ['observed +2.9% (90% CI +2.9% to +2.9%)'] })], quoting, 'deck');
      expect(p).toContain('deck scenarios: prints an interval with equal ends, "CI +2.9% to +2.9%", in "observed +2.9% (90% CI +2.9% to +2.9%)"');
    });

    it('a scenario extreme outside its interval with the caption "end of its interval"', () => {
      const slides = outlineSlides(quoting.outline);
      const cards = slides.find((s) => s.id === 'scenarios')!;
      cards.paragraphs = ['Worst case', 'Every metric at the unfavourable end of its 90% interval.', 'Median time to first quote: −5.0%', 'Verdict: No-go — hold and instrument — differs from base'];
      const p = checkStatements(slides, quoting, 'deck');
      expect(p.some((x) => x.startsWith('deck scenarios: the worst case puts Median time to first quote at −5.0%, outside its interval'))).toBe(true);
      // The reason stated on the slide clears it.
      cards.paragraphs.push('Values past their interval’s end: the rows of unknown arm counted against treatment.');
      expect(checkStatements(slides, quoting, 'deck').filter((x) => x.includes('outside its interval'))).toEqual([]);
    });

    it('the metric that turns the worst case named only in the notes', () => {
      const cards = slide('scenarios', 'The verdict holds unless the worst case plays out', {
        paragraphs: ['Worst case', 'Every metric at the unfavourable end of its interval', 'Verdict: No-go — hold and instrument — differs from base'],
        notes: ['Be explicit: the worst case turns on 7-day returning pro rate past its limit.'],
      });
      const p = checkStatements([cards], quoting, 'deck');
      expect(p.some((x) => /the worst case changes the verdict, but no scenario slide names what turns it \(.*7-day returning pro rate.*\) outside the notes/.test(x))).toBe(true);
    });
  });

  describe('casing and grammar', () => {
    /** The reference truth with option B relabelled as a lead might write it. */
    const relabelled = (label: string): StatementTruth => ({ ...quoting, spec: { ...quoting.spec, decision: { ...quoting.spec.decision, options: quoting.spec.decision.options.map((o) => (o.id === 'B' ? { ...o, label } : o)) } } });

    it('option labels lower-cased: "12% in the us only", "uS-only rollout"', () => {
      expect(checkStatements([slide('exec-summary', 'Recommend B, 12% in the us only: time to first quote −12.4%')], relabelled('12% in the US only'), 'deck')).toContain(
        'deck exec-summary: writes the option "12% in the US only" as "12% in the us only" in "Recommend B, 12% in the us only: time to first quote −12.4%"',
      );
      expect(checkStatements([slide('exec-summary', 'Recommend B, uS-only rollout')], relabelled('US-only rollout'), 'deck')).toContain('deck exec-summary: writes the option "US-only rollout" as "uS-only rollout" in "Recommend B, uS-only rollout"');
      // As written, and an ordinary word's capital mid-sentence, are fine.
      expect(checkStatements([slide('exec-summary', 'Recommend B, US-only rollout: win rate +4.6 pp')], relabelled('US-only rollout'), 'deck')).toEqual([]);
    });

    it('"1 known data gap remain open" and "Across the 1 segments"', () => {
      const p = checkStatements([slide('context-method', 'Context', { paragraphs: ['1 known data gap remain open: see the register.', 'Across the 1 segments the change holds.'] })], { ...quoting, spec: { ...quoting.spec, data_gaps: [] } }, 'deck');
      expect(p).toContain('deck context-method: "1 known data gap remain": 1 gap with "remain"');
      expect(p).toContain('deck context-method: "1 segments": 1 with the plural "segments"');
    });

    it('raw ids in reader text: "go_full criteria hold", "mandate ·", "(option mandate)"', () => {
      const plan = checkStatements([slide('plan', 'Plan', { tables: [[['When', 'Success looks like'], ['Day 14', 'go_full criteria hold']]] })], quoting, 'deck');
      expect(plan).toEqual(['deck plan: shows the raw id "go_full" in "go_full criteria hold"']);
      const heading = 'scale · Roll 2× calls out to all eligible reps';
      const ask = 'Recommendation: Scale — roll 2× calls out to all eligible reps (option scale).';
      const p = checkStatements([slide('tradeoffs', 'Options', { paragraphs: [heading] }), slide('exec-summary', 'Summary', { paragraphs: [ask] })], pilot, 'deck');
      expect(p).toContain(`deck tradeoffs: names the option by its id "scale" in "${heading}"`);
      expect(p.filter((x) => x.startsWith('deck exec-summary: names the option by its id "scale" in'))).toHaveLength(1);
    });

    it('template leftovers: "{{lower unit}}", a list joined with "; and", a merge-conflict marker, "1 alert watch"', () => {
      const p = checkStatements([slide('pilot-power', '1,729 {{lower unit}} per arm', { paragraphs: ['Win rate rises; and Connect rate falls', '<<<<<<< HEAD Segments were pre-specified.'] }), slide('monitoring', '1 alert watch the rollout')], quoting, 'deck');
      expect(p).toEqual([
        'deck pilot-power: shows template syntax in "1,729 {{lower unit}} per arm"',
        'deck pilot-power: joins a list with "; and" in "Win rate rises; and Connect rate falls"',
        'deck pilot-power: shows a merge-conflict marker in "<<<<<<< HEAD Segments were pre-specified."',
        'deck monitoring: "1 alert watch": 1 alert with "watch"',
      ]);
    });

    it('a segment value ending in a number is a name, not a count: "US West 2 and US West 1 show the pattern"', () => {
      const text = 'US West 2 and US West 1 show the pattern.';
      const says = (truth: StatementTruth) => checkStatements([slide('recommendation', 'Recommended: B', { paragraphs: [text] })], truth, 'deck');
      // Read as a count while the decision reads no such segment…
      expect(says(quoting)).toEqual(['deck recommendation: "1 show": 1 with "show"']);
      // …and as a name once it does.
      const numbered = structuredClone(quoting);
      const rule = numbered.decision.criteria.flatMap((c) => c.rules).find((r): r is MetricRuleOutcome => r.type === 'metric' && r.segments.length > 0)!;
      rule.segments.push({ ...rule.segments[0], segment: 'region=US West 1' });
      expect(says(numbered)).toEqual([]);
    });

    it('a pattern counted wrong, or led by segments that are not its first: "5 segments show the pattern, among them …"', () => {
      const truth = structuredClone(quoting);
      const rule = truth.decision.criteria.flatMap((c) => c.rules).find((r): r is SegmentsRuleOutcome => r.type === 'segments')!;
      rule.offenders = rule.values.slice(0, 5).map((v) => v.segment);
      const [a, b, c, d] = rule.offenders.map(segmentValue);
      const says = (text: string) => checkStatements([slide('recommendation', 'Recommended: B', { paragraphs: [`Iterate is not met: ${text}.`] })], truth, 'deck');
      expect(says(`5 segments show the pattern, among them ${a}, ${b} and ${c}`)).toEqual([]);
      expect(says(`6 segments show the pattern, among them ${a}, ${b} and ${c}`)).toEqual([expect.stringContaining('no segments rule has 6 segments showing its pattern')]);
      expect(says(`5 segments show the pattern, among them ${a}, ${b} and ${d}`)).toEqual([expect.stringContaining('no segments rule has 5 segments showing its pattern')]);
      rule.offenders = rule.offenders.slice(0, 3);
      expect(says(`3 segments show the pattern, among them ${a}, ${b} and ${c}`)).toEqual([expect.stringContaining('counts 3 segments showing a pattern instead of naming them')]);
    });

    it('a rollback trigger with no verb', () => {
      const trigger = quoting.spec.rollback!.triggers[0];
      const p = checkStatements([slide('rollback', 'Rollback within 30 minutes', { paragraphs: [trigger] })], quoting, 'deck');
      expect(p).toEqual([`deck rollback: lists the trigger "${trigger}" with no sentence that says to roll back when it holds (before it: "Rollback within 30 minutes")`]);
      expect(checkStatements([slide('rollback', 'Rollback within 30 minutes', { paragraphs: ['Roll back when any of these happens:', trigger] })], quoting, 'deck')).toEqual([]);
    });
  });

  describe('one figure, two values', () => {
    const segments = (n: string) => slide('segments-ttfq_median', 'By segment', { tables: [[['Segment', 'Change', '90% CI', 'n'], ['All', '−12.4%', '[−13.8%, −11.1%]', n]]] });

    it('arm sizes on the context slide that are not the analysed arms', () => {
      const context = slide('context-method', 'Context', { paragraphs: ['Assignment checked: arm sizes (control 30,091, treatment 30,098) match the planned split.'] });
      const p = checkStatements([context, segments('84,631')], quoting, 'deck');
      expect(p).toContain('deck context-method: gives arm sizes 30,091 and 30,098 (60189 in all), where the tables\u2019 n for All are 84631'.replace('\u2019', "'"));
    });

    it('"1 of them a blocker" beside a register whose open gaps hold another blocker, or none', () => {
      const rows = [['Gap', 'Severity'], ['A', 'blocker · open'], ['B', 'high · open'], ['C', 'blocker · mitigated']];
      const say = (title: string, table = rows) => checkStatements([slide('data-gaps', title, { tables: [table] })], quoting, 'deck').filter((x) => x.includes('blocker'));
      expect(say('2 of 5 data gaps are still open, 1 of them a blocker')).toEqual([]);
      expect(say('2 of 5 data gaps are still open, 2 of them blockers')).toEqual(['deck data-gaps: says "still open, 2 of them blockers", the register marks 1 open blocker(s)']);
      const noBlocker = rows.map((r) => r.map((c) => c.replace('blocker · open', 'high · open')));
      expect(say('2 of 5 data gaps are still open, 1 of them a blocker', noBlocker)).toEqual(['deck data-gaps: says "still open, 1 of them a blocker", the register marks 0 open blocker(s)']);
    });

    it('"4 of 5 data gaps are still open" beside a register that marks 2 open', () => {
      const rows = [['Gap', 'Severity'], ['a', 'low · open'], ['b', 'low · open'], ['c', 'medium · mitigated'], ['d', 'medium · closed']];
      const p = checkStatements([slide('data-gaps', '4 of 5 data gaps are still open', { tables: [rows] })], quoting, 'deck');
      expect(p).toContain('deck data-gaps: says 4 data gap(s) open ("4 of 5 data gaps are still open"), the register marks 2 open');
    });

    it('"all checks passed" beside instrumentation checks still planned', () => {
      const planned = { ...interim, spec: { ...interim.spec, pilot: { ...interim.spec.pilot!, instrumentation: interim.spec.pilot!.instrumentation.map((c) => ({ ...c, status: 'planned' as const })) } } };
      const n = planned.spec.pilot.instrumentation.length;
      const p = checkStatements([slide('interim-data-quality', `Nothing failing: all ${n} instrumentation checks passed`)], planned, 'deck');
      expect(p).toEqual([`deck interim-data-quality: says "all ${n} instrumentation checks passed", the spec's ${n} instrumentation check(s) stand at ${Array(n).fill('planned').join(', ')}`]);
    });

    it('one window with two ends, in two formats: "2026-10-19 to 2026-11-09" and "Oct 19 to Nov 8"', () => {
      const p = checkStatements([slide('context-method', 'Context', { paragraphs: ['Window: Requests from 2026-10-19 to 2026-11-09'] }), slide('trend', 'Trend', { alts: ['Over 21 days (Oct 19 to Nov 8), treatment ahead'] })], quoting, 'deck');
      expect(p).toContain('deck trend: ends the range from Oct 19 at Nov 8, elsewhere "2026-10-19 to 2026-11-09"');
      expect(p).toContain('deck: writes date ranges in two formats ("2026-10-19 to 2026-11-09")');
    });

    it('one change printed with two values, and n printed twice differently', () => {
      const overview = slide('metrics-overview', 'Metrics', { tables: [[['Metric', 'Change', '90% CI'], ['Median time to first quote', '−10.4%', '[−13.8%, −11.1%]']]] });
      const p = checkStatements([segments('84,631'), overview, slide('appendix-ttfq_median', 'Appendix', { tables: [[['Segment', 'Change', 'n'], ['All', '−12.4%', '84,000']]] })], quoting, 'deck');
      expect(p).toContain('deck metrics-overview: prints the change of ttfq_median · All as −10.4%, "segments-ttfq_median" as −12.4%');
      const card = slide('exec-summary', 'Summary', { tables: [[['Metric', 'Value', 'Status', 'Detail'], ['Median time to first quote', '−11.9%', '✓ met', '']]] });
      expect(checkStatements([segments('84,631'), card], quoting, 'deck')).toContain('deck exec-summary: prints the change of ttfq_median · All as −11.9%, "segments-ttfq_median" as −12.4%');
      expect(p).toContain('deck appendix-ttfq_median: prints n = 84,000 for ttfq_median · All, "segments-ttfq_median" prints 84,631');
    });

    it('a chart label "[0pp, +4pp]" beside a table that prints −0.4 pp to +4.5 pp', () => {
      const table = slide('segments-hire_rate_7d', 'By segment', { tables: [[['Segment', 'Change', '90% CI'], ['All', '+2.0 pp', '[−0.4 pp, +4.5 pp]']]] });
      const drawn = (note: string) => [{ id: 'forest-hire_rate_7d', values: [{ label: 'All', note }] }];
      expect(checkChartLabels(drawn('+2pp [0pp, +4pp]  ✓ met'), [table], 'deck')).toEqual(['deck forest-hire_rate_7d: draws All as "+2pp [0pp, +4pp]  ✓ met", the table prints +2.0 pp [−0.4 pp, +4.5 pp]']);
      expect(checkChartLabels(drawn('+2.0pp [−0.4pp, +4.5pp]  ✓ met'), [table], 'deck')).toEqual([]);
    });

    it('an n column that does not say what it counts', () => {
      expect(checkStatements([segments('84,631')], quoting, 'deck')).toContain('deck segments-ttfq_median: heads a column "n" without saying what it counts');
    });
  });

  describe('claims with nothing behind them', () => {
    it('"p-values adjusted across the 6 segments (Holm)" on a slide that shows no p-value', () => {
      const caption = 'Segments were pre-specified. p-values adjusted across the 6 segments (Holm).';
      const table = [['Segment', 'Change', '90% CI', 'n (requests)'], ['All', '−12.4%', '[−13.8%, −11.1%]', '84,631']];
      expect(checkStatements([slide('segments-ttfq_median', 'By segment', { paragraphs: [caption], tables: [table] })], quoting, 'deck')).toEqual([`deck segments-ttfq_median: claims an adjustment ("${caption.slice(0, 60)}…") but shows no adjusted p-value or interval`]);
      const shown = [table[0].concat('Holm-adjusted p'), table[1].concat('<0.001')];
      expect(checkStatements([slide('segments-ttfq_median', 'By segment', { paragraphs: [caption], tables: [shown] })], quoting, 'deck')).toEqual([]);
    });

    it('a segment clearly harmed on a primary metric, shown only in the appendix under a neutral title', () => {
      const table = [['Segment', 'Change', '90% CI', 'n (requests)'], ['All', '−0.22 pp', '[−0.55 pp, +0.12 pp]', '87,702'], ['Other', '−0.93 pp', '[−1.57 pp, −0.29 pp]', '15,361']];
      const p = checkStatements([slide('exec-summary', 'Recommend B'), slide('appendix-hire_rate_7d', '7-day hire rate in each of 1 segments', { tables: [table] })], quoting, 'deck');
      expect(p).toContain('deck appendix-hire_rate_7d: Other is clearly harmed on 7-day hire rate ([−1.57 pp, −0.29 pp]) but no title names it ("7-day hire rate in each of 1 segments")');
      expect(p).toContain('deck exec-summary: does not name Other, clearly harmed on 7-day hire rate ([−1.57 pp, −0.29 pp])');
    });

    it('"Option B buys most of the gain at the least risk", which nothing in the decision measures', () => {
      expect(checkStatements([slide('tradeoffs', 'Option B buys most of the gain at the least risk')], quoting, 'deck')).toContain('deck tradeoffs: claims "buys most of the gain at the least risk", which no option-level gain or risk in the decision backs');
    });

    it('a title that counts rows its table does not have', () => {
      const table = [['Risk', 'Likelihood', 'Impact'], ['a', 'low', 'high'], ['b', 'low', 'low']];
      expect(checkStatements([slide('risks', '3 risks tracked, 1 with high impact, each with a mitigation and an owner', { tables: [table] })], quoting, 'deck')).toEqual([
        'deck risks: the title "3 risks tracked, 1 with high impact, each with a mitigation and an owner" counts 3 and 1, its table shows 2 and 1',
      ]);
      const split = [slide('risks', '3 risks tracked, 1 with high impact', { tables: [table] }), slide('risks', '3 risks tracked, 1 with high impact (cont.)', { tables: [[table[0], ['c', 'low', 'low']]] })];
      expect(checkStatements(split, quoting, 'deck')).toEqual([]);
    });

    it('"Data quality: ." where a list of clauses came out empty, and not a lead-in to a list', () => {
      const say = (text: string) => checkStatements([slide('interim-summary', 'Week 3', { paragraphs: [text] })], pilot, 'deck').filter((x) => x.includes('a label'));
      expect(say('Data quality: .')).toEqual(['deck interim-summary: "Data quality: .": a label with nothing after it']);
      expect(say('Recommendation: Stop — keep as is. Scale — roll out is not met: .')).toEqual(["deck interim-summary: \"out is not met: .\": a label with nothing after it"]);
      expect(say('Roll back when any of these happens:')).toEqual([]);
    });

    it('"2 passed so far" of three instrumentation checks, the third failed', () => {
      const table = [['Check before launch', 'Status'], ['a', 'passed'], ['b', 'passed'], ['c', 'failed']];
      const say = (title: string) => checkStatements([slide('pilot-instrumentation', title, { tables: [table] })], pilot, 'deck').filter((x) => x.includes('the title'));
      expect(say('3 instrumentation checks before launch, 2 passed so far')).toEqual([
        'deck pilot-instrumentation: the title "3 instrumentation checks before launch, 2 passed so far" counts 3 and 2 and 0, its table shows 3 and 2 and 1',
      ]);
      expect(say('3 instrumentation checks before launch, 2 passed so far, 1 failed')).toEqual([]);
    });

    it('"6 of 9 metrics clearly improve" counting the treatment\'s own dose', () => {
      const row = (label: string, ci: string) => [label, 'x', 'x', 'x', ci];
      const table = [['Metric', 'Control', 'Treatment', 'Change', '95% CI'], row('Win rate', '[+1.16 pp, +8.08 pp]'), row('Call attempts per rep-day', '[+84.9%, +95.2%]')];
      const p = checkStatements([slide('metrics-overview', '2 of 2 metrics clearly improve, 0 clearly worsen', { tables: [table] })], pilot, 'deck');
      expect(p).toContain("deck metrics-overview: the title says 2 of 2 improve and 0 worsen; the table's outcome metrics give 1 of 1 and 0");
    });
  });

  describe('each phase its own deck', () => {
    it('a readout that keeps the design cover, pilot plan and pre-wire, and has no rollout for its option', () => {
      const slides = [slide('title', 'Call volume', { paragraphs: ['Proposal: a quota-neutral pilot'] }), slide('pilot-plan', 'The pilot plan'), slide('prewire-vp', 'VP', { paragraphs: ['Hold the mandate until the readout'] })];
      const p = checkStatements(slides, pilot, 'deck');
      expect(p).toContain('deck title: pre-pilot wording in the readout: "Proposal: a quota-neutral pilot"');
      expect(p).toContain('deck pilot-plan: a pre-pilot slide in the readout');
      expect(p).toContain('deck prewire-vp: pre-pilot wording in the readout: "Hold the mandate until the readout"');
      expect(p).toContain(`deck: the readout recommends option ${pilot.decision.verdict.option} but has no rollback slide for it`);
    });

    it('an interim cover with no week number', () => {
      expect(checkStatements([slide('title', 'Call volume and win rate', { paragraphs: ['Pilot proposal'] })], interim, 'deck')).toContain('deck title: the interim cover does not say it reports week 3');
    });
  });

  it('passes an untouched reference outline of each check it is shown breaking above', () => {
    // Sanity: the edits above are what the checker reacts to, not the decks (the full decks run in marks.test.ts).
    const slides = outlineSlides(quoting.outline);
    expect(added(slides, slides, quoting)).toEqual([]);
    expect(added(slides, edit(quoting, '| Day 14 | Checkpoint review and decision on 100% | Lead | Go (full) criteria hold |', '| Day 14 | Checkpoint review and decision on 100% | Lead | go_full criteria hold |'), quoting)).toEqual(['deck plan: shows the raw id "go_full" in "go_full criteria hold"']);
  });
});
