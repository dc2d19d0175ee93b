// Chart blocks for the composers: Results and Decision data → the chart kit's builders (src/charts).
import type { ChartSpec } from '../deck/types.js';
import type { Metric } from '../spec/normalized.js';
import type { MetricRuleOutcome } from '../decide/types.js';
import type { Check } from '../spec/normalized.js';
import { changeOn, type MetricRead } from '../stats/results.js';
import { type Ctx, displayScale, headlineMark, scenarioDecimals, segmentTableDecimals } from './context.js';
import { marked } from './marks.js';
import { checkWords, ruleText } from './rule-words.js';
import { allOf } from '../model/outcomes.js';
import { OVERALL, segmentValue } from '../model/rows.js';
import type { Scale } from '../model/metric-kinds.js';
import type { MarkTone } from '../charts/config.js';
import { forestCharts, type ForestRow } from '../charts/forest.js';
import { guardrailsCharts } from '../charts/guardrails.js';
import { scenariosCharts, type ScenarioRow } from '../charts/scenarios.js';
import { tradeoffChart } from '../charts/tradeoff.js';
import { distributionChart } from '../charts/distribution.js';
import { powerChart } from '../charts/power.js';
import { timeSeriesChart } from '../charts/timeseries.js';
import type { ValueFormat } from '../charts/format.js';
import { changeColumnDecimals } from '../deck/format.js';
import { minimumDetectableEffect } from '../stats/power.js';
import type { PowerPlan } from './power.js';
import { kindOf } from '../model/metric-kinds.js';

/** Chart size on a chart slide with text beside it (inches): the layout keeps the aspect and scales it to the room. */
const WIDE = { width: 7.6, height: 4.6 };
/** A chart that stands alone on its slide takes the body's width. */
const FULL = { width: 11.6, height: 4.6 };

export function valueFormat(m: Metric, scale: Scale, digits?: number): ValueFormat {
  const d = digits === undefined ? {} : { digits };
  if (scale === 'relative') return { kind: 'percent', ...d };
  if (kindOf(m.kind).share) return { kind: 'pp', ...d };
  return { kind: 'unit', unit: m.unit === 'minutes' ? 'min' : m.unit, ...d };
}

/**
 * Forest plot of one metric on its display scale: the overall read and each segment, each marked by the headline
 * rule's outcome on that read. One chart while its rows fit at a readable pitch, else several on one x scale
 * (forestCharts), each with the segment reads it draws.
 */
export function forestsForMetric(ctx: Ctx, m: Metric, scale: Scale): { chart: ChartSpec; segments: MetricRead[] }[] {
  const graded = headlineMark(ctx, m);
  const rule = graded?.outcome.type === 'metric' ? graded.outcome : undefined;
  const reads = [ctx.read(m.id)!, ...ctx.segmentReads(m.id)].flatMap((r) => {
    const c = changeOn(r, scale);
    return c ? [{ r, c }] : [];
  });
  const rows: ForestRow[] = reads.map(({ r, c }) => {
    const label = r.segment === OVERALL ? 'All' : `${segmentValue(r.segment)}${r.exploratory ? '*' : ''}`;
    const outcome = !rule ? undefined : r.segment === OVERALL ? rule : rule.segments.find((x) => x.segment === r.segment);
    const mark = outcome && marked({ status: outcome.status, polarity: rule!.polarity });
    return { label, estimate: c.estimate, lo: c.ci?.lo ?? null, hi: c.ci?.hi ?? null, tone: (mark?.tone ?? 'inconclusive') as MarkTone, ...(mark ? { mark: mark.text } : {}) };
  });
  const parts = forestCharts(
    {
      id: m.id,
      metric: m.label,
      better: m.better,
      format: valueFormat(m, scale, changeColumnDecimals(rows.map((r) => ({ estimate: r.estimate, ci: r.lo !== null && r.hi !== null ? { lo: r.lo, hi: r.hi } : null })), scale, m)),
      rows,
      ...(rule ? { thresholds: rule.rule.checks.map((c) => ({ value: c.bar.value, label: checkWords(ctx, c, m) })), rule: ruleText(ctx, rule.rule) } : {}),
      confidence: ctx.spec.decision.confidence,
      size: WIDE,
    },
    ctx.theme,
  );
  return parts.map((p) => ({ chart: p.chart, segments: p.rows.map((i) => reads[i].r).filter((r) => r.segment !== OVERALL) }));
}

