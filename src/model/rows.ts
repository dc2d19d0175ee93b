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
  /** Raw values (quantiles), sorted or not. */
  values?: number[];
}

/** 'category=Plumbing' → 'Plumbing'; the overall read stays 'all'. */
export function segmentValue(segment: string): string {
  const at = segment.indexOf('=');
  return at < 0 ? segment : segment.slice(at + 1);
}
