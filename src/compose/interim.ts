// The interim report (phase: interim): participation, compliance, safety and data quality — nothing else.
// The composers here never receive efficacy reads: the pipeline strips them before decide (see phase.ts).
// The data-quality line says what was checked and what is still pending, never "all pass" over planned checks.
import type { Slide, TableCell, Tone } from '../deck/types.js';
import type { Ctx } from './context.js';
import { marked } from './marks.js';
import { guardrailReason, guardrailText } from './rule-words.js';
import { fmtP } from '../deck/format.js';
import { dataFindings } from './data-findings.js';
import { complianceLevels, composeCompliance } from './compliance.js';
import { instrumentationAsOf } from './pilot-design.js';

/** Where the data stands: pull-time checks, the sample-ratio test, instrumentation and the data-gap register. */
function qualityState(ctx: Ctx) {
  const { spec } = ctx;
  const instrumentation = instrumentationAsOf(spec);
  const srm = ctx.results.srm;
  // A gap's status as measured: open while a check linked to it is over its limit (data-findings.ts).
  const gaps = dataFindings(spec.data_gaps, ctx.quality).gaps;
  return {
    srm: Boolean(srm?.mismatch),
    srmP: srm ? fmtP(srm.p) : '',
    hasSrm: Boolean(srm),
    failing: ctx.quality.filter((q) => q.status === 'fail').map((q) => q.message),
    warnings: ctx.quality.filter((q) => q.status === 'warn').map((q) => q.message),
    dataChecks: ctx.quality.length,
    checks: instrumentation.length,
    passed: instrumentation.filter((i) => i.status === 'passed').length,
    failed: instrumentation.filter((i) => i.status === 'failed').length,
    pending: instrumentation.filter((i) => i.status === 'planned').length,
    gaps: gaps.length,
    openGaps: gaps.filter((g) => (g.status ?? 'open') === 'open').length,
    mitigatedGaps: gaps.filter((g) => g.status === 'mitigated').length,
  };
}

function qualityTone(q: ReturnType<typeof qualityState>): Tone {
  if (q.srm || q.failing.length || q.failed) return 'fail';
  if (q.pending || q.warnings.length || q.openGaps) return 'inconclusive';
  return 'pass';
}

export function composeInterim(ctx: Ctx): Slide[] {
  const { spec, t } = ctx;
  const listed = spec.interim?.metrics;
  const guard = ctx.decision.guardrails.filter((g) => !listed || listed.includes(g.metric));
  // A guardrail is breached (its check triggered) when its estimate lies past the limit, and not yet clear
  // while its interval still reaches past it.
  const labelsOf = (status: string) => guard.filter((g) => g.status === status).map((g) => ctx.metric(g.metric).label);
  const breached = labelsOf('met');
  const unclear = labelsOf('not_clear');
  const q = qualityState(ctx);
  const week = spec.interim?.week ?? 0;
  const readout = spec.pilot?.reporting?.final_readout ?? '';
  const gapsText = q.gaps ? t('interim-quality-gaps', q) : '';
  const summary = { week, readout, hasReadout: Boolean(readout), breached: breached.length, breachedLabels: breached, unclear: unclear.length, unclearLabels: unclear, guardrails: guard.length, ...q, gapsText, issues: q.failing.length + (q.srm ? 1 : 0) + q.failed };
  const levels = complianceLevels(ctx);
  // What was checked, clause by clause: each clause only when there is something to say.
  const clauses = [
    ...(q.hasSrm ? [t('interim-quality-srm', q)] : []),
    ...q.failing,
    ...(q.dataChecks > q.failing.length ? [t('interim-quality-data', { ...q, passing: q.dataChecks - q.failing.length - q.warnings.length })] : []),
    ...(q.checks ? [t('interim-quality-instrumentation', q)] : []),
    ...(gapsText ? [gapsText] : []),
  ];
  const slides: Slide[] = [
    {
      id: 'interim-summary',
      kind: 'exec-summary',
      section: 'Summary',
      title: t('interim-title', summary),
      subtitle: t('interim-question', summary),
      blocks: [
        { type: 'text', role: 'lead', text: t('interim-lead', summary) },
        {
          type: 'bullets',
          items: [
            ...(guard.length ? [{ text: t('interim-safety', summary), tone: (breached.length ? 'fail' : unclear.length ? 'inconclusive' : 'pass') as Tone }] : []),
            ...(levels.length ? [{ text: t('interim-compliance', { measures: levels }) }] : []),
            // nothing declared is no good news: no tone then
            { text: t('interim-quality', { clauses }), tone: clauses.length ? qualityTone(q) : 'neutral' },
            { text: t('interim-why', summary) },
          ],
        },
      ],
      notes: [t('interim-notes', summary)],
    },
    ...composeCompliance(ctx),
  ];
  if (guard.length)
    slides.push({
      id: 'interim-safety',
      kind: 'table',
      section: 'Safety',
      title: t('interim-safety-title', summary),
      blocks: [
        { type: 'table', header: ['Guardrail', 'Observed', 'Result'], rows: guard.map((g) => [{ text: guardrailText(ctx, g) }, { text: guardrailReason(ctx, g) }, { text: marked(g).text, tone: marked(g).tone }]), widths: [4, 4, 1.6] },
        ...(spec.pilot?.pause_rules.length ? [{ type: 'text' as const, role: 'caption' as const, text: t('interim-pause-rules', { rules: spec.pilot.pause_rules.map((r) => `${r.signal}: ${r.threshold} → ${r.action}`) }) }] : []),
      ],
      notes: [],
    });
  const checkTone = (s: string): Tone => (s === 'passed' ? 'pass' : s === 'failed' ? 'fail' : 'inconclusive');
  const dqRows: TableCell[][] = [
    ...ctx.quality.map((c) => [{ text: c.message }, { text: c.status, tone: c.status === 'fail' ? ('fail' as const) : c.status === 'warn' ? ('inconclusive' as const) : ('pass' as const) }]),
    ...(ctx.results.srm ? [[{ text: t('interim-srm', { p: q.srmP, mismatch: q.srm }) }, { text: q.srm ? 'fail' : 'pass', tone: q.srm ? ('fail' as const) : ('pass' as const) }]] : []),
    ...instrumentationAsOf(spec).map((i) => [{ text: t('interim-instrumentation', { check: i.check }) }, { text: i.status === 'planned' ? 'pending' : i.status, tone: checkTone(i.status) }]),
    ...dataFindings(spec.data_gaps, ctx.quality).gaps.map((g) => [
      { text: t('interim-gap', { description: g.gap.description, mitigation: g.gap.mitigation }) },
      {
        text: g.status ?? 'open',
        tone: g.breached.some((c) => c.status === 'fail') ? ('fail' as const) : g.status === 'closed' ? ('pass' as const) : g.status === 'mitigated' ? ('neutral' as const) : ('inconclusive' as const),
      },
    ]),
  ];
  if (dqRows.length)
    slides.push({
      id: 'interim-data-quality',
      kind: 'table',
      section: 'Data quality',
      title: t('interim-dq-title', summary),
      blocks: [{ type: 'table', header: ['Check', 'Status'], rows: dqRows, widths: [8, 1.6] }],
      notes: [],
    });
  return slides;
}
