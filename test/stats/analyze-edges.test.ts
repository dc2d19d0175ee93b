// analyze: method choices, unbounded ratios, design effect on rates and quantiles, precomputed checks.
import { describe, expect, it } from 'vitest';
import type { SpecInput } from '../../src/spec/schema.js';
import { specFromData } from '../../src/spec/load.js';
import type { MetricRow } from '../../src/model/rows.js';
import { analyze } from '../../src/stats/analyze.js';
import { countValues } from '../../src/stats/sample.js';
import { waldDiff } from '../../src/stats/diffProportions.js';
import { garwoodRate } from '../../src/stats/rates.js';

type MetricInput = SpecInput['metrics'][number];
const metric = (m: Partial<MetricInput> & Pick<MetricInput, 'id' | 'kind'>): MetricInput => ({ label: m.id, unit: 'u', better: 'higher', role: 'primary', ...m });
function run(metrics: MetricInput[], rows: MetricRow[], extra: Partial<SpecInput> = {}) {
  const spec = specFromData({
    deck: { title: 'T', owner: 'O', date: '2026-11-24' },
    decision: { question: 'Q?', options: [{ id: 'A', label: 'A' }], confidence: 0.9 },
    metrics,
    criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } },
    ...extra,
  });
  return analyze(spec, { rows, provenance: {}, quality: [] });
}

