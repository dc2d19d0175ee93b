// Scenarios: best / base / worst change per primary metric against its criterion line.
// Metrics have different units, so each row has its own scale (no shared axis): positions are
// normalised per row and every point carries its value in the metric's unit.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { changePhrase, thresholdPhrase, type Better } from './alt.js';
import { baseSpec, chart, chartId, withHalo, rowAxis, rowLabels, DEFAULT_SIZE, hex, type ChartSize } from './config.js';
import { autoDigits, formatValue, midSentence, type ValueFormat } from './format.js';
import { paddedDomain, round } from './scale.js';

export interface ScenarioRow {
  label: string;
  format: ValueFormat;
  better: Better;
  best: number;
  base: number;
  worst: number;
  /** The criterion the change is held against, in `format`. */
  criterion?: number;
}

export interface ScenariosInput {
  id?: string;
  rows: ScenarioRow[];
  title?: string;
  size?: ChartSize;
}

const NAMES = ['worst', 'base', 'best'] as const;

export function scenariosChart(input: ScenariosInput, theme: Theme): ChartSpec {
  if (input.rows.length === 0) throw new Error('scenariosChart: no metrics to plot');
  const points: Record<string, unknown>[] = [];
  const spans: Record<string, unknown>[] = [];
  const refs: Record<string, unknown>[] = [];
  const size = input.size ?? DEFAULT_SIZE;
  const labels = rowLabels(input.rows.map((r) => r.label), size);
  input.rows.forEach((r, i) => {
    const label = labels[i];
    const [lo, hi] = paddedDomain([r.best, r.base, r.worst, 0, ...(r.criterion !== undefined ? [r.criterion] : [])], 0.12);
    const pos = (v: number) => round((v - lo) / (hi - lo));
    const digits = autoDigits(r.format, Math.max(Math.abs(r.best), Math.abs(r.worst), Math.abs(r.base)));
    for (const name of NAMES) {
      points.push({ label, scenario: name[0].toUpperCase() + name.slice(1), x: pos(r[name]), text: `${name} ${formatValue(r[name], r.format, { signed: true, digits })}` });
    }
    spans.push({ label, x: pos(Math.min(r.best, r.worst)), x2: pos(Math.max(r.best, r.worst)) });
    refs.push({ label, kind: 'zero', x: pos(0), text: '0' });
    if (r.criterion !== undefined) refs.push({ label, kind: 'criterion', x: pos(r.criterion), text: `criterion ${formatValue(r.criterion, r.format, { signed: true, digits })}` });
  });
  const x = { type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false }, axis: null };
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: rowAxis(theme) };
  const scenarioScale = { domain: ['Worst', 'Base', 'Best'], range: [hex(theme.colors.fail), hex(theme.colors.text), hex(theme.colors.pass)] };
  const color = { field: 'scenario', type: 'nominal', scale: scenarioScale, legend: null };
  const shape = { field: 'scenario', type: 'nominal', scale: { domain: scenarioScale.domain, range: ['triangle-down', 'circle', 'triangle-up'] }, legend: null };
  const refColor = { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [hex(theme.colors.muted), hex(theme.colors.accent)] }, legend: null };
  const spec = {
    ...baseSpec(theme, input.title ?? 'Best, base and worst case against the criteria', 'Each row on its own scale · ▲ best · ● base · ▼ worst · blue: criterion · grey: no change'),
    layer: [
      { data: { values: spans }, mark: { type: 'rule', strokeWidth: 6, color: '#E4E7EB', strokeCap: 'round' }, encoding: { y, x: { field: 'x', ...x }, x2: { field: 'x2' } } },
      { data: { values: refs }, mark: { type: 'tick', thickness: 2, size: 44 }, encoding: { y, x: { field: 'x', ...x }, color: refColor, strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [[1, 0], [4, 3]] }, legend: null } } },
      ...withHalo(theme, { data: { values: refs }, mark: { type: 'text', baseline: 'bottom', dy: -18, fontSize: 12 }, encoding: { y, x: { field: 'x', ...x }, text: { field: 'text' }, color: refColor } }),
      { data: { values: points }, mark: { type: 'point', filled: true, size: 150, opacity: 1 }, encoding: { y, x: { field: 'x', ...x }, color, shape } },
      { data: { values: points }, mark: { type: 'text', baseline: 'top', dy: 13, fontSize: 12 }, encoding: { y, x: { field: 'x', ...x }, text: { field: 'text' }, color } },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return chart(chartId('scenarios', input.id ?? 'primary'), 'scenarios', size, scenariosAlt(input), spec);
}

function scenariosAlt(input: ScenariosInput): string {
  const parts = input.rows.map((r) => {
    const digits = autoDigits(r.format, Math.max(Math.abs(r.best), Math.abs(r.worst), Math.abs(r.base)));
    const f = (v: number) => formatValue(v, r.format, { signed: true, digits });
    let s = `${changePhrase(midSentence(r.label), r.base, r.format, digits)} (worst ${f(r.worst)}, best ${f(r.best)})`;
    if (r.criterion !== undefined) s += `, ${thresholdPhrase(r.base, r.criterion, r.better, r.format, 'criterion')}`;
    return s;
  });
  return `In the base case treatment ${parts.join('; and ')}.`;
}
