// STAND-IN until the statistics branch lands: reads precomputed rows only.
import type { Spec } from '../spec/schema.js';
import type { MetricsSnapshot, MetricRow } from '../sources/snapshot.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ArmRead, ChangeRead, MetricRead, Results } from './results.js';

export function analyze(spec: Spec, snapshot: MetricsSnapshot): { results: Results; diagnostics: Diagnostic[] } {
  const reads: MetricRead[] = [];
  const control = spec.arms?.control ?? 'control';
  const treatment = spec.arms?.treatment ?? 'treatment';
  for (const m of spec.metrics) {
    const rows = snapshot.rows.filter((r) => r.metric === m.id);
    for (const segment of [...new Set(rows.map((r) => r.segment))].sort()) {
      const at = (arm: string) => rows.find((r) => r.arm === arm && r.segment === segment);
      const arm = (r?: MetricRow): ArmRead | null => (r?.estimate === undefined ? null : { estimate: r.estimate, ci: r.ci_low !== undefined && r.ci_high !== undefined ? { lo: r.ci_low, hi: r.ci_high } : null, n: r.n ?? null });
      const change = (r?: MetricRow): ChangeRead | null => (r?.estimate === undefined ? null : { estimate: r.estimate, ci: r.ci_low !== undefined && r.ci_high !== undefined ? { lo: r.ci_low, hi: r.ci_high } : null, method: 'precomputed' });
      reads.push({ metric: m.id, segment, control: arm(at(control)), treatment: arm(at(treatment)), absolute: change(at('abs_change')), relative: change(at('rel_change')), exploratory: segment !== 'all' && !(spec.prespecified_segments ?? []).includes(segment.split('=')[0]), designEffect: 1 });
    }
  }
  return { results: { confidence: spec.decision.confidence, reads, methods: ['precomputed'] }, diagnostics: [] };
}
