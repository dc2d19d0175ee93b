// The normalize stage: thresholds parsed once into numbers on their scale, rules typed, polarity,
// fallback and target resolved; every bad bar is one error pointing into the YAML.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseSpecText } from '../../src/spec/load.js';
import { GonogoError } from '../../src/diagnostics.js';
import { runCli } from '../support/cli.js';

const base = {
  deck: { title: 'T', owner: 'O', date: '2026-01-02' },
  decision: { question: 'Q?', options: [{ id: 'A', label: 'Ship' }, { id: 'C', label: 'Hold' }] },
  metrics: [
    { id: 'conv', label: 'Conversion', kind: 'proportion', unit: 'share', better: 'higher', role: 'primary' },
    { id: 'aov', label: 'Order value', kind: 'mean', unit: 'USD', better: 'higher', role: 'secondary' },
    { id: 'refunds', label: 'Refunds', kind: 'proportion', unit: 'share', better: 'lower', role: 'guardrail', max_worsening: '0.5pp' },
  ],
};

const load = (extra: Record<string, unknown>) => parseSpecText(stringify({ ...base, ...extra }), 'gonogo.yaml', '/tmp').spec;

function refusal(extra: Record<string, unknown>): { message: string; line?: number; col?: number } {
  try {
    parseSpecText(stringify({ ...base, ...extra }), 'gonogo.yaml', '/tmp');
  } catch (err) {
    if (!(err instanceof GonogoError)) throw err;
    const d = err.diagnostics[0];
    return { message: d.message, line: d.pos?.line, col: d.pos?.col };
  }
  throw new Error('expected the spec to be refused');
}

