// Guardrail bullets: every guardrail on one chart. Units differ between guardrails (%, pp, minutes),
// so each row is drawn as a share of its own allowed worsening (0 = no change, 100% = the limit,
// right = worse) and labelled with its observed change and limit in the metric's own unit.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { ciPhrase, estimateNote, largest, type Better } from './alt.js';
import { baseSpec, chart, chartId, withHalo, rowAxis, rowLabels, DEFAULT_SIZE, hex, toneEncoding, type ChartSize, type MarkTone } from './config.js';
import { autoDigits, formatValue, midSentence, type ValueFormat } from './format.js';
import { paddedDomain, round } from './scale.js';

export interface GuardrailRow {
  label: string;
  /** Observed change (treatment − control, or relative), in `format`. */
  estimate: number;
  /** Interval ends; null when the method gave no interval. */
  lo: number | null;
  hi: number | null;
  /** Largest worsening allowed, as a positive magnitude in `format` (0.01 with pp = 1.0pp). */
  limit: number;
  format: ValueFormat;
  better: Better;
  /** News colour of the guardrail's mark. */
  tone: MarkTone;
  /** The guardrail check's outcome in words, from compose: "✓ not triggered". */
  mark: string;
  /** True when the interval's worse end lies past the limit (the check triggered). */
  breached: boolean;
}

export interface GuardrailsInput {
  id?: string;
  rows: GuardrailRow[];
  confidence: number;
  title?: string;
  size?: ChartSize;
}

/** Signed worsening as a share of the limit: positive is worse. */
export function shareOfLimit(value: number, row: Pick<GuardrailRow, 'limit' | 'better'>): number {
  const worse = row.better === 'higher' ? -value : value;
  return round(worse / row.limit);
}

export function guardrailsChart(input: GuardrailsInput, theme: Theme): ChartSpec {
  if (input.rows.length === 0) throw new Error('guardrailsChart: no guardrails to plot');
  for (const r of input.rows) if (!(r.limit > 0)) throw new Error(`guardrailsChart: limit of "${r.label}" must be positive, got ${r.limit}`);
  const size = input.size ?? DEFAULT_SIZE;
  const labels = rowLabels(input.rows.map((r) => r.label), size);
  const values = input.rows.map((r, i) => {
    const x = shareOfLimit(r.estimate, r);
    const [a, b] = r.lo === null || r.hi === null ? [x, x] : [shareOfLimit(r.lo, r), shareOfLimit(r.hi, r)];
    const digits = autoDigits(r.format, largest(r.lo, r.hi, r.limit));
    const worseSign = r.better === 'higher' ? -1 : 1;
    return {
      label: labels[i],
      tone: r.tone,
      x,
      x1: Math.min(a, b),
      x2: Math.max(a, b),
      note: `${estimateNote(r.estimate, r.lo, r.hi, r.format, digits)} · limit ${formatValue(worseSign * r.limit, r.format, { signed: true, digits })}  ${r.mark}`,
    };
  });
  const domain = paddedDomain([...values.flatMap((v) => [v.x1, v.x2]), 0, 1.25], 0.06);
  const x = { type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: { title: 'Worsening as a share of the allowed limit (100% = limit)', format: '.0%', tickCount: 6, grid: true } };
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: rowAxis(theme) };
  const color = toneEncoding(theme);
  const fail = hex(theme.colors.fail);
  const spec = {
    ...baseSpec(theme, input.title ?? 'Guardrails against their limits', `${Math.round(input.confidence * 100)}% confidence intervals · right is worse · shaded: past the limit`),
    data: { values },
    layer: [
      { data: { values: [{ a: 1, b: domain[1] }] }, mark: { type: 'rect', color: fail, opacity: 0.08 }, encoding: { x: { field: 'a', ...x }, x2: { field: 'b' } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: hex(theme.colors.muted), strokeWidth: 1.5 }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{ v: 1, text: 'Limit' }] }, mark: { type: 'rule', color: fail, strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { x: { field: 'v', ...x } } },
      { data: { values: [{ v: 1, text: 'Limit' }] }, mark: { type: 'text', color: fail, align: 'left', baseline: 'bottom', dx: 5, dy: -3 }, encoding: { x: { field: 'v', ...x }, y: { value: { expr: 'height' } }, text: { field: 'text' } } },
      { mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' }, encoding: { y, x: { field: 'x1', ...x }, x2: { field: 'x2' }, color } },
      { mark: { type: 'point', filled: true, size: 110, opacity: 1 }, encoding: { y, x: { field: 'x', ...x }, color } },
      // Notes start at the left edge of the plot: long ones never run off the right edge.
      ...withHalo(theme, { mark: { type: 'text', baseline: 'bottom', dy: -9, align: 'left', fontSize: 12 }, encoding: { y, x: { value: 0 }, text: { field: 'note' }, color } }),
    ],
  };
  return chart(chartId('guardrails', input.id ?? 'all'), 'guardrails', size, guardrailsAlt(input), spec);
}

function guardrailsAlt(input: GuardrailsInput): string {
  const rows = input.rows;
  const marks = rows.map((r) => `${r.label} ${r.mark}`).join(', ');
  const worstEnd = (r: GuardrailRow) => Math.max(...[r.lo, r.hi, r.estimate].filter((v): v is number => v !== null).map((v) => shareOfLimit(v, r)));
  const phrase = (r: GuardrailRow) => {
    const d = autoDigits(r.format, largest(r.lo, r.hi, r.limit));
    const limit = formatValue((r.better === 'higher' ? -1 : 1) * r.limit, r.format, { signed: true, digits: d });
    return `${midSentence(r.label)} at ${formatValue(r.estimate, r.format, { signed: true, digits: d })} ${ciPhrase(r.lo, r.hi, r.format, input.confidence, d)} against a limit of ${limit}`;
  };
  const past = rows.filter((r) => r.breached);
  // Breached ones are named as past their limit; with none breached, the one nearest its limit.
  if (past.length) return `${marks}; past the limit: ${past.map(phrase).join('; ')}.`;
  const closest = [...rows].sort((a, b) => worstEnd(b) - worstEnd(a))[0];
  return `${marks}; closest to its limit is ${phrase(closest)}.`;
}
