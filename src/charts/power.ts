// Pilot power curve: minimum detectable effect against sample size per arm, with and without the
// design effect of cluster randomisation (both lines solved by the stats module; this only draws them).
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { textWidthPt } from '../layout/measure.js';
import { baseSpec, chart, chartFamily, chartId, DEFAULT_SIZE, hex, type ChartSize } from './config.js';
import { autoDigits, fixed, formatValue, tickLabel, vegaLabelExpr, type ValueFormat } from './format.js';
import { frame, framedSpec, niceTicks } from './frame.js';
import { round } from './scale.js';

export interface PowerInput {
  id?: string;
  /**
   * MDE at each sample size per arm (from the stats module): `mde` with units randomised one by one,
   * `mdeClustered` with the design effect (the test solved at the effective n = n/deff). Required when deff > 1.
   */
  curve: { n: number; mde: number; mdeClustered?: number }[];
  /** 1 + (m − 1)ρ; 1 when units are randomised individually. */
  designEffect: number;
  format: ValueFormat;
  /** The effect the pilot must detect: a horizontal line. */
  target?: { mde: number; label?: string };
  /** The planned sample per arm: a vertical line. */
  plannedN?: number;
  /** "opportunities" in the alt text and axis title. */
  unitName?: string;
  title?: string;
  size?: ChartSize;
}

/** Thousands with a thin grouping comma, no locale: 12345 → "12,345". */
export function groupThousands(n: number): string {
  return fixed(Math.round(n), 0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** n per arm where the curve reaches `mde` (log–log interpolation; MDE ∝ 1/√n between points). */
export function nForMde(curve: { n: number; mde: number }[], mde: number): number | undefined {
  const pts = [...curve].sort((a, b) => a.n - b.n);
  for (let i = 1; i < pts.length; i++) {
    const [a, b] = [pts[i - 1], pts[i]];
    if ((a.mde - mde) * (b.mde - mde) <= 0 && a.mde !== b.mde) {
      const t = (Math.log(mde) - Math.log(a.mde)) / (Math.log(b.mde) - Math.log(a.mde));
      return Math.exp(Math.log(a.n) + t * (Math.log(b.n) - Math.log(a.n)));
    }
  }
  return undefined;
}

export function powerChart(input: PowerInput, theme: Theme): ChartSpec {
  if (input.curve.length < 2) throw new Error('powerChart: the curve needs at least two points');
  if (!(input.designEffect >= 1)) throw new Error(`powerChart: design effect must be ≥ 1, got ${input.designEffect}`);
  const clustered = input.designEffect > 1;
  if (clustered && input.curve.some((p) => p.mdeClustered === undefined)) throw new Error('powerChart: with a design effect every point needs mdeClustered');
  const family = chartFamily(theme);
  const withLabel = `With design effect (×${fixed(input.designEffect, 2)})`;
  const withoutLabel = 'Without design effect';
  const values = input.curve.flatMap((p) => [
    { n: p.n, mde: round(p.mde), line: withoutLabel },
    ...(clustered ? [{ n: p.n, mde: round(p.mdeClustered!), line: withLabel }] : []),
  ]);
  const mdes = values.map((v) => v.mde);
  const digits = autoDigits(input.format, Math.max(...mdes));
  const tickDigits = Math.min(digits, 1);
  const unitName = input.unitName ?? 'units';
  const ns = values.map((v) => v.n);
  const xDomain: [number, number] = [Math.min(...ns), Math.max(...ns)];
  const yDomain: [number, number] = [0, round(Math.max(...mdes, input.target?.mde ?? 0) * 1.08)];
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);
  const size = input.size ?? DEFAULT_SIZE;
  const f = frame(size, { yLabels: yTicks.map((v) => tickLabel(v, input.format, tickDigits, false)), xLastLabel: groupThousands(xDomain[1]), subtitleLines: 0, legend: 'top', xTitle: true, family });
  const x = { field: 'n', type: 'quantitative', scale: { type: 'log', domain: xDomain, nice: false }, axis: { title: `Sample size per arm (${unitName}, log scale)`, format: ',d', tickCount: 6, grid: true } };
  const y = { type: 'quantitative', scale: { domain: yDomain, nice: false, zero: true }, axis: { title: 'Minimum detectable effect', labelExpr: vegaLabelExpr(input.format, tickDigits, false), values: yTicks } };
  const accent = hex(theme.colors.accent);
  const muted = hex(theme.colors.muted);
  // Annotations go where no curve, line or other annotation is: positions are exact in the frame's points.
  const px = (n: number) => ((Math.log(n) - Math.log(xDomain[0])) / (Math.log(xDomain[1]) - Math.log(xDomain[0]))) * f.plot.w;
  const py = (v: number) => (1 - (v - yDomain[0]) / (yDomain[1] - yDomain[0])) * f.plot.h;
  const curves = [withoutLabel, withLabel].map((l) => values.filter((v) => v.line === l).map((v) => ({ x: px(v.n), y: py(v.mde) })));
  const avoid: Box[] = [];
  const place = (text: string, candidates: { x: number; y: number; align: 'left' | 'right' }[]) => {
    const w = textWidthPt(text, 12, 'regular', family);
    const boxOf = (c: (typeof candidates)[number]): Box => ({ x0: c.align === 'left' ? c.x : c.x - w, x1: c.align === 'left' ? c.x + w : c.x, y0: c.y - 14, y1: c.y });
    const clear = (b: Box) => b.x0 >= 0 && b.x1 <= f.plot.w && b.y0 >= 0 && b.y1 <= f.plot.h && !avoid.some((o) => boxesOverlap(o, b)) && !curves.some((c) => polylineHits(c, b));
    const pick = candidates.find((c) => clear(boxOf(c))) ?? candidates[0];
    avoid.push(boxOf(pick));
    return pick;
  };
  const layer: Record<string, unknown>[] = [
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2.5 },
      encoding: {
        x,
        y: { field: 'mde', ...y },
        color: { field: 'line', type: 'nominal', scale: { domain: [withoutLabel, withLabel], range: [muted, accent] }, legend: { title: null, orient: 'top', direction: 'horizontal' } },
        strokeDash: { field: 'line', type: 'nominal', scale: { domain: [withoutLabel, withLabel], range: [[6, 4], [1, 0]] }, legend: { title: null, orient: 'top', direction: 'horizontal' } },
      },
    },
  ];
  const planned = input.plannedN && input.plannedN >= xDomain[0] && input.plannedN <= xDomain[1] ? input.plannedN : undefined;
  if (planned) avoid.push({ x0: px(planned) - 1, x1: px(planned) + 1, y0: 0, y1: f.plot.h });
  if (input.target) {
    const text = input.target.label ?? `Target effect ${formatValue(input.target.mde, input.format, { digits })}`;
    const ty = py(input.target.mde);
    // Above the line or below it: at either end first, then along it.
    const along = [0, 1, 0.5, 0.25, 0.75, 0.12, 0.88, 0.37, 0.63];
    const at = place(text, along.flatMap((t) => [-4, 18].map((dy) => ({ x: 6 + t * (f.plot.w - 12), y: ty + dy, align: t > 0.5 ? ('right' as const) : ('left' as const) }))));
    avoid.push({ x0: 0, x1: f.plot.w, y0: ty - 1, y1: ty + 1 });
    layer.push(
      { data: { values: [{ mde: input.target.mde }] }, mark: { type: 'rule', color: hex(theme.colors.pass), strokeWidth: 1.5 }, encoding: { y: { field: 'mde', ...y } } },
      { data: { values: [{ text }] }, mark: { type: 'text', align: at.align, baseline: 'bottom', fontSize: 12, color: hex(theme.colors.pass) }, encoding: { x: { value: round(at.x) }, y: { value: round(at.y) }, text: { field: 'text' } } },
    );
  }
  if (planned) {
    const text = `Planned ${groupThousands(planned)} per arm`;
    const lx = px(planned);
    // Beside the line: at its top or its foot first, then along it.
    const heights = [18, f.plot.h - 4, 0.5, 0.3, 0.7, 0.15, 0.85].map((v) => (v < 1 ? 14 + v * (f.plot.h - 18) : v));
    const at = place(text, heights.flatMap((y) => [{ x: lx + 5, y, align: 'left' as const }, { x: lx - 5, y, align: 'right' as const }]));
    layer.push(
      { data: { values: [{ n: planned }] }, mark: { type: 'rule', color: hex(theme.colors.text), strokeWidth: 1.5, strokeDash: [2, 3] }, encoding: { x } },
      { data: { values: [{ text }] }, mark: { type: 'text', align: at.align, baseline: 'bottom', fontSize: 12, color: hex(theme.colors.text) }, encoding: { x: { value: round(at.x) }, y: { value: round(at.y) }, text: { field: 'text' } } },
    );
  }
  const spec = { ...baseSpec(theme, input.title ?? 'Pilot power: smallest effect the pilot can detect'), ...framedSpec(f), layer };
  return chart(chartId('power', input.id ?? 'pilot'), 'power', size, powerAlt(input, digits), spec);
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 + 2 && b.x0 < a.x1 + 2 && a.y0 < b.y1 + 2 && b.y0 < a.y1 + 2;
}

