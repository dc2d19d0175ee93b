// Chart blocks for the composers: Results and Decision data → the chart kit's builders (src/charts).
import type { ChartSpec } from '../deck/types.js';
import type { Metric } from '../spec/schema.js';
import type { RuleOutcome, Status } from '../decide/types.js';
import type { ChangeRead } from '../stats/results.js';
import { type Ctx, headlineChange, headlineScale } from './context.js';
import { forestChart, type ForestRow } from '../charts/forest.js';
import { guardrailsChart } from '../charts/guardrails.js';
import { scenariosChart } from '../charts/scenarios.js';
import { tradeoffChart } from '../charts/tradeoff.js';
import { distributionChart } from '../charts/distribution.js';
import { powerChart } from '../charts/power.js';
import { timeSeriesChart } from '../charts/timeseries.js';
import type { ValueFormat } from '../charts/format.js';
import { minimumDetectableEffect } from '../stats/power.js';
import { parseQuantity } from '../spec/quantity.js';
import type { PowerPlan } from './power.js';

/** Chart size on a chart slide (inches): the layout keeps the aspect and never enlarges. */
const WIDE = { width: 7.6, height: 4.6 };

export function valueFormat(m: Metric, scale: 'relative' | 'absolute'): ValueFormat {
  if (scale === 'relative') return { kind: 'percent' };
  if (m.kind === 'proportion') return { kind: 'pp' };
  return { kind: 'unit', unit: m.unit === 'minutes' ? 'min' : m.unit };
}

/** Where an interval sits against a threshold line: wholly on the good side, wholly on the bad side, or across. */
function sideOf(ch: ChangeRead, threshold: number | undefined, better: 'higher' | 'lower'): Status {
  const lo = ch.ci?.lo ?? ch.estimate;
  const hi = ch.ci?.hi ?? ch.estimate;
  const t = threshold ?? 0;
  const good = better === 'lower' ? hi < t : lo > t;
  const bad = better === 'lower' ? lo > t : hi < t;
  return good ? 'pass' : bad ? 'fail' : 'inconclusive';
}

/** Forest plot of one metric: the overall read (with the criterion's status) and each segment against the same line. */
export function forestForMetric(ctx: Ctx, m: Metric, scale: 'relative' | 'absolute', rule: RuleOutcome | undefined): ChartSpec {
  const reads = [ctx.read(m.id)!, ...ctx.segmentReads(m.id)];
  const rows: ForestRow[] = reads.flatMap((r, i) => {
    const c = scale === 'relative' ? r.relative : r.absolute;
    if (!c) return [];
    const label = r.segment === 'all' ? 'All' : `${r.segment.split('=')[1]}${r.exploratory ? '*' : ''}`;
    const status = i === 0 && rule ? rule.status : sideOf(c, rule?.thresholdValue, m.better);
    return [{ label, estimate: c.estimate, lo: c.ci?.lo ?? null, hi: c.ci?.hi ?? null, status }];
  });
  return forestChart(
    {
      id: m.id,
      metric: m.label,
      better: m.better,
      format: valueFormat(m, scale),
      rows,
      threshold: rule?.thresholdValue !== undefined ? { value: rule.thresholdValue, label: 'bar' } : undefined,
      confidence: ctx.spec.decision.confidence,
      size: WIDE,
    },
    ctx.theme,
  );
}

export function guardrailChart(ctx: Ctx): ChartSpec | undefined {
  const rows = ctx.decision.guardrails.flatMap((g) => {
    const m = g.metric ? ctx.metric(g.metric) : undefined;
    if (!m || !g.observed || m.max_worsening === undefined || !g.scale) return [];
    return [{
      label: m.label,
      estimate: g.observed.estimate,
      lo: g.observed.ci?.lo ?? null,
      hi: g.observed.ci?.hi ?? null,
      limit: Math.abs(parseQuantity(m.max_worsening)!.value),
      format: valueFormat(m, g.scale),
      better: m.better,
      status: g.status,
    }];
  });
  if (!rows.length) return undefined;
  return guardrailsChart({ rows, confidence: ctx.spec.decision.confidence, size: WIDE }, ctx.theme);
}

export function scenarioChart(ctx: Ctx): ChartSpec | undefined {
  const byName = Object.fromEntries(ctx.decision.scenarios.map((s) => [s.name, s]));
  if (!byName.base) return undefined;
  const verdictRules = ctx.decision.criteria.find((c) => c.id === ctx.decision.verdict.criterion)?.rules ?? ctx.decision.criteria.flatMap((c) => c.rules);
  const rows = byName.base.changes
    .filter((c) => ctx.metric(c.metric).role === 'primary')
    .map((c) => {
      const m = ctx.metric(c.metric);
      const at = (name: string) => byName[name]?.changes.find((x) => x.metric === c.metric)?.estimate ?? c.estimate;
      const rule = verdictRules.find((r) => r.metric === c.metric && r.scale === c.scale);
      return { label: m.label, format: valueFormat(m, c.scale), better: m.better, best: at('best'), base: c.estimate, worst: at('worst'), criterion: rule?.thresholdValue };
    });
  if (!rows.length) return undefined;
  return scenariosChart({ rows, size: WIDE }, ctx.theme);
}

