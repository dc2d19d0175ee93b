// A metric by arm and segment, as one table: the overall read first, then each segment (marked exploratory
// when it was not pre-specified). Shared by the deep-dives and the appendix. When a rule grades the metric,
// a last column marks each row with that rule's outcome on that row's read.
import type { TableBlock, TableCell } from '../deck/types.js';
import type { Metric } from '../spec/normalized.js';
import { type Ctx, headlineMark, segmentTableDecimals } from './context.js';
import { fmtBracket, fmtChange, fmtCount, fmtP, fmtValue, valueColumnDecimals } from '../deck/format.js';
import { changeOn } from '../stats/results.js';
import { OVERALL, segmentValue } from '../model/rows.js';
import { marked } from './marks.js';
import type { Scale } from '../model/metric-kinds.js';
import { nUnit } from './n-unit.js';
import { segmentHarms } from './segment-harm.js';

export function segmentTable(ctx: Ctx, m: Metric, scale: Scale): TableBlock {
  const overall = ctx.read(m.id);
  const graded = headlineMark(ctx, m);
  const o = graded?.outcome;
  // A rule on another scale than the table's grades reads the table does not show: leave the column out.
  const ruleScale = o ? (o.type === 'metric' ? o.rule.scale : o.scale) : undefined;
  const marks = graded && ruleScale === scale;
  const markOf = (segment: string): TableCell => {
    if (!o) return { text: '' };
    if (segment === OVERALL) return { text: graded!.mark.text, tone: graded!.mark.tone };
    const s = o.type === 'metric' ? o.segments.find((x) => x.segment === segment) : undefined;
    if (!s || o.type !== 'metric') return { text: '—' };
    const k = marked({ status: s.status, polarity: o.polarity });
    return { text: k.text, tone: k.tone };
  };
  const reads = [...(overall ? [overall] : []), ...ctx.segmentReads(m.id)];
  // One precision per column: every change and interval at the decimals the column needs, values likewise.
  const d = segmentTableDecimals(ctx, m, scale);
  const vd = valueColumnDecimals(reads.flatMap((r) => [r.control?.estimate, r.treatment?.estimate]).filter((v): v is number => v !== undefined), m);
  // The adjusted p-values, shown wherever the deck says it adjusted: a column when any segment read has one.
  const adjusted = hasAdjustedP(ctx, m, scale);
  const pCell = (r: (typeof reads)[number]): TableCell => {
    const c = changeOn(r, scale);
    const p = r.segment === OVERALL ? c?.p : c?.pAdjusted;
    return { text: p === undefined ? ctx.t('p-missing', {}) : fmtP(p).replace(/^p [=<] ?/, (x) => (x.includes('<') ? '< ' : '')) };
  };
  // Each clearly worse segment is said so in its row, so a title that counts them leaves no name unsaid.
  const harmed = new Set(segmentHarms(ctx, m).map((h) => h.segment));
  const rowName = (r: (typeof reads)[number]) => {
    const notes = [...(r.exploratory ? ['exploratory'] : []), ...(harmed.has(segmentValue(r.segment)) ? ['clearly worse'] : [])];
    return `${segmentValue(r.segment)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  };
  const rows: TableCell[][] = reads.map((r) => {
    const c = changeOn(r, scale);
    const all = r.segment === OVERALL;
    return [
      { text: all ? 'All' : rowName(r), bold: all },
      { text: r.control ? fmtValue(r.control.estimate, m, vd) : '—' },
      { text: r.treatment ? fmtValue(r.treatment.estimate, m, vd) : '—' },
      { text: c ? fmtChange(c.estimate, scale, m, d) : '—', bold: all },
      { text: c ? fmtBracket(c.ci, scale, m, d) : '—' },
      { text: r.treatment?.n != null && r.control?.n != null ? fmtCount(r.control.n + r.treatment.n) : ctx.t('n-missing', {}) },
      ...(adjusted ? [pCell(r)] : []),
      ...(marks ? [markOf(r.segment)] : []),
    ];
  });
  const header = ['Segment', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'n', ...(adjusted ? ['p'] : []), ...(marks ? ['Rule'] : [])];
  const widths = [2.8, 1.3, 1.4, 1.3, 2.6, 1.2, ...(adjusted ? [0.9] : []), ...(marks ? [1.6] : [])];
  // What n counts and what p is, said once under the table (short headers keep to one line in any face).
  const caption = ctx.t('segment-table-key', { unit: nUnit(m), adjusted, count: reads.length - (overall ? 1 : 0), adjustment: ctx.adjustmentName });
  return { type: 'table', header, rows, widths, caption };
}

/** Whether any segment read of the metric, on this scale, carries a p-value adjusted across the segments. */
export function hasAdjustedP(ctx: Ctx, m: Metric, scale: Scale): boolean {
  return ctx.segmentReads(m.id).some((r) => changeOn(r, scale)?.pAdjusted !== undefined);
}
