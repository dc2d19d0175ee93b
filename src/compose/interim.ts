// The interim report (phase: interim): participation, compliance, safety and data quality — nothing else.
// The composers here never receive efficacy reads: the pipeline strips them before decide (see phase.ts).
import type { Slide, TableCell } from '../deck/types.js';
import { type Ctx, STATUS_TONE, STATUS_WORD } from './context.js';
import { armLabel } from '../decide/phase.js';
import { fmtCount, fmtValue, fmtP } from '../deck/format.js';
import { dataFindings } from './data-findings.js';

export function composeInterim(ctx: Ctx): Slide[] {
  const { spec, t } = ctx;
  const ops = spec.metrics.filter((m) => m.role === 'operational');
  const guard = ctx.decision.guardrails;
  const failing = ctx.quality.filter((q) => q.status === 'fail');
  const srm = ctx.results.srm;
  const breached = guard.filter((g) => g.status === 'fail');
  const readout = spec.pilot?.reporting?.final_readout ?? 'the pre-registered end of the pilot';
  const A = armLabel(spec, 'control');
  const B = armLabel(spec, 'treatment');
  const slides: Slide[] = [
    {
      id: 'interim-summary',
      kind: 'exec-summary',
      section: 'Summary',
      title: t('interim-title', { breached: breached.length, guardrails: guard.length, dq: failing.length + (srm?.mismatch ? 1 : 0) }),
      blocks: [
        { type: 'text', role: 'lead', text: t('interim-lead', { readout }) },
        {
          type: 'bullets',
          items: [
            { text: t('interim-shows', {}) },
            { text: t('interim-safety', { breached: breached.map((g) => g.text), count: guard.length }), tone: breached.length ? 'fail' : 'pass' },
            { text: t('interim-quality', { failing: failing.map((q) => q.message), srm: Boolean(srm?.mismatch) }), tone: failing.length || srm?.mismatch ? 'fail' : 'pass' },
            { text: t('interim-why', {}) },
          ],
        },
      ],
      notes: [t('interim-notes', { readout })],
    },
  ];
  if (ops.length) {
    const rows: TableCell[][] = ops.flatMap((m) => {
      const r = ctx.read(m.id);
      if (!r) return [];
      return [[{ text: m.label }, { text: r.control ? fmtValue(r.control.estimate, m) : '—' }, { text: r.treatment ? fmtValue(r.treatment.estimate, m) : '—' }, { text: r.control?.n != null && r.treatment?.n != null ? fmtCount(r.control.n + r.treatment.n) : '—' }]];
    });
    const [first, second] = spec.blind && armLabel(spec, 'control') === 'Arm B' ? [2, 1] : [1, 2];
    slides.push({
      id: 'interim-participation',
      kind: 'table',
      section: 'Participation and compliance',
      title: t('interim-participation-title', { count: rows.length }),
      blocks: [{ type: 'table', header: ['Measure', first === 1 ? A : B, first === 1 ? B : A, 'n'], rows: rows.map((r) => [r[0], r[first], r[second], r[3]]), widths: [4, 2, 2, 1.5] }],
      notes: [],
    });
  }
  if (guard.length)
    slides.push({
      id: 'interim-safety',
      kind: 'table',
      section: 'Safety',
      title: t('interim-safety-title', { breached: breached.length, count: guard.length }),
      blocks: [
        { type: 'table', header: ['Guardrail', 'Observed', 'Result'], rows: guard.map((g) => [{ text: g.text }, { text: g.reason }, { text: STATUS_WORD[g.status], tone: STATUS_TONE[g.status] }]), widths: [4, 4, 1.6] },
        ...(spec.pilot?.pause_rules.length ? [{ type: 'text' as const, role: 'caption' as const, text: t('interim-pause-rules', { rules: spec.pilot.pause_rules.map((r) => `${r.signal}: ${r.threshold} → ${r.action}`) }) }] : []),
      ],
      notes: [],
    });
  const dqRows: TableCell[][] = [
    ...ctx.quality.map((q) => [{ text: q.message }, { text: q.status, tone: q.status === 'fail' ? ('fail' as const) : q.status === 'warn' ? ('inconclusive' as const) : ('pass' as const) }]),
    ...(srm ? [[{ text: t('interim-srm', { p: fmtP(srm.p), mismatch: srm.mismatch }) }, { text: srm.mismatch ? 'fail' : 'pass', tone: srm.mismatch ? ('fail' as const) : ('pass' as const) }]] : []),
    ...(spec.pilot?.instrumentation ?? []).map((i) => [{ text: `Instrumentation: ${i.check}` }, { text: i.status, tone: i.status === 'passed' ? ('pass' as const) : i.status === 'failed' ? ('fail' as const) : ('inconclusive' as const) }]),
    ...dataFindings(spec.data_gaps, ctx.quality).gaps.map((g) => [
      { text: `${g.gap.description} — ${g.gap.mitigation}` },
      { text: g.status ?? 'open', tone: g.status === 'closed' ? ('pass' as const) : g.breached.some((q) => q.status === 'fail') ? ('fail' as const) : ('inconclusive' as const) },
    ]),
  ];
  if (dqRows.length)
    slides.push({
      id: 'interim-data-quality',
      kind: 'table',
      section: 'Data quality',
      title: t('interim-dq-title', { count: dqRows.length, failing: failing.length }),
      blocks: [{ type: 'table', header: ['Check', 'Status'], rows: dqRows, widths: [8, 1.6] }],
      notes: [],
    });
  return slides;
}
