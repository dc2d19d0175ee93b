// Every kind of rule and side, as a table: (rule, interval, expected outcome). The semantics (README
// "Rules"): a condition on the estimate or one bound compares that number with the bar (at_least /
// at_most include the bar); a condition on the interval reads the whole interval (above / below exclude
// the bar); a missing number is "no data". Polarity decides the words: met / not met on a go criterion,
// triggered / not triggered on a stop criterion. Rows marked "Why" replay the cases issue 14 was filed for.
import { describe, expect, it } from 'vitest';
import { specFromData } from '../../src/spec/load.js';
import { decide } from '../../src/decide/decide.js';
import { markOf, NEWS, type Mark, type Status } from '../../src/model/outcomes.js';
import type { MetricRead } from '../../src/stats/results.js';
import type { QualityCheck } from '../../src/sources/snapshot.js';
import type { RuleOutcome } from '../../src/decide/types.js';

type Triple = [estimate: number, lo: number, hi: number] | [estimate: number];

/** One read: the same change on both scales unless `relative` is given separately. */
function read(metric: string, segment: string, abs: Triple | null, rel: Triple | null = abs): MetricRead {
  const change = (t: Triple | null) => (t ? { estimate: t[0], ci: t.length === 3 ? { lo: t[1], hi: t[2] } : null, method: 'test' } : null);
  return { metric, segment, control: null, treatment: null, absolute: change(abs), relative: change(rel), exploratory: false, designEffect: 1 };
}

const METRICS = [
  { id: 'share', label: 'Hire rate', kind: 'proportion', unit: 'share', better: 'higher', role: 'primary', segments: ['category'] },
  { id: 'time', label: 'Time to quote', kind: 'median', unit: 'minutes', better: 'lower', role: 'primary', segments: ['category'] },
  { id: 'tickets', label: 'Tickets', kind: 'rate', per: 100, unit: 'tickets', better: 'lower', role: 'guardrail', max_worsening: '20%' },
  { id: 'returning', label: 'Returning pros', kind: 'proportion', unit: 'share', better: 'higher', role: 'guardrail', max_worsening: '1pp' },
];

interface Case {
  name: string;
  rule: Record<string, unknown>;
  reads: MetricRead[];
  polarity?: 'go' | 'stop';
  quality?: QualityCheck[];
  status: Status;
  /** The number the first check compared, where the case is about one. */
  value?: number | null;
}

/** Guardrail reads that stay well within their limits, for cases about something else. */
const CALM = [read('tickets', 'all', [0.02, -0.01, 0.05]), read('returning', 'all', [0.001, -0.004, 0.006])];

function outcomeOf(c: Case): RuleOutcome {
  const criteria = c.polarity === 'stop' ? { no_go: { label: 'No-go', any: [c.rule] } } : { go: { label: 'Go', all: [c.rule] } };
  const spec = specFromData({
    deck: { title: 'T', owner: 'O', date: '2026-01-02' },
    decision: { question: 'Q?', options: [{ id: 'A', label: 'A' }], confidence: 0.9 },
    metrics: METRICS,
    data_gaps: [{ id: 'gap', description: 'Missing variant', severity: 'medium', bias_direction: 'unknown', mitigation: 'join', residual_risk: 'some', missing_share: '6%' }, { id: 'unstated', description: 'Unstated', severity: 'low', bias_direction: 'unknown', mitigation: 'none', residual_risk: 'some' }],
    criteria,
  });
  const d = decide(spec, { confidence: 0.9, reads: c.reads, methods: [] }, c.quality ?? []);
  return d.criteria[0].rules[0];
}