/** Speed vs quality by segment: the first two primary metrics that share segments, with the acceptable region from the verdict's rules. */
export function tradeoffForSegments(ctx: Ctx): ChartSpec | undefined {
  const primaries = ctx.spec.metrics.filter((m) => m.role === 'primary');
  if (primaries.length < 2) return undefined;
  const [mx, my] = primaries;
  const sx = headlineScale(mx);
  const sy = headlineScale(my);
  const rules = ctx.decision.criteria.flatMap((c) => c.rules);
  const tx = rules.find((r) => r.metric === mx.id && r.scale === sx)?.thresholdValue;
  const ty = rules.find((r) => r.metric === my.id && r.scale === sy)?.thresholdValue;
  const points = ctx.segmentReads(mx.id).flatMap((rx) => {
    const ry = ctx.read(my.id, rx.segment);
    const cx = sx === 'relative' ? rx.relative : rx.absolute;
    const cy = ry && (sy === 'relative' ? ry.relative : ry.absolute);
    if (!cx || !cy) return [];
    const ok = (tx === undefined || (mx.better === 'lower' ? cx.estimate <= tx : cx.estimate >= tx)) && (ty === undefined || (my.better === 'lower' ? cy.estimate <= ty : cy.estimate >= ty));
    return [{ label: rx.segment.split('=')[1], x: cx.estimate, y: cy.estimate, status: (ok ? 'pass' : 'fail') as Status }];
  });
  if (points.length < 2) return undefined;
  const overallX = headlineChange(ctx.read(mx.id), mx);
  const overallY = headlineChange(ctx.read(my.id), my);
  if (overallX && overallY) points.unshift({ label: 'All', x: overallX.estimate, y: overallY.estimate, status: 'pass' });
  const acceptable = {
    ...(tx !== undefined ? (mx.better === 'lower' ? { xMax: tx } : { xMin: tx }) : {}),
    ...(ty !== undefined ? (my.better === 'lower' ? { yMax: ty } : { yMin: ty }) : {}),
    label: 'meets both bars',
  };
  return tradeoffChart(
    { id: `${mx.id}-vs-${my.id}`, x: { label: `${mx.label}, change`, format: valueFormat(mx, sx) }, y: { label: `${my.label}, change`, format: valueFormat(my, sy) }, points, acceptable, size: WIDE, noun: ['segment', 'segments'] },
    ctx.theme,
  );
}

export function distributionFor(ctx: Ctx, m: Metric): ChartSpec | undefined {
  const values = ctx.input.distributions?.[m.id];
  if (!values || !values.control.length || !values.treatment.length) return undefined;
  return distributionChart({ id: m.id, metric: valuesLabel(m), unit: m.unit === 'minutes' ? 'min' : m.unit, values, mode: 'ecdf', clipQuantile: 0.95, size: WIDE }, ctx.theme);
}

/** What the raw values of a median or percentile metric measure: "Median time to first quote" → "Time to first quote". */
export function valuesLabel(m: Metric): string {
  const bare = m.label.replace(/^(median|mean|average|p\d{1,2})\s+/i, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export function powerCurveChart(ctx: Ctx, plan: PowerPlan): ChartSpec {
  const grid = [100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000];
  const at = (n: number, designEffect: number) => minimumDetectableEffect({ p0: plan.p0, n, power: plan.power, alpha: plan.alpha, designEffect }).mde;
  const curve = grid.map((n) => ({ n, mde: at(n, 1), ...(plan.deff > 1 ? { mdeClustered: at(n, plan.deff) } : {}) }));
  return powerChart(
    { curve, designEffect: plan.deff, format: { kind: 'pp' }, target: { mde: plan.mde, label: 'target lift' }, plannedN: plan.perArm, unitName: plan.unitName.toLowerCase(), size: WIDE },
    ctx.theme,
  );
}

/** The metric per arm per day (its `trend` SQL), with the rollout date and earlier checkpoints marked. */
export function trendFor(ctx: Ctx, m: Metric): ChartSpec | undefined {
  const points = ctx.input.trends?.[m.id];
  if (!points || points.length < 4) return undefined;
  const format: ValueFormat = m.kind === 'proportion' ? { kind: 'percent' } : { kind: 'unit', unit: m.unit === 'minutes' ? 'min' : m.unit };
  const rollout = ctx.spec.context?.rollout_date;
  const first = points[0].date;
  const last = points[points.length - 1].date;
  const checkpoints = (ctx.input.history ?? []).filter((c) => c.date >= first && c.date <= last).map((c) => ({ date: c.date, label: c.name }));
  return timeSeriesChart(
    {
      id: m.id,
      metric: m.label,
      format,
      points: points.map((p) => ({ date: p.date, arm: p.arm as 'control' | 'treatment', value: p.value })),
      ...(rollout && rollout >= first && rollout <= last ? { rollout: { date: rollout, label: 'rollout' } } : {}),
      ...(checkpoints.length ? { checkpoints } : {}),
      size: WIDE,
    },
    ctx.theme,
  );
}
