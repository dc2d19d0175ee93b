// Trade-off / efficiency frontier: speed gain (x) against the change in a quality metric (y)
// for each segment or option, with the acceptable region shaded and each point labelled.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { baseSpec, chart, chartId, withHalo, DEFAULT_SIZE, hex, STATUS_MARK, statusColor, type ChartSize, type Status } from './config.js';
import { autoDigits, formatValue, midSentence, vegaLabelExpr, type ValueFormat } from './format.js';
import { paddedDomain } from './scale.js';

export interface TradeoffAxis {
  /** "Speed gain in time to first quote" — write it so that right/up reads as the label says. */
  label: string;
  format: ValueFormat;
}

export interface TradeoffPoint {
  label: string;
  x: number;
  y: number;
  status?: Status;
}

export interface TradeoffInput {
  id: string;
  x: TradeoffAxis;
  y: TradeoffAxis;
  points: TradeoffPoint[];
  /** The acceptable region: any side left open extends to the edge of the chart. */
  acceptable: { xMin?: number; xMax?: number; yMin?: number; yMax?: number; label?: string };
  title?: string;
  size?: ChartSize;
  /** What the points are, singular and plural, for the alt text (default option/options). */
  noun?: [string, string];
}

export function tradeoffChart(input: TradeoffInput, theme: Theme): ChartSpec {
  if (input.points.length === 0) throw new Error(`tradeoffChart(${input.id}): no points`);
  const a = input.acceptable;
  const xs = input.points.map((p) => p.x);
  const ys = input.points.map((p) => p.y);
  const xDomain = paddedDomain([...xs, 0, ...[a.xMin, a.xMax].filter(isNum)], 0.15);
  const yDomain = paddedDomain([...ys, 0, ...[a.yMin, a.yMax].filter(isNum)], 0.15);
  const xd = autoDigits(input.x.format, Math.max(...xs.map(Math.abs)));
  const yd = autoDigits(input.y.format, Math.max(...ys.map(Math.abs)));
  const x = { type: 'quantitative', scale: { domain: xDomain, nice: false, zero: false }, axis: { title: input.x.label, labelExpr: vegaLabelExpr(input.x.format, Math.min(xd, 1)), tickCount: 6, grid: true } };
  const y = { type: 'quantitative', scale: { domain: yDomain, nice: false, zero: false }, axis: { title: input.y.label, labelExpr: vegaLabelExpr(input.y.format, Math.min(yd, 1)), tickCount: 5, grid: true } };
  const region = { x: a.xMin ?? xDomain[0], x2: a.xMax ?? xDomain[1], y: a.yMin ?? yDomain[0], y2: a.yMax ?? yDomain[1], label: a.label ?? 'Acceptable region' };
  const values = input.points.map((p) => ({
    ...p,
    status: p.status ?? 'inconclusive',
    // Points in the right part of the chart are labelled on their left, so no label runs off the edge.
    right: p.x > xDomain[0] + (xDomain[1] - xDomain[0]) * 0.6,
    text: `${p.label} ${p.status ? STATUS_MARK[p.status].split(' ')[0] : ''}`.trim(),
  }));
  const statuses: Status[] = ['pass', 'fail', 'inconclusive'];
  const color = { field: 'status', type: 'nominal', scale: { domain: statuses, range: statuses.map((s) => statusColor(theme, s)) }, legend: null };
  const muted = hex(theme.colors.muted);
  const spec = {
    ...baseSpec(theme, input.title ?? 'Trade-off by segment', 'Each point is a segment or option · ✓ pass · ✗ fail'),
    layer: [
      { data: { values: [region] }, mark: { type: 'rect', color: hex(theme.colors.pass), opacity: 0.1 }, encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' } } },
      { data: { values: [region] }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 6, dy: 6, color: hex(theme.colors.pass), fontWeight: 600 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y2', ...y }, text: { field: 'label' } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: muted, strokeWidth: 1.2 }, encoding: { y: { field: 'v', ...y } } },
      { data: { values }, mark: { type: 'point', filled: true, size: 130, opacity: 1 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, color } },
      ...withHalo(theme, { data: { values }, mark: { type: 'text', align: { expr: "datum.right ? 'right' : 'left'" }, dx: { expr: 'datum.right ? -9 : 9' }, baseline: 'middle', fontSize: 12 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'text' }, color } }),
    ],
  };
  return chart(chartId('tradeoff', input.id), 'tradeoff', input.size ?? DEFAULT_SIZE, tradeoffAlt(input, xd, yd), spec);
}

function isNum(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function inRegion(p: { x: number; y: number }, a: TradeoffInput['acceptable']): boolean {
  return (a.xMin ?? -Infinity) <= p.x && p.x <= (a.xMax ?? Infinity) && (a.yMin ?? -Infinity) <= p.y && p.y <= (a.yMax ?? Infinity);
}

function tradeoffAlt(input: TradeoffInput, xd: number, yd: number): string {
  const inside = input.points.filter((p) => inRegion(p, input.acceptable));
  const best = [...input.points].sort((p, q) => q.x - p.x)[0];
  const fx = (v: number) => formatValue(v, input.x.format, { signed: true, digits: xd });
  const fy = (v: number) => formatValue(v, input.y.format, { signed: true, digits: yd });
  const [one, many] = input.noun ?? ['option', 'options'];
  return `${inside.length} of ${input.points.length} ${input.points.length === 1 ? `${one} lies` : `${many} lie`} in the acceptable region; ${best.label} has the largest ${midSentence(input.x.label)} (${fx(best.x)}) with ${midSentence(input.y.label)} at ${fy(best.y)}.`;
}
