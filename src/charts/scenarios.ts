// Scenarios: best / base / worst change per primary metric against its bar.
// Metrics have different units, so each metric has its own scale (no shared axis): positions are
// normalised per metric and every point carries its value in the metric's unit.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { changePhrase, type Better } from './alt.js';
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
  /** The bar the change is held against, in `format`. */
  criterion?: number;
  /** The metric's rule in each scenario, in words from compose: "✓ met". */
  marks?: { best: string; base: string; worst: string };
}

export interface ScenariosInput {
  id?: string;
  rows: ScenarioRow[];
  title?: string;
  size?: ChartSize;
}

const NAMES = ['worst', 'base', 'best'] as const;
const ROW_OF = { best: 'b', base: 'c', worst: 'd' } as const;

export function scenariosChart(input: ScenariosInput, theme: Theme): ChartSpec {
  if (input.rows.length === 0) throw new Error('scenariosChart: no metrics to plot');
  // One block of rows per metric: a heading row (the metric, the bar and zero labelled), then one row
  // per scenario, so no two labels share a row. Row ids sort in order: '0a' heading, '0b' best, '0c' base, '0d' worst.
  const points: Record<string, unknown>[] = [];
  const refs: Record<string, unknown>[] = [];
  const heads: Record<string, unknown>[] = [];
  const rowIds: string[] = [];
  const size = input.size ?? DEFAULT_SIZE;
  const labels = rowLabels(input.rows.map((r) => r.label), { width: size.width * 2.2, height: size.height });
  input.rows.forEach((r, i) => {
    // the right quarter stays free for the value labels beside the points
    const [lo, hi] = paddedDomain([r.best, r.base, r.worst, 0, ...(r.criterion !== undefined ? [r.criterion] : [])], 0.1);
    const pos = (v: number) => round(0.04 + (0.7 * (v - lo)) / (hi - lo));
    // one digit more than usual: a worst case just past the bar must not print as the bar itself
    const digits = autoDigits(r.format, Math.max(Math.abs(r.best), Math.abs(r.worst), Math.abs(r.base))) + 1;
    const head = `${i}a`;
    rowIds.push(head, `${i}b`, `${i}c`, `${i}d`);
    heads.push({ row: head, x: 0, text: labels[i] });
    NAMES.forEach((name) => {
      const row = `${i}${ROW_OF[name]}`;
      // Points are coloured by scenario, so the rule's marks (news colours) stay in the alt text and notes.
      points.push({ row, scenario: name[0].toUpperCase() + name.slice(1), x: pos(r[name]), text: formatValue(r[name], r.format, { signed: true, digits }) });
      refs.push({ row, kind: 'zero', x: pos(0) });
      if (r.criterion !== undefined) refs.push({ row, kind: 'criterion', x: pos(r.criterion) });
    });
    refs.push({ row: `${i}b`, kind: 'zero', x: pos(0), text: '0', label: true });
    if (r.criterion !== undefined) refs.push({ row: `${i}b`, kind: 'criterion', x: pos(r.criterion), text: `bar ${formatValue(r.criterion, r.format, { signed: true, digits })}`, label: true });
  });
  const x = { type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false }, axis: null };
  const rowName = "slice(datum.value, -1) === 'b' ? 'Best' : slice(datum.value, -1) === 'c' ? 'Base' : slice(datum.value, -1) === 'd' ? 'Worst' : ''";
  const y = { field: 'row', type: 'nominal', sort: rowIds, title: null, axis: { ...rowAxis(theme), labelExpr: rowName, labelColor: hex(theme.colors.muted) } };
  const scenarioScale = { domain: ['Worst', 'Base', 'Best'], range: [hex(theme.colors.fail), hex(theme.colors.text), hex(theme.colors.pass)] };
  const color = { field: 'scenario', type: 'nominal', scale: scenarioScale, legend: null };
  const shape = { field: 'scenario', type: 'nominal', scale: { domain: scenarioScale.domain, range: ['triangle-down', 'circle', 'triangle-up'] }, legend: null };
  const refColor = { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [hex(theme.colors.muted), hex(theme.colors.accent)] }, legend: null };
  const refDash = { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [[1, 0], [5, 3]] }, legend: null };
  const spec = {
    ...baseSpec(theme, input.title ?? 'Best, base and worst case against the bar', 'Each metric on its own scale · ▲ best · ● base · ▼ worst · dashed: the bar · grey: no change'),
    layer: [
      { data: { values: refs.filter((r) => !r.label) }, mark: { type: 'tick', thickness: 1.5, bandSize: 1 }, encoding: { y, x: { field: 'x', ...x }, color: refColor, strokeDash: refDash } },
      ...withHalo(theme, { data: { values: refs.filter((r) => r.label) }, mark: { type: 'text', baseline: 'bottom', dy: -12, fontSize: 12 }, encoding: { y, x: { field: 'x', ...x }, text: { field: 'text' }, color: refColor } }),
      { data: { values: heads }, mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 13, fontWeight: 600, color: hex(theme.colors.text) }, encoding: { y, x: { field: 'x', ...x }, text: { field: 'text' } } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 130, opacity: 1 }, encoding: { y, x: { field: 'x', ...x }, color, shape } },
      ...withHalo(theme, { data: { values: points }, mark: { type: 'text', align: 'left', baseline: 'middle', dx: 10, fontSize: 12 }, encoding: { y, x: { field: 'x', ...x }, text: { field: 'text' }, color } }),
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
    if (r.marks) s += `, against its rule: best ${r.marks.best}, base ${r.marks.base}, worst ${r.marks.worst}`;
    return s;
  });
  return `In the base case treatment ${parts.join('; and ')}.`;
}
