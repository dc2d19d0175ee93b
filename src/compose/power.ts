// The power slide: sample size per arm for the minimum detectable effect (R's power.prop.test, the default),
// inflated by the design effect 1 + (m − 1)·ICC for rep-level clusters, and how many weeks that takes.
import type { Slide, TableCell } from '../deck/types.js';
import type { Ctx } from './context.js';
import { sampleSize } from '../stats/power.js';
import { designEffect } from '../stats/designEffect.js';
import { fmtCount, fmtNumber } from '../deck/format.js';
import { powerCurveChart } from './charts.js';

export interface PowerPlan {
  p0: number;
  mde: number;
  power: number;
  alpha: number;
  deff: number;
  perArm: number;
  perArmUnclustered: number;
  /** The baseline-variance shortcut's need, for the notes (why other calculators give fewer). */
  perArmBaselineVariance: number;
  weeks: number | null;
  unitName: string;
}

export function powerPlan(ctx: Ctx): PowerPlan | undefined {
  const pw = ctx.spec.pilot?.power;
  if (!pw) return undefined;
  const p0 = pw.baseline;
  const mde = pw.mde;
  const deff = designEffect(pw.cluster_size, pw.icc);
  const base = { p0, mde, power: pw.power, alpha: pw.alpha, designEffect: deff };
  const planned = sampleSize(base);
  const shortcut = sampleSize({ ...base, method: 'baseline-variance' });
  return {
    p0,
    mde,
    power: pw.power,
    alpha: pw.alpha,
    deff,
    perArm: planned.perArmCeil,
    perArmUnclustered: Math.ceil(planned.perArmUnclustered),
    perArmBaselineVariance: Math.ceil(shortcut.perArmUnclustered),
    weeks: pw.units_per_week ? Math.ceil((2 * planned.perArmCeil) / pw.units_per_week) : null,
    unitName: pw.unit_name,
  };
}

export function composePowerSlide(ctx: Ctx): Slide[] {
  const plan = powerPlan(ctx);
  const pw = ctx.spec.pilot?.power;
  if (!plan || !pw) return [];
  const pct = (x: number) => `${fmtNumber(x * 100, Number.isInteger(Math.round(x * 1000) / 10) ? 0 : 1)}%`;
  const pp = (x: number) => `${fmtNumber(x * 100, Number.isInteger(Math.round(x * 1000) / 10) ? 0 : 1)} pp`;
  const mdes = [...new Set([plan.mde * 0.6, plan.mde * 0.8, plan.mde, plan.mde * 1.2].map((x) => Math.round(x * 1000) / 1000))];
  const rows: TableCell[][] = mdes.map((mde) => {
    const s = sampleSize({ p0: plan.p0, mde, power: plan.power, alpha: plan.alpha, designEffect: plan.deff });
    const weeks = pw.units_per_week ? Math.ceil((2 * s.perArmCeil) / pw.units_per_week) : null;
    const bold = Math.abs(mde - plan.mde) < 1e-9;
    return [{ text: `+${pp(mde)}`, bold }, { text: fmtCount(Math.ceil(s.perArmUnclustered)), bold }, { text: fmtCount(s.perArmCeil), bold }, { text: weeks === null ? '—' : `${weeks}`, bold }];
  });
  const data = {
    unit: plan.unitName,
    p0: pct(plan.p0),
    mde: pp(plan.mde),
    power: pct(plan.power),
    alpha: fmtNumber(plan.alpha, 2),
    perArm: fmtCount(plan.perArm),
    perArmUnclustered: fmtCount(plan.perArmUnclustered),
    baselineVariance: fmtCount(plan.perArmBaselineVariance),
    deff: fmtNumber(plan.deff, 2),
    clustered: plan.deff > 1,
    m: pw.cluster_size ?? 0,
    icc: pw.icc ?? 0,
    cluster: ctx.spec.pilot!.randomisation.unit,
    weeks: plan.weeks ?? 0,
    hasWeeks: plan.weeks !== null,
    perWeek: pw.units_per_week ? fmtCount(pw.units_per_week) : '',
  };
  return [
    {
      id: 'pilot-power',
      kind: 'chart',
      section: 'Pilot design',
      title: ctx.t('power-title', data),
      blocks: [
        { type: 'chart', chart: powerCurveChart(ctx, plan) },
        { type: 'text', role: 'body', text: ctx.t('power-reading', data) },
        { type: 'table', header: ['Detectable lift', `${plan.unitName} per arm`, `With design effect ${data.deff}`, 'Weeks'], rows, widths: [2, 2.4, 2.8, 1.4] },
        { type: 'text', role: 'caption', text: ctx.t('power-method', data) },
      ],
      notes: [ctx.t('power-notes', data), ctx.t('power-method-notes', data)],
    },
  ];
}
