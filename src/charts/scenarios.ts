// Scenarios: best / base / worst change per primary metric against its bar.
// Metrics have different units, so each metric has its own scale (no shared axis): positions are
// normalised per metric and every point carries its value in the metric's unit.
import type { ChartSpec } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import { changePhrase, type Better } from './alt.js';
import { baseSpec, chart, chartFamily, chartId, cutLabelsNote, oneChart, rowAxis, rowParts, widestPt, DEFAULT_SIZE, hex, MIN_TEXT_PT as VALUE_PT, type ChartPart, type ChartSize, type RowLabels } from './config.js';
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
  /** The metric's rule in each scenario, in words from compose ("✓ met"): said in the alt text, since the points are coloured by scenario. */
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

const VALUE_GAP = 14;

/**
 * Points of a scenario chart's height outside its plot: the padding, and the title and its one subtitle line
 * above (the chart has no x axis). Measured from Vega's layout of the chart with the shared config (the plot of a
 * 331 pt chart is 276 pt tall); test/charts/row-fit.test.ts holds it to Vega.
 */
export const SCENARIOS_FRAME_PT = 55;
/** The row labels under each metric's heading row. */
const CASE_LABELS = ['Best', 'Base', 'Worst'];

/**
 * Best, base and worst of every metric in as few charts as draw every row at a readable pitch (rowsFit, as forest
 * charts), each metric's four rows on one chart, the charts' sizes as even as they go. Chart ids: the input's id
 * (default 'primary'), then '<id>-2', '<id>-3' …; `rows` are the indices of the metrics each draws.
 */
export function scenariosCharts(input: ScenariosInput, theme: Theme): ChartPart[] {
  if (input.rows.length === 0) throw new Error('scenariosChart: no metrics to plot');
  const axisRows = (heads: string[]) => heads.flatMap((head) => [head, ...CASE_LABELS]);
  return rowParts(input, { id: 'primary', frame: SCENARIOS_FRAME_PT, axisRows }, theme, (part, labels) => draw(part, labels, theme));
}

/** Every metric in one chart; throws when their rows do not fit at a readable pitch (scenariosCharts splits them). */
export function scenariosChart(input: ScenariosInput, theme: Theme): ChartSpec {
  return oneChart(scenariosCharts(input, theme), 'scenariosChart', `${input.rows.length} metrics`, input.size);
}

