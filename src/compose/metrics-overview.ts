// Every metric on one table, grouped (speed, quality, volume, guardrails): the reader sees the whole picture.
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, findRule, STATUS_TONE, STATUS_WORD, headlineChange, isImprovement, scaleOf } from './context.js';
import { fmtBracket, fmtChange, fmtValue } from '../deck/format.js';
import { isComplianceMetric } from '../spec/schema.js';

export function composeMetricsOverview(ctx: Ctx): Slide[] {
  const rows: TableCell[][] = [];
  let better = 0;
  let worse = 0;
  // Compliance and dose measures are on their own slide: what the treatment changes by design is no outcome.
  for (const m of ctx.spec.metrics.filter((x) => !isComplianceMetric(x))) {
    const read = ctx.read(m.id);
    const ch = headlineChange(read, m);
    if (!read || !ch) continue;
    const scale = scaleOf(read, ch);
    const rule = findRule(ctx, m.id);
    const clear = ch.ci ? ch.ci.lo > 0 || ch.ci.hi < 0 : false;
    if (clear) isImprovement(m, ch.estimate) ? better++ : worse++;
    rows.push([
      { text: m.label },
      { text: m.role === 'guardrail' ? 'guardrail' : (m.group ?? m.role) },
      { text: read.control ? fmtValue(read.control.estimate, m) : '—' },
      { text: read.treatment ? fmtValue(read.treatment.estimate, m) : '—' },
      { text: fmtChange(ch.estimate, scale, m), tone: clear ? (isImprovement(m, ch.estimate) ? 'pass' : 'fail') : undefined },
      { text: fmtBracket(ch.ci, scale, m) },
      rule ? { text: STATUS_WORD[rule.status], tone: STATUS_TONE[rule.status] } : { text: '—' },
    ]);
  }
  return [
    {
      id: 'metrics-overview',
      kind: 'table',
      section: 'Metric deep-dives',
      title: ctx.t('overview-title', { better, worse, total: rows.length }),
      blocks: [
        { type: 'table', header: ['Metric', 'Group', 'Control', 'Treatment', 'Change', `${ctx.confidence} CI`, 'Criterion'], rows, widths: [3.2, 1.3, 1.3, 1.3, 1.2, 2.2, 1.8] },
        { type: 'text', role: 'caption', text: ctx.t('overview-caption', { confidence: ctx.confidence }) },
      ],
      notes: [],
    },
  ];
}
