// Participation and compliance: did the treatment arm receive the treatment? Dose metrics (what the treatment
// changes by design) and operational measures, by arm. Shown at interim (arm levels only, Arm A / Arm B when
// blind) and in the final deck, where they explain the effect but never count as one.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import { armLabel } from './arms.js';
import { nUnit } from './n-unit.js';
import { isComplianceMetric } from '../spec/schema.js';
import type { Metric, Spec } from '../spec/normalized.js';
import { fmtCount, fmtNumber, fmtValue } from '../deck/format.js';

/** The arms as the deck names and orders them: control first, except blinded interim decks, which list Arm A first. */
function arms(spec: Spec): { first: 'control' | 'treatment'; second: 'control' | 'treatment'; label: (arm: 'control' | 'treatment') => string } {
  const label = (arm: 'control' | 'treatment') => armLabel(spec, arm);
  const controlFirst = !(spec.blind && spec.phase === 'interim' && label('control') === 'Arm B');
  return controlFirst ? { first: 'control', second: 'treatment', label } : { first: 'treatment', second: 'control', label };
}

/** The compliance measures with a read: interim.metrics when an interim deck lists them, else every one. */
function measures(ctx: Ctx): Metric[] {
  const listed = ctx.spec.phase === 'interim' ? ctx.spec.interim?.metrics : undefined;
  return ctx.spec.metrics.filter((m) => isComplianceMetric(m) && (!listed || listed.includes(m.id)) && ctx.read(m.id));
}

function level(ctx: Ctx, m: Metric, arm: 'control' | 'treatment'): string {
  const r = ctx.read(m.id)?.[arm];
  return r ? fmtValue(r.estimate, m) : '—';
}

/** Each measure's level per arm, in the table's order, for a sentence ("58.9 in Arm A", "31.0 in control"). */
export function complianceLevels(ctx: Ctx): { label: string; first: string; second: string; firstArm: string; secondArm: string }[] {
  const a = arms(ctx.spec);
  const named = (arm: 'control' | 'treatment') => (/^Arm [AB]$/.test(a.label(arm)) ? a.label(arm) : arm);
  return measures(ctx).map((m) => ({ label: m.label, first: level(ctx, m, a.first), second: level(ctx, m, a.second), firstArm: named(a.first), secondArm: named(a.second) }));
}

export function composeCompliance(ctx: Ctx): Slide[] {
  const { spec, t } = ctx;
  const interim = spec.phase === 'interim';
  const list = measures(ctx);
  if (!list.length) return [];
  const a = arms(spec);
  const units = new Set(list.map(nUnit));
  const oneUnit = units.size === 1;
  const rows: TableCell[][] = list.map((m) => {
    const r = ctx.read(m.id)!;
    // One unit for every row: said once under the table; else each n carries its own.
    const count = r.control?.n != null && r.treatment?.n != null ? fmtCount(r.control.n + r.treatment.n) : undefined;
    const n = { text: count === undefined ? t('n-missing', {}) : oneUnit ? count : t('n-count', { n: count, unit: nUnit(m) }) };
    const levels = [{ text: level(ctx, m, a.first) }, { text: level(ctx, m, a.second) }];
    return interim ? [{ text: m.label }, ...levels, n] : [{ text: m.label }, ...levels, { text: ratioText(ctx, m) ?? '—' }, n];
  });
  const dose = doseReceived(ctx);
  const [first, second] = [a.label(a.first), a.label(a.second)];
  const header = interim ? ['Measure', first, second, 'n'] : ['Measure', first, second, `${a.label('treatment')} ÷ ${a.label('control')}`, 'n'];
  const data = { count: list.length, week: spec.interim?.week ?? 0, interim, hasDose: Boolean(dose), doseLabel: dose?.label ?? '', doseRatio: dose?.ratio ?? '' };
  return [
    {
      id: 'compliance',
      kind: 'table',
      section: 'Participation and compliance',
      title: t('compliance-title', data),
      blocks: [
        { type: 'table', header, rows, widths: interim ? [4, 2, 2, 1.5] : [4, 1.8, 1.8, 1.8, 1.5], ...(oneUnit ? { caption: t('n-key', { unit: [...units][0] }) } : {}) },
        { type: 'text', role: 'caption', text: t('compliance-caption', data) },
      ],
      notes: [t('compliance-notes', data)],
    },
  ];
}

/** The first dose metric's treatment ÷ control level, e.g. {label: 'Call attempts per rep-day', ratio: '1.90×'}: in a final deck only. */
export function doseReceived(ctx: Ctx): { label: string; ratio: string } | undefined {
  if (ctx.spec.phase !== 'final') return undefined;
  return measures(ctx).filter((m) => m.role === 'dose').map((m) => ({ label: m.label, ratio: ratioText(ctx, m) ?? '' })).find((d) => d.ratio);
}

/** Treatment level ÷ control level of a dose, e.g. "1.90×": how much of the treatment the treatment arm received. */
function ratioText(ctx: Ctx, m: Metric): string | undefined {
  const r = ctx.read(m.id);
  if (!r?.control || !r.treatment || r.control.estimate <= 0 || m.role !== 'dose') return undefined;
  return `${fmtNumber(r.treatment.estimate / r.control.estimate, 2)}×`;
}
