// The Vega-Lite spec exactly as rendered: the builder's spec with its size set from the chart's inches
// (1 px = 1 pt at slide size, so a 12 px label is 12 pt on the slide). A framed chart (frame.ts) already
// holds its plot size, with paddings that add up to the same inches.
import type { ChartSpec } from '../deck/types.js';

export const PT_PER_INCH = 72;

export function finalSpec(chart: ChartSpec): Record<string, unknown> {
  if ((chart.vegaLite.autosize as { type?: string } | undefined)?.type === 'none') return chart.vegaLite;
  return {
    ...chart.vegaLite,
    width: Math.round(chart.width * PT_PER_INCH),
    height: Math.round(chart.height * PT_PER_INCH),
  };
}
