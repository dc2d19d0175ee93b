// Forest plot: change vs control with its interval, one row per metric or segment, a zero line,
// the rule's bars as dashed lines, and each row's mark (its colour and, from compose, its words).
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { changePhrase, ciPhrase, estimateNote, largest, markList, type Better } from './alt.js';
import { baseSpec, chart, chartFamily, chartId, cutAmong, cutLabelsNote, fewestParts, oneChart, rowAxis, rowLabels, rowsFit, widestPt, DEFAULT_SIZE, hex, LABEL_PADDING_PT, MIN_TEXT_PT as NOTE_PT, ROW_LABEL_PT, toneEncoding, type ChartPart, type ChartSize, type MarkTone, type RowLabels } from './config.js';
import { autoDigits, midSentence, unitSuffix, vegaLabelExpr, type ValueFormat } from './format.js';
import { paddedDomain, round } from './scale.js';
import { listOf } from '../model/words.js';

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
  /** The rule's bars, each drawn as a dashed line on the chart's scale and named in the subtitle. */
  thresholds?: { value: number; label: string }[];
  /** The rule the marks grade, in words, for the alt text. */
  rule?: string;
  confidence: number;
  title?: string;
  size?: ChartSize;
}

/** Space (pt) between the plot and the column of notes. */
const NOTE_GAP = 14;

/**
 * Points of a forest chart's height outside its plot: the padding, the title and its one subtitle line above,
 * the x axis and its title below. Measured from Vega's layout of the chart with the shared config (the plot of
 * a 331 pt chart is 234 pt tall); test/charts/forest-split.test.ts holds it to Vega.
 */
export const FOREST_FRAME_PT = 97;
/** How far under the plot the x axis's labels start (pt), measured as FOREST_FRAME_PT: the last row's label keeps clear of them. */
export const FOREST_X_LABELS_BELOW_PT = 8.5;

/** One forest chart of several: the chart, and the indices of the input's rows it draws. */
export type ForestPart = ChartPart;

/** What every chart of one forest shares, so a reader can compare them: the x scale, the digits, the labels, the notes' column. */
interface Shared {
  domain: [number, number];
  digits: number;
  labels: RowLabels;
  notes: string[];
  noteBand: number;
  /** Width (pt) the row labels take, the same on every chart of a split forest (so their plots line up); unset for a single chart. */
  labelExtent?: number;
}

/**
 * The forest in as few charts as draw every row at a readable pitch: while the rows fit, one chart (the same as
 * forestChart); else several, each headed by the first row (the headline read, the one every segment is compared
 * with), the other rows split as evenly as fit, all on one x scale.
 */
export function forestCharts(input: ForestInput, theme: Theme): ForestPart[] {
  const shared = sharedOf(input, theme);
  const all = input.rows.map((_, i) => i);
  const plot = plotHeight(input);
  if (rowsFit(shared.labels.values, plot, FOREST_X_LABELS_BELOW_PT)) return [{ chart: draw(input, all, shared, theme), rows: all }];
  const parts = splitRows(shared.labels.values, plot);
  // Each label's own width plus its padding (the axis has no ticks): the widest of all, so every plot starts at one x.
  const labelExtent = Math.ceil(widestPt(shared.labels.values.flatMap((l) => l.split('\n')), ROW_LABEL_PT, chartFamily(theme)) + LABEL_PADDING_PT + 1);
  return parts.map((rows, i) => ({ chart: draw({ ...input, id: i === 0 ? input.id : `${input.id}.${i + 1}` }, rows, { ...shared, labelExtent }, theme), rows }));
}

/** Every row in one chart; throws when they do not fit at a readable pitch (forestCharts splits them). */
export function forestChart(input: ForestInput, theme: Theme): ChartSpec {
  return oneChart(forestCharts(input, theme), 'forestChart', `forest ${input.id}'s ${input.rows.length} rows`, input.size);
}

function plotHeight(input: ForestInput): number {
  return Math.round((input.size ?? DEFAULT_SIZE).height * 72) - FOREST_FRAME_PT;
}

/** Rows 1… split into as few parts as charts (row 0 heading each) hold, as even as they go (fewestParts). */
function splitRows(labels: string[], plot: number): number[][] {
  const rest = labels.slice(1);
  const parts = fewestParts(rest.length, (from, to) => rowsFit([labels[0], ...rest.slice(from, to)], plot, FOREST_X_LABELS_BELOW_PT));
  return parts.map(([from, to]) => [0, ...Array.from({ length: to - from }, (_, j) => 1 + from + j)]);
}

