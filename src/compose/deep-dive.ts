// One deep-dive per primary metric: the forest chart by segment, a table by arm and segment, a plain reading.
import type { Slide } from '../deck/types.js';
import { type Ctx, findRule, STATUS_TONE, STATUS_WORD, describeChange, headlineChange, scaleOf } from './context.js';
import { fmtChange } from '../deck/format.js';
import { segmentTable } from './segment-table.js';
import { forestForMetric } from './charts.js';
import type { Metric } from '../spec/schema.js';

export function composeDeepDives(ctx: Ctx): Slide[] {
  return ctx.spec.metrics.filter((m) => m.role === 'primary').flatMap((m) => deepDive(ctx, m));
}

function deepDive(ctx: Ctx, m: Metric): Slide[] {
  const read = ctx.read(m.id);
  const ch = headlineChange(read, m);
  if (!read || !ch) return [];
  const scale = scaleOf(read, ch);
  const rule = findRule(ctx, m.id);
  const d = describeChange(m, ch, scale, ctx.spec.decision.confidence);
  const segs = ctx.segmentReads(m.id);
  const exploratory = segs.some((s) => s.exploratory);
  const segmentsNote = segs.length ? [{ type: 'text' as const, role: 'caption' as const, text: ctx.t('deep-dive-segments', { exploratory, count: segs.length, adjustment: ctx.adjustmentName }) }] : [];
  const title = ctx.t('deep-dive-title', { ...d, hasRule: Boolean(rule), status: rule?.status ?? '', threshold: rule?.threshold ?? '' });
  const slides: Slide[] = [
    {
      id: `deep-dive-${m.id}`,
      kind: 'chart',
      section: 'Metric deep-dives',
      title,
      blocks: [
        { type: 'chart', chart: forestForMetric(ctx, m, scale, rule) },
        { type: 'text', role: 'body', text: ctx.t('deep-dive-reading', { ...d, hasRule: Boolean(rule), status: rule?.status ?? '', statusWord: rule ? STATUS_WORD[rule.status] : '', reason: rule?.reason ?? '', threshold: rule?.threshold ?? '' }), tone: rule ? STATUS_TONE[rule.status] : undefined },
        ...segmentsNote,
      ],
      notes: [ctx.t('deep-dive-notes', { ...d, north: ctx.spec.stakeholders.filter((s) => s.north_star?.includes(m.id)).map((s) => `${s.name} (${s.role})`) })],
    },
  ];
  const changes = segs.flatMap((r) => {
    const c = scale === 'relative' ? r.relative : r.absolute;
    return c ? [{ segment: r.segment.split('=')[1], c }] : [];
  });
  const improved = changes.filter(({ c }) => c.ci && (m.better === 'lower' ? c.ci.hi < 0 : c.ci.lo > 0)).length;
  const weakest = [...changes].sort((a, b) => (m.better === 'lower' ? b.c.estimate - a.c.estimate : a.c.estimate - b.c.estimate))[0];
  slides.push({
    id: `segments-${m.id}`,
    kind: 'table',
    section: 'Metric deep-dives',
    title: ctx.t('segments-title', { label: m.label, improved, count: changes.length, hasSegments: changes.length > 0, weakest: weakest?.segment ?? '', weakestChange: weakest ? fmtChange(weakest.c.estimate, scale, m) : '' }),
    blocks: [
      segmentTable(ctx, m, scale),
      ...segmentsNote,
    ],
    notes: [],
  });
  return slides;
}
