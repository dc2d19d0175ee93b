// One entry per metric kind: which columns of the arm rows it is computed from, which reader computes it,
// the scale its change is read on by default, and how its numbers are written. Every stage asks this
// table instead of switching on the kind, so a new kind is one entry (and a type error until it has one).

export type Scale = 'relative' | 'absolute';

export interface MetricKindEntry {
  /** Column sets of an arm row it is computed from; either set suffices (mean: n, mean, sd or n, sum, sum_sq). */
  columns: readonly (readonly string[])[];
  /** The reader in stats/readByKind that turns a pair of arm rows into a read. */
  reader: 'proportion' | 'mean' | 'rate' | 'quantile' | 'ratio';
  /** The scale a change is read on when no rule names one: a proportion in points, the rest relative. */
  defaultScale: Scale;
  /** A share: values read as 12.1%, absolute changes and bars as pp. Otherwise the metric's own unit. */
  share: boolean;
  /** Read from raw values per unit, so its distribution can be drawn. */
  rawValues: boolean;
}

export const METRIC_KINDS = {
  proportion: { columns: [['successes', 'n']], reader: 'proportion', defaultScale: 'absolute', share: true, rawValues: false },
  mean: { columns: [['n', 'mean', 'sd'], ['n', 'sum', 'sum_sq']], reader: 'mean', defaultScale: 'relative', share: false, rawValues: false },
  median: { columns: [['value_counts']], reader: 'quantile', defaultScale: 'relative', share: false, rawValues: true },
  quantile: { columns: [['value_counts']], reader: 'quantile', defaultScale: 'relative', share: false, rawValues: true },
  rate: { columns: [['events', 'exposure']], reader: 'rate', defaultScale: 'relative', share: false, rawValues: false },
  ratio: { columns: [['numerator', 'denominator']], reader: 'ratio', defaultScale: 'relative', share: false, rawValues: false },
} as const satisfies Record<string, MetricKindEntry>;

export type MetricKind = keyof typeof METRIC_KINDS;

export const METRIC_KIND_NAMES = Object.keys(METRIC_KINDS) as [MetricKind, ...MetricKind[]];

export function kindOf(kind: MetricKind): MetricKindEntry {
  return METRIC_KINDS[kind];
}
