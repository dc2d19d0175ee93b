// Turns the rows one metric's SQL returned into MetricRows, checking the columns against the metric's kind.
//
// The SQL aggregates per arm and segment; Node only reshapes. Columns, by kind:
//   proportion  arm, segment, n, successes
//   mean        arm, segment, n, mean, sd      (or n, sum, sum_sq)
//   rate        arm, segment, events, exposure (n optional)
//   ratio       arm, segment, n, numerator, denominator
//   median / quantile: arm, segment, value [, weight] — one row per unit, or per distinct value with
//               `weight` = how many units share it (keeps transfer small: GROUP BY arm, segment, value).
//   any kind    estimate, ci_low, ci_high (precomputed), n, unit; an optional `as_of` column (max event time).
// Column names are matched without regard to case, as both engines compare unquoted names.
// segment is 'all' or 'dimension=value'; arm is 'control' or 'treatment' (or the spec's arm labels).
import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { Metric } from '../spec/normalized.js';
import type { Row } from './engine.js';
import { mergeValueCounts, unitCount, type MetricRow } from '../model/rows.js';
import { lowerKeys } from './dialect.js';

const NUMERIC = ['n', 'successes', 'mean', 'sd', 'sum', 'sum_sq', 'events', 'exposure', 'numerator', 'denominator', 'estimate', 'ci_low', 'ci_high'] as const;
const KNOWN = new Set<string>(['metric', 'arm', 'segment', 'unit', 'value', 'weight', 'as_of', ...NUMERIC]);

const REQUIRED: Record<Metric['kind'], string[][]> = {
  proportion: [['n', 'successes']],
  mean: [['n', 'mean', 'sd'], ['n', 'sum', 'sum_sq']],
  rate: [['events', 'exposure']],
  ratio: [['n', 'numerator', 'denominator']],
  median: [['value']],
  quantile: [['value']],
};

export interface ShapedRows {
  rows: MetricRow[];
  asOf?: string;
  diagnostics: Diagnostic[];
}

/**
 * @param where the SQL file (or 'metrics[i].from.sql') named in messages
 * @param arms data value → canonical arm ('control' | 'treatment')
 */
export function shapeMetricRows(metric: Metric, result: Row[], where: string, arms: Record<string, string>): ShapedRows {
  const diagnostics: Diagnostic[] = [];
  const raw = result.map(lowerKeys);
  const columns = raw.length > 0 ? Object.keys(raw[0]) : [];
  const fail = (message: string, hint?: string): ShapedRows => ({
    rows: [],
    diagnostics: [errorDiag('pull/sql-columns', `${where}: ${message}`, { field: `metrics.${metric.id}`, hint })],
  });
  if (raw.length === 0) return fail(`the query for metric ${metric.id} returned no rows`, 'check the date window and the data folder');
  for (const col of ['arm', 'segment']) if (!columns.includes(col)) return fail(`the query for metric ${metric.id} has no \`${col}\` column`);
  const precomputed = ['estimate', 'ci_low', 'ci_high'].every((c) => columns.includes(c));
  const sets = REQUIRED[metric.kind];
  if (!precomputed && !sets.some((set) => set.every((c) => columns.includes(c)))) {
    return fail(
      `the query for ${metric.kind} metric ${metric.id} returns ${columns.join(', ')}`,
      `return arm, segment and ${sets.map((s) => s.join(', ')).join(' — or — ')}`,
    );
  }
  const unknown = columns.filter((c) => !KNOWN.has(c));
  if (unknown.length > 0) {
    diagnostics.push({ code: 'pull/unknown-column', severity: 'warning', message: `${where}: column(s) ${unknown.join(', ')} ignored for metric ${metric.id}` });
  }

  let asOf: string | undefined;
  let dropped = 0;
  const grouped = new Map<string, { arm: string; segment: string; pairs: [number, number][] }>();
  const rows: MetricRow[] = [];
  for (const r of raw) {
    if (typeof r.as_of === 'string' && (asOf === undefined || r.as_of > asOf)) asOf = r.as_of;
    const arm = r.arm === null ? undefined : arms[String(r.arm)];
    const segment = r.segment === null ? undefined : String(r.segment);
    if (arm === undefined || segment === undefined) {
      dropped++;
      continue;
    }
    if (r.metric !== undefined && r.metric !== null && r.metric !== metric.id) {
      return fail(`the query for metric ${metric.id} returns rows of metric ${String(r.metric)}`);
    }
    if (!precomputed && (metric.kind === 'median' || metric.kind === 'quantile')) {
      const value = toNumber(r.value);
      const weight = r.weight === undefined ? 1 : toNumber(r.weight);
      if (value === undefined) continue; // a unit without a value (no quote yet) carries no duration
      if (weight === undefined || weight < 0 || !Number.isInteger(weight)) return fail(`weight must be a whole number ≥ 0, got ${String(r.weight)}`);
      const key = `${arm}\u0000${segment}`;
      const g = grouped.get(key) ?? { arm, segment, pairs: [] };
      g.pairs.push([value, weight]);
      grouped.set(key, g);
      continue;
    }
    const row: MetricRow = { metric: metric.id, arm, segment };
    for (const col of NUMERIC) {
      if (!(col in r) || r[col] === null) continue;
      const v = toNumber(r[col]);
      if (v === undefined) return fail(`column ${col} must be numeric, got ${JSON.stringify(r[col])}`);
      row[col] = v;
    }
    if (typeof r.unit === 'string') row.unit = r.unit;
    rows.push(row);
  }
  for (const g of grouped.values()) {
    // Pairs stay pairs: a row per unit (no weight column) is counted here, never expanded.
    const value_counts = mergeValueCounts(g.pairs);
    rows.push({ metric: metric.id, arm: g.arm, segment: g.segment, n: unitCount(value_counts), value_counts });
  }
  if (dropped > 0) {
    diagnostics.push({
      code: 'pull/unknown-arm',
      severity: 'info',
      message: `${where}: ${dropped} row(s) of metric ${metric.id} had no known arm or segment and were left out`,
      hint: `arms are ${Object.keys(arms).join(', ')}; rows with a NULL arm are units whose variant is missing`,
    });
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.arm}|${row.segment}`;
    if (seen.has(key)) return fail(`two rows for arm ${row.arm}, segment ${row.segment}`, 'aggregate to one row per arm and segment (GROUP BY arm, segment)');
    seen.add(key);
  }
  return { rows: sortRows(rows), asOf, diagnostics };
}

/** Deterministic order: segment 'all' first, then by segment, then control before treatment. */
export function sortRows(rows: MetricRow[]): MetricRow[] {
  const rank = (s: string) => (s === 'all' ? '' : s);
  return [...rows].sort(
    (a, b) => cmp(a.metric, b.metric) || cmp(rank(a.segment), rank(b.segment)) || cmp(a.arm, b.arm),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Numbers to 12 significant digits: a parallel engine sums floating-point values in no fixed order, so the last
 * bits of a mean or sd can differ between two pulls of the same data; rounding keeps the lock byte-stable.
 */
function toNumber(v: unknown): number | undefined {
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(x)) return undefined;
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}
