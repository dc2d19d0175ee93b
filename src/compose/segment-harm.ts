// Segments where the change is clearly harmful: worse than no change, with its p-value after the deck's
// multiple-comparison adjustment (Holm across the metric's segment reads) under 1 − confidence. Read on the
// metric's display scale; only reads that carry an adjusted p-value can be called clear.
import type { Metric } from '../spec/normalized.js';
import { changeOn, type ChangeRead } from '../stats/results.js';
import { segmentValue } from '../model/rows.js';
import { changeColumnDecimals, fmtBracket, fmtChange, fmtP } from '../deck/format.js';
import { type Ctx, displayScale } from './context.js';

export interface SegmentHarm {
  metric: Metric;
  segment: string;
  change: ChangeRead;
  /** Template data: the segment, the change, its interval and its adjusted p, in the deck's formats. */
  words: { label: string; segment: string; change: string; interval: string; p: string; adjustment: string };
}

export function segmentHarms(ctx: Ctx, m: Metric): SegmentHarm[] {
  const scale = displayScale(ctx, m);
  const alpha = 1 - ctx.spec.decision.confidence;
  // the precision of the metric's segment table, so the figures read the same in both places
  const all = [ctx.read(m.id), ...ctx.segmentReads(m.id)].flatMap((r) => (r ? (changeOn(r, scale) ?? []) : []));
  const d = changeColumnDecimals(all, scale, m);
  return ctx.segmentReads(m.id).flatMap((r) => {
    const c = changeOn(r, scale);
    if (!c || c.pAdjusted === undefined || c.pAdjusted >= alpha) return [];
    const worse = m.better === 'lower' ? c.estimate > 0 : c.estimate < 0;
    if (!worse) return [];
    const segment = segmentValue(r.segment);
    return [{ metric: m, segment, change: c, words: { label: m.label, segment, change: fmtChange(c.estimate, scale, m, d), interval: fmtBracket(c.ci, scale, m, d), p: fmtP(c.pAdjusted), adjustment: ctx.adjustmentName } }];
  });
}

/** Clear segment harms on the metrics that decide: primary metrics and guardrails. */
export function decisionHarms(ctx: Ctx): SegmentHarm[] {
  return ctx.spec.metrics.filter((m) => m.role === 'primary' || m.role === 'guardrail').flatMap((m) => segmentHarms(ctx, m));
}
