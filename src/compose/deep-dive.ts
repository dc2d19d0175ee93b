// One deep-dive per primary metric: the forest chart by segment (going on over '(cont.)' slides when its segments
// are more than a chart holds), a table by arm and segment, a plain reading.
// The metric is read on its display scale (its headline rule's), and every mark — the title, the reading,
// each forest row, each table row and the count in the segment title — is that rule's outcome on that read.
import type { Slide } from '../deck/types.js';
import type { Metric } from '../spec/normalized.js';
import { type Ctx, describeChange, displayChange, headlineMark } from './context.js';
import { fmtChange } from '../deck/format.js';
import { hasAdjustedP, segmentTable } from './segment-table.js';
import { harmsBeforeAdjustment, harmWords, segmentHarms } from './segment-harm.js';
import { forestsForMetric } from './charts.js';
import { guardrailReason, guardrailText, reasonText, ruleText } from './rule-words.js';
import { markOf, MARKS, type Mark } from '../model/outcomes.js';
import { segmentValue } from '../model/rows.js';
import { changeOn, type MetricRead } from '../stats/results.js';
import { continued } from '../model/words.js';

export function composeDeepDives(ctx: Ctx): Slide[] {
  return ctx.spec.metrics.filter((m) => m.role === 'primary').flatMap((m) => deepDive(ctx, m));
}

function deepDive(ctx: Ctx, m: Metric): Slide[] {
  const near = displayChange(ctx, ctx.read(m.id), m);
  if (!near) return [];
  const { scale, change } = near;
  const graded = headlineMark(ctx, m);
  const o = graded?.outcome;
  const d = describeChange(m, change, scale, ctx.spec.decision.confidence);
  const segs = ctx.segmentReads(m.id);
  const adjusted = hasAdjustedP(ctx, m, scale);
  // Said of the segments beside it: the table's, or those one forest chart draws.
  const segmentsNote = (shown: MetricRead[], table: boolean) =>
    shown.length ? [{ type: 'text' as const, role: 'caption' as const, text: ctx.t('deep-dive-segments', { exploratory: shown.some((s) => s.exploratory), count: shown.length, adjustment: ctx.adjustmentName, adjusted, table }) }] : [];
  const harmed = harmWords(ctx, segmentHarms(ctx, m));
  const nearHarms = harmsBeforeAdjustment(ctx, m).map((h) => ctx.t('segment-harm-near', h));
  const rule = {
    ...harmed,
    adjustment: ctx.adjustmentName,
    hasRule: Boolean(graded),
    mark: graded?.mark.mark ?? '',
    markText: graded?.mark.text ?? '',
    rule: !o ? '' : o.type === 'metric' ? ruleText(ctx, o.rule) : guardrailText(ctx, o),
    reason: !o ? '' : o.type === 'metric' ? reasonText(ctx, o) : guardrailReason(ctx, o),
    criterion: (o?.type === 'metric' && ctx.criterion(o.criterion)?.label) || '',
  };
  const title = ctx.t('deep-dive-title', { ...d, ...rule });
  // Many segments take several forest charts on one scale: the reading goes with the first, the others go on as
  // '(cont.)' slides, each captioned for the segments it draws.
  const slides: Slide[] = forestsForMetric(ctx, m, scale).map(({ chart, segments }, i) =>
    i === 0
      ? {
          id: `deep-dive-${m.id}`,
          kind: 'chart',
          section: 'Metric deep-dives',
          title,
          blocks: [
            { type: 'chart', chart },
            { type: 'text', role: 'body', text: ctx.t('deep-dive-reading', { ...d, ...rule }), ...(graded ? { tone: graded.mark.tone } : {}) },
            ...segmentsNote(segments, false),
          ],
          notes: [ctx.t('deep-dive-notes', { ...d, north: ctx.spec.stakeholders.filter((s) => s.north_star?.includes(m.id)).map((s) => `${s.name} (${s.role})`) })],
        }
      : { id: `deep-dive-${m.id}.${i + 1}`, kind: 'chart', section: 'Metric deep-dives', title: continued(title), blocks: [{ type: 'chart', chart }, ...segmentsNote(segments, false)], notes: [] },
  );
  const changes = segs.flatMap((r) => {
    const c = changeOn(r, scale);
    return c ? [{ segment: segmentValue(r.segment), c }] : [];
  });
  const improved = changes.filter(({ c }) => c.ci && (m.better === 'lower' ? c.ci.hi < 0 : c.ci.lo > 0)).length;
  const weakest = [...changes].sort((a, b) => (m.better === 'lower' ? b.c.estimate - a.c.estimate : a.c.estimate - b.c.estimate))[0];
  // Segment marks: the headline rule's outcome on each segment's read (a guardrail check reads the overall only).
  const counts = Object.fromEntries(MARKS.map((k) => [k, 0])) as Record<Mark, number>;
  if (o?.type === 'metric') for (const s of o.segments) counts[markOf(s.status, o.polarity)]++;
  slides.push({
    id: `segments-${m.id}`,
    kind: 'table',
    section: 'Metric deep-dives',
    title: ctx.t('segments-title', {
      label: m.label,
      hasSegments: changes.length > 0,
      count: changes.length,
      hasRule: o?.type === 'metric',
      polarity: o?.type === 'metric' ? o.polarity : '',
      met: counts.met,
      triggered: counts.triggered,
      noData: counts.no_data,
      improved,
      weakest: weakest?.segment ?? '',
      weakestChange: weakest ? fmtChange(weakest.c.estimate, scale, m) : '',
      // the weakest segment may still move the good way: then it gains least, it does not fare badly
      weakestGood: weakest ? (m.better === 'lower' ? weakest.c.estimate < 0 : weakest.c.estimate > 0) : false,
      // past three counted, the worst named: the table marks each
      ...harmed,
      near: nearHarms,
      nearCount: nearHarms.length,
      adjustment: ctx.adjustmentName,
    }),
    blocks: [segmentTable(ctx, m, scale), ...segmentsNote(segs, true)],
    notes: [],
  });
  return slides;
}
