// What a reader needs and returns, and conversions from stats estimates to the Results shapes.
import type { Diagnostic } from '../diagnostics.js';
import type { Metric } from '../spec/normalized.js';
import { isComplianceMetric } from '../spec/schema.js';
import type { ArmRead, ChangeRead } from './results.js';
import type { Estimate } from './estimate.js';
import { deltaLogRatio, fiellerRatio, relativeChange, type PointSe } from './relative.js';

export interface ReadContext {
  metric: Metric;
  segment: string;
  confidence: number;
  /** Design effect for computed reads (precomputed reads are taken as they are). */
  deff: number;
}

export interface PairRead {
  control: ArmRead;
  treatment: ArmRead;
  absolute: ChangeRead | null;
  relative: ChangeRead | null;
  designEffect: number;
  methods: string[];
  warnings: Diagnostic[];
}

export function armRead(e: Estimate, n: number | null): ArmRead {
  return { estimate: e.estimate, ci: { lo: e.lo, hi: e.hi }, n };
}

export function changeRead(e: Estimate): ChangeRead {
  const out: ChangeRead = { estimate: e.estimate, ci: { lo: e.lo, hi: e.hi }, method: e.method };
  if (e.p !== undefined && Number.isFinite(e.p)) out.p = e.p;
  return out;
}

/** Relative change by the metric's method (delta or fieller when named; otherwise the g-rule chooser). */
export function relativeRead(t: PointSe, c: PointSe, ctx: ReadContext): { read: ChangeRead | null; warnings: Diagnostic[] } {
  if (c.estimate === 0) {
    // A compliance measure is 0 in control by design (control does not receive the treatment): nothing to warn about.
    if (isComplianceMetric(ctx.metric)) return { read: null, warnings: [] };
    return { read: null, warnings: [warn(ctx, 'metrics/zero-control', 'the control estimate is 0, so a relative change is not defined', 'compare on the absolute scale')] };
  }
  const wantDelta = ctx.metric.method === 'delta' && t.estimate > 0 && c.estimate > 0;
  const e = wantDelta
    ? { ...deltaLogRatio(t, c, ctx.confidence), bounded: true }
    : ctx.metric.method === 'fieller'
      ? fiellerRatio(t, c, ctx.confidence)
      : relativeChange(t, c, ctx.confidence);
  if (!e.bounded) {
    const read: ChangeRead = { estimate: e.estimate, ci: null, method: `${e.method}: unbounded` };
    const msg = `the ${Math.round(ctx.confidence * 100)}% interval of the relative change is unbounded: the control is too close to zero`;
    return { read, warnings: [warn(ctx, 'metrics/unbounded-ratio', msg, 'read the absolute change, or collect more data')] };
  }
  return { read: changeRead(e), warnings: [] };
}

export function warn(ctx: ReadContext, code: string, message: string, hint: string): Diagnostic {
  return { code, severity: 'warning', message: `${ctx.metric.id} (segment ${ctx.segment}): ${message}`, field: `metrics.${ctx.metric.id}`, hint };
}
