// The Vega-Lite config every gonogo chart shares, sized for the slide: 1 px = 1 pt at slide size,
// so no text is set below 12 pt. Colours come from the theme; control and treatment always keep
// the theme's two arm colours; a rule's mark colours its point and comes with its words from compose.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { cutAfterLines, textWidthPt, wrapWords } from '../layout/measure.js';
import { chartFontList, DEFAULT_FAMILY, metricFamily, type FontFamily, type FontWeight } from '../layout/fonts.js';
import { fitText } from './vega.js';

export const MIN_TEXT_PT = 12;
/**
 * Least space (pt) between two axis labels: labels with less than a space between them read as one
 * ("−1.5pp−1.0pp" in Arial), so Vega drops every other one instead (a space is 2.7 pt in Calibri, 3.3 pt in
 * Arial, at the labels' 12 pt).
 */
export const LABEL_SEPARATION_PT = 3;
/** Space (pt) between an axis and its labels. */
export const LABEL_PADDING_PT = 4;
/** The colour of a rule's mark: good news, bad news, unknown (theme colours pass, fail, inconclusive). */
export type MarkTone = 'pass' | 'fail' | 'inconclusive';
export const MARK_TONES: MarkTone[] = ['pass', 'fail', 'inconclusive'];
export type Arm = 'control' | 'treatment';

/** The shipped family a theme's charts are measured and drawn with. */
export function chartFamily(theme: Theme): FontFamily {
  return metricFamily(theme.fonts.body) ?? DEFAULT_FAMILY;
}

export function hex(color: string): string {
  return color.startsWith('#') ? color : '#' + color;
}

export function toneColor(theme: Theme, tone: MarkTone): string {
  return hex(theme.colors[tone]);
}

/** A nominal colour encoding of the `tone` field: each mark in its news colour. */
export function toneEncoding(theme: Theme): Record<string, unknown> {
  return { field: 'tone', type: 'nominal', scale: { domain: MARK_TONES, range: MARK_TONES.map((t) => toneColor(theme, t)) }, legend: null };
}

export function armColor(theme: Theme, arm: Arm): string {
  return hex(theme.colors[arm]);
}

export function vegaConfig(theme: Theme): Record<string, unknown> {
  const c = theme.colors;
  const text = hex(c.text);
  const muted = hex(c.muted);
  const rule = hex(c.rule);
  const font = chartFontList(theme.fonts.body);
  return {
    font,
    background: hex(c.background),
    padding: 8,
    view: { stroke: null },
    axis: {
      labelFont: font,
      titleFont: font,
      labelFontSize: MIN_TEXT_PT,
      titleFontSize: 13,
      titleFontWeight: 600,
      labelColor: muted,
      titleColor: text,
      gridColor: '#E4E7EB',
      domainColor: rule,
      tickColor: rule,
      labelOverlap: true,
      labelSeparation: LABEL_SEPARATION_PT,
      labelPadding: LABEL_PADDING_PT,
      titlePadding: 8,
    },
    legend: {
      labelFont: font,
      titleFont: font,
      labelFontSize: MIN_TEXT_PT,
      titleFontSize: MIN_TEXT_PT,
      labelColor: text,
      titleColor: text,
      orient: 'top',
      direction: 'horizontal',
      symbolSize: 120,
    },
    title: {
      font,
      fontSize: 15,
      fontWeight: 600,
      color: text,
      anchor: 'start',
      subtitleFont: font,
      subtitleFontSize: MIN_TEXT_PT,
      subtitleColor: muted,
      offset: 10,
    },
    text: { font, fontSize: MIN_TEXT_PT, color: text },
    range: { category: [hex(c.control), hex(c.treatment), hex(c.accent), hex(c.inconclusive)] },
  };
}

/** The parts of every chart's Vega-Lite spec that do not depend on its data. */
export function baseSpec(theme: Theme, title: string, subtitle?: string | string[]): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    autosize: { type: 'fit', contains: 'padding' },
    config: vegaConfig(theme),
    title: subtitle ? { text: title, subtitle } : { text: title },
  };
}

export interface ChartSize {
  /** Inches at slide size. */
  width: number;
  height: number;
}

export const DEFAULT_SIZE: ChartSize = { width: 8, height: 4.5 };

