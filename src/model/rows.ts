// Metric rows and segments: the words every stage uses for the data, from the pull to the diff.
// model/ imports nothing: any stage may import it without making a cycle.

/** The overall read of a metric has segment 'all'; a segment read is 'dimension=value', e.g. 'category=Plumbing'. */
export const OVERALL = 'all';

/** The arm of units whose assignment is unknown: kept out of the reads, used for the missing-data bounds. */
export const UNASSIGNED = 'unassigned';

/** One row of metrics data. Which fields are present decides how the analyze stage reads it. */
export interface MetricRow {
  metric: string;
  /** control | treatment for arm rows; abs_change | rel_change for precomputed differences. */
  arm: string;
  segment: string;
  // precomputed
  estimate?: number;
  ci_low?: number;
  ci_high?: number;
  n?: number;
  unit?: string;
  // raw aggregates
  successes?: number; // proportions
  mean?: number; // means
  sd?: number;
  sum?: number;
  sum_sq?: number;
  events?: number; // rates
  exposure?: number;
  numerator?: number; // ratios (sum of numerator, sum of denominator, per unit)
  denominator?: number;
  /**
   * Raw values (quantiles) as ascending distinct values with how many units share each: [[12.5, 3], [13, 1], …].
   * Memory grows with distinct values, never with units (the SQL returns arm, segment, value, weight).
   */
  value_counts?: ValueCounts;
}

/** Raw values as ascending distinct values with how many units share each. */
export type ValueCounts = [number, number][];

/** (value, count) pairs in any order → sorted by value, equal values merged, zero counts dropped. */
export function mergeValueCounts(pairs: Iterable<readonly [number, number]>): ValueCounts {
  const all = [...pairs];
  if (!all.every((p, i) => i === 0 || all[i - 1][0] <= p[0])) all.sort((a, b) => a[0] - b[0]);
  const out: ValueCounts = [];
  for (const [v, c] of all) {
    if (c === 0) continue;
    const last = out[out.length - 1];
    if (last && last[0] === v) last[1] += c;
    else out.push([v, c]);
  }
  return out;
}

/** Two lists of sorted pairs pooled into one (a linear merge; lists out of order are sorted first). */
export function poolValueCounts(a: ValueCounts, b: ValueCounts): ValueCounts {
  const isSorted = (x: ValueCounts) => x.every((p, i) => i === 0 || x[i - 1][0] <= p[0]);
  if (!isSorted(a) || !isSorted(b)) return mergeValueCounts([...a, ...b]);
  const out: ValueCounts = [];
  const push = ([v, c]: readonly [number, number]) => {
    if (c === 0) return;
    const last = out[out.length - 1];
    if (last && last[0] === v) last[1] += c;
    else out.push([v, c]);
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) push(j >= b.length || (i < a.length && a[i][0] <= b[j][0]) ? a[i++] : b[j++]);
  return out;
}

/** How many units the pairs count. */
export const unitCount = (pairs: ValueCounts): number => pairs.reduce((n, [, c]) => n + c, 0);

/** 'category=Plumbing' → 'Plumbing'; the overall read stays 'all'. */
export function segmentValue(segment: string): string {
  const at = segment.indexOf('=');
  return at < 0 ? segment : segment.slice(at + 1);
}
