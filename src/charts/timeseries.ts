// Daily metric per arm, with checkpoint markers and the rollout date. Dates are UTC calendar days
// ('YYYY-MM-DD'), parsed and printed in UTC so no machine's time zone leaks into the chart.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { textWidthPt } from '../layout/measure.js';
import { armColor, baseSpec, chart, chartFamily, chartId, DEFAULT_SIZE, hex, type Arm, type ChartSize } from './config.js';
import { autoDigits, formatValue, midSentence, tickLabel, unitSuffix, vegaLabelExpr, type ValueFormat } from './format.js';
import { frame, framedSpec, niceTicks } from './frame.js';
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

/** Pitch of the rows of marker labels above the plot (pt). */
const MARKER_ROW = 16;

export function timeSeriesChart(input: TimeSeriesInput, theme: Theme): ChartSpec {
  if (input.points.length === 0) throw new Error(`timeSeriesChart(${input.id}): no points`);
  const labels = input.armLabels ?? { control: 'Control', treatment: 'Treatment' };
  for (const p of input.points) shortDate(p.date);
  const f = input.format;
  const family = chartFamily(theme);
  const values = input.points.map((p) => ({ date: p.date, arm: labels[p.arm], value: p.value }));
  const ys = input.points.map((p) => p.value);
  const digits = autoDigits(f, Math.max(...ys.map(Math.abs)));
  const days = [...new Set(input.points.map((p) => p.date))].sort();
  const markers = [
    ...(input.rollout ? [{ ...input.rollout, kind: 'rollout' }] : []),
    ...(input.checkpoints ?? []).map((c) => ({ ...c, kind: 'checkpoint' })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : 1));
  const span = [days[0] < (markers[0]?.date ?? days[0]) ? days[0] : markers[0].date, [days[days.length - 1], ...markers.map((m) => m.date)].sort().pop()!];
  const yDomain = paddedDomain(ys, 0.3);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);
  const tickDigits = Math.min(digits, 1);
  const size = input.size ?? DEFAULT_SIZE;
  const widthPt = (t: string) => textWidthPt(t, 12, 'regular', family);
  // Marker labels stand in rows above the plot, clear of the lines (the legend goes below the plot); each takes
  // the lowest row where it overlaps no other label (positions are exact: the frame fixes the plot's width).
  const frameFor = (labelRows: number) => frame(size, { yLabels: yTicks.map((v) => tickLabel(v, f, tickDigits, false, false)), xLastLabel: shortDate(span[1]), subtitleLines: 0, legend: 'bottom', xTitle: false, labelRows, family });
  const base = frameFor(0);
  const t0 = Date.parse(span[0]);
  const t1 = Date.parse(span[1]);
  const px = (day: string) => (t1 === t0 ? 0 : ((Date.parse(day) - t0) / (t1 - t0)) * base.plot.w);
  const rows: { x0: number; x1: number }[][] = [];
  const placed = markers.map((m) => {
    const x = px(m.date);
    const w = widthPt(m.label);
    const right = x + 4 + w > base.plot.w + base.padding.right - 8;
    const box = right ? { x0: x - 4 - w, x1: x - 4 } : { x0: x + 4, x1: x + 4 + w };
    let row = rows.findIndex((r) => r.every((b) => b.x1 + 6 < box.x0 || box.x1 + 6 < b.x0));
    if (row < 0) row = rows.push([]) - 1;
    rows[row].push(box);
    return { ...m, right, ypx: -4 - row * MARKER_ROW };
  });
  const f2 = frameFor(rows.length);
  const x = { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', scale: { type: 'utc', domain: span, nice: false }, axis: { title: null, format: '%b %-d', labelAngle: 0, grid: false, tickCount: 6 } };
  const color = { field: 'arm', type: 'nominal', scale: { domain: [labels.control, labels.treatment], range: [armColor(theme, 'control'), armColor(theme, 'treatment')] }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } };
  const markerColor = { field: 'kind', type: 'nominal', scale: { domain: ['rollout', 'checkpoint'], range: [hex(theme.colors.accent), hex(theme.colors.muted)] }, legend: null };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 36 } },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative', scale: { domain: yDomain, zero: false, nice: false }, axis: { title: `${input.metric} (${unitSuffix(f).trim()})`, labelExpr: vegaLabelExpr(f, tickDigits, false, false), values: yTicks } },
        color,
      },
    },
  ];
  if (placed.length > 0) {
    layer.push(
      { data: { values: placed }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 4] }, encoding: { x, color: markerColor } },
      { data: { values: placed }, mark: { type: 'text', align: { expr: "datum.right ? 'right' : 'left'" }, dx: { expr: 'datum.right ? -4 : 4' }, baseline: 'bottom', fontSize: 12 }, encoding: { x, y: { field: 'ypx', type: 'quantitative', scale: null }, text: { field: 'label' }, color: markerColor } },
    );
  }
  const spec = {
    ...baseSpec(theme, input.title ?? `Daily ${midSentence(input.metric)} by arm`),
    ...framedSpec(f2),
    data: { values },
    layer,
    resolve: { scale: { color: 'independent' } },
  };
  return chart(chartId('timeseries', input.id), 'timeseries', size, timeSeriesAlt(input, labels, digits), spec);
}

function timeSeriesAlt(input: TimeSeriesInput, labels: Record<Arm, string>, digits: number): string {
  const days = [...new Set(input.points.map((p) => p.date))].sort();
  const mean = (arm: Arm) => {
    const v = input.points.filter((p) => p.arm === arm).map((p) => p.value);
    return round(v.reduce((a, b) => a + b, 0) / v.length);
  };
  const fmt = (v: number) => formatValue(v, input.format, { digits });
  // Dates in sentences as the spec writes them (YYYY-MM-DD, first and last day included); the axis keeps short ones.
  let s = `Over ${days.length} days (${days[0]} to ${days[days.length - 1]}), ${midSentence(labels.treatment)}'s daily ${midSentence(input.metric)} averaged ${fmt(mean('treatment'))} against ${fmt(mean('control'))} for ${midSentence(labels.control)}`;
  if (input.rollout) s += `; rollout on ${input.rollout.date}`;
  const n = input.checkpoints?.length ?? 0;
  if (n > 0) s += `; ${n} checkpoint${n === 1 ? '' : 's'} marked`;
  return s + '.';
}
