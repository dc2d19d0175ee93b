// Every metric on one table, grouped (speed, quality, volume, guardrails): the reader sees the whole picture.
// The last column marks each metric with its headline rule's outcome (or its guardrail check's).
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, displayChange, headlineMark, isImprovement } from './context.js';
import { changeColumnDecimals, fmtBracket, fmtChange, fmtValue } from '../deck/format.js';
import { isComplianceMetric } from '../spec/schema.js';
import { kindOf } from '../model/metric-kinds.js';

export function composeMetricsOverview(ctx: Ctx): Slide[] {
  const rows: TableCell[][] = [];
  let better = 0;
  let worse = 0;
  // Compliance and dose measures are on their own slide: what the treatment changes by design is no outcome.
  const shown = ctx.spec.metrics.filter((x) => !isComplianceMetric(x)).flatMap((m) => {
    const read = ctx.read(m.id);
    const near = displayChange(ctx, read, m);
    return read && near ? [{ m, read, ch: near.change, scale: near.scale }] : [];
  });
  // One precision per column and unit: every pp change (and interval) in the column at the same decimals.
  const unitOf = (x: (typeof shown)[number]) => (x.scale === 'relative' ? 'relative' : kindOf(x.m.kind).share ? 'pp' : `unit:${x.m.unit}`);
  const decimals = new Map<string, number>();
  for (const x of shown) if (!decimals.has(unitOf(x))) decimals.set(unitOf(x), changeColumnDecimals(shown.filter((y) => unitOf(y) === unitOf(x)).map((y) => y.ch), x.scale, x.m));
  for (const x of shown) {
    const { m, read, ch, scale } = x;
    const d = decimals.get(unitOf(x));
    const graded = headlineMark(ctx, m);
    const clear = ch.ci ? ch.ci.lo > 0 || ch.ci.hi < 0 : false;
    if (clear) isImprovement(m, ch.estimate) ? better++ : worse++;
    rows.push([
      { text: m.label },
      { text: m.role === 'guardrail' ? 'guardrail' : (m.group ?? m.role) },
      { text: read.control ? fmtValue(read.control.estimate, m) : '—' },
      { text: read.treatment ? fmtValue(read.treatment.estimate, m) : '—' },
      { text: fmtChange(ch.estimate, scale, m, d) },
      { text: fmtBracket(ch.ci, scale, m, d) },
      graded ? { text: graded.mark.text, tone: graded.mark.tone } : { text: '—' },
    ]);
  }
  return [
    {
      id: 'metrics-overview',
      kind: 'table',
      section: 'Metric deep-dives',
      title: ctx.t('overview-title', { better, worse, total: rows.length }),
      blocks: [
        { type: 'table', header: ['Metric', 'Group', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'Rule'], rows, widths: [3.2, 1.3, 1.3, 1.3, 1.2, 2.2, 1.8] },
        { type: 'text', role: 'caption', text: ctx.t('overview-caption', { confidence: ctx.confidence, target: ctx.criterion(ctx.decision.target ?? '')?.label ?? '' }) },
      ],
      notes: [],
    },
  ];
}
