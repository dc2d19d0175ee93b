// Missing-data bounds (seed: "run scenario bounds assuming missing skewed entirely to control/treatment"):
// the rows whose arm is unknown — arm 'unassigned' in the metrics data — are added wholly to control, then
// wholly to treatment, and the overall change is read again each time. The two reads bound what the
// missing rows could do to the change; the best and worst scenarios use them.
import type { Spec, Metric } from '../spec/normalized.js';
import type { MetricsSnapshot } from '../sources/snapshot.js';
import { OVERALL, poolValueCounts, UNASSIGNED, unitCount, type MetricRow, type ValueCounts } from '../model/rows.js';
import type { MissingBound } from './results.js';
import { analyze } from './analyze.js';
import { sampleOf, sampleQuantile } from './sample.js';
import { quantileLevel } from './quantiles.js';
import { kindOf } from '../model/metric-kinds.js';

export function missingDataBounds(spec: Spec, snapshot: MetricsSnapshot): Record<string, MissingBound> {
  const out: Record<string, MissingBound> = {};
  for (const m of spec.metrics) {
    const at = (arm: string) => snapshot.rows.find((r) => r.metric === m.id && r.segment === OVERALL && r.arm === arm);
    const control = at(spec.arms?.control ?? 'control') ?? at('control');
    const treatment = at(spec.arms?.treatment ?? 'treatment') ?? at('treatment');
    const missing = at(UNASSIGNED);
    if (!control || !treatment || !missing) continue;
    const toControl = merge(m, control, missing);
    const toTreatment = merge(m, treatment, missing);
    if (!toControl || !toTreatment) continue;
    const one = { ...spec, metrics: [m], prespecified_segments: [] };
    // Only the point estimates are needed: quantiles directly (no bootstrap), the rest through analyze.
    const read = (c: MetricRow, t: MetricRow) => (c.value_counts && t.value_counts ? quantileChange(m, c.value_counts, t.value_counts) : analyze(one, { ...snapshot, rows: [c, t], assignments: undefined }).results.reads[0]);
    const a = read(toControl, treatment);
    const b = read(control, toTreatment);
    const units = (r: MetricRow) => r.n ?? r.exposure ?? (r.value_counts ? unitCount(r.value_counts) : 0);
    const total = units(control) + units(treatment) + units(missing);
    out[m.id] = {
      share: total > 0 ? units(missing) / total : 0,
      absolute: a?.absolute && b?.absolute ? [a.absolute.estimate, b.absolute.estimate] : null,
      relative: a?.relative && b?.relative ? [a.relative.estimate, b.relative.estimate] : null,
    };
  }
  return out;
}

function quantileChange(m: Metric, control: ValueCounts, treatment: ValueCounts) {
  const p = quantileLevel(m);
  const qc = sampleQuantile(sampleOf(control), p);
  const qt = sampleQuantile(sampleOf(treatment), p);
  return { absolute: { estimate: qt - qc }, relative: qc > 0 ? { estimate: qt / qc - 1 } : null };
}

/** One arm's aggregate with the unassigned rows added, by what the row carries; undefined for precomputed rows. */
function merge(m: Metric, arm: MetricRow, extra: MetricRow): MetricRow | undefined {
  const base = { metric: arm.metric, arm: arm.arm, segment: arm.segment };
  if (arm.value_counts && extra.value_counts) {
    const value_counts = poolValueCounts(arm.value_counts, extra.value_counts);
    return { ...base, n: unitCount(value_counts), value_counts };
  }
  if (arm.successes !== undefined && extra.successes !== undefined && arm.n !== undefined && extra.n !== undefined)
    return { ...base, n: arm.n + extra.n, successes: arm.successes + extra.successes };
  if (arm.events !== undefined && extra.events !== undefined && arm.exposure !== undefined && extra.exposure !== undefined)
    return { ...base, events: arm.events + extra.events, exposure: arm.exposure + extra.exposure, ...(arm.n !== undefined && extra.n !== undefined ? { n: arm.n + extra.n } : {}) };
  const a = sums(arm);
  const b = sums(extra);
  if (kindOf(m.kind).reader === 'mean' && a && b) return { ...base, n: a.n + b.n, sum: a.sum + b.sum, sum_sq: a.sumSq + b.sumSq };
  return undefined;
}

/** n, Σx and Σx² of a mean row given as sums or as mean and sd. */
function sums(r: MetricRow): { n: number; sum: number; sumSq: number } | undefined {
  if (r.n === undefined) return undefined;
  if (r.sum !== undefined && r.sum_sq !== undefined) return { n: r.n, sum: r.sum, sumSq: r.sum_sq };
  if (r.mean !== undefined && r.sd !== undefined) return { n: r.n, sum: r.mean * r.n, sumSq: r.sd * r.sd * (r.n - 1) + r.n * r.mean * r.mean };
  return undefined;
}
