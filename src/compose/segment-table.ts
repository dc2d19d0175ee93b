// A metric by arm and segment, as one table: the overall read first, then each segment (marked exploratory
// when it was not pre-specified). Shared by the deep-dives and the appendix.
import type { TableBlock, TableCell } from '../deck/types.js';
import type { Metric } from '../spec/schema.js';
import type { Ctx } from './context.js';
import { changeColumnDecimals, fmtBracket, fmtChange, fmtCount, fmtValue, valueColumnDecimals } from '../deck/format.js';

export function segmentTable(ctx: Ctx, m: Metric, scale: 'relative' | 'absolute'): TableBlock {
  const overall = ctx.read(m.id);
  const reads = [...(overall ? [overall] : []), ...ctx.segmentReads(m.id)];
  const change = (r: (typeof reads)[number]) => (scale === 'relative' ? r.relative : r.absolute);
  // One precision per column: every change and interval at the decimals the column needs, values likewise.
  const d = changeColumnDecimals(reads.flatMap((r) => change(r) ?? []), scale, m);
  const vd = valueColumnDecimals(reads.flatMap((r) => [r.control?.estimate, r.treatment?.estimate]).filter((v): v is number => v !== undefined), m);
  const rows: TableCell[][] = reads.map((r) => {
    const c = change(r);
    const all = r.segment === 'all';
    return [
      { text: all ? 'All' : `${r.segment.split('=')[1]}${r.exploratory ? ' (exploratory)' : ''}`, bold: all },
      { text: r.control ? fmtValue(r.control.estimate, m, vd) : '—' },
      { text: r.treatment ? fmtValue(r.treatment.estimate, m, vd) : '—' },
      { text: c ? fmtChange(c.estimate, scale, m, d) : '—', bold: all },
      { text: c ? fmtBracket(c.ci, scale, m, d) : '—' },
      { text: r.treatment?.n != null && r.control?.n != null ? fmtCount(r.control.n + r.treatment.n) : '—' },
    ];
  });
  return { type: 'table', header: ['Segment', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'n'], rows, widths: [3, 1.6, 1.6, 1.4, 2.4, 1.4] };
}