/** A file-name-safe id: letters, digits, '-', '_' and '.'. */
export function chartId(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
}

export function chart(
  id: string,
  kind: ChartSpec['kind'],
  size: ChartSize,
  alt: string,
  vegaLite: Record<string, unknown>,
): ChartSpec {
  return {
    id,
    kind,
    // A framed chart (frame.ts) sets its plot size and paddings itself; every other chart fits its total size.
    vegaLite: (vegaLite.autosize as { type?: string } | undefined)?.type === 'none' ? vegaLite : { ...vegaLite, width: Math.round(size.width * 72), height: Math.round(size.height * 72) },
    alt,
    width: size.width,
    height: size.height,
  };
}

export const ROW_LABEL_PT = 13;
/** Pitch of a row label's lines (pt). */
export const ROW_LINE_PT = 15;

export interface RowLabels {
  /** One per row, lines joined with '\n' (the axis splits them); unique, since a nominal axis merges equal values. */
  values: string[];
  /** Labels that did not fit on two lines and were cut with '…' (say them in full in the alt text). */
  cut: string[];
}

/**
 * Row labels for a band axis, wrapped to at most two lines of a third of the chart's width. A label longer than
 * two lines is cut with '…' on its second line; a label is never cut while it fits on two.
 */
export function rowLabels(labels: string[], size: ChartSize, family: FontFamily = DEFAULT_FAMILY): RowLabels {
  const maxPt = Math.min(220, size.width * 72 * 0.34);
  const seen = new Map<string, number>();
  const cut: string[] = [];
  const values = labels.map((label) => {
    let lines = wrapWords(label, ROW_LABEL_PT, maxPt, 'regular', family);
    if (lines.length > 2) {
      cut.push(label);
      lines = [lines[0], fitText(cutAfterLines(label, lines, 1)[1], ROW_LABEL_PT, maxPt, 'regular', family)];
    }
    let text = lines.join('\n');
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    if (n > 1) text = `${text} (${n})`;
    return text;
  });
  return { values, cut };
}

/** " Full row labels: …" for the alt text when some were cut, else ''. */
export function cutLabelsNote(cut: string[]): string {
  return cut.length ? ` Full row labels: ${cut.join('; ')}.` : '';
}

/**
 * Height (pt) of a row label as Vega bounds it: its font size, and a line pitch for each further line. A label's
 * first line stands at its row and its further lines hang below it.
 */
export function rowLabelHeightPt(label: string): number {
  return ROW_LABEL_PT + ROW_LINE_PT * (label.split('\n').length - 1);
}

/**
 * How far above its row a row label's bounds start (pt): Vega sets a middle-baseline text 0.3 × its size below
 * the row and bounds it from 0.8 × its size above that baseline, each rounded.
 */
const ROW_LABEL_RISE_PT = Math.round(0.8 * ROW_LABEL_PT) - Math.round(0.3 * ROW_LABEL_PT);

/**
 * Whether `labels`, one per row of a row axis `plotPt` tall, all stand a label separation apart, so Vega's
 * label-overlap rule drops none: rows are `plotPt / n` apart (a point scale's half-step padding at each end), and
 * each label but the last reaches down to the next row less its height. The last one, which Vega holds to
 * nothing, must not reach into what starts `roomBelowPt` under the plot (an x axis's labels).
 */
export function rowsFit(labels: string[], plotPt: number, roomBelowPt = Infinity): boolean {
  const pitch = plotPt / labels.length;
  const last = labels.at(-1);
  // The last row stands half a pitch above the plot's bottom.
  const lastClear = last === undefined || rowLabelHeightPt(last) - ROW_LABEL_RISE_PT <= pitch / 2 + roomBelowPt;
  return lastClear && labels.slice(0, -1).every((l) => rowLabelHeightPt(l) + LABEL_SEPARATION_PT <= pitch);
}

/** One chart of several drawn from one input: the chart, and the indices of the input's rows it draws. */
export interface ChartPart {
  chart: ChartSpec;
  rows: number[];
}

/**
 * Items 0…count−1 in consecutive parts [from, to): as few parts as there are when each takes items while
 * `fits(from, to)` holds, and as even as they go: evenly, the larger parts first, when every even part fits; else (a two-line label needs
 * a wider pitch) each part takes items while they fit, up to the least cap that keeps that count. A part of one
 * item is always taken (a row too tall for a chart of its own cannot go anywhere else).
 */
