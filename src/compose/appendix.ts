// Appendix: every non-primary metric by segment, one table each (primaries have their own segment slide).
import type { Slide } from '../deck/types.js';
import { type Ctx, displayScale } from './context.js';
import { segmentTable } from './segment-table.js';
import { harmsBeforeAdjustment, harmWords, segmentHarms } from './segment-harm.js';
import type { Metric } from '../spec/normalized.js';

export function composeSegmentAppendix(ctx: Ctx): Slide[] {
  return ctx.spec.metrics
    .filter((m) => m.role !== 'primary')
    .flatMap((m) => {
      const segs = ctx.segmentReads(m.id);
      if (!segs.length) return [];
      return [{
        id: `appendix-${m.id}`,
        kind: 'table' as const,
        section: 'Appendix: metrics by segment',
        title: ctx.t('appendix-segments-title', { label: m.label, count: segs.length, ...harmData(ctx, m) }),
        blocks: [segmentTable(ctx, m, displayScale(ctx, m))],
        notes: [],
      }];
    });
}

function harmData(ctx: Ctx, m: Metric) {
  const near = harmsBeforeAdjustment(ctx, m).map((h) => ctx.t('segment-harm-near', h));
  return { ...harmWords(ctx, segmentHarms(ctx, m)), adjustment: ctx.adjustmentName, near, nearCount: near.length };
}
