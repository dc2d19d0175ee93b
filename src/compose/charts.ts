// Chart blocks for the composers: data from Results/Decision → the chart kit's builders.
// STAND-IN forest spec until the chart kit lands.
import type { ChartSpec } from '../deck/types.js';
import type { Metric } from '../spec/schema.js';
import type { RuleOutcome } from '../decide/types.js';
import { type Ctx, describeChange } from './context.js';

export function forestForMetric(ctx: Ctx, m: Metric, scale: 'relative' | 'absolute', rule: RuleOutcome | undefined): ChartSpec {
  const reads = [ctx.read(m.id)!, ...ctx.segmentReads(m.id)];
  const k = scale === 'relative' || m.kind === 'proportion' ? 100 : 1;
  const values = reads.flatMap((r) => {
    const c = scale === 'relative' ? r.relative : r.absolute;
    return c ? [{ label: r.segment === 'all' ? 'All' : r.segment.split('=')[1], estimate: c.estimate * k, lo: (c.ci?.lo ?? c.estimate) * k, hi: (c.ci?.hi ?? c.estimate) * k }] : [];
  });
  const overall = reads[0];
  const ch = scale === 'relative' ? overall.relative! : overall.absolute!;
  const d = describeChange(m, ch, scale, ctx.spec.decision.confidence);
  return {
    id: `forest-${m.id}`,
    kind: 'forest',
    width: 6.2,
    height: 3.6,
    alt: `Treatment ${d.verb} ${d.labelLower} by ${d.magnitude} ${d.interval}${rule?.threshold ? `; the bar is ${rule.threshold}` : ''}.`,
    vegaLite: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 6.2 * 72 - 120,
      height: 3.6 * 72 - 60,
      data: { values },
      encoding: { y: { field: 'label', type: 'nominal', sort: null, title: null } },
      layer: [
        { mark: 'rule', encoding: { x: { field: 'lo', type: 'quantitative', title: scale === 'relative' ? 'Change vs control (%)' : `Change vs control (${m.kind === 'proportion' ? 'pp' : m.unit})` }, x2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, size: 80 }, encoding: { x: { field: 'estimate', type: 'quantitative' } } },
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      ],
    },
  };
}

/** STAND-IN: the power curve until the chart kit lands. */
export function powerCurveChart(_ctx: Ctx, plan: { p0: number; mde: number; perArm: number; deff: number }): ChartSpec {
  return {
    id: 'power-curve',
    kind: 'power',
    width: 6.2,
    height: 3.6,
    alt: `Sample size per arm needed to detect a lift from ${(plan.p0 * 100).toFixed(0)}%: ${plan.perArm} per arm for +${(plan.mde * 100).toFixed(0)} pp.`,
    vegaLite: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{ n: plan.perArm, mde: plan.mde }] }, mark: 'point', encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'mde', type: 'quantitative' } } },
  };
}
