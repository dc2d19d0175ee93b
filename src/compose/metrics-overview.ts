// Every metric on one table, grouped (speed, quality, volume, guardrails): the reader sees the whole picture.
// The last column marks each metric with its headline rule's outcome (or its guardrail check's).
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, displayChange, headlineMark, isImprovement } from './context.js';
import { fmtBracket, fmtChange, fmtValue } from '../deck/format.js';
import { isComplianceMetric } from '../spec/schema.js';

export function composeMetricsOverview(ctx: Ctx): Slide[] {
  const rows: TableCell[][] = [];
  let better = 0;
  let worse = 0;
  // Compliance and dose measures are on their own slide: what the treatment changes by design is no outcome.
  for (const m of ctx.spec.metrics.filter((x) => !isComplianceMetric(x))) {
    const read = ctx.read(m.id);
    const near = displayChange(ctx, read, m);
    if (!read || !near) continue;
    const { scale, change: ch } = near;
    const graded = headlineMark(ctx, m);
    const clear = ch.ci ? ch.ci.lo > 0 || ch.ci.hi < 0 : false;
    if (clear) isImprovement(m, ch.estimate) ? better++ : worse++;
    rows.push([
      { text: m.label },
      { text: m.role === 'guardrail' ? 'guardrail' : (m.group ?? m.role) },
      { text: read.control ? fmtValue(read.control.estimate, m) : '—' },
      { text: read.treatment ? fmtValue(read.treatment.estimate, m) : '—' },
      { text: fmtChange(ch.estimate, scale, m) },
      { text: fmtBracket(ch.ci, scale, m) },
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
