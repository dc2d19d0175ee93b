// Sample quantiles by R's type 7 (R's default, numpy's 'linear', DuckDB's quantile_cont):
// with sorted x[0..n−1], h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
import { invalid } from './estimate.js';

/** A sorted copy as a Float64Array; the caller's array is never sorted in place. Skips the sort when already sorted. */
export function sortedCopy(values: ArrayLike<number>, name = 'values'): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  let sorted = true;
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw invalid(`${name}[${i}] is not a finite number (${out[i]})`);
    if (i > 0 && out[i] < out[i - 1]) sorted = false;
  }
  if (!sorted) out.sort();
  return out;
}

/** Type 7 quantile of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw invalid('a quantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw invalid(`quantile level must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const g = h - k;
  return g === 0 ? sorted[k] : sorted[k] + g * (sorted[k + 1] - sorted[k]);
}

/** Type 7 quantile of unsorted values (copies and sorts). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

export const median = (values: ArrayLike<number>): number => quantile(values, 0.5);

/** The level a median or quantile metric reads: 0.5 for a median, its `quantile:` otherwise. */
export function quantileLevel(m: { kind: string; quantile?: number }): number {
  return m.kind === 'median' ? 0.5 : m.quantile!;
}
