// Pilot power curve: minimum detectable effect against sample size per arm, with and without the
// design effect of cluster randomisation (both lines solved by the stats module; this only draws them).
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { baseSpec, chart, chartId, DEFAULT_SIZE, hex, type ChartSize } from './config.js';
import { autoDigits, fixed, formatValue, vegaLabelExpr, type ValueFormat } from './format.js';
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
  const withLabel = `With design effect (×${fixed(input.designEffect, 2)})`;
  const withoutLabel = 'Without design effect';
  const values = input.curve.flatMap((p) => [
    { n: p.n, mde: round(p.mde), line: withoutLabel },
    ...(clustered ? [{ n: p.n, mde: round(p.mdeClustered!), line: withLabel }] : []),
  ]);
  const mdes = values.map((v) => v.mde);
  const digits = autoDigits(input.format, Math.max(...mdes));
  const unitName = input.unitName ?? 'units';
  const x = { field: 'n', type: 'quantitative', scale: { type: 'log', nice: false }, axis: { title: `Sample size per arm (${unitName}, log scale)`, format: ',d', tickCount: 6, grid: true } };
  const y = { type: 'quantitative', scale: { zero: true }, axis: { title: 'Minimum detectable effect', labelExpr: vegaLabelExpr(input.format, Math.min(digits, 1), false), tickCount: 5 } };
  const accent = hex(theme.colors.accent);
  const muted = hex(theme.colors.muted);
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
  if (input.target) {
    const text = input.target.label ?? `Target effect ${formatValue(input.target.mde, input.format, { digits })}`;
    layer.push(
      { data: { values: [{ mde: input.target.mde, text }] }, mark: { type: 'rule', color: hex(theme.colors.pass), strokeWidth: 1.5 }, encoding: { y: { field: 'mde', ...y } } },
      { data: { values: [{ mde: input.target.mde, text }] }, mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -4, color: hex(theme.colors.pass) }, encoding: { y: { field: 'mde', ...y }, x: { value: 6 }, text: { field: 'text' } } },
    );
  }
  if (input.plannedN) {
    const text = `Planned ${groupThousands(input.plannedN)} per arm`;
    layer.push(
      { data: { values: [{ n: input.plannedN, text }] }, mark: { type: 'rule', color: hex(theme.colors.text), strokeWidth: 1.5, strokeDash: [2, 3] }, encoding: { x } },
      { data: { values: [{ n: input.plannedN, text }] }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 5, dy: 4, color: hex(theme.colors.text) }, encoding: { x, y: { value: 0 }, text: { field: 'text' } } },
    );
  }
  const spec = { ...baseSpec(theme, input.title ?? 'Pilot power: smallest effect the pilot can detect'), layer };
  return chart(chartId('power', input.id ?? 'pilot'), 'power', input.size ?? DEFAULT_SIZE, powerAlt(input, digits), spec);
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