function draw(input: ScenariosInput, labels: RowLabels, theme: Theme): ChartSpec {
  // One block of rows per metric: a heading row (the metric, its bar in the value column), then one row per
  // scenario, the values in a column right of the plot, so no label shares a row with a line or a marker.
  // Row ids sort in order: '0a' heading, '0b' best, '0c' base, '0d' worst.
  const points: Record<string, unknown>[] = [];
  const refs: Record<string, unknown>[] = [];
  const heads: Record<string, unknown>[] = [];
  const rowIds: string[] = [];
  const size = input.size ?? DEFAULT_SIZE;
  const family = chartFamily(theme);
  input.rows.forEach((r, i) => {
    const [lo, hi] = paddedDomain([r.best, r.base, r.worst, 0, ...(r.criterion !== undefined ? [r.criterion] : [])], 0.1);
    const pos = (v: number) => round((v - lo) / (hi - lo));
    // A caller's digits (the deck's own precision) hold unless a case would print as the bar it misses or
    // clears; without them, one digit more than usual, so a worst case just past the bar never reads as the bar.
    const usual = autoDigits(r.format, Math.max(Math.abs(r.best), Math.abs(r.worst), Math.abs(r.base)));
    const reads = (v: number, d: number) => formatValue(v, r.format, { signed: true, digits: d });
    const clash = r.criterion !== undefined && NAMES.some((n) => r[n] !== r.criterion && reads(r[n], usual) === reads(r.criterion!, usual));
    const digits = r.format.digits === undefined || clash ? usual + 1 : usual;
    const head = `${i}a`;
    rowIds.push(head, `${i}b`, `${i}c`, `${i}d`);
    heads.push({ row: head, label: labels.values[i] });
    if (r.criterion !== undefined) points.push({ row: head, scenario: 'Bar', text: `bar ${formatValue(r.criterion, r.format, { signed: true, digits })}` });
    NAMES.forEach((name) => {
      const row = `${i}${ROW_OF[name]}`;
      points.push({ row, scenario: name[0].toUpperCase() + name.slice(1), x: pos(r[name]), text: formatValue(r[name], r.format, { signed: true, digits }) });
      refs.push({ row, kind: 'zero', x: pos(0) });
      if (r.criterion !== undefined) refs.push({ row, kind: 'criterion', x: pos(r.criterion) });
    });
  });
  const valueBand = widestPt(points.map((p) => String(p.text)), VALUE_PT, family) + VALUE_GAP;
  const x = { type: 'quantitative', scale: { domain: [0, 1], nice: false, zero: false, rangeMax: { expr: `width - ${round(valueBand)}` } }, axis: null };
  // Row labels: the metric (its own words, wrapped) on the heading row, Best / Base / Worst under it.
  const headLabel = Object.fromEntries(heads.map((h) => [h.row as string, h.label as string]));
  const rowName = `slice(datum.value, -1) === 'b' ? 'Best' : slice(datum.value, -1) === 'c' ? 'Base' : slice(datum.value, -1) === 'd' ? 'Worst' : split(${JSON.stringify(headLabel)}[datum.value], '\\n')`;
  const isHead = "slice(datum.value, -1) === 'a'";
  // The domain is every row, not only the rows with data: a metric without a bar has nothing on its heading row,
  // and without it the metric's name was left off the chart.
  const y = {
    field: 'row', type: 'nominal', sort: rowIds, scale: { domain: rowIds }, title: null,
    axis: { ...rowAxis(theme), labelExpr: rowName, labelColor: { expr: `${isHead} ? '${hex(theme.colors.text)}' : '${hex(theme.colors.muted)}'` }, labelFontWeight: { expr: `${isHead} ? 600 : 400` } },
  };
  const scenarioScale = { domain: ['Worst', 'Base', 'Best', 'Bar'], range: [hex(theme.colors.fail), hex(theme.colors.text), hex(theme.colors.pass), hex(theme.colors.accent)] };
  const color = { field: 'scenario', type: 'nominal', scale: scenarioScale, legend: null };
  const shape = { field: 'scenario', type: 'nominal', scale: { domain: scenarioScale.domain.slice(0, 3), range: ['triangle-down', 'circle', 'triangle-up'] }, legend: null };
  const refColor = { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [hex(theme.colors.muted), hex(theme.colors.accent)] }, legend: null };
  const refDash = { field: 'kind', type: 'nominal', scale: { domain: ['zero', 'criterion'], range: [[1, 0], [5, 3]] }, legend: null };
  const spec = {
    ...baseSpec(theme, input.title ?? 'Best, base and worst case against the bar', 'Each metric on its own scale · ▲ best · ● base · ▼ worst · dashed: the bar · grey: no change'),
    layer: [
      { data: { values: refs }, mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y: { ...y, bandPosition: 0.1 }, y2: { field: 'row', bandPosition: 0.9 }, x: { field: 'x', ...x }, color: refColor, strokeDash: refDash } },
      { data: { values: points.filter((p) => p.x !== undefined) }, mark: { type: 'point', filled: true, size: 130, opacity: 1 }, encoding: { y, x: { field: 'x', ...x }, color, shape } },
      { data: { values: points }, mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: VALUE_PT }, encoding: { y, x: { value: { expr: `width - ${round(valueBand - VALUE_GAP)}` } }, text: { field: 'text' }, color } },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return chart(chartId('scenarios', input.id ?? 'primary'), 'scenarios', size, scenariosAlt(input) + cutLabelsNote(labels.cut), spec);
}

function scenariosAlt(input: ScenariosInput): string {
  const parts = input.rows.map((r) => {
    const digits = autoDigits(r.format, Math.max(Math.abs(r.best), Math.abs(r.worst), Math.abs(r.base)));
    const f = (v: number) => formatValue(v, r.format, { signed: true, digits });
    let s = `${changePhrase(midSentence(r.label), r.base, r.format, digits)} (worst ${f(r.worst)}, best ${f(r.best)})`;
    if (r.marks) s += `, against its rule: best ${r.marks.best}, base ${r.marks.base}, worst ${r.marks.worst}`;
    return s;
  });
  // One sentence per metric: each part holds commas of its own, so a list of them would not read.
  return parts.map((p, i) => `${i === 0 ? 'In the base case treatment' : 'Treatment also'} ${p}.`).join(' ');
}