/** The guardrails with a read, in as few charts as draw every row at a readable pitch, each with the metrics it draws. */
export function guardrailCharts(ctx: Ctx): { chart: ChartSpec; metrics: string[] }[] {
  const drawn = ctx.decision.guardrails.filter((g) => g.read).map((g) => g.metric);
  const rows = ctx.decision.guardrails.flatMap((g) => {
    const m = ctx.metric(g.metric);
    if (!g.read) return [];
    const mark = marked(g);
    return [{
      label: m.label,
      estimate: g.read.estimate,
      lo: g.read.ci?.lo ?? null,
      hi: g.read.ci?.hi ?? null,
      limit: g.margin.value,
      format: valueFormat(m, g.scale, changeColumnDecimals([g.read], g.scale, m)),
      better: m.better,
      tone: mark.tone as MarkTone,
      mark: mark.text,
      breached: g.status === 'met',
    }];
  });
  if (!rows.length) return [];
  return guardrailsCharts({ rows, confidence: ctx.spec.decision.confidence, size: WIDE }, ctx.theme).map((p) => ({ chart: p.chart, metrics: p.rows.map((i) => drawn[i]) }));
}

/**
 * Best / base / worst per primary metric, in as few charts as draw every row at a readable pitch (a metric's four
 * rows on one chart, their sizes as even as they go), each with the metrics it draws.
 */
export function scenarioCharts(ctx: Ctx): { chart: ChartSpec; metrics: string[] }[] {
  const byName = Object.fromEntries(ctx.decision.scenarios.map((s) => [s.name, s]));
  if (!byName.base) return [];
  const changes = byName.base.changes.filter((c) => ctx.metric(c.metric).role === 'primary');
  const rowOf = (c: (typeof changes)[number]): ScenarioRow => {
    const m = ctx.metric(c.metric);
    const at = (name: string) => byName[name]?.changes.find((x) => x.metric === c.metric)?.estimate ?? c.estimate;
    // The metric's headline rule, read again in each scenario: its one outcome there.
    const ruleIn = (name: 'best' | 'base' | 'worst') => byName[name]?.criteria.find((x) => x.id === ctx.decision.target)?.rules.find((r) => r.type === 'metric' && r.rule.metric === m.id && r.rule.segment === OVERALL);
    const base = ruleIn('base');
    const onScale = base?.type === 'metric' && base.rule.scale === c.scale ? base.rule : undefined;
    const bar = onScale && (onScale.checks.find((k) => k.type === 'bound' && k.on === 'estimate') ?? onScale.checks[0])?.bar.value;
    const markIn = (name: 'best' | 'base' | 'worst') => {
      const r = ruleIn(name);
      return r ? marked(r).text : '';
    };
    return {
      label: m.label,
      // the digits the scenario cards give these changes
      format: valueFormat(m, c.scale, scenarioDecimals(ctx, m, c.scale)),
      better: m.better,
      best: at('best'),
      base: c.estimate,
      worst: at('worst'),
      ...(bar !== undefined ? { criterion: bar } : {}),
      ...(base ? { marks: { best: markIn('best'), base: markIn('base'), worst: markIn('worst') } } : {}),
    };
  };
  if (!changes.length) return [];
  // Each scenario chart stands alone on its slide (its reading is in the notes and the cards' slide).
  return scenariosCharts({ rows: changes.map(rowOf), size: FULL }, ctx.theme).map((p) => ({ chart: p.chart, metrics: p.rows.map((i) => changes[i].metric) }));
}

/**
 * Speed vs quality by segment: the first two primary metrics that share segments, each point marked by
 * whether both metrics' headline rules are met on that segment's read (the rules' own segment outcomes).
 * The region where both bars are met is shaded only when the rules compare the estimate alone, so the
 * region and the marks always agree.
 */
