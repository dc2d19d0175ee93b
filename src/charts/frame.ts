// A chart whose labels are placed by gonogo (not by Vega) needs the plot's exact size in points. These charts
// opt out of Vega's "fit" autosize: the builder sets the paddings from the measured axis labels and titles
// (geometry of the shared config in config.ts: 12 pt labels 4 pt from 5 pt ticks, 13 pt titles 8 pt away, a
// 15 pt title with 12 pt subtitles above the plot), so the plot is total size less paddings, exactly.
import type { FontFamily } from '../layout/fonts.js';
import { textWidthPt } from '../layout/measure.js';
import type { ChartSize } from './config.js';

export interface Frame {
  /** The plot (data rectangle) in points. */
  plot: { w: number; h: number };
  padding: { left: number; top: number; right: number; bottom: number };
}

export interface FrameOptions {
  /** Tick labels of the y axis as drawn (their widest sets the left padding). */
  yLabels: string[];
  /** The x axis' last tick label (centred on the plot's right edge). */
  xLastLabel: string;
  subtitleLines: number;
  /** Where the legend stands, if the chart has one. */
  legend: 'top' | 'bottom' | false;
  xTitle: boolean;
  /** Rows of labels the chart sets just above the plot (16 pt each; not beside a top legend). */
  labelRows?: number;
  family: FontFamily;
}

const OUTER = 8;
const TICK_LABEL = 5 + 4;
const AXIS_TITLE = 8 + 13;

// Vertical extents measured from Vega with the shared config (points from the plot's edge): the title's top
// stands 31 pt above the plot (60 with a top legend), each subtitle line adds 14; rows of labels above the plot
// add 16 each less 5; the x axis' labels end 20.5 below the plot, its title 41.5, a bottom legend 30.3 more.
export function frame(size: ChartSize, o: FrameOptions): Frame {
  const yLabelW = Math.max(0, ...o.yLabels.map((l) => textWidthPt(l, 12, 'regular', o.family)));
  const left = OUTER + AXIS_TITLE + yLabelW + TICK_LABEL + 1;
  const right = OUTER + textWidthPt(o.xLastLabel, 12, 'regular', o.family) / 2 + 2;
  const rows = o.legend === 'top' ? 0 : (o.labelRows ?? 0);
  const top = Math.ceil(OUTER + (o.legend === 'top' ? 60 : 31) + 14 * o.subtitleLines + (rows ? 16 * rows - 5 : 0) + 1);
  const bottom = Math.ceil(OUTER + (o.xTitle ? 41.5 : 20.5) + (o.legend === 'bottom' ? 30.3 : 0) + 1);
  const w = Math.round(size.width * 72);
  const h = Math.round(size.height * 72);
  const padding = { left: Math.ceil(left), top, right: Math.ceil(right), bottom };
  return { padding, plot: { w: w - padding.left - padding.right, h: h - padding.top - padding.bottom } };
}

/** The top-level Vega-Lite properties of a framed chart (they replace baseSpec's autosize). */
export function framedSpec(f: Frame): Record<string, unknown> {
  return { autosize: { type: 'none' }, padding: f.padding, width: f.plot.w, height: f.plot.h };
}

/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k), inside the range. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
