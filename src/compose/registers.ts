// Data-gap and risk registers: the lead's notes, with measured figures beside them where the pull measured them.
// Every data-quality check over its limit appears: on the gap it measures (which then reads open, whatever the lead
// wrote), or, when no gap records it, in a line under the table naming what it found and its figure.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import type { QualityCheck } from '../sources/snapshot.js';
import type { QualityCheckSpec } from '../spec/schema.js';
import { fmtNumber, fmtShare } from '../deck/format.js';
import { dataFindings, isBreached, openGaps, type GapFinding } from './data-findings.js';
import { afterDecision } from './plan.js';

export function composeDataGaps(ctx: Ctx): Slide[] {
  const { t } = ctx;
  const f = dataFindings(ctx.spec.data_gaps, ctx.quality);
  if (!f.gaps.length && !f.unrecorded.length) return [];
  // Bad news first: rows with a failing check, then those over a warning limit, then the rest in the spec's order.
  const rank = (checks: QualityCheck[]) => (checks.some((q) => q.status === 'fail') ? 0 : checks.some((q) => q.status === 'warn') ? 1 : 2);
  const open = openGaps(f);
  // A closed gap no check reopens bears on nothing the deck decides: with open gaps beside it, it is told in the
  // notes (the title still counts it), so the open ones keep a readable size on one slide.
  const closed = open.length ? f.gaps.filter((g) => g.status === 'closed') : [];
  const rows: TableCell[][] = f.gaps
    .filter((g) => !closed.includes(g))
    .map((g) => ({ rank: rank(g.breached), cells: gapRow(ctx, g) }))
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.cells);
  const blockers = open.filter((g) => g.gap.severity === 'blocker').length;
  return [
    {
      id: 'data-gaps',
      kind: 'register',
      section: 'Risks and data gaps',
      title: t('gaps-title', { total: f.gaps.length, open: open.length, gapsOpen: t('gaps-open', { open: open.length, total: f.gaps.length, mitigated: f.gaps.filter((g) => g.status === 'mitigated').length }), blockers, failing: f.failing.length, warnings: f.warnings.length }),
      blocks: [
        ...(rows.length ? [{ type: 'table' as const, header: ['Gap', 'Severity', 'Bias direction', 'Mitigation', 'Measured', 'Residual risk'], rows, widths: [2.4, 1.4, 2.1, 2.3, 1.9, 1.9] }] : []),
        // Checks no gap records, after the lead's gaps: what each found and its figure, with nobody's assessment yet.
        ...(f.unrecorded.length ? [{ type: 'text' as const, role: 'body' as const, tone: 'fail' as const, text: unrecordedText(ctx, f.unrecorded) }] : []),
      ],
      notes: [
        ...(ctx.quality.length
          ? [t('gaps-notes', { count: ctx.quality.length, within: ctx.quality.filter((q) => !isBreached(q)).length, over: ctx.quality.filter(isBreached).map((q) => findingText(ctx, q)), unrecorded: f.unrecorded.map((q) => findingText(ctx, q)) })]
          : []),
        ...(closed.length ? [t('gaps-closed-notes', { gaps: closed.map((g) => ({ description: g.gap.description, mitigation: g.gap.mitigation, residual: g.gap.residual_risk })) })] : []),
      ],
    },
  ];
}

function gapRow(ctx: Ctx, g: GapFinding): TableCell[] {
  const { gap } = g;
  const status = ctx.t('gaps-status', { severity: gap.severity, status: g.status ?? '', stated: gap.status ?? '', overridden: g.overridden });
  return [
    { text: gap.description },
    { text: status, bold: gap.severity === 'blocker' || gap.severity === 'high' || g.breached.length > 0 },
    { text: gap.bias_direction },
    { text: gap.mitigation },
    g.checks.length ? measuredCell(ctx, g.checks) : { text: statedFigure(gap.missing_share_before, gap.missing_share) },
    { text: gap.residual_risk },
  ];
}

/** What a check looks at, in words ("quotes repeating a key (request_id, quoted_at)"): a reader never sees its id. */
function findingText(ctx: Ctx, q: QualityCheck): string {
  const spec = ctx.spec.source?.checks?.find((c) => c.id === q.id);
  return ctx.t('gaps-finding', { id: q.id, kind: q.kind, table: q.table ?? '', columns: checkColumns(spec), description: spec?.description ?? '' });
}

/** The checks over their limit that no data gap records, each with what it found and its figure. */
function unrecordedText(ctx: Ctx, checks: QualityCheck[]): string {
  const found = checks.map((q) => {
    const figure = figures(q);
    return {
      id: q.id,
      what: findingText(ctx, q),
      value: q.kind === 'missing_variant' ? `${figure.before} → ${figure.value}` : figure.value,
      limit: figure.limit,
      failing: q.status === 'fail',
    };
  });
  return ctx.t('gaps-unrecorded', { count: checks.length, found });
}

function measuredCell(ctx: Ctx, checks: QualityCheck[]): TableCell {
  const text = checks
    .map((q) => {
      const figure = figures(q);
      return ctx.t('gaps-measured', { id: q.id, named: checks.length > 1, kind: q.kind, value: figure.value, before: figure.before, limit: figure.limit, breached: isBreached(q), level: q.status });
    })
    .join('; ');
  // Over the limit is bad news at either level; the words say which (a warning, or a failing check).
  return { text, tone: checks.some(isBreached) ? 'fail' : 'pass' };
}

/** Shares as percentages (with a second decimal under 0.1%), hours for freshness; a SQL check's own number as it is, unless both it and its limit read as shares. */
function figures(q: QualityCheck): { value: string; before: string; limit: string } {
  const limit = q.threshold ?? NaN;
  const hours = (h: number) => `${fmtNumber(h, Number.isInteger(h) ? 0 : 1)} h`;
  if (q.kind === 'freshness') return { value: Number.isFinite(q.value) ? hours(q.value) : 'no rows', before: '', limit: hours(limit) };
  const asShare = q.kind !== 'other' || (q.value >= 0 && q.value <= 1 && limit >= 0 && limit <= 1);
  const show = (x: number) => (!Number.isFinite(x) ? '—' : asShare ? share(x) : fmtNumber(x, Number.isInteger(x) ? 0 : 3));
  return { value: show(q.kind === 'missing_variant' ? (q.after ?? q.value) : q.value), before: q.before !== undefined ? show(q.before) : '', limit: show(limit) };
}

function share(x: number): string {
  return x !== 0 && Math.abs(x) < 0.001 ? `${fmtNumber(x * 100, 2)}%` : fmtShare(x);
}

function statedFigure(b: number | undefined, a: number | undefined): string {
  if (b !== undefined && a !== undefined) return `${fmtShare(b)} → ${fmtShare(a)} (stated)`;
  if (a !== undefined) return `${fmtShare(a)} (stated)`;
  return '—';
}

/** The columns or keys a check reads, for naming what it found. */
function checkColumns(c: QualityCheckSpec | undefined): string {
  if (!c) return '';
  switch (c.kind) {
    case 'completeness':
      return c.columns.join(', ');
    case 'uniqueness':
      return c.keys.join(', ');
    case 'referential':
      return `${c.references.table}.${c.references.key}`;
    case 'freshness':
    case 'missing_variant':
      return c.column;
    case 'sql':
      return '';
  }
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