const CASES: Case[] = [
  // bound on the estimate
  { name: 'estimate ≤ bar, estimate below it', rule: { metric: 'time', estimate: { at_most: '-10%' } }, reads: [read('time', 'all', [-0.12, -0.15, -0.09])], status: 'met', value: -0.12 },
  { name: 'Why: estimate short of its bar is not met, though the interval reaches it', rule: { metric: 'time', estimate: { at_most: '-10%' } }, reads: [read('time', 'all', [-0.09, -0.13, -0.05])], status: 'not_met', value: -0.09 },
  { name: 'estimate exactly at the bar (at_most includes it)', rule: { metric: 'time', estimate: { at_most: '-10%' } }, reads: [read('time', 'all', [-0.1, -0.14, -0.06])], status: 'met', value: -0.1 },
  { name: 'estimate ≥ bar in pp, above it', rule: { metric: 'share', estimate: { at_least: '2pp' } }, reads: [read('share', 'all', [0.03, 0.01, 0.05])], status: 'met' },
  { name: 'estimate ≥ bar in pp, below it', rule: { metric: 'share', estimate: { at_least: '2pp' } }, reads: [read('share', 'all', [0.01, -0.01, 0.03])], status: 'not_met' },
  { name: 'estimate exactly at an at_least bar', rule: { metric: 'share', estimate: { at_least: '2pp' } }, reads: [read('share', 'all', [0.02, 0, 0.04])], status: 'met' },
  // bound on the lower end
  { name: 'lower bound ≥ bar, inside', rule: { metric: 'share', ci_lower: { at_least: '-1pp' } }, reads: [read('share', 'all', [-0.0022, -0.0055, 0.0012])], status: 'met', value: -0.0055 },
  { name: 'lower bound exactly at the bar', rule: { metric: 'share', ci_lower: { at_least: '-1pp' } }, reads: [read('share', 'all', [0.002, -0.01, 0.014])], status: 'met', value: -0.01 },
  { name: 'Why: lower bound simply past the bar is not met, never inconclusive', rule: { metric: 'share', ci_lower: { at_least: '-1pp' } }, reads: [read('share', 'all', [-0.001, -0.012, 0.01])], status: 'not_met', value: -0.012 },
  { name: 'lower bound ≤ bar, below it', rule: { metric: 'share', ci_lower: { at_most: '0pp' } }, reads: [read('share', 'all', [0.001, -0.002, 0.004])], status: 'met' },
  { name: 'lower bound ≤ bar, above it', rule: { metric: 'share', ci_lower: { at_most: '0pp' } }, reads: [read('share', 'all', [0.003, 0.001, 0.005])], status: 'not_met' },
  // bound on the upper end
  { name: 'Why: churn upper bound +1.62 pp against ≤ +1.0 pp is not met', rule: { metric: 'share', ci_upper: { at_most: '1.0pp' } }, reads: [read('share', 'all', [0.006, -0.004, 0.0162])], status: 'not_met', value: 0.0162 },
  { name: 'upper bound exactly at the bar', rule: { metric: 'share', ci_upper: { at_most: '1pp' } }, reads: [read('share', 'all', [0.002, -0.006, 0.01])], status: 'met', value: 0.01 },
  { name: 'upper bound ≤ bar, relative', rule: { metric: 'time', ci_upper: { at_most: '-5%' } }, reads: [read('time', 'all', [-0.124, -0.138, -0.111])], status: 'met', value: -0.111 },
  { name: 'upper bound ≥ bar on a stop criterion: triggered', rule: { metric: 'time', ci_upper: { at_least: '-5%' } }, reads: [read('time', 'all', [-0.06, -0.09, -0.03])], polarity: 'stop', status: 'met' },
  { name: 'upper bound ≥ bar on a stop criterion: not triggered', rule: { metric: 'time', ci_upper: { at_least: '-5%' } }, reads: [read('time', 'all', [-0.124, -0.138, -0.111])], polarity: 'stop', status: 'not_met' },
  // the interval as a whole
  { name: 'Why: interval excludes 0 ("CI excluding zero"), wholly above', rule: { metric: 'share', interval: { excludes: 0 } }, reads: [read('share', 'all', [0.15, 0.115, 0.184])], status: 'met' },
  { name: 'interval excludes 0, wholly below', rule: { metric: 'share', interval: { excludes: 0 } }, reads: [read('share', 'all', [-0.02, -0.03, -0.01])], status: 'met' },
  { name: 'interval excludes 0, across it', rule: { metric: 'share', interval: { excludes: 0 } }, reads: [read('share', 'all', [-0.001, -0.005, 0.002])], status: 'not_met' },
  { name: 'interval excludes 0, lower end exactly 0 (it includes 0)', rule: { metric: 'share', interval: { excludes: 0 } }, reads: [read('share', 'all', [0.002, 0, 0.004])], status: 'not_met' },
  { name: 'Why: pilot Iterate "interval includes zero" beside [+11.5 pp, +18.4 pp] is not met', rule: { metric: 'share', estimate: { at_least: '0pp' }, interval: { includes: 0 } }, reads: [read('share', 'all', [0.15, 0.115, 0.184])], status: 'not_met' },
  { name: 'interval includes 0, across it', rule: { metric: 'share', interval: { includes: 0 } }, reads: [read('share', 'all', [0.005, -0.01, 0.02])], status: 'met' },
  { name: 'interval includes 0, upper end exactly 0', rule: { metric: 'share', interval: { includes: 0 } }, reads: [read('share', 'all', [-0.01, -0.02, 0])], status: 'met' },
  { name: 'interval above a relative bar', rule: { metric: 'share', interval: { above: '2%' } }, reads: [read('share', 'all', null, [0.1, 0.049, 0.154])], status: 'met', value: 0.049 },
  { name: 'interval above: lower end exactly at the bar is not above it', rule: { metric: 'share', interval: { above: '2%' } }, reads: [read('share', 'all', null, [0.05, 0.02, 0.08])], status: 'not_met', value: 0.02 },
  { name: 'interval above: reaching below the bar', rule: { metric: 'share', interval: { above: '2%' } }, reads: [read('share', 'all', null, [0.03, 0.01, 0.05])], status: 'not_met' },
  { name: 'interval below a bar', rule: { metric: 'time', interval: { below: '-5%' } }, reads: [read('time', 'all', [-0.1, -0.13, -0.06])], status: 'met', value: -0.06 },
  { name: 'interval below: upper end exactly at the bar is not below it', rule: { metric: 'time', interval: { below: '-5%' } }, reads: [read('time', 'all', [-0.1, -0.15, -0.05])], status: 'not_met', value: -0.05 },
  // several conditions, scales, missing numbers
  { name: 'Why: Handyman −13.0% [−16.7%, −9.8%] meets change ≤ −10% and upper ≤ −5%', rule: { metric: 'time', estimate: { at_most: '-10%' }, ci_upper: { at_most: '-5%' } }, reads: [read('time', 'all', [-0.13, -0.167, -0.098])], status: 'met' },
  { name: 'two conditions, one not met', rule: { metric: 'time', estimate: { at_most: '-10%' }, ci_upper: { at_most: '-5%' } }, reads: [read('time', 'all', [-0.11, -0.16, -0.04])], status: 'not_met' },
  { name: 'Why: a relative bar on a proportion reads the relative change (+10.0% [+4.9%, +15.4%] ≥ +2%)', rule: { metric: 'share', ci_lower: { at_least: '2%' } }, reads: [read('share', 'all', [0.0014, 0.0007, 0.0021], [0.1, 0.049, 0.154])], status: 'met', value: 0.049 },
  { name: 'no read of the metric: no data', rule: { metric: 'share', estimate: { at_least: '0pp' } }, reads: [], status: 'no_data', value: null },
  { name: 'a bound rule on a read without an interval: no data', rule: { metric: 'share', ci_lower: { at_least: '0pp' } }, reads: [read('share', 'all', [0.01])], status: 'no_data', value: null },
  { name: 'an interval rule without an interval: no data', rule: { metric: 'share', interval: { excludes: 0 } }, reads: [read('share', 'all', [0.01])], status: 'no_data' },
  { name: 'an estimate rule without an interval still compares the estimate', rule: { metric: 'share', estimate: { at_least: '0pp' } }, reads: [read('share', 'all', [0.01])], status: 'met', value: 0.01 },
  { name: 'a rule on one segment reads that segment', rule: { metric: 'time', segment: 'category=Handyman', estimate: { at_most: '-10%' } }, reads: [read('time', 'all', [-0.05, -0.08, -0.02]), read('time', 'category=Handyman', [-0.13, -0.167, -0.098])], status: 'met', value: -0.13 },
  // polarity
  { name: 'stop: "null or negative" met by a negative estimate is triggered', rule: { metric: 'share', estimate: { at_most: '0pp' } }, reads: [read('share', 'all', [-0.01, -0.03, 0.01])], polarity: 'stop', status: 'met' },
  { name: 'stop: a positive estimate does not trigger it', rule: { metric: 'share', estimate: { at_most: '0pp' } }, reads: [read('share', 'all', [0.15, 0.115, 0.184])], polarity: 'stop', status: 'not_met' },
  // guardrails as a rule
  { name: 'guardrails: pass, all within', rule: { guardrails: 'pass' }, reads: CALM, status: 'met' },
  { name: 'Why: guardrails: pass, one past its limit (estimate +30%, upper +44.7% against +20%)', rule: { guardrails: 'pass' }, reads: [read('tickets', 'all', [0.3, 0.153, 0.447]), CALM[1]], status: 'not_met' },
  { name: 'guardrails: breached on a stop criterion, one breached: triggered', rule: { guardrails: 'breached' }, reads: [read('tickets', 'all', [0.3, 0.153, 0.447]), CALM[1]], polarity: 'stop', status: 'met' },
  { name: 'guardrails: breached on a stop criterion, none breached: not triggered', rule: { guardrails: 'breached' }, reads: CALM, polarity: 'stop', status: 'not_met' },
  { name: 'guardrails: a wide interval reaching past the limit is not yet shown within it: pass not met', rule: { guardrails: 'pass' }, reads: [read('tickets', 'all', [0.05, -0.12, 0.22]), CALM[1]], status: 'not_met' },
  { name: 'guardrails: …and not breached either: breached not triggered', rule: { guardrails: 'breached' }, reads: [read('tickets', 'all', [0.05, -0.12, 0.22]), CALM[1]], polarity: 'stop', status: 'not_met' },
  { name: 'guardrails: the worse end exactly at the limit is within it', rule: { guardrails: 'pass' }, reads: [read('tickets', 'all', [0.05, -0.1, 0.2]), CALM[1]], status: 'met' },
  { name: 'guardrails: higher is better, estimate −1.2 pp past a 1 pp margin: breached', rule: { guardrails: 'breached' }, reads: [CALM[0], read('returning', 'all', [-0.012, -0.02, -0.004])], polarity: 'stop', status: 'met' },
  { name: 'guardrails: a guardrail without a read gives no data', rule: { guardrails: 'pass' }, reads: [CALM[0]], status: 'no_data' },
  // data gaps
  { name: 'data gap: stated 6% against ≤ 5%', rule: { data_gap: 'gap', missing_share: { at_most: '5%' } }, reads: [], status: 'not_met' },
  { name: 'data gap: a measured share beats the stated one', rule: { data_gap: 'gap', missing_share: { at_most: '5%' } }, reads: [], quality: [{ id: 'mv', kind: 'missing_variant', status: 'warn', value: 0.18, after: 0.04, message: 'm', gap: 'gap' }], status: 'met' },
  { name: 'data gap: a share exactly at the bar', rule: { data_gap: 'gap', missing_share: { at_most: '6%' } }, reads: [], status: 'met' },
  { name: 'data gap: no share stated or measured', rule: { data_gap: 'unstated', missing_share: { at_most: '5%' } }, reads: [], status: 'no_data' },
  // no_segment
  {
    name: 'Why: no_segment written on ci_upper reads the upper bound, not the estimate',
    rule: { no_segment: { by: 'category', all: [{ metric: 'share', ci_upper: { at_most: '0pp' } }] } },
    reads: [read('share', 'category=Moving', [-0.01, -0.03, 0.02]), read('share', 'category=Plumbing', [0.01, -0.01, 0.03])],
    status: 'met',
  },
  {
    name: 'no_segment: a segment meeting every part of the pattern breaks it',
    rule: { no_segment: { by: 'category', all: [{ metric: 'share', estimate: { at_most: '-1pp' } }, { metric: 'time', estimate: { at_least: '0%' } }] } },
    reads: [read('share', 'category=Moving', [-0.015, -0.03, 0]), read('time', 'category=Moving', [0.01, -0.02, 0.04]), read('share', 'category=Plumbing', [-0.015, -0.03, 0]), read('time', 'category=Plumbing', [-0.1, -0.14, -0.06])],
    status: 'not_met',
  },
  { name: 'no_segment: no read by the dimension is no data', rule: { no_segment: { by: 'category', all: [{ metric: 'share', estimate: { at_most: '-1pp' } }] } }, reads: [read('share', 'all', [0, -0.01, 0.01])], status: 'no_data' },
];

