// Appendix: every non-primary metric by segment, one table each (primaries have their own segment slide).
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, headlineScale } from './context.js';
import { fmtBracket, fmtChange, fmtCount, fmtValue } from '../deck/format.js';

export function composeSegmentAppendix(ctx: Ctx): Slide[] {
  return ctx.spec.metrics
    .filter((m) => m.role !== 'primary')
    .flatMap((m) => {
      const segs = ctx.segmentReads(m.id);
      if (!segs.length) return [];
      const scale = headlineScale(m);
      const rows: TableCell[][] = [ctx.read(m.id), ...segs].flatMap((r) => {
        if (!r) return [];
        const c = (scale === 'relative' ? r.relative : r.absolute) ?? r.relative ?? r.absolute;
        const s = c === r.relative ? 'relative' : 'absolute';
        return [[
          { text: r.segment === 'all' ? 'All' : `${r.segment.split('=')[1]}${r.exploratory ? ' (exploratory)' : ''}`, bold: r.segment === 'all' },
          { text: r.control ? fmtValue(r.control.estimate, m) : '—' },
          { text: r.treatment ? fmtValue(r.treatment.estimate, m) : '—' },
          { text: c ? fmtChange(c.estimate, s, m) : '—' },
          { text: c ? fmtBracket(c.ci, s, m) : '—' },
          { text: r.control?.n != null && r.treatment?.n != null ? fmtCount(r.control.n + r.treatment.n) : '—' },
        ]];
      });
      return [{
        id: `appendix-${m.id}`,
        kind: 'table' as const,
        section: 'Appendix: metrics by segment',
        title: ctx.t('appendix-segments-title', { label: m.label, count: segs.length }),
        blocks: [{ type: 'table' as const, header: ['Segment', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'n'], rows, widths: [3, 1.6, 1.6, 1.4, 2.4, 1.4] }],
        notes: [],
      }];
    });
}
