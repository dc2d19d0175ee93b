import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/spec/load.js';
import { decide } from '../../src/decide/decide.js';
import type { MetricRead, Results } from '../../src/stats/results.js';

const SPEC = `deck: {title: T, owner: O, date: 2026-01-02}
decision:
  question: Q?
  confidence: 0.9
  options: [{id: A, label: Full}, {id: B, label: Partial}, {id: C, label: Hold}]
metrics:
  - {id: speed, label: Speed, kind: median, unit: minutes, better: lower, role: primary}
  - {id: hire, label: Hire rate, kind: proportion, unit: share, better: higher, role: primary}
  - {id: tickets, label: Tickets, kind: rate, per: 100, unit: per 100, better: lower, role: guardrail, max_worsening: 10%}
data_gaps:
  - {id: gap, description: Missing variant, metrics: [speed], severity: medium, bias_direction: unknown, mitigation: join, residual_risk: some, missing_share: 6%}
criteria:
  go_full:
    label: Full
    option: A
    all:
      - {metric: speed, estimate: {at_most: -10%}, ci_upper: {at_most: -5%}}
      - {data_gap: gap, missing_share: {at_most: 5%}}
  go_partial:
    label: Partial
    option: B
    all:
      - {metric: speed, estimate: {at_most: -10%}, ci_upper: {at_most: -5%}}
      - {metric: hire, ci_lower: {at_least: -1.0pp}}
      - {guardrails: pass}
  no_go:
    label: Hold
    option: C
    any:
      - {guardrails: breached}
`;

function read(metric: string, rel: [number, number, number] | null, abs: [number, number, number] | null, segment = 'all'): MetricRead {
  const ch = (x: [number, number, number] | null) => (x ? { estimate: x[0], ci: { lo: x[1], hi: x[2] }, method: 'test' } : null);
  return { metric, segment, control: null, treatment: null, relative: ch(rel), absolute: ch(abs), exploratory: false, designEffect: 1 };
}

function results(reads: MetricRead[]): Results {
  return { confidence: 0.9, reads, methods: [] };
}

const spec = parseSpecText(SPEC, 's.yaml', '/tmp').spec;

describe('decide', () => {
  it('picks the first criterion whose rules all hold, and says which rule stopped the one above', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [-0.002, -0.006, 0.001]), read('tickets', [0.03, -0.02, 0.08], null)]));
    expect(d.verdict.criterion).toBe('go_partial');
    expect(d.verdict.option).toBe('B');
    expect(d.verdict.decidedBy).toContain('all 3 rules');
    expect(d.verdict.blockers).toEqual([{ criterion: 'go_full', label: 'Full', rule: 'Missing variant: missing share ≤ 5%', status: 'fail', reason: 'stated missing share 6%' }]);
    const full = d.criteria.find((c) => c.id === 'go_full')!;
    expect(full.rules.map((r) => r.status)).toEqual(['pass', 'fail']);
  });

  it('treats a guardrail as non-inferiority: pass inside the margin, inconclusive across it, fail beyond it', () => {
    const status = (ci: [number, number, number]) => decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', ci, null)])).guardrails[0].status;
    expect(status([0.03, -0.02, 0.08])).toBe('pass');
    expect(status([0.08, 0.02, 0.14])).toBe('inconclusive');
    expect(status([0.16, 0.12, 0.2])).toBe('fail');
  });

  it('a breached guardrail makes the any-rule no_go hold', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', [0.16, 0.12, 0.2], null)]));
    expect(d.verdict.criterion).toBe('no_go');
    expect(d.verdict.fallback).toBe(false);
    expect(d.verdict.decidedBy).toContain('Any guardrail breached');
  });

  it('an interval straddling the bar is inconclusive, not a pass or a fail', () => {
    const d = decide(spec, results([read('speed', [-0.09, -0.13, -0.04], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', [0, -0.01, 0.01], null)]));
    const rule = d.criteria.find((c) => c.id === 'go_partial')!.rules[0];
    expect(rule.status).toBe('inconclusive');
    expect(d.verdict.criterion).toBe('no_go'); // fallback: the last criterion
    expect(d.verdict.fallback).toBe(true);
  });

  it('re-evaluates the criteria at the interval ends and says when the verdict flips', () => {
    const d = decide(spec, results([read('speed', [-0.11, -0.14, -0.085], null), read('hire', null, [-0.002, -0.006, 0.001]), read('tickets', [0.03, -0.02, 0.08], null)]));
    const byName = Object.fromEntries(d.scenarios.map((s) => [s.name, s]));
    expect(byName.base.verdict.criterion).toBe('go_partial');
    expect(byName.base.flips).toBe(false);
    // worst: speed at −8.5% pushed by the 6% missing share → −8.5% + 0.06·11% ≈ −7.8%: misses the −10% bar
    expect(byName.worst.changes.find((c) => c.metric === 'speed')!.estimate).toBeCloseTo(-0.085 + 0.06 * 0.11, 10);
    expect(byName.worst.verdict.criterion).toBe('no_go');
    expect(byName.worst.flips).toBe(true);
    expect(byName.best.changes.find((c) => c.metric === 'speed')!.estimate).toBeCloseTo(-0.14 - 0.06 * 0.11, 10);
  });

  it('reports missing data for a rule as inconclusive with the reason', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null)]));
    const hire = d.criteria.find((c) => c.id === 'go_partial')!.rules[1];
    expect(hire.status).toBe('inconclusive');
    expect(hire.reason).toContain('no absolute change');
  });
});