/** Whether a polyline comes within 3 pt of a box (sampled along each segment). */
function polylineHits(points: { x: number; y: number }[], b: Box): boolean {
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1], points[i]];
    const steps = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / 2));
    for (let s = 0; s <= steps; s++) {
      const x = p.x + ((q.x - p.x) * s) / steps;
      const y = p.y + ((q.y - p.y) * s) / steps;
      if (x > b.x0 - 3 && x < b.x1 + 3 && y > b.y0 - 3 && y < b.y1 + 3) return true;
    }
  }
  return false;
}

function powerAlt(input: PowerInput, digits: number): string {
  const unitName = input.unitName ?? 'units';
  if (!input.target) {
    const last = [...input.curve].sort((a, b) => b.n - a.n)[0];
    return `With ${groupThousands(last.n)} ${unitName} per arm the pilot detects a change of ${formatValue(last.mdeClustered ?? last.mde, input.format, { digits })} (design effect ${fixed(input.designEffect, 2)}).`;
  }
  const t = formatValue(input.target.mde, input.format);
  void digits;
  const without = nForMde(input.curve, input.target.mde);
  // The clustered line is the plain one at n/deff, so the same MDE needs deff × the sample (even past the grid).
  const withDe = without === undefined ? undefined : without * input.designEffect;
  const need = (n: number | undefined) => (n === undefined ? 'more than the curve shows' : `about ${groupThousands(roundSig(n))}`);
  return `To detect a ${t} change, each arm needs ${need(withDe)} ${unitName} with the design effect of ${fixed(input.designEffect, 2)}, against ${need(without)} without it.`;
}

function roundSig(n: number): number {
  const p = Math.pow(10, Math.max(0, Math.floor(Math.log10(n)) - 1));
  return Math.round(n / p) * p;
}
