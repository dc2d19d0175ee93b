// Guardrail bullets: every guardrail on one chart. Units differ between guardrails (%, pp, minutes),
// so each row has its own scale (right = worse) and its numbers in the metric's own unit beside it.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { ciPhrase, estimateNote, largest, type Better } from './alt.js';
import { baseSpec, chart, chartFamily, chartId, cutLabelsNote, oneChart, rowAxis, rowParts, widestPt, DEFAULT_SIZE, hex, MIN_TEXT_PT as NOTE_PT, toneEncoding, type ChartPart, type ChartSize, type MarkTone, type RowLabels } from './config.js';
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
  /** True when the estimate lies past the limit (the check triggered). */
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

const NOTE_GAP = 14;

/**
 * Points of a guardrail chart's height outside its plot: the padding, and the title and its two subtitle lines
 * above (the chart has no x axis). Measured from Vega's layout of the chart with the shared config (the plot of a
 * 331 pt chart is 262 pt tall); test/charts/row-fit.test.ts holds it to Vega.
 */
export const GUARDRAILS_FRAME_PT = 69;

/**
 * The guardrails in as few charts as draw every row at a readable pitch (rowsFit, as forest charts), the charts'
 * sizes as even as they go. Chart ids: the input's id (default 'all'), then '<id>-2', '<id>-3' …; `rows` are the
 * indices of the guardrails each draws.
 */
export function guardrailsCharts(input: GuardrailsInput, theme: Theme): ChartPart[] {
  if (input.rows.length === 0) throw new Error('guardrailsChart: no guardrails to plot');
  for (const r of input.rows) if (!(r.limit > 0)) throw new Error(`guardrailsChart: limit of "${r.label}" must be positive, got ${r.limit}`);
  return rowParts(input, { id: 'all', frame: GUARDRAILS_FRAME_PT }, theme, (part, labels) => draw(part, labels, theme));
}

/** Every guardrail in one chart; throws when their rows do not fit at a readable pitch (guardrailsCharts splits them). */
export function guardrailsChart(input: GuardrailsInput, theme: Theme): ChartSpec {
  return oneChart(guardrailsCharts(input, theme), 'guardrailsChart', `${input.rows.length} guardrails`, input.size);
}

/**
 * Each guardrail on its own row and its own scale, in its own unit: grey tick at no change, dashed red tick at
 * the limit, shaded past it, right always worse. The numbers (change, interval, limit) stand in a column right
 * of the plot, so no label sits on a mark or a line and no axis speaks in an abstract share of the limit.
 */
function draw(input: GuardrailsInput, labels: RowLabels, theme: Theme): ChartSpec {
  const size = input.size ?? DEFAULT_SIZE;
  const family = chartFamily(theme);
  const rows = input.rows.map((r, i) => {
    // Positions in [0, 1] along the row's own scale: worsening to the right, the limit always in view.
    const worse = (v: number) => (r.better === 'higher' ? -v : v);
    const ends = r.lo === null || r.hi === null ? [worse(r.estimate)] : [worse(r.lo), worse(r.hi)];
    const [a, b] = paddedDomain([...ends, worse(r.estimate), 0, r.limit * 1.35], 0.06);
    const pos = (w: number) => round((w - a) / (b - a));
    const digits = autoDigits(r.format, largest(r.lo, r.hi, r.limit));
    const worseSign = r.better === 'higher' ? -1 : 1;
    return {
      label: labels.values[i],
      tone: r.tone,
      x: pos(worse(r.estimate)),
      x1: pos(Math.min(...ends)),
      x2: pos(Math.max(...ends)),
      zero: pos(0),
      limit: pos(r.limit),
      note: `${estimateNote(r.estimate, r.lo, r.hi, r.format, digits)} · limit ${formatValue(worseSign * r.limit, r.format, { signed: true, digits })}  ${r.mark}`,
    };
  });
  const noteBand = widestPt(rows.map((v) => v.note), NOTE_PT, family) + NOTE_GAP;
  const x = { type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false, rangeMax: { expr: `width - ${round(noteBand)}` } }, axis: null };
  const y = { field: 'label', type: 'nominal', sort: labels.values, title: null, axis: rowAxis(theme) };
  // Reference lines and the shading span the middle of their row only, so rows stay apart.
  const span = { y: { ...y, bandPosition: 0.12 }, y2: { field: 'label', bandPosition: 0.88 } };
  const color = toneEncoding(theme);
  const fail = hex(theme.colors.fail);
  const spec = {
    ...baseSpec(theme, input.title ?? 'Guardrails against their limits', [
      `${Math.round(input.confidence * 100)}% confidence intervals · each row on its own scale, right is worse`,
      'grey: no change · dashed red: the limit, shaded past it',
    ]),
    data: { values: rows },
    layer: [
      { mark: { type: 'rect', color: fail, opacity: 0.08 }, encoding: { ...span, x: { field: 'limit', ...x }, x2: { datum: 1 } } },
      { mark: { type: 'rule', color: hex(theme.colors.muted), strokeWidth: 1.5 }, encoding: { ...span, x: { field: 'zero', ...x } } },
      { mark: { type: 'rule', color: fail, strokeWidth: 1.5, strokeDash: [5, 3] }, encoding: { ...span, x: { field: 'limit', ...x } } },
      { mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' }, encoding: { y, x: { field: 'x1', ...x }, x2: { field: 'x2' }, color } },
      { mark: { type: 'point', filled: true, size: 110, opacity: 1 }, encoding: { y, x: { field: 'x', ...x }, color } },
      { mark: { type: 'text', baseline: 'middle', align: 'left', fontSize: NOTE_PT }, encoding: { y, x: { value: { expr: `width - ${round(noteBand - NOTE_GAP)}` } }, text: { field: 'note' }, color } },
    ],
  };
  return chart(chartId('guardrails', input.id ?? 'all'), 'guardrails', size, guardrailsAlt(input) + cutLabelsNote(labels.cut), spec);
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
