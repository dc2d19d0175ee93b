// Participation and compliance: did the treatment arm receive the treatment? Dose metrics (what the treatment
// changes by design) and operational measures, by arm. Shown at interim (arm levels only, Arm A / Arm B when
// blind) and in the final deck, where they explain the effect but never count as one.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import { armLabel } from '../decide/phase.js';
import { isComplianceMetric, type Metric } from '../spec/schema.js';
import { fmtCount, fmtNumber, fmtValue } from '../deck/format.js';

export function composeCompliance(ctx: Ctx): Slide[] {
  const { spec, t } = ctx;
  const interim = spec.phase === 'interim';
  const listed = interim ? spec.interim?.metrics : undefined;
  const measures = spec.metrics.filter((m) => isComplianceMetric(m) && (!listed || listed.includes(m.id)) && ctx.read(m.id));
  if (!measures.length) return [];
  const A = armLabel(spec, 'control');
  const B = armLabel(spec, 'treatment');
  // Blinded arms are listed as Arm A, Arm B whichever arm each is.
  const controlFirst = !(spec.blind && interim && A === 'Arm B');
  const rows: TableCell[][] = measures.map((m) => {
    const r = ctx.read(m.id)!;
    const c = { text: r.control ? fmtValue(r.control.estimate, m) : '—' };
    const tr = { text: r.treatment ? fmtValue(r.treatment.estimate, m) : '—' };
    const n = { text: r.control?.n != null && r.treatment?.n != null ? fmtCount(r.control.n + r.treatment.n) : '—' };
    const arms = controlFirst ? [c, tr] : [tr, c];
    return interim ? [{ text: m.label }, ...arms, n] : [{ text: m.label }, ...arms, { text: ratioText(ctx, m) ?? '—' }, n];
  });
  const dose = measures.filter((m) => m.role === 'dose').map((m) => ({ label: m.label, ratio: ratioText(ctx, m) ?? '' })).find((d) => d.ratio);
  const header = interim ? ['Measure', controlFirst ? A : B, controlFirst ? B : A, 'n'] : ['Measure', A, B, `${B} ÷ ${A}`, 'n'];
  const data = { count: measures.length, week: spec.interim?.week ?? 0, interim, hasDose: Boolean(dose) && !interim, doseLabel: dose?.label ?? '', doseRatio: dose?.ratio ?? '' };
  return [
    {
      id: 'compliance',
      kind: 'table',
      section: 'Participation and compliance',
      title: t('compliance-title', data),
      blocks: [
        { type: 'table', header, rows, widths: interim ? [4, 2, 2, 1.5] : [4, 1.8, 1.8, 1.8, 1.5] },
        { type: 'text', role: 'caption', text: t('compliance-caption', data) },
      ],
      notes: [t('compliance-notes', data)],
    },
  ];
}

/** Treatment level ÷ control level, e.g. "1.95×": how much of the treatment the treatment arm received. */
function ratioText(ctx: Ctx, m: Metric): string | undefined {
  const r = ctx.read(m.id);
  if (!r?.control || !r.treatment || r.control.estimate <= 0 || m.role !== 'dose') return undefined;
  return `${fmtNumber(r.treatment.estimate / r.control.estimate, 2)}×`;
}