export function fewestParts(count: number, fits: (from: number, to: number) => boolean): [number, number][] {
  // Each part takes items while they fit, up to `cap` of them.
  const packed = (cap: number) => {
    const parts: [number, number][] = [];
    for (let from = 0; from < count; ) {
      let to = from + 1;
      while (to < count && to - from < cap && fits(from, to + 1)) to++;
      parts.push([from, to]);
      from = to;
    }
    return parts;
  };
  const n = packed(count).length;
  // the larger parts first (the first `count % n` take one more): a continuation holds the remainder
  const start = (k: number) => k * Math.floor(count / n) + Math.min(k, count % n);
  const even = Array.from({ length: n }, (_, k): [number, number] => [start(k), start(k + 1)]);
  if (even.every(([from, to]) => fits(from, to))) return even;
  let cap = Math.ceil(count / n);
  while (packed(cap).length > n) cap++;
  return packed(cap);
}

/**
 * A chart whose rows each stand on their own scale under no x axis (scenario and guardrail charts) in as few parts
 * as draw every row at a readable pitch (rowsFit, as forest charts), as even as they go (fewestParts), each part
 * drawn with its own rows and labels. `frame`: the chart's height outside its plot (pt); `axisRows`: the row axis'
 * labels for some items' labels (a scenario metric takes four rows). Nothing stands below the plot, and a label
 * reaching past its bottom would have Vega's fit shrink the plot, so the last label ends inside it. Ids '<id>',
 * then '<id>-2', '<id>-3' …
 */
export function rowParts<R extends { label: string }, I extends { id?: string; rows: R[]; size?: ChartSize }>(
  input: I,
  kind: { id: string; frame: number; axisRows?: (labels: string[]) => string[] },
  theme: Theme,
  draw: (part: I & { id: string }, labels: RowLabels) => ChartSpec,
): ChartPart[] {
  const size = input.size ?? DEFAULT_SIZE;
  const labels = rowLabels(input.rows.map((r) => r.label), size, chartFamily(theme));
  const plot = Math.round(size.height * 72) - kind.frame;
  const axisRows = kind.axisRows ?? ((l: string[]) => l);
  const fits = (from: number, to: number) => rowsFit(axisRows(labels.values.slice(from, to)), plot, 0);
  const id = input.id ?? kind.id;
  return fewestParts(input.rows.length, fits).map(([from, to], i) => {
    const rows = Array.from({ length: to - from }, (_, j) => from + j);
    const part = { ...input, id: i === 0 ? id : `${id}-${i + 1}`, rows: rows.map((r) => input.rows[r]) };
    return { chart: draw(part, { values: rows.map((r) => labels.values[r]), cut: cutAmong(labels, part.rows) }), rows };
  });
}

/** The labels cut to fit (their full text for the alt text) among those of `rows`: what one chart of several draws. */
export function cutAmong(labels: RowLabels, rows: { label: string }[]): string[] {
  return labels.cut.filter((l) => rows.some((r) => r.label === l));
}

/** The one chart of `parts`; throws when its rows took several (`builder` names the one-chart builder and `what` the rows). */
export function oneChart(parts: ChartPart[], builder: string, what: string, size: ChartSize = DEFAULT_SIZE): ChartSpec {
  if (parts.length > 1) throw new Error(`${builder}: ${what} do not fit a ${size.height}-inch chart at a readable pitch; use ${builder}s`);
  return parts[0].chart;
}

/** Axis settings for the row labels of forest, guardrail and scenario charts (multi-line labels split on '\n'). */
export function rowAxis(theme: Theme): Record<string, unknown> {
  return {
    labelLimit: 0, labelFontSize: ROW_LABEL_PT, labelLineHeight: ROW_LINE_PT, labelColor: hex(theme.colors.text),
    labelExpr: "split(datum.label, '\\n')", ticks: false, domain: false, grid: false,
  };
}

/** Width (pt) of the widest of `texts` at `sizePt`, in the chart's family. */
export function widestPt(texts: string[], sizePt: number, family: FontFamily, weight: FontWeight = 'regular'): number {
  return Math.max(0, ...texts.map((t) => textWidthPt(t, sizePt, weight, family)));
}
