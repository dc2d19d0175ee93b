// Context and method: what changed, cohorts, timeframe, unit, how intervals were computed, known gaps.
import type { BulletItem, Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import { fmtCount, fmtP } from '../deck/format.js';
import { dataFindings, openGaps } from './data-findings.js';
import { nUnit } from './n-unit.js';

export function composeContextMethod(ctx: Ctx): Slide[] {
  const c = ctx.spec.context;
  const srm = ctx.results.srm;
  const items: BulletItem[] = [];
  if (c?.what_changed) items.push({ text: ctx.t('context-what-changed', { text: c.what_changed }) });
  if (c?.cohorts) items.push({ text: ctx.t('context-cohorts', { text: c.cohorts }) });
  if (c?.timeframe) items.push({ text: ctx.t('context-timeframe', { text: c.timeframe }) });
  if (c?.unit_of_analysis) items.push({ text: ctx.t('context-unit', { text: c.unit_of_analysis }) });
  items.push({ text: ctx.t('context-method', { confidence: ctx.confidence, note: c?.method ?? '' }) });
  if (ctx.results.adjustment) items.push({ text: ctx.t('context-adjustment', { adjustment: ctx.adjustmentName }) });
  const analysed = analysedArms(ctx);
  if (analysed) items.push({ text: ctx.t('context-arms', analysed) });
  const log = ctx.spec.source?.assignments;
  if (srm)
    items.push({
      text: ctx.t('context-srm', { mismatch: srm.mismatch, p: fmtP(srm.p), counts: Object.entries(srm.counts).map(([arm, n]) => `${arm} ${fmtCount(n)}`), hasLog: Boolean(log), total: fmtCount(Object.values(srm.counts).reduce((a, b) => a + b, 0)) }),
      tone: srm.mismatch ? 'fail' : undefined,
    });
  const design = ctx.spec.design;
  if (design?.icc !== undefined && design.cluster_size !== undefined)
    items.push({ text: ctx.t('context-design-effect', { cluster: design.cluster ?? 'cluster', m: design.cluster_size, icc: design.icc, deff: (1 + (design.cluster_size - 1) * design.icc).toFixed(2) }) });
  const findings = dataFindings(ctx.spec.data_gaps, ctx.quality);
  const gaps = openGaps(findings);
  if (gaps.length) items.push({ text: ctx.t('context-gaps', { count: gaps.length, mitigated: findings.gaps.filter((g) => g.status === 'mitigated').length }) });
  return [
    {
      id: 'context-method',
      kind: 'bullets',
      section: 'Context and method',
      title: ctx.t('context-title', { question: ctx.spec.decision.question }),
      blocks: [{ type: 'bullets', items }],
      notes: [ctx.t('context-notes', { methods: ctx.results.methods })],
    },
    ...composeMethods(ctx),
  ];
}

/**
 * The analysed arms: the units per arm behind the primary metric read on the most units, with what they are.
 * Other metrics are read on other units (quoted requests, hires): each table gives its own n.
 */
function analysedArms(ctx: Ctx): Record<string, unknown> | undefined {
  const reads = ctx.spec.metrics
    .filter((m) => m.role === 'primary')
    .flatMap((m) => {
      const r = ctx.read(m.id);
      return r?.control?.n != null && r.treatment?.n != null ? [{ m, control: r.control.n, treatment: r.treatment.n }] : [];
    })
    .sort((a, b) => b.control + b.treatment - (a.control + a.treatment));
  const top = reads[0];
  if (!top) return undefined;
  return { control: fmtCount(top.control), treatment: fmtCount(top.treatment), unit: nUnit(top.m), label: top.m.label, several: reads.length > 1 };
}

/** "Percentile bootstrap (2000 resamples, seed 7)" → name and detail; a name without parentheses has no detail. */
function splitMethod(method: string): { name: string; detail?: string } {
  const m = /^(.*?) \((.+)\)$/.exec(method);
  return m ? { name: m[1], detail: m[2] } : { name: method };
}

/**
 * How each number was computed: the interval method per metric, for the change in its unit and the relative
 * change. Cells name the method; its settings (resamples, seed, variant) are said once, in the notes, so the
 * table stays one line a metric at a readable size.
 */
function composeMethods(ctx: Ctx): Slide[] {
  const details = new Map<string, string>();
  const cell = (method: string | undefined): TableCell => {
    if (!method) return { text: '—' };
    const { name, detail } = splitMethod(method);
    if (detail) details.set(name, detail);
    return { text: name };
  };
  const rows: TableCell[][] = ctx.spec.metrics.flatMap((m) => {
    const r = ctx.read(m.id);
    if (!r || (!r.absolute && !r.relative)) return [];
    return [[{ text: m.label }, { text: m.kind }, cell(r.absolute?.method), cell(r.relative?.method)]];
  });
  if (!rows.length) return [];
  return [
    {
      id: 'methods',
      kind: 'table',
      section: 'Context and method',
      title: ctx.t('methods-title', { confidence: ctx.confidence, count: rows.length }),
      blocks: [
        { type: 'table', header: ['Metric', 'Kind', 'Interval of the change', 'Interval of the relative change'], rows, widths: [3, 1.2, 3.6, 3.6] },
        { type: 'text', role: 'caption', text: ctx.t('methods-caption', { confidence: ctx.confidence, adjustment: ctx.adjustmentName }) },
      ],
      notes: details.size ? [ctx.t('methods-notes', { details: [...details].map(([name, detail]) => ({ name, detail })) })] : [],
    },
  ];
}