describe('one meaning for every rule', () => {
  it('has at least 40 cases, every rule type, both polarities', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const types = new Set(CASES.map((c) => outcomeOf(c).type));
    expect([...types].sort()).toEqual(['data_gap', 'guardrails', 'metric', 'segments']);
    expect(new Set(CASES.map((c) => c.polarity ?? 'go'))).toEqual(new Set(['go', 'stop']));
  });

  it.each(CASES)('$name', (c) => {
    const o = outcomeOf(c);
    expect(o.status).toBe(c.status);
    if (c.value !== undefined) expect(o.type === 'metric' ? o.checks[0].value : undefined).toBe(c.value);
    // The words follow the polarity: a go rule is met / not met, a stop rule triggered / not triggered.
    const words: Record<string, Record<Status, Mark>> = {
      go: { met: 'met', not_met: 'not_met', no_data: 'no_data' },
      stop: { met: 'triggered', not_met: 'not_triggered', no_data: 'no_data' },
    };
    expect(markOf(o.status, o.polarity)).toBe(words[c.polarity ?? 'go'][c.status]);
  });

  it('colours by news for the decision: good when a go rule is met or a stop rule is not triggered', () => {
    expect([NEWS.met, NEWS.not_triggered, NEWS.not_met, NEWS.triggered, NEWS.not_clear, NEWS.no_data]).toEqual(['good', 'good', 'bad', 'bad', 'unknown', 'unknown']);
  });

  it.each([
    ['Why: estimate +30% and upper bound +44.7% past a +20% limit: breached, not "closest to its limit"', [0.3, 0.153, 0.447], 'met', 'triggered'],
    ['the whole interval within the limit', [0.02, -0.01, 0.05], 'not_met', 'not_triggered'],
    ['the worse end exactly at the limit', [0.05, -0.1, 0.2], 'not_met', 'not_triggered'],
    ['the estimate within, the interval reaching past the limit: not yet clear', [0.05, -0.12, 0.22], 'not_clear', 'not_clear'],
    ['the estimate exactly at the limit is not past it', [0.2, 0.1, 0.3], 'not_clear', 'not_clear'],
    ['no interval, the estimate within: no data', [0.05], 'no_data', 'no_data'],
    ['no interval, the estimate past the limit: breached', [0.25], 'met', 'triggered'],
  ] as const)('a guardrail check: %s', (_name, change, status, mark) => {
    const spec = specFromData({ deck: { title: 'T', owner: 'O', date: '2026-01-02' }, decision: { question: 'Q?', options: [{ id: 'A', label: 'A' }] }, metrics: METRICS, criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } } });
    const g = decide(spec, { confidence: 0.9, reads: [read('tickets', 'all', [...change] as Triple), CALM[1]], methods: [] }).guardrails[0];
    expect([g.status, markOf(g.status, g.polarity), g.bound, g.limit]).toEqual([status, mark, 'upper', 0.2]);
  });

  it('grades each segment with the same evaluator as the overall read', () => {
    const c: Case = {
      name: 'segments',
      rule: { metric: 'time', estimate: { at_most: '-10%' }, ci_upper: { at_most: '-5%' } },
      reads: [read('time', 'all', [-0.124, -0.138, -0.111]), read('time', 'category=Handyman', [-0.13, -0.167, -0.098]), read('time', 'category=Other', [-0.069, -0.104, -0.034])],
      status: 'met',
    };
    const o = outcomeOf(c);
    if (o.type !== 'metric') throw new Error('a metric rule');
    expect(o.segments.map((s) => [s.segment, s.status])).toEqual([['category=Handyman', 'met'], ['category=Other', 'not_met']]);
    for (const s of o.segments) {
      const alone = outcomeOf({ ...c, rule: { ...c.rule, segment: s.segment } });
      expect(alone.status, s.segment).toBe(s.status);
    }
  });
});

describe('the fallback: an outcome without rules ("otherwise")', () => {
  it('is the verdict when no criterion holds', () => {
    const spec = specFromData({
      deck: { title: 'T', owner: 'O', date: '2026-01-02' },
      decision: { question: 'Q?', options: [{ id: 'A', label: 'A' }, { id: 'C', label: 'Hold' }], fallback: { label: 'Otherwise: hold', option: 'C' } },
      metrics: METRICS,
      criteria: { go: { label: 'Go', option: 'A', all: [{ metric: 'share', estimate: { at_least: '2pp' } }] } },
    });
    const d = decide(spec, { confidence: 0.9, reads: [read('share', 'all', [0.01, -0.01, 0.03]), ...CALM], methods: [] });
    expect(d.verdict).toMatchObject({ criterion: 'fallback', label: 'Otherwise: hold', option: 'C', fallback: true, decidedBy: { by: 'fallback' } });
    expect(d.verdict.blockers.map((b) => b.criterion.id)).toEqual(['go']);
  });
});
