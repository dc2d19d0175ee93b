// A metric by arm and segment, as one table: the overall read first, then each segment (marked exploratory
// when it was not pre-specified). Shared by the deep-dives and the appendix.
import type { TableBlock, TableCell } from '../deck/types.js';
import type { Metric } from '../spec/schema.js';
import type { Ctx } from './context.js';
import { fmtBracket, fmtChange, fmtCount, fmtValue } from '../deck/format.js';

export function segmentTable(ctx: Ctx, m: Metric, scale: 'relative' | 'absolute'): TableBlock {
  const overall = ctx.read(m.id);
  const rows: TableCell[][] = [...(overall ? [overall] : []), ...ctx.segmentReads(m.id)].map((r) => {
    const c = scale === 'relative' ? r.relative : r.absolute;
    const all = r.segment === 'all';
    return [
      { text: all ? 'All' : `${r.segment.split('=')[1]}${r.exploratory ? ' (exploratory)' : ''}`, bold: all },
      { text: r.control ? fmtValue(r.control.estimate, m) : '—' },
      { text: r.treatment ? fmtValue(r.treatment.estimate, m) : '—' },
      { text: c ? fmtChange(c.estimate, scale, m) : '—', bold: all },
      { text: c ? fmtBracket(c.ci, scale, m) : '—' },
      { text: r.treatment?.n != null && r.control?.n != null ? fmtCount(r.control.n + r.treatment.n) : '—' },
    ];
  });
  return { type: 'table', header: ['Segment', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'n'], rows, widths: [3, 1.6, 1.6, 1.4, 2.4, 1.4] };
}
