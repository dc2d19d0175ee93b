// Daily metric per arm, with checkpoint markers and the rollout date. Dates are UTC calendar days
// ('YYYY-MM-DD'), parsed and printed in UTC so no machine's time zone leaks into the chart.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { armColor, baseSpec, chart, chartId, withHalo, DEFAULT_SIZE, hex, type Arm, type ChartSize } from './config.js';
import { autoDigits, formatValue, midSentence, unitSuffix, vegaLabelExpr, type ValueFormat } from './format.js';
import { paddedDomain, round } from './scale.js';

export interface TimeSeriesPoint {
  /** UTC calendar day, 'YYYY-MM-DD'. */
  date: string;
  arm: Arm;
  value: number;
}

export interface DateMarker {
  date: string;
  label: string;
}

export interface TimeSeriesInput {
  id: string;
  metric: string;
  /** Format of the daily values (levels, not changes): a proportion as percent, a duration in its unit. */
  format: ValueFormat;
  points: TimeSeriesPoint[];
  checkpoints?: DateMarker[];
  rollout?: DateMarker;
  armLabels?: Record<Arm, string>;
  title?: string;
  size?: ChartSize;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' → "Mar 3" (UTC, no locale). */
export function shortDate(day: string): string {
  if (!DAY.test(day)) throw new Error(`timeSeriesChart: date "${day}" is not YYYY-MM-DD`);
  const [, m, d] = day.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}`;
}

export function timeSeriesChart(input: TimeSeriesInput, theme: Theme): ChartSpec {
  if (input.points.length === 0) throw new Error(`timeSeriesChart(${input.id}): no points`);
  const labels = input.armLabels ?? { control: 'Control', treatment: 'Treatment' };
  for (const p of input.points) shortDate(p.date);
  const f = input.format;
  const values = input.points.map((p) => ({ date: p.date, arm: labels[p.arm], value: p.value }));
  const ys = input.points.map((p) => p.value);
  const digits = autoDigits(f, Math.max(...ys.map(Math.abs)));
  const x = { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', scale: { type: 'utc' }, axis: { title: null, format: '%b %-d', labelAngle: 0, grid: false, tickCount: 6 } };
  const color = { field: 'arm', type: 'nominal', scale: { domain: [labels.control, labels.treatment], range: [armColor(theme, 'control'), armColor(theme, 'treatment')] }, legend: { title: null, orient: 'top', direction: 'horizontal' } };
  const days = [...new Set(input.points.map((p) => p.date))].sort();
  // Markers in the last quarter of the range get their label on the left of the line.
  const lateDay = days[Math.floor(days.length * 0.75)];
  const markers = [
    ...(input.rollout ? [{ ...input.rollout, kind: 'rollout' }] : []),
    ...(input.checkpoints ?? []).map((c) => ({ ...c, kind: 'checkpoint' })),
  ]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    // Alternate label rows so markers a few days apart do not print over each other.
    .map((m, i) => ({ ...m, ypx: 2 + (i % 3) * 17, right: m.date >= lateDay }));
  const markerColor = { field: 'kind', type: 'nominal', scale: { domain: ['rollout', 'checkpoint'], range: [hex(theme.colors.accent), hex(theme.colors.muted)] }, legend: null };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 36 } },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', scale: { domain: paddedDomain(ys, 0.3), zero: false, nice: false }, axis: { title: `${input.metric} (${unitSuffix(f).trim()})`, labelExpr: vegaLabelExpr(f, Math.min(digits, 1), false, false), tickCount: 5 } },
        color,
      },
    },
  ];
  if (markers.length > 0) {
    layer.push(
      { data: { values: markers }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 4] }, encoding: { x, color: markerColor } },
      ...withHalo(theme, { data: { values: markers }, mark: { type: 'text', align: { expr: "datum.right ? 'right' : 'left'" }, dx: { expr: 'datum.right ? -4 : 4' }, baseline: 'top', fontSize: 12 }, encoding: { x, y: { field: 'ypx', type: 'quantitative', scale: null }, text: { field: 'label' }, color: markerColor } }),
    );
  }
  const spec = {
    ...baseSpec(theme, input.title ?? `Daily ${midSentence(input.metric)} by arm`),
    data: { values },
    layer,
    resolve: { scale: { color: 'independent' } },
  };
  return chart(chartId('timeseries', input.id), 'timeseries', input.size ?? DEFAULT_SIZE, timeSeriesAlt(input, labels, digits), spec);
}

function timeSeriesAlt(input: TimeSeriesInput, labels: Record<Arm, string>, digits: number): string {
  const days = [...new Set(input.points.map((p) => p.date))].sort();
  const mean = (arm: Arm) => {
    const v = input.points.filter((p) => p.arm === arm).map((p) => p.value);
    return round(v.reduce((a, b) => a + b, 0) / v.length);
  };
  const fmt = (v: number) => formatValue(v, input.format, { digits });
  let s = `Over ${days.length} days (${shortDate(days[0])} to ${shortDate(days[days.length - 1])}), ${labels.treatment.toLowerCase()}'s daily ${midSentence(input.metric)} averaged ${fmt(mean('treatment'))} against ${fmt(mean('control'))} for ${labels.control.toLowerCase()}`;
  if (input.rollout) s += `; rollout on ${shortDate(input.rollout.date)}`;
  const n = input.checkpoints?.length ?? 0;
  if (n > 0) s += `; ${n} checkpoint${n === 1 ? '' : 's'} marked`;
  return s + '.';
}
