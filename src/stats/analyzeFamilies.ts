// After the reads: Holm adjustment within each metric's segment family, and the sample-ratio check.
import type { Diagnostic } from '../diagnostics.js';
import type { ChangeRead, MetricRead, SrmResult } from './results.js';
import { OVERALL } from '../model/rows.js';
import { holm } from './multiplicity.js';
import { sampleRatioMismatch } from './srm.js';

/**
 * The family is every segment read (not the overall read) of one metric; absolute and relative
 * p-values are adjusted separately. Sets pAdjusted in place on the freshly built reads. Returns whether any family existed.
 */
export function adjustFamilies(reads: MetricRead[]): boolean {
  let any = false;
  const byMetric = new Map<string, MetricRead[]>();
  for (const r of reads) if (r.segment !== OVERALL) byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r]);
  for (const family of byMetric.values()) {
    for (const pick of [(r: MetricRead) => r.absolute, (r: MetricRead) => r.relative]) {
      const changes = family.map(pick).filter((c): c is ChangeRead => c !== null && c.p !== undefined);
      if (changes.length === 0) continue;
      any = true;
      holm(changes.map((c) => c.p!)).forEach((p, i) => (changes[i].pAdjusted = p));
    }
  }
  return any;
}

export function srmFor(
  assignments: Record<string, number> | undefined,
  labels: { control: string; treatment: string },
  plannedTreatmentShare: number,
  diags: Diagnostic[],
): SrmResult | undefined {
  if (!assignments) return undefined;
  const c = assignments[labels.control];
  const t = assignments[labels.treatment];
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!ok(c) || !ok(t) || c + t === 0) {
    diags.push({
      code: 'metrics/srm-input', severity: 'warning',
      message: `the sample-ratio test needs assigned counts for '${labels.control}' and '${labels.treatment}'; got ${JSON.stringify(assignments)}`,
      hint: 'assignments are unit counts per arm from the assignment table',
    });
    return undefined;
  }
  const srm = sampleRatioMismatch(c, t, plannedTreatmentShare, labels);
  if (srm.mismatch) {
    diags.push({
      code: 'metrics/srm', severity: 'warning',
      message: `sample-ratio mismatch: ${c} ${labels.control} vs ${t} ${labels.treatment} against a planned ${Math.round(plannedTreatmentShare * 100)}% treatment share (χ² = ${srm.chiSquare.toFixed(2)}, p = ${srm.p.toExponential(2)})`,
      hint: 'the assignment or the logging may be broken; find the cause before reading any effect',
    });
  }
  return srm;
}
