// Best / base / worst: every change moved to the favourable or unfavourable end of its interval, then
// pushed further by what the rows of unknown arm could do to it. Where the data has those rows
// (Results.missingBounds: the change read again with them all in control, then all in treatment), the
// push is how far the favourable (best) or unfavourable (worst) of those reads lies beyond the point
// estimate. Otherwise, where the data-gap register states a missing share s, it is s × |change|.
import type { Spec } from '../spec/normalized.js';
import { changeOn, type ChangeRead, type MetricRead, type MissingBound } from '../stats/results.js';
import { OVERALL } from '../model/rows.js';
import { headlineScale } from './headline.js';
import type { ScenarioName, ScenarioOutcome } from './types.js';

export function scenarioReads(
  spec: Spec,
  reads: MetricRead[],
  name: ScenarioName,
  bounds: Record<string, MissingBound> = {},
): { reads: MetricRead[]; changes: ScenarioOutcome['changes'] } {
  const better = new Map(spec.metrics.map((m) => [m.id, m.better]));
  const stated = missingShareByMetric(spec);
  // How far each overall change was pushed past its interval end, and by what: compose states it beside the value.
  const pushes = new Map<string, { end: number; push: number; from: 'measured' | 'stated' }>();
  const shift = (ch: ChangeRead | null, r: MetricRead, scale: 'absolute' | 'relative'): ChangeRead | null => {
    if (!ch || name === 'base') return ch;
    const favourableIsLow = better.get(r.metric) === 'lower';
    const wantLow = name === 'best' ? favourableIsLow : !favourableIsLow;
    const end = ch.ci ? (wantLow ? ch.ci.lo : ch.ci.hi) : ch.estimate;
    const measured = r.segment === OVERALL ? bounds[r.metric]?.[scale] : undefined;
    const push = measured
      ? Math.max(0, wantLow ? ch.estimate - Math.min(...measured) : Math.max(...measured) - ch.estimate)
      : (stated.get(r.metric) ?? bounds[r.metric]?.share ?? 0) * Math.abs(ch.estimate);
    const moved = end + (wantLow ? -1 : 1) * push;
    if (r.segment === OVERALL) pushes.set(`${r.metric}\u0000${scale}`, { end, push, from: measured ? 'measured' : 'stated' });
    // A case is a point: its interval has equal ends. A change read with no interval keeps none, so that a check on an
    // interval end stays without data in every case, as in the base, and never turns the verdict on a value all
    // three cases share.
    return { ...ch, estimate: moved, ci: ch.ci ? { lo: moved, hi: moved } : null, method: `${ch.method}, ${name} case` };
  };
  const out = reads.map((r) => ({ ...r, absolute: shift(r.absolute, r, 'absolute'), relative: shift(r.relative, r, 'relative') }));
  // Decision metrics only: a dose or operational measure changes by design and is no scenario of the outcome.
  const changes = spec.metrics
    .filter((m) => m.role === 'primary' || m.role === 'guardrail')
    .flatMap((m) => {
      const scale = headlineScale(spec, m.id);
      const ch = changeOn(out.find((x) => x.metric === m.id && x.segment === OVERALL), scale);
      const p = pushes.get(`${m.id}\u0000${scale}`);
      const beyond = p && p.push > 0 ? { end: p.end, push: p.push, pushedBy: p.from } : {};
      return ch ? [{ metric: m.id, scale, estimate: ch.estimate, ...beyond }] : [];
    });
  return { reads: out, changes };
}

/** The largest residual missing share that affects each metric. */
export function missingShareByMetric(spec: Spec): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of spec.data_gaps) {
    if (g.missing_share === undefined || g.status === 'closed') continue;
    const s = g.missing_share;
    for (const m of g.metrics ?? []) out.set(m, Math.max(out.get(m) ?? 0, s));
  }
  return out;
}