describe('normalize', () => {
  it('turns every bar into a number on its scale, once', () => {
    const spec = load({ criteria: { go: { label: 'Go', all: [{ metric: 'conv', estimate: { at_least: '+1.5pp' }, interval: { excludes: 0 } }, { metric: 'aov', ci_lower: { at_least: '-2%' } }] } } });
    const [r1, r2] = spec.criteria[0].rules;
    expect(r1).toMatchObject({ type: 'metric', id: 'go.all[0]', metric: 'conv', segment: 'all', scale: 'absolute', scaleFrom: 'inferred' });
    expect(r1.type === 'metric' && r1.checks).toEqual([
      { type: 'bound', on: 'estimate', side: 'at_least', bar: { value: 0.015, scale: 'absolute', unit: 'pp', written: '+1.5pp' } },
      { type: 'interval', relation: 'excludes', bar: { value: 0, scale: 'absolute', unit: 'pp', written: '0' } },
    ]);
    expect(r2.type === 'metric' && r2.checks[0].bar).toEqual({ value: -0.02, scale: 'relative', unit: '%', written: '-2%' });
    expect(spec.metrics[2].max_worsening).toEqual({ value: 0.005, scale: 'absolute', unit: 'pp', written: '0.5pp' });
  });

  it('reads a bar of plain zero on either scale (it is zero on both), and takes the kind’s scale when only zeros are written', () => {
    const spec = load({ criteria: { go: { label: 'Go', all: [{ metric: 'aov', estimate: { at_least: '-5%' }, interval: { excludes: 0 } }, { metric: 'aov', interval: { above: 0 } }] } } });
    expect(spec.criteria[0].rules.map((r) => r.type === 'metric' && r.scale)).toEqual(['relative', 'relative']);
  });

  it('infers a stop polarity from the id or the label, and keeps a written one', () => {
    const spec = load({
      criteria: {
        go: { label: 'Go', all: [{ guardrails: 'pass' }] },
        no_go: { label: 'No-go', any: [{ guardrails: 'breached' }] },
        pause: { label: 'Hold and instrument', any: [{ guardrails: 'breached' }] },
        iterate: { label: 'Iterate', polarity: 'stop', all: [{ guardrails: 'pass' }] },
      },
    });
    expect(spec.criteria.map((c) => [c.id, c.polarity, c.polarityFrom])).toEqual([
      ['go', 'go', 'inferred'],
      ['no_go', 'stop', 'inferred'],
      ['pause', 'stop', 'inferred'],
      ['iterate', 'stop', 'spec'],
    ]);
  });

  it('resolves the fallback (a criterion or an outcome of its own) and the target (the first go criterion unless named)', () => {
    const named = load({ decision: { ...base.decision, fallback: 'no_go', target: 'partial' }, criteria: { no_go: { label: 'No-go', any: [{ guardrails: 'breached' }] }, full: { label: 'Full', all: [{ guardrails: 'pass' }] }, partial: { label: 'Partial', all: [{ guardrails: 'pass' }] } } });
    expect(named.decision).toMatchObject({ fallback: { id: 'no_go', label: 'No-go', criterion: true }, target: 'partial', targetFrom: 'spec' });
    const otherwise = load({ decision: { ...base.decision, fallback: { label: 'Otherwise: hold', option: 'C' } }, criteria: { no_go: { label: 'No-go', any: [{ guardrails: 'breached' }] }, full: { label: 'Full', all: [{ guardrails: 'pass' }] } } });
    expect(otherwise.decision).toMatchObject({ fallback: { id: 'fallback', label: 'Otherwise: hold', option: 'C', criterion: false }, target: 'full', targetFrom: 'default' });
  });

  it('refuses a bar that is not a number, at its line and column: a NaN threshold cannot reach decide', () => {
    const r = refusal({ criteria: { go: { label: 'Go', all: [{ metric: 'conv', interval: { above: 'lots' } }] } } });
    expect(r.message).toBe('criteria.go.all[0].interval.above: "lots" is not a number, a percentage or a pp value');
    expect(r.line).toBeGreaterThan(1);
    expect(refusal({ criteria: { go: { label: 'Go', all: [{ metric: 'conv', estimate: { at_least: '.' } }] } } }).message).toMatch(/"\." is not a number/);
  });

  it('refuses a percentage bar on an absolute rule of a proportion, and pp on a relative one', () => {
    expect(refusal({ criteria: { go: { label: 'Go', all: [{ metric: 'conv', scale: 'absolute', ci_lower: { at_least: '-1%' } }] } } }).message).toMatch(/is a percentage but the rule compares an absolute change of a proportion/);
    expect(refusal({ criteria: { go: { label: 'Go', all: [{ metric: 'conv', scale: 'relative', ci_lower: { at_least: '-1pp' } }] } } }).message).toMatch(/is in percentage points but the rule compares a relative change/);
  });

  it('refuses a rule without a condition, and a fallback outcome whose option does not exist', () => {
    expect(refusal({ criteria: { go: { label: 'Go', all: [{ metric: 'conv' }] } } }).message).toMatch(/criteria.go.all\[0\] has no condition/);
    expect(refusal({ decision: { ...base.decision, fallback: { label: 'Hold', option: 'Z' } }, criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } } }).message).toMatch(/decision.fallback.option names option "Z"/);
    expect(refusal({ decision: { ...base.decision, target: 'nope' }, criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } } }).message).toMatch(/decision.target names criterion "nope"/);
  });

  it('gonogo validate --normalized prints the spec as every later stage reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-norm-'));
    try {
      writeFileSync(join(dir, 'gonogo.yaml'), stringify({ ...base, criteria: { go: { label: 'Go', all: [{ metric: 'conv', interval: { excludes: 0 } }] } } }));
      const r = await runCli(['validate', dir, '--normalized']);
      expect(r.code, r.stderr).toBe(0);
      const spec = JSON.parse(r.stdout);
      expect(spec.criteria[0]).toMatchObject({ id: 'go', polarity: 'go', mode: 'all', rules: [{ type: 'metric', checks: [{ type: 'interval', relation: 'excludes' }] }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bars written in % or pp', () => {
  it('are the same doubles as the decimal fractions a metrics file holds (a bar at an interval end compares equal)', () => {
    const spec = load({ criteria: { go: { label: 'Go', all: [{ metric: 'aov', ci_lower: { at_least: '-12.3%' }, ci_upper: { at_most: '+0.7%' } }, { metric: 'conv', ci_lower: { at_least: '-1.1pp' } }] } } });
    const bars = spec.criteria[0].rules.flatMap((r) => (r.type === 'metric' ? r.checks.map((c) => c.bar.value) : []));
    expect(bars).toEqual([-0.123, 0.007, -0.011]);
    expect(bars).toEqual([Number('-0.123'), Number('0.007'), Number('-0.011')]);
  });
});
