// A sample of raw values held as its distinct values and how many units share each, never one number per
// unit: a metric over millions of requests arrives as a few thousand (value, count) pairs and stays that size.
// Order statistics are read by rank through the cumulative counts, so every quantile (R type 7) and every
// bootstrap draw is the number the expanded list of values would give.
import { mergeValueCounts, type ValueCounts } from '../model/rows.js';
import { invalid } from './estimate.js';

export interface Sample {
  /** Distinct values, ascending. */
  readonly values: Float64Array;
  /** ends[i]: how many units have a value ≤ values[i] (cumulative counts); the last is n. */
  readonly ends: Float64Array;
  /** Number of units. */
  readonly n: number;
}

/** A Sample from (value, count) pairs in any order; values must be finite, counts whole numbers ≥ 0. */
export function sampleOf(pairs: readonly (readonly [number, number])[], name = 'values'): Sample {
  let sorted = true;
  pairs.forEach(([v, c], i) => {
    if (!Number.isFinite(v)) throw invalid(`${name}[${i}] is not a finite number (${v})`);
    if (!Number.isInteger(c) || c < 0) throw invalid(`${name}[${i}] has count ${c}, expected a whole number ≥ 0`);
    if (i > 0 && pairs[i - 1][0] > v) sorted = false;
  });
  // pairs from the lock arrive sorted: read straight into the arrays, equal values merged, zero counts dropped
  const src = sorted ? pairs : mergeValueCounts(pairs);
  const values = new Float64Array(src.length);
  const ends = new Float64Array(src.length);
  let k = 0;
  let n = 0;
  for (const [v, c] of src) {
    if (c === 0) continue;
    n += c;
    if (k > 0 && values[k - 1] === v) ends[k - 1] = n;
    else {
      values[k] = v;
      ends[k++] = n;
    }
  }
  return { values: values.subarray(0, k), ends: ends.subarray(0, k), n };
}

/** A Sample of raw values, one unit each (tests, benchmarks, generated data). */
export function sampleOfValues(raw: ArrayLike<number>, name = 'values'): Sample {
  const sorted = Float64Array.from(raw);
  sorted.forEach((v, i) => {
    if (!Number.isFinite(v)) throw invalid(`${name}[${i}] is not a finite number (${v})`);
  });
  sorted.sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) k++;
  const values = new Float64Array(k);
  const ends = new Float64Array(k);
  k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i];
    ends[k] = i + 1;
  }
  return { values, ends, n: sorted.length };
}

/** The (value, count) pairs of a list of raw values, one unit each. */
export function countValues(raw: ArrayLike<number>): ValueCounts {
  const s = sampleOfValues(raw);
  return Array.from(s.values, (v, i) => [v, s.ends[i] - (i > 0 ? s.ends[i - 1] : 0)]);
}

/** The value of the unit at 0-based rank r in ascending order (r in [0, n − 1]). */
export function valueAtRank(s: Sample, r: number): number {
  const { ends, values } = s;
  // the first distinct value whose cumulative count passes r
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return values[lo];
}

/** Type 7 quantile (R's default) over the units: h = (n − 1)·p, x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). */
export function sampleQuantile(s: Sample, p: number): number {
  if (s.n === 0) throw invalid('a quantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw invalid(`quantile level must be in [0, 1], got ${p}`);
  const h = (s.n - 1) * p;
  const k = Math.floor(h);
  const g = h - k;
  const lo = valueAtRank(s, k);
  return g === 0 ? lo : lo + g * (valueAtRank(s, k + 1) - lo);
}
