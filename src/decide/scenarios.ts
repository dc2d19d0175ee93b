// Best / base / worst: every change moved to the favourable or unfavourable end of its interval, then,
// where the data-gap register gives a missing share s, pushed further by s × |change| — the missing rows
// assigned wholly to the arm that strengthens (best) or weakens (worst) the effect.
import type { Spec } from '../spec/schema.js';
import { parseShare } from '../spec/quantity.js';
import type { ChangeRead, MetricRead } from '../stats/results.js';
import { OVERALL } from '../sources/snapshot.js';
import type { ScenarioName, ScenarioOutcome } from './types.js';

export function scenarioReads(spec: Spec, reads: MetricRead[], name: ScenarioName): { reads: MetricRead[]; changes: ScenarioOutcome['changes'] } {
  const better = new Map(spec.metrics.map((m) => [m.id, m.better]));
  const missing = missingShareByMetric(spec);
  const shift = (ch: ChangeRead | null, metric: string): ChangeRead | null => {
    if (!ch || name === 'base') return ch;
    const favourableIsLow = better.get(metric) === 'lower';
    const wantLow = name === 'best' ? favourableIsLow : !favourableIsLow;
    const end = ch.ci ? (wantLow ? ch.ci.lo : ch.ci.hi) : ch.estimate;
    const s = missing.get(metric) ?? 0;
    const moved = end + (wantLow ? -1 : 1) * s * Math.abs(ch.estimate);
    return { ...ch, estimate: moved, ci: { lo: moved, hi: moved }, method: `${ch.method}, ${name} case` };
  };
  const out = reads.map((r) => ({ ...r, absolute: shift(r.absolute, r.metric), relative: shift(r.relative, r.metric) }));
  const kinds = new Map(spec.metrics.map((m) => [m.id, m.kind]));
  const changes = spec.metrics
    .filter((m) => m.role !== 'secondary')
    .flatMap((m) => {
      const r = out.find((x) => x.metric === m.id && x.segment === OVERALL);
      const scale = kinds.get(m.id) === 'proportion' ? 'absolute' : 'relative';
      const ch = scale === 'absolute' ? r?.absolute : r?.relative;
      return ch ? [{ metric: m.id, scale, estimate: ch.estimate } as const] : [];
    });
  return { reads: out, changes };
}

/** The largest residual missing share that affects each metric. */
export function missingShareByMetric(spec: Spec): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of spec.data_gaps) {
    if (g.missing_share === undefined || g.status === 'closed') continue;
    const s = parseShare(g.missing_share) ?? 0;
    for (const m of g.metrics ?? []) out.set(m, Math.max(out.get(m) ?? 0, s));
  }
  return out;
}
