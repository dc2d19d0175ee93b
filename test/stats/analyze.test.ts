// The analyze stage end to end on small snapshots; the numbers are those of the unit-tested functions
// (themselves checked against R / statsmodels), so here we test the wiring, flags and diagnostics.
import { describe, expect, it } from 'vitest';
import type { SpecInput } from '../../src/spec/schema.js';
import { specFromData } from '../../src/spec/load.js';
import type { MetricsSnapshot } from '../../src/sources/snapshot.js';
import type { MetricRow } from '../../src/model/rows.js';
import { analyze } from '../../src/stats/analyze.js';
import { countValues } from '../../src/stats/sample.js';
import { newcombeDiff } from '../../src/stats/diffProportions.js';
import { holm } from '../../src/stats/multiplicity.js';

const baseSpec: SpecInput = {
  deck: { title: 'Quoting workflow', owner: 'Lead', date: '2026-11-24' },
  decision: { question: 'Expand?', options: [{ id: 'A', label: 'Expand' }], confidence: 0.9 },
  metrics: [
    { id: 'hire_rate', label: 'Hire rate (7d)', kind: 'proportion', unit: '%', better: 'higher', role: 'primary', segments: ['category'] },
    { id: 'ttfq', label: 'Median TTFQ', kind: 'median', unit: 'minutes', better: 'lower', role: 'primary' },
    { id: 'tickets', label: 'Support tickets', kind: 'rate', per: 100, unit: 'per 100 requests', better: 'lower', role: 'guardrail' },
    { id: 'acv', label: 'Deal size', kind: 'mean', unit: 'USD', better: 'higher', role: 'secondary' },
  ],
  prespecified_segments: ['category'],
  criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } },
};
const makeSpec = (extra: Partial<SpecInput> = {}) => specFromData({ ...baseSpec, ...extra });
const snap = (rows: MetricRow[], extra: Partial<MetricsSnapshot> = {}): MetricsSnapshot => ({ rows, provenance: {}, quality: [], ...extra });
const p = (segment: string, arm: string, successes: number, n: number): MetricRow => ({ metric: 'hire_rate', arm, segment, successes, n });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('analyze', () => {
  const rows = [
    p('all', 'control', 1200, 10000), p('all', 'treatment', 1250, 10000),
    p('category=Plumbing', 'control', 300, 2000), p('category=Plumbing', 'treatment', 350, 2000),
    p('category=Cleaning', 'control', 200, 2500), p('category=Cleaning', 'treatment', 180, 2500),
    p('geo=West', 'control', 500, 4000), p('geo=West', 'treatment', 560, 4000),
  ];

  it('reads proportions with Newcombe at the spec’s confidence, flags exploratory segments, adjusts by Holm', () => {
    const { results, diagnostics } = analyze(makeSpec(), deepFreeze(snap(rows)));
    expect(diagnostics.map((d) => d.code)).toEqual(['metrics/no-data', 'metrics/no-data', 'metrics/no-data']);
    expect(results.confidence).toBe(0.9);
    const reads = results.reads.filter((r) => r.metric === 'hire_rate');
    expect(reads.map((r) => r.segment)).toEqual(['all', 'category=Cleaning', 'category=Plumbing', 'geo=West']);
    const all = reads[0];
    const ref = newcombeDiff(1250, 10000, 1200, 10000, 0.9);
    expect(all.absolute).toMatchObject({ estimate: ref.estimate, ci: { lo: ref.lo, hi: ref.hi }, p: ref.p });
    expect(all.absolute!.pAdjusted).toBeUndefined();
    expect(all.control!.estimate).toBe(0.12);
    expect(all.relative!.estimate).toBeCloseTo(1250 / 1200 - 1, 12);
    expect(reads.map((r) => r.exploratory)).toEqual([false, false, false, true]);
    const ps = reads.slice(1).map((r) => r.absolute!.p!);
    expect(reads.slice(1).map((r) => r.absolute!.pAdjusted)).toEqual(holm(ps));
    expect(results.adjustment).toBe('holm');
    expect(results.methods).toContain('Newcombe hybrid score interval (method 10)');
    expect(results.methods).toContain('Wilson score interval');
  });

  it('all segment reads are exploratory when no segments were pre-specified', () => {
    const { results } = analyze(makeSpec({ prespecified_segments: undefined }), snap(rows));
    expect(results.reads.filter((r) => r.segment !== 'all').every((r) => r.exploratory)).toBe(true);
  });

  it('widens intervals by the design effect', () => {
    const plain = analyze(makeSpec(), snap(rows.slice(0, 2))).results.reads[0];
    const { results } = analyze(makeSpec({ design: { cluster_size: 30, icc: 0.02 } }), snap(rows.slice(0, 2)));
    const clustered = results.reads[0];
    expect(clustered.designEffect).toBeCloseTo(1.58, 12);
    const width = (r: typeof plain) => r.absolute!.ci!.hi - r.absolute!.ci!.lo;
    expect(width(clustered) / width(plain)).toBeCloseTo(Math.sqrt(1.58), 2);
    expect(results.methods.some((m) => m.startsWith('Design effect 1 + (m − 1)·ICC = 1.58'))).toBe(true);
  });

  it('reads means (sd or sums), rates per 100 and medians from raw values', () => {
    const values = (k: number) => Array.from({ length: 301 }, (_, i) => k * (1 + i / 10));
    const { results, diagnostics } = analyze(makeSpec(), snap([
      { metric: 'acv', arm: 'control', segment: 'all', n: 400, mean: 1000, sd: 300 },
      { metric: 'acv', arm: 'treatment', segment: 'all', n: 400, sum: 420000, sum_sq: 400 * 1050 ** 2 + 399 * 310 ** 2 },
      { metric: 'tickets', arm: 'control', segment: 'all', events: 118, exposure: 1520 },
      { metric: 'tickets', arm: 'treatment', segment: 'all', events: 132, exposure: 1500 },
      { metric: 'ttfq', arm: 'control', segment: 'all', value_counts: countValues(values(1)) },
      { metric: 'ttfq', arm: 'treatment', segment: 'all', value_counts: countValues(values(0.9)) },
    ]));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const by = (id: string) => results.reads.find((r) => r.metric === id)!;
    expect(by('acv').absolute!.estimate).toBeCloseTo(50, 9);
    expect(by('acv').absolute!.method).toMatch(/Welch/);
    expect(by('tickets').treatment!.estimate).toBeCloseTo(8.8, 12);
    expect(by('tickets').absolute!.estimate).toBeCloseTo(1.036842105263157, 12);
    expect(by('ttfq').control!.estimate).toBe(16); // type 7 median of 1 + i/10, i = 0..300
    expect(by('ttfq').absolute!.estimate).toBeCloseTo(-1.6, 12);
    expect(by('ttfq').relative!.estimate).toBeCloseTo(-0.1, 12);
    expect(by('ttfq').absolute!.method).toMatch(/Percentile bootstrap/);
  });

  it('takes precomputed reads as they are, and change rows win', () => {
    const { results } = analyze(makeSpec(), snap([
      { metric: 'ttfq', arm: 'control', segment: 'all', estimate: 30, ci_low: 29, ci_high: 31, n: 5000 },
      { metric: 'ttfq', arm: 'treatment', segment: 'all', estimate: 27, ci_low: 26, ci_high: 28, n: 5000 },
      { metric: 'ttfq', arm: 'rel_change', segment: 'all', estimate: -0.12, ci_low: -0.15, ci_high: -0.08 },
    ]));
    const r = results.reads[0];
    expect(r.control).toEqual({ estimate: 30, ci: { lo: 29, hi: 31 }, n: 5000 });
    expect(r.relative).toEqual({ estimate: -0.12, ci: { lo: -0.15, hi: -0.08 }, method: 'Precomputed (taken as supplied)' });
    expect(r.absolute!.estimate).toBe(-3);
    expect(r.absolute!.ci!.lo).toBeCloseTo(-3 - Math.SQRT2, 9); // se per arm = 1/z, combined √2/z
    expect(r.designEffect).toBe(1);
  });

  it('uses the spec’s arm labels and runs the SRM test on assignments', () => {
    const spec = makeSpec({ arms: { control: 'A', treatment: 'B', planned_split: 0.1 } });
    const { results, diagnostics } = analyze(spec, snap([p('all', 'A', 900, 9100), p('all', 'B', 100, 900)], { assignments: { A: 9100, B: 900 } }));
    expect(results.reads[0].control!.n).toBe(9100);
    expect(results.srm).toMatchObject({ counts: { A: 9100, B: 900 }, expectedShare: 0.1, mismatch: true });
    expect(results.srm!.p).toBeCloseTo(0.000858120666394, 12); // R: chisq.test(c(9100, 900), p = c(.9, .1))
    expect(diagnostics.filter((d) => d.code !== 'metrics/no-data').map((d) => d.code)).toEqual(['metrics/srm']);
  });

  it('turns bad rows into diagnostics, not crashes', () => {
    const { results, diagnostics } = analyze(makeSpec(), snap([
      p('all', 'control', 1300, 1200), p('all', 'treatment', 10, 100),
      p('category=Plumbing', 'control', 1, 0), p('category=Plumbing', 'treatment', 1, 10),
      p('category=Cleaning', 'treatment', 1, 10),
      { metric: 'acv', arm: 'control', segment: 'all', n: 10, mean: Number.NaN, sd: 1 },
      { metric: 'acv', arm: 'treatment', segment: 'all', n: 10, mean: 1, sd: 1 },
      { metric: 'tickets', arm: 'control', segment: 'all', estimate: 1 },
      { metric: 'tickets', arm: 'treatment', segment: 'all', events: 3, exposure: 10 },
      { metric: 'hire_rat', arm: 'control', segment: 'all', successes: 1, n: 2 },
    ]));
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining([
      'metrics/successes-exceed-n', 'metrics/invalid-n', 'metrics/missing-arm', 'metrics/not-a-number', 'metrics/unreadable', 'metrics/unknown-metric', 'metrics/no-data',
    ]));
    expect(diagnostics.find((d) => d.code === 'metrics/unknown-metric')!.hint).toMatch(/did you mean 'hire_rate'/);
    expect(diagnostics.find((d) => d.code === 'metrics/successes-exceed-n')!.message).toMatch(/hire_rate \(segment all, arm control\): successes \(1300\) exceed n \(1200\)/);
    expect(diagnostics.find((d) => d.code === 'metrics/missing-arm')).toMatchObject({ severity: 'warning' });
    expect(results.reads.find((r) => r.metric === 'hire_rate' && r.segment === 'all')!.absolute).toBeNull();
  });

  it('a library-level refusal (n < 2 for Welch) becomes a metrics diagnostic', () => {
    const { diagnostics } = analyze(makeSpec(), snap([
      { metric: 'acv', arm: 'control', segment: 'all', n: 1, mean: 3, sd: 0 },
      { metric: 'acv', arm: 'treatment', segment: 'all', n: 5, mean: 3, sd: 1 },
    ]));
    expect(diagnostics.some((d) => d.code === 'metrics/invalid-input' && /acv \(segment all\)/.test(d.message))).toBe(true);
  });
});
