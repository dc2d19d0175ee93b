// Checks one metrics row before any statistic reads it: bad numbers become diagnostics, not crashes.
import type { Diagnostic } from '../diagnostics.js';
import type { MetricRow } from '../model/rows.js';

const NUMERIC: (keyof MetricRow)[] = [
  'estimate', 'ci_low', 'ci_high', 'n', 'successes', 'mean', 'sd', 'sum', 'sum_sq', 'events', 'exposure', 'numerator', 'denominator',
];

export function rowLabel(row: MetricRow): string {
  return `${row.metric} (segment ${row.segment}, arm ${row.arm})`;
}

export function rowField(row: MetricRow, key: string): string {
  return `metrics rows[metric=${row.metric}, segment=${row.segment}, arm=${row.arm}].${key}`;
}

/** Every problem with one row; empty when the row can be read. */
export function checkRow(row: MetricRow): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (code: string, key: string, message: string, expected: string, hint: string) =>
    out.push({ code, severity: 'error', message: `${rowLabel(row)}: ${message}`, field: rowField(row, key), expected, hint });
  for (const key of NUMERIC) {
    const v = row[key];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      bad('metrics/not-a-number', key, `${key} is ${String(v)}`, 'a finite number', 'check the query for a division by zero or a NULL cast to a number');
    }
  }
  if (out.length > 0) return out;
  if (row.n !== undefined && row.n <= 0) {
    bad('metrics/invalid-n', 'n', `n is ${row.n}`, 'a count above 0', 'an arm with no units cannot be read; check the assignment join');
  }
  for (const key of ['successes', 'events', 'sd', 'sum_sq'] as const) {
    const v = row[key];
    if (v !== undefined && v < 0) bad('metrics/negative-value', key, `${key} is negative (${v})`, 'a value ≥ 0', 'counts, standard deviations and sums of squares cannot be negative');
  }
  if (row.successes !== undefined && row.n !== undefined && row.successes > row.n) {
    bad('metrics/successes-exceed-n', 'successes', `successes (${row.successes}) exceed n (${row.n})`, 'successes ≤ n', 'successes count units with the outcome among the n units of the arm; check for double counting');
  }
  if (row.exposure !== undefined && row.exposure <= 0) {
    bad('metrics/invalid-exposure', 'exposure', `exposure is ${row.exposure}`, 'an exposure above 0', 'exposure is the denominator of the rate, e.g. the number of requests');
  }
  if (row.ci_low !== undefined && row.ci_high !== undefined && row.ci_low > row.ci_high) {
    bad('metrics/ci-order', 'ci_low', `ci_low (${row.ci_low}) is above ci_high (${row.ci_high})`, 'ci_low ≤ ci_high', 'the columns may be swapped');
  } else if (row.estimate !== undefined && row.ci_low !== undefined && row.ci_high !== undefined && (row.estimate < row.ci_low || row.estimate > row.ci_high)) {
    bad('metrics/ci-order', 'estimate', `estimate (${row.estimate}) lies outside its interval [${row.ci_low}, ${row.ci_high}]`, 'ci_low ≤ estimate ≤ ci_high', 'the interval may belong to another row or another scale (% vs fraction)');
  }
  const pairs = row.value_counts;
  if (pairs !== undefined) {
    if (!Array.isArray(pairs) || !pairs.some((p) => Array.isArray(p) && p[1] > 0)) {
      bad('metrics/no-values', 'value_counts', 'there are no raw values', 'at least one raw value', 'a quantile needs the raw values of the arm');
    } else {
      const i = pairs.findIndex((p) => !Array.isArray(p) || typeof p[0] !== 'number' || !Number.isFinite(p[0]));
      const j = pairs.findIndex((p) => Array.isArray(p) && !(Number.isInteger(p[1]) && p[1] >= 0));
      if (i >= 0) bad('metrics/not-a-number', `value_counts[${i}]`, `value ${i + 1} is ${String(Array.isArray(pairs[i]) ? pairs[i][0] : pairs[i])}`, 'finite numbers', 'drop or impute missing values before the pull');
      else if (j >= 0) bad('metrics/not-a-number', `value_counts[${j}]`, `the count of value ${pairs[j][0]} is ${String(pairs[j][1])}`, 'a whole number ≥ 0', 'the weight column counts the units that share a value');
    }
  }
  return out;
}
