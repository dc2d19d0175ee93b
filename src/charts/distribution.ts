// Distribution of a duration metric per arm: histogram (share of the arm per bin) or ECDF,
// with each arm's median and P90 marked. Bins and ECDF steps are computed here so the spec
// stays small (a few hundred points, however many raw values); the values come as (value, count) pairs.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { armColor, baseSpec, chart, chartId, DEFAULT_SIZE, type Arm, type ChartSize } from './config.js';
import { autoDigits, formatValue, midSentence, type ValueFormat } from './format.js';
import { round } from './scale.js';
import type { ValueCounts } from '../model/rows.js';
import { sampleOf, sampleQuantile, type Sample } from '../stats/sample.js';

export interface DistributionInput {
  id: string;
  /** "Time to first quote". */
  metric: string;
  /** Unit of the values: "min". */
  unit: string;
  values: Record<Arm, ValueCounts>;
  mode?: 'histogram' | 'ecdf';
  armLabels?: Record<Arm, string>;
  /** Histogram bins (default 30). */
  bins?: number;
  /** Cut the x axis at this quantile of all values so a long tail does not squash the body (default 0.99). */
  clipQuantile?: number;
  title?: string;
  size?: ChartSize;
}

const ARMS: Arm[] = ['control', 'treatment'];

export function distributionChart(input: DistributionInput, theme: Theme): ChartSpec {
  const labels = input.armLabels ?? { control: 'Control', treatment: 'Treatment' };
  const samples = Object.fromEntries(ARMS.map((a) => [a, sampleOf(input.values[a], `${a} values`)])) as Record<Arm, Sample>;
  for (const a of ARMS) if (samples[a].n === 0) throw new Error(`distributionChart(${input.id}): no ${a} values`);
  const all = sampleOf([...input.values.control, ...input.values.treatment]);
  const lo = Math.min(0, all.values[0]);
  const hi = sampleQuantile(all, input.clipQuantile ?? 0.99);
  const fmt: ValueFormat = { kind: 'unit', unit: input.unit };
  const digits = autoDigits(fmt, hi);
  const mode = input.mode ?? 'histogram';

  const marks = ARMS.flatMap((a) => [
    { arm: labels[a], stat: 'Median', value: round(sampleQuantile(samples[a], 0.5)) },
    { arm: labels[a], stat: 'P90', value: round(sampleQuantile(samples[a], 0.9)) },
  ]);

  const curve = mode === 'ecdf' ? ecdfPoints(samples, labels, lo, hi) : histogramPoints(samples, labels, lo, hi, input.bins ?? 30);
  const colors = { domain: ARMS.map((a) => labels[a]), range: ARMS.map((a) => armColor(theme, a)) };
  // One legend definition everywhere the arm colour is used, or Vega-Lite warns about a conflict.
  const color = { field: 'arm', type: 'nominal', scale: colors, legend: { title: null, orient: 'top', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3 } };
  const x = { type: 'quantitative', scale: { domain: [round(lo), round(hi)], nice: false, zero: false }, axis: { title: `${input.metric} (${input.unit})`, grid: false } };
  const yTitle = mode === 'ecdf' ? 'Share at or below' : 'Share of arm per bin';
  // The marked values are read in the subtitle, arm by arm: no label sits on a curve or a marker line.
  const said = (stat: string) => ARMS.map((a) => marks.find((m) => m.arm === labels[a] && m.stat === stat)!).map((m) => `${m.arm} ${formatValue(m.value, fmt, { digits })}`).join(' · ');
  const spec = {
    ...baseSpec(theme, input.title ?? `Distribution of ${midSentence(input.metric)} by arm`, [`Solid line: median — ${said('Median')}`, `Dashed line: P90 — ${said('P90')}`]),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', interpolate: mode === 'ecdf' ? 'linear' : 'step', strokeWidth: 2.5, clip: true },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'y', type: 'quantitative', axis: { title: yTitle, format: '.0%', grid: true, tickCount: 5 } },
          color,
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: { field: 'value', ...x },
          color,
          strokeDash: { field: 'stat', type: 'nominal', scale: { domain: ['Median', 'P90'], range: [[1, 0], [6, 4]] }, legend: null },
        },
      },
    ],
  };
  const alt = distributionAlt(input, labels, marks, fmt, digits);
  return chart(chartId('distribution', input.id), 'distribution', input.size ?? DEFAULT_SIZE, alt, spec);
}

function histogramPoints(samples: Record<Arm, Sample>, labels: Record<Arm, string>, lo: number, hi: number, bins: number) {
  const width = (hi - lo) / bins;
  return ARMS.flatMap((a) => {
    const s = samples[a];
    const counts = new Array<number>(bins).fill(0);
    s.values.forEach((v, i) => {
      if (v >= lo && v <= hi) counts[Math.min(bins - 1, Math.floor((v - lo) / width))] += s.ends[i] - (i > 0 ? s.ends[i - 1] : 0);
    });
    return counts.map((c, i) => ({ arm: labels[a], x: round(lo + (i + 0.5) * width), y: round(c / s.n) }));
  });
}

function ecdfPoints(samples: Record<Arm, Sample>, labels: Record<Arm, string>, lo: number, hi: number) {
  const steps = 200;
  return ARMS.flatMap((a) => {
    const s = samples[a];
    const out: { arm: string; x: number; y: number }[] = [];
    let k = 0; // distinct values ≤ x so far
    for (let i = 0; i <= steps; i++) {
      const x = lo + ((hi - lo) * i) / steps;
      while (k < s.values.length && s.values[k] <= x) k++;
      out.push({ arm: labels[a], x: round(x), y: round((k > 0 ? s.ends[k - 1] : 0) / s.n) });
    }
    return out;
  });
}

function distributionAlt(input: DistributionInput, labels: Record<Arm, string>, marks: { stat: string; value: number }[], fmt: ValueFormat, digits: number): string {
  const v = (i: number) => formatValue(marks[i].value, fmt, { digits });
  const metric = midSentence(input.metric);
  return `${labels.treatment} ${metric} has a median of ${v(2)} and a P90 of ${v(3)}, against ${v(0)} and ${v(1)} for ${midSentence(labels.control)}.`;
}