export function tradeoffForSegments(ctx: Ctx): { chart: ChartSpec; region: boolean; marked: boolean } | undefined {
  const primaries = ctx.spec.metrics.filter((m) => m.role === 'primary');
  if (primaries.length < 2) return undefined;
  const [mx, my] = primaries;
  const sx = displayScale(ctx, mx);
  const sy = displayScale(ctx, my);
  const rx = ruleOf(ctx, mx);
  const ry = ruleOf(ctx, my);
  const polarity = rx && ry && rx.polarity === ry.polarity ? rx.polarity : undefined;
  const markAt = (segment: string) => {
    if (!rx || !ry || !polarity) return undefined;
    const at = (r: MetricRuleOutcome) => (segment === OVERALL ? r.status : r.segments.find((x) => x.segment === segment)?.status ?? 'no_data');
    return marked({ status: allOf([at(rx), at(ry)]), polarity });
  };
  const point = (label: string, segment: string, x: number, y: number) => {
    const mark = markAt(segment);
    return { label, x, y, ...(mark ? { tone: mark.tone as MarkTone, mark: mark.text } : {}) };
  };
  const points = ctx.segmentReads(mx.id).flatMap((r) => {
    const cx = changeOn(r, sx);
    const cy = changeOn(ctx.read(my.id, r.segment), sy);
    return cx && cy ? [point(segmentValue(r.segment), r.segment, cx.estimate, cy.estimate)] : [];
  });
  if (points.length < 2) return undefined;
  const overallX = changeOn(ctx.read(mx.id), sx);
  const overallY = changeOn(ctx.read(my.id), sy);
  if (overallX && overallY) points.unshift(point('All', OVERALL, overallX.estimate, overallY.estimate));
  const barOf = (r: MetricRuleOutcome | undefined, scale: Scale) =>
    r && r.rule.scale === scale && r.rule.checks.every((c) => c.type === 'bound' && c.on === 'estimate') ? r.rule.checks : undefined;
  const bx = barOf(rx, sx);
  const by = barOf(ry, sy);
  const range = (checks: Check[] | undefined) => {
    const lo = checks?.filter((c) => c.type === 'bound' && c.side === 'at_least').map((c) => c.bar.value);
    const hi = checks?.filter((c) => c.type === 'bound' && c.side === 'at_most').map((c) => c.bar.value);
    return { min: lo?.length ? Math.max(...lo) : undefined, max: hi?.length ? Math.min(...hi) : undefined };
  };
  const acceptable =
    bx && by && polarity === 'go'
      ? { ...pick('x', range(bx)), ...pick('y', range(by)), label: ctx.t('tradeoff-region', {}) }
      : undefined;
  const chart = tradeoffChart(
    {
      id: `${mx.id}-vs-${my.id}`,
      // the digits each metric's segment table gives its changes
      x: { label: `${mx.label}, change`, format: valueFormat(mx, sx, segmentTableDecimals(ctx, mx, sx)) },
      y: { label: `${my.label}, change`, format: valueFormat(my, sy, segmentTableDecimals(ctx, my, sy)) },
      points,
      ...(acceptable ? { acceptable } : {}),
      ...(polarity ? { marks: ctx.t('tradeoff-marks', {}) } : {}),
      size: WIDE,
      noun: ['segment', 'segments'],
    },
    ctx.theme,
  );
  return { chart, region: Boolean(acceptable), marked: Boolean(polarity) };
}

function pick(axis: 'x' | 'y', r: { min?: number; max?: number }): Record<string, number> {
  return { ...(r.min !== undefined ? { [`${axis}Min`]: r.min } : {}), ...(r.max !== undefined ? { [`${axis}Max`]: r.max } : {}) };
}

function ruleOf(ctx: Ctx, m: Metric): MetricRuleOutcome | undefined {
  const g = headlineMark(ctx, m);
  return g?.outcome.type === 'metric' ? g.outcome : undefined;
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
  const format: ValueFormat = kindOf(m.kind).share ? { kind: 'percent' } : { kind: 'unit', unit: m.unit === 'minutes' ? 'min' : m.unit };
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
