// Data-gap and risk registers: the lead's notes, with measured figures beside them where the pull measured them.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import type { QualityCheck } from '../sources/snapshot.js';
import { parseShare } from '../spec/quantity.js';
import { fmtShare } from '../deck/format.js';
import { afterDecision } from './plan.js';

export function composeDataGaps(ctx: Ctx): Slide[] {
  const gaps = ctx.spec.data_gaps;
  if (!gaps.length) return [];
  const rows: TableCell[][] = gaps.map((g) => {
    const measured = ctx.quality.filter((q) => q.gap === g.id);
    const before = g.missing_share_before !== undefined ? parseShare(g.missing_share_before) : undefined;
    const after = g.missing_share !== undefined ? parseShare(g.missing_share) : undefined;
    const figures = measured.length
      ? measured.map(measuredFigure).join('; ')
      : before !== undefined && after !== undefined
        ? `${fmtShare(before)} → ${fmtShare(after)} (stated)`
        : after !== undefined
          ? `${fmtShare(after)} (stated)`
          : '—';
    return [
      { text: g.description },
      { text: `${g.severity}${g.status ? ` · ${g.status}` : ''}`, bold: g.severity === 'blocker' || g.severity === 'high' },
      { text: g.bias_direction },
      { text: g.mitigation },
      { text: figures },
      { text: g.residual_risk },
    ];
  });
  const open = gaps.filter((g) => g.status !== 'closed');
  return [
    {
      id: 'data-gaps',
      kind: 'register',
      section: 'Risks and data gaps',
      title: ctx.t('gaps-title', { open: open.length, total: gaps.length, blockers: gaps.filter((g) => g.severity === 'blocker' && g.status !== 'closed').length }),
      blocks: [{ type: 'table', header: ['Gap', 'Severity', 'Bias direction', 'Mitigation', 'Measured', 'Residual risk'], rows, widths: [2.4, 1.2, 2.2, 2.4, 1.6, 2.2] }],
      notes: [],
    },
  ];
}

/** The measured figure beside the lead's notes, short: "18.0% → 6.0% (measured)", "84 h old (limit 36 h)". */
function measuredFigure(q: QualityCheck): string {
  if (q.kind === 'missing_variant' && q.before !== undefined && q.after !== undefined) return `${fmtShare(q.before)} → ${fmtShare(q.after)} (measured)`;
  if (q.kind === 'freshness') return `${Math.round(q.value)} h old (limit ${q.threshold} h)`;
  return `${fmtShare(q.value)}${q.threshold !== undefined ? ` (limit ${fmtShare(q.threshold)})` : ''}`;
}

export function composeRisks(ctx: Ctx): Slide[] {
  const { risks } = afterDecision(ctx);
  if (!risks.length) return [];
  const rows: TableCell[][] = risks.map((r) => [{ text: r.description }, { text: r.likelihood, bold: r.likelihood === 'high' }, { text: r.impact, bold: r.impact === 'high' }, { text: r.mitigation }, { text: r.owner ?? '—' }]);
  return [
    {
      id: 'risks',
      kind: 'register',
      section: 'Risks and data gaps',
      title: ctx.t('risks-title', { count: risks.length, high: risks.filter((r) => r.impact === 'high').length }),
      blocks: [{ type: 'table', header: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'], rows, widths: [3.2, 1.2, 1.1, 3.6, 1.6] }],
      notes: [],
    },
  ];
}