describe('analyze, edges', () => {
  it('Wald for proportions only when the metric asks', () => {
    const rows: MetricRow[] = [
      { metric: 'hr', arm: 'control', segment: 'all', successes: 1200, n: 10000 },
      { metric: 'hr', arm: 'treatment', segment: 'all', successes: 1250, n: 10000 },
    ];
    const r = run([metric({ id: 'hr', kind: 'proportion', method: 'wald' })], rows).results.reads[0];
    const ref = waldDiff(1250, 10000, 1200, 10000, 0.9);
    expect(r.absolute!.ci).toEqual({ lo: ref.lo, hi: ref.hi });
    expect((r.absolute!.ci!.lo * 100).toFixed(2)).toBe('-0.26');
  });

  it('a control mean near zero gives Fieller, unbounded, with a warning', () => {
    const { results, diagnostics } = run([metric({ id: 'm', kind: 'mean' })], [
      { metric: 'm', arm: 'control', segment: 'all', n: 50, mean: 0.1, sd: 2 },
      { metric: 'm', arm: 'treatment', segment: 'all', n: 50, mean: 0.5, sd: 2 },
    ]);
    const rel = results.reads[0].relative!;
    expect(rel.ci).toBeNull();
    expect(rel.method).toMatch(/Fieller.*unbounded/);
    expect(diagnostics.map((d) => d.code)).toContain('metrics/unbounded-ratio');
    expect(results.reads[0].absolute!.ci).not.toBeNull();
  });

  it('rates: per-100 arms are Garwood on effective counts under a design effect', () => {
    const rows: MetricRow[] = [
      { metric: 't', arm: 'control', segment: 'all', events: 118, exposure: 1520 },
      { metric: 't', arm: 'treatment', segment: 'all', events: 132, exposure: 1500 },
    ];
    const r = run([metric({ id: 't', kind: 'rate', per: 100 })], rows, { design: { cluster_size: 11, icc: 0.1 } }).results.reads[0];
    expect(r.designEffect).toBeCloseTo(2, 12);
    const ref = garwoodRate(66, 750, 0.9, 100);
    expect(r.treatment!.estimate).toBeCloseTo(8.8, 12);
    expect(r.treatment!.ci!.lo).toBeCloseTo(ref.lo, 12);
    expect(r.treatment!.ci!.hi).toBeCloseTo(ref.hi, 12);
  });

  it('P90 from raw values; the interval widens by √deff', () => {
    const vals = (k: number) => Array.from({ length: 1001 }, (_, i) => k * i);
    const rows: MetricRow[] = [
      { metric: 'p90', arm: 'control', segment: 'all', value_counts: countValues(vals(1)) },
      { metric: 'p90', arm: 'treatment', segment: 'all', value_counts: countValues(vals(0.8)) },
    ];
    const m = [metric({ id: 'p90', kind: 'quantile', quantile: 0.9, better: 'lower' })];
    const plain = run(m, rows).results.reads[0];
    const wide = run(m, rows, { design: { cluster_size: 5, icc: 0.25 } }).results.reads[0];
    expect(plain.control!.estimate).toBe(900);
    expect(plain.absolute!.estimate).toBeCloseTo(-180, 9);
    const half = (r: typeof plain) => r.absolute!.ci!.hi - r.absolute!.estimate;
    expect(half(wide) / half(plain)).toBeCloseTo(Math.SQRT2, 9);
    expect(wide.absolute!.method).toMatch(/widened by √deff/);
  });

  it('a quantile metric without `quantile:` is a diagnostic (the spec refuses it too: this is for specs built in code)', () => {
    const spec = specFromData({ deck: { title: 'T', owner: 'O', date: '2026-11-24' }, decision: { question: 'Q?', options: [{ id: 'A', label: 'A' }] }, metrics: [metric({ id: 'q', kind: 'quantile', quantile: 0.9 })], criteria: { go: { label: 'Go', all: [{ guardrails: 'pass' }] } } });
    const { diagnostics } = analyze({ ...spec, metrics: spec.metrics.map((m) => ({ ...m, quantile: undefined })) }, { rows: [
      { metric: 'q', arm: 'control', segment: 'all', value_counts: [[1, 1], [2, 1], [3, 1]] },
      { metric: 'q', arm: 'treatment', segment: 'all', value_counts: [[1, 1], [2, 1], [3, 1]] },
    ], provenance: {}, quality: [] });
    expect(diagnostics.map((d) => d.code)).toEqual(['metrics/unreadable']);
    expect(diagnostics[0].message).toMatch(/needs `quantile:` \(e\.g\. 0\.9 for P90\)/);
  });

  it('precomputed rows are checked: estimate outside its CI, NaN in values, duplicate rows', () => {
    const { diagnostics } = run([metric({ id: 'a', kind: 'mean' }), metric({ id: 'b', kind: 'median' })], [
      { metric: 'a', arm: 'control', segment: 'all', estimate: 5, ci_low: 1, ci_high: 2 },
      { metric: 'a', arm: 'treatment', segment: 'all', estimate: 1.5, ci_low: 1, ci_high: 2 },
      { metric: 'a', arm: 'treatment', segment: 'all', estimate: 1.5, ci_low: 1, ci_high: 2 },
      { metric: 'b', arm: 'control', segment: 'all', value_counts: [[1, 1], [Number.NaN, 1]] },
      { metric: 'b', arm: 'treatment', segment: 'all', value_counts: [[1, 1], [2, 1]] },
    ]);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['metrics/ci-order', 'metrics/duplicate-row', 'metrics/not-a-number']);
    expect(diagnostics.every((d) => d.hint && d.message)).toBe(true);
  });

  it('relative p-values are Holm-adjusted within the family too', () => {
    const rows: MetricRow[] = ['x=1', 'x=2', 'x=3'].flatMap((segment, i) => [
      { metric: 'hr', arm: 'control', segment, successes: 100, n: 1000 },
      { metric: 'hr', arm: 'treatment', segment, successes: 110 + 20 * i, n: 1000 },
    ]);
    const reads = run([metric({ id: 'hr', kind: 'proportion' })], rows).results.reads;
    for (const r of reads) {
      expect(r.relative!.pAdjusted).toBeGreaterThanOrEqual(r.relative!.p!);
      expect(r.exploratory).toBe(true);
    }
  });
});

describe('analyze, impossible design', () => {
  it('cluster_size below 1 is a diagnostic, and reads go on without a design effect', () => {
    const { results, diagnostics } = run([metric({ id: 'hr', kind: 'proportion' })], [
      { metric: 'hr', arm: 'control', segment: 'all', successes: 10, n: 100 },
      { metric: 'hr', arm: 'treatment', segment: 'all', successes: 12, n: 100 },
    ], { design: { cluster_size: 0.5, icc: 0.1 } });
    expect(diagnostics.map((d) => d.code)).toEqual(['metrics/design-effect']);
    expect(results.reads[0].designEffect).toBe(1);
  });
});
