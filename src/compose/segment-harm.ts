// Segments where the change is clearly harmful: worse than no change, with its p-value after the deck's
// multiple-comparison adjustment (Holm across the metric's segment reads) under 1 − confidence. Read on the
// metric's display scale; only reads that carry an adjusted p-value can be called clear.
import type { Metric } from '../spec/normalized.js';
import { changeOn, type ChangeRead } from '../stats/results.js';
import { segmentValue } from '../model/rows.js';
import { fmtBracket, fmtChange, fmtP } from '../deck/format.js';
import { type Ctx, displayScale, segmentTableDecimals } from './context.js';

export interface SegmentHarm {
  metric: Metric;
  segment: string;
  change: ChangeRead;
  /** Whether the harm was judged after the adjustment (an adjusted p-value), or on the interval alone (no p-value to adjust). */
  adjusted: boolean;
  /** Template data: the segment, the change, its interval and its adjusted p, in the deck's formats. */
  words: { label: string; segment: string; change: string; interval: string; p: string; adjustment: string; adjusted: boolean };
}

/** A metric's segment changes on its display scale, with alpha and the precision of its segment table. */
function segmentChanges(ctx: Ctx, m: Metric) {
  const scale = displayScale(ctx, m);
  const alpha = 1 - ctx.spec.decision.confidence;
  // the precision of the metric's segment table, so the figures read the same in both places
  const decimals = segmentTableDecimals(ctx, m, scale);
  const reads = ctx.segmentReads(m.id).flatMap((r) => {
    const change = changeOn(r, scale);
    return change ? [{ segment: segmentValue(r.segment), change }] : [];
  });
  return { scale, alpha, decimals, reads };
}

export function segmentHarms(ctx: Ctx, m: Metric): SegmentHarm[] {
  const { scale, alpha, decimals: d, reads } = segmentChanges(ctx, m);
  return reads.flatMap(({ segment, change: c }) => {
    // With an adjusted p-value: clear when it is under alpha. Without one (the method gives no p-value), the
    // deck adjusts nothing for this metric: clear when the interval lies wholly on the harmful side.
    const adjusted = c.pAdjusted !== undefined;
    const worse = m.better === 'lower' ? c.estimate > 0 : c.estimate < 0;
    const clear = adjusted ? c.pAdjusted! < alpha : Boolean(c.ci && (m.better === 'lower' ? c.ci.lo > 0 : c.ci.hi < 0));
    if (!worse || !clear) return [];
    const words = { label: m.label, segment, change: fmtChange(c.estimate, scale, m, d), interval: fmtBracket(c.ci, scale, m, d), p: adjusted ? fmtP(c.pAdjusted!) : '', adjustment: ctx.adjustmentName, adjusted };
    return [{ metric: m, segment, change: c, adjusted, words }];
  });
}

/**
 * A title or the exec summary names up to this many harmed segments of a metric; past it, it counts them and names
 * the worst (the metric's segment table marks each).
 */
const NAMED_HARMS = 3;

/** Whether words on `n` harmed segments of one metric count them instead of naming each. */
export function countsHarms(n: number): boolean {
  return n > NAMED_HARMS;
}

/**
 * Template data for words on a metric's harmed segments: each named while they are few, else their count and the
 * worst; `harmAdjusted` when every harm was judged after the adjustment.
 */
export function harmWords(ctx: Ctx, found: SegmentHarm[]): { harms: string[]; harmCount: number; harmMany: boolean; worstHarm: string; harmAdjusted: boolean } {
  const harms = found.map((h) => ctx.t('segment-harm', h.words));
  const harmful = (h: SegmentHarm) => (h.metric.better === 'lower' ? h.change.estimate : -h.change.estimate);
  const worst = found.reduce<SegmentHarm | undefined>((a, b) => (!a || harmful(b) > harmful(a) ? b : a), undefined);
  return {
    harms,
    harmCount: harms.length,
    harmMany: countsHarms(harms.length),
    worstHarm: worst ? ctx.t('segment-harm', worst.words) : '',
    harmAdjusted: found.length > 0 && found.every((h) => h.adjusted),
  };
}

/** Clear segment harms on the metrics that decide: primary metrics and guardrails. */
export function decisionHarms(ctx: Ctx): SegmentHarm[] {
  return ctx.spec.metrics.filter((m) => m.role === 'primary' || m.role === 'guardrail').flatMap((m) => segmentHarms(ctx, m));
}

/**
 * Segments whose interval lies wholly on the harmful side but whose adjusted p-value is not under alpha: worse
 * by the interval alone, not after the adjustment. Said where they show, so a reader meets the caveat with the number.
 */
export function harmsBeforeAdjustment(ctx: Ctx, m: Metric): { segment: string; change: string; p: string }[] {
  const { scale, alpha, decimals: d, reads } = segmentChanges(ctx, m);
  return reads.flatMap(({ segment, change: c }) => {
    if (!c.ci || c.pAdjusted === undefined || c.pAdjusted < alpha) return [];
    const beyond = m.better === 'lower' ? c.ci.lo > 0 : c.ci.hi < 0;
    return beyond ? [{ segment, change: fmtChange(c.estimate, scale, m, d), p: fmtP(c.pAdjusted) }] : [];
  });
}
