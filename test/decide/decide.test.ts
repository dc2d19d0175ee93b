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
    expect(d.verdict.decidedBy).toEqual({ by: 'all', criterion: 'go_partial' });
    expect(d.verdict.blockers.map((b) => [b.criterion.id, b.rule?.rule.id, b.rule?.status])).toEqual([['go_full', 'go_full.all[1]', 'not_met']]);
    const gap = d.verdict.blockers[0].rule!;
    expect(gap.type === 'data_gap' && [gap.share, gap.source]).toEqual([0.06, 'stated']);
    const full = d.criteria.find((c) => c.id === 'go_full')!;
    expect(full.rules.map((r) => r.status)).toEqual(['met', 'not_met']);
  });

  it('treats a guardrail as non-inferiority: within, not yet clear while the interval reaches past the limit, breached once the estimate does', () => {
    const guard = (ci: [number, number, number]) => decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', ci, null)])).guardrails[0];
    expect(guard([0.03, -0.02, 0.08]).status).toBe('not_met');
    expect(guard([0.08, 0.02, 0.14]).status).toBe('not_clear');
    expect(guard([0.08, 0.02, 0.14])).toMatchObject({ polarity: 'stop', bound: 'upper', limit: 0.1, value: 0.14 });
    expect(guard([0.16, 0.12, 0.2]).status).toBe('met');
    // exactly at the limit is still within it
    expect(guard([0.05, 0, 0.1]).status).toBe('not_met');
  });

  it('a breached guardrail makes the any-rule no_go hold, decided by that rule', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', [0.16, 0.12, 0.2], null)]));
    expect(d.verdict.criterion).toBe('no_go');
    expect(d.verdict.fallback).toBe(false);
    expect(d.verdict.decidedBy.by === 'rule' && d.verdict.decidedBy.rule.rule.id).toBe('no_go.any[0]');
  });

  it('an upper bound past the bar is not met (never "inconclusive"), and no criterion holding means the fallback', () => {
    const d = decide(spec, results([read('speed', [-0.09, -0.13, -0.04], null), read('hire', null, [0, -0.001, 0.001]), read('tickets', [0, -0.01, 0.01], null)]));
    const rule = d.criteria.find((c) => c.id === 'go_partial')!.rules[0];
    expect(rule.status).toBe('not_met');
    expect(rule.type === 'metric' && rule.checks.map((c) => [c.check.type === 'bound' && c.check.on, c.status, c.value])).toEqual([
      ['estimate', 'not_met', -0.09],
      ['upper', 'not_met', -0.04],
    ]);
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

  it('keeps a change read with no interval without one in every case: a check on an interval end has no data there either', () => {
    // Tickets has an estimate and no interval: the guardrail, read on its bound, has no data in the base case. The best
    // and worst cases had made a point of it ([x, x]) and found it within its limit, so the verdict "changed" on a
    // value all three cases share.
    const noInterval: MetricRead = { ...read('tickets', null, null), relative: { estimate: 0.03, ci: null, method: 'test' } };
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [-0.002, -0.006, 0.001]), noInterval]));
    for (const s of d.scenarios) {
      const guardrails = s.criteria.find((c) => c.id === 'go_partial')!.rules[2];
      expect(guardrails.status, s.name).toBe(d.criteria.find((c) => c.id === 'go_partial')!.rules[2].status);
      expect(s.verdict.criterion, s.name).toBe(d.verdict.criterion);
    }
    expect(d.scenarios.every((s) => !s.flips)).toBe(true);
  });

  it('reports a missing read as no data, with no number to compare', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null)]));
    const hire = d.criteria.find((c) => c.id === 'go_partial')!.rules[1];
    expect(hire.status).toBe('no_data');
    expect(hire.type === 'metric' && hire.read).toBeNull();
  });

  it('counts each rule once by its mark', () => {
    const d = decide(spec, results([read('speed', [-0.12, -0.15, -0.08], null), read('hire', null, [-0.002, -0.006, 0.001]), read('tickets', [0.03, -0.02, 0.08], null)]));
    expect(d.counts).toEqual({ met: 4, not_met: 1, triggered: 0, not_triggered: 1, not_clear: 0, no_data: 0 });
  });
});
