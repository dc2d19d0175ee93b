// Forest plot: change vs control with its interval, one row per metric or segment, a zero line,
// the rule's bars as dashed lines, and each row's mark (its colour and, from compose, its words).
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { changePhrase, ciPhrase, estimateNote, largest, markList, type Better } from './alt.js';
import { baseSpec, chart, chartId, withHalo, rowAxis, rowLabels, DEFAULT_SIZE, hex, toneEncoding, type ChartSize, type MarkTone } from './config.js';
import { autoDigits, formatValue, midSentence, unitSuffix, vegaLabelExpr, type ValueFormat } from './format.js';
import { paddedDomain } from './scale.js';

export interface ForestRow {
  label: string;
  estimate: number;
  /** Interval ends at the deck's confidence; null when the method gave no interval. */
  lo: number | null;
  hi: number | null;
  /** News colour of the row's mark; inconclusive (unknown) when the row has no rule. */
  tone: MarkTone;
  /** The rule's outcome on this row in words, from compose: "✓ met". */
  mark?: string;
}

export interface ForestInput {
  /** Id suffix: the chart id becomes 'forest-<id>'. */
  id: string;
  /** Metric label as it reads mid-sentence: "Median time to first quote". */
  metric: string;
  better: Better;
  /** Unit of the change: relative % (fractions), pp (fractions) or the metric's unit. */
  format: ValueFormat;
  /** First row is the headline read (overall); the rest are segments or metrics. */
  rows: ForestRow[];
  /** The rule's bars, each drawn as a dashed line on the chart's scale and labelled. */
  thresholds?: { value: number; label: string }[];
  /** The rule the marks grade, in words, for the alt text. */
  rule?: string;
  confidence: number;
  title?: string;
  size?: ChartSize;
}

export function forestChart(input: ForestInput, theme: Theme): ChartSpec {
  if (input.rows.length === 0) throw new Error(`forestChart(${input.id}): no rows to plot`);
  const f = input.format;
  const extent = input.rows.flatMap((r) => [r.lo, r.hi, r.estimate]).filter((v): v is number => v !== null);
  const bars = input.thresholds ?? [];
  const domain = paddedDomain([...extent, 0, ...bars.map((b) => b.value)], 0.08);
  const digits = autoDigits(f, Math.max(...extent.map(Math.abs)));
  const size = input.size ?? DEFAULT_SIZE;
  const labels = rowLabels(input.rows.map((r) => r.label), size);
  const values = input.rows.map((r, i) => ({
    row: i,
    label: labels[i],
    estimate: r.estimate,
    lo: r.lo,
    hi: r.hi,
    tone: r.tone,
    note: `${estimateNote(r.estimate, r.lo, r.hi, f, digits)}${r.mark ? `  ${r.mark}` : ''}`,
  }));
  const color = toneEncoding(theme);
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: rowAxis(theme) };
  const x = {
    type: 'quantitative',
    scale: { domain, nice: false, zero: false },
    axis: { title: xTitle(f), labelExpr: vegaLabelExpr(f, Math.min(digits, 1)), grid: true, tickCount: 6 },
  };
  const layer: Record<string, unknown>[] = [
    { data: { values: [{ value: 0 }] }, mark: { type: 'rule', strokeWidth: 1.5, color: hex(theme.colors.muted) }, encoding: { x: { field: 'value', ...x } } },
  ];
  bars.forEach((t, i) => {
    const accent = hex(theme.colors.accent);
    const left = t.value < (domain[0] + domain[1]) / 2;
    // Two bars: the second label sits at the top of its line, so the labels never overlap.
    const foot = i % 2 === 0;
    layer.push(
      { data: { values: [{ value: t.value, text: t.label }] }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [6, 4], color: accent }, encoding: { x: { field: 'value', ...x } } },
      // Label on the side with more room, clear of the row annotations.
      { data: { values: [{ value: t.value, text: t.label }] }, mark: { type: 'text', align: left ? 'left' : 'right', baseline: foot ? 'bottom' : 'top', dx: left ? 5 : -5, dy: foot ? -3 : 3, fontSize: 12, color: accent }, encoding: { x: { field: 'value', ...x }, y: { value: foot ? { expr: 'height' } : 0 }, text: { field: 'text' } } },
    );
  });
  layer.push(
    { mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color } },
    { mark: { type: 'point', filled: true, size: 110, opacity: 1 }, encoding: { y, x: { field: 'estimate', ...x }, color } },
    // Notes start at the left edge of the plot: long ones never run off the right edge.
    ...withHalo(theme, { mark: { type: 'text', baseline: 'bottom', dy: -9, align: 'left', fontSize: 12 }, encoding: { y, x: { value: 0 }, text: { field: 'note' }, color } }),
  );
  const spec = {
    ...baseSpec(theme, input.title ?? `Change vs control: ${input.metric}`, `${Math.round(input.confidence * 100)}% confidence intervals`),
    data: { values },
    layer,
  };
  return chart(chartId('forest', input.id), 'forest', size, forestAlt(input), spec);
}

function xTitle(f: ValueFormat): string {
  if (f.kind === 'percent') return 'Relative change vs control (%)';
  if (f.kind === 'pp') return 'Change vs control (percentage points)';
  return `Change vs control (${unitSuffix(f).trim()})`;
}

export function forestAlt(input: ForestInput): string {
  const [head, ...rest] = input.rows;
  const f = input.format;
  const digits = autoDigits(f, largest(head.lo, head.hi, head.estimate));
  const metric = midSentence(input.metric);
  const where = rest.length > 0 && !/^(overall|all|total)$/i.test(head.label) ? ` in ${head.label}` : '';
  let s = `Treatment ${changePhrase(metric, head.estimate, f, digits)}${where} ${ciPhrase(head.lo, head.hi, f, input.confidence, digits)}`;
  const marks = markList(input.rows);
  if (input.rule && marks) s += `; against “${input.rule}”: ${marks}`;
  return s + '.';
}