function sharedOf(input: ForestInput, theme: Theme): Shared {
  if (input.rows.length === 0) throw new Error(`forestChart(${input.id}): no rows to plot`);
  const f = input.format;
  const family = chartFamily(theme);
  const extent = input.rows.flatMap((r) => [r.lo, r.hi, r.estimate]).filter((v): v is number => v !== null);
  const bars = input.thresholds ?? [];
  const domain = paddedDomain([...extent, 0, ...bars.map((b) => b.value)], 0.08);
  // One precision for every number on the chart, from its largest magnitude.
  const digits = autoDigits(f, Math.max(...extent.map(Math.abs)));
  const labels = rowLabels(input.rows.map((r) => r.label), input.size ?? DEFAULT_SIZE, family);
  const notes = input.rows.map((r) => `${estimateNote(r.estimate, r.lo, r.hi, f, digits)}${r.mark ? `  ${r.mark}` : ''}`);
  // The notes stand in a column right of the plot, one per row: clear of every interval and reference line.
  const noteBand = widestPt(notes, NOTE_PT, family) + NOTE_GAP;
  return { domain, digits, labels, notes, noteBand };
}

/** One chart of the rows `at` (indices into input.rows). */
function draw(input: ForestInput, at: number[], shared: Shared, theme: Theme): ChartSpec {
  const f = input.format;
  const { domain, digits, labels, noteBand } = shared;
  const size = input.size ?? DEFAULT_SIZE;
  const values = at.map((i, row) => {
    const r = input.rows[i];
    return { row, label: labels.values[i], estimate: r.estimate, lo: r.lo, hi: r.hi, tone: r.tone, note: shared.notes[i] };
  });
  const color = toneEncoding(theme);
  const axis = shared.labelExtent === undefined ? rowAxis(theme) : { ...rowAxis(theme), minExtent: shared.labelExtent, maxExtent: shared.labelExtent };
  const y = { field: 'label', type: 'nominal', sort: values.map((v) => v.label), title: null, axis };
  const x = {
    type: 'quantitative',
    scale: { domain, nice: false, zero: false, rangeMax: { expr: `width - ${round(noteBand)}` } },
    axis: { title: xTitle(f), labelExpr: vegaLabelExpr(f, Math.min(digits, 1)), grid: true, tickCount: 6 },
  };
  const bars = input.thresholds ?? [];
  const layer: Record<string, unknown>[] = [
    { data: { values: [{ value: 0 }] }, mark: { type: 'rule', strokeWidth: 1.5, color: hex(theme.colors.muted) }, encoding: { x: { field: 'value', ...x } } },
  ];
  for (const b of bars) layer.push({ data: { values: [{ value: b.value }] }, mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [6, 4], color: hex(theme.colors.accent) }, encoding: { x: { field: 'value', ...x } } });
  layer.push(
    { mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round' }, encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color } },
    { mark: { type: 'point', filled: true, size: 110, opacity: 1 }, encoding: { y, x: { field: 'estimate', ...x }, color } },
    { mark: { type: 'text', baseline: 'middle', align: 'left', fontSize: NOTE_PT }, encoding: { y, x: { value: { expr: `width - ${round(noteBand - NOTE_GAP)}` } }, text: { field: 'note' }, color } },
  );
  // The bars are named in the subtitle, not printed on the plot, so no label sits on a line or an interval.
  const bar = bars.length ? ` · dashed ${bars.length === 1 ? 'line' : 'lines'}: ${bars.map((b) => b.label).join('; ')}` : '';
  const spec = {
    ...baseSpec(theme, input.title ?? `Change vs control: ${input.metric}`, `${Math.round(input.confidence * 100)}% confidence intervals${bar}`),
    data: { values },
    layer,
  };
  const rows = at.map((i) => input.rows[i]);
  return chart(chartId('forest', input.id), 'forest', size, forestAlt({ ...input, rows }) + cutLabelsNote(cutAmong(labels, rows)), spec);
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
  if (input.rule && marks) return `${s}; against “${input.rule}”: ${marks}.`;
  // Without marks, the rows are named all the same: each chart of a split forest says which it draws.
  return rest.length ? `${s}. Also on the chart: ${listOf(rest.map((r) => r.label))}.` : `${s}.`;
}
