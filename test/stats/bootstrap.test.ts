// Quantiles (R type 7) and the order-statistic bootstrap. References: R 4.x quantile() and pbinom().
import { describe, expect, it } from 'vitest';
import { quantile, median, quantileSorted, sortedCopy } from '../../src/stats/quantiles.js';
import { bootstrapQuantileDiff, bootstrapQuantileDraws } from '../../src/stats/bootstrap.js';
import { sampleOf, sampleOfValues, sampleQuantile, valueAtRank } from '../../src/stats/sample.js';
import { poolValueCounts } from '../../src/model/rows.js';
import { GonogoError } from '../../src/diagnostics.js';

/** Test data only: a small LCG so the data are fixed (the bootstrap has its own seeded PRNG). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}
const exponential = (n: number, mean: number, seed: number): number[] => {
  const u = uniforms(seed);
  return Array.from({ length: n }, () => -mean * Math.log(u()));
};

describe('type 7 quantiles', () => {
  it('R: quantile(c(3,1,4,1,5,9,2,6,5,3,5), c(.5, .9, .25), type = 7) → 4, 6, 2.5', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(median(xs)).toBe(4);
    expect(quantile(xs, 0.9)).toBeCloseTo(6, 12);
    expect(quantile(xs, 0.25)).toBeCloseTo(2.5, 12);
    expect(xs).toEqual([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]); // the caller's array is not sorted in place
  });
  it('rejects NaN and empty input', () => {
    expect(() => sortedCopy([1, Number.NaN])).toThrow(GonogoError);
    expect(() => quantileSorted([], 0.5)).toThrow(GonogoError);
  });
});

describe('samples as (value, count) pairs', () => {
  it('R: quantile(rep(c(1, 2, 3, 4, 10), c(2, 1, 3, 1, 1)), c(.5, .9), type = 7) → 3, 5.8', () => {
    const s = sampleOf([[10, 1], [3, 3], [1, 2], [4, 1], [2, 1]]);
    expect(s.n).toBe(8);
    expect(sampleQuantile(s, 0.5)).toBe(3);
    expect(sampleQuantile(s, 0.9)).toBeCloseTo(5.8, 12);
  });

  it('reads every rank and every quantile as the expanded, sorted list of units would', () => {
    const u = uniforms(17);
    for (let trial = 0; trial < 50; trial++) {
      const pairs = Array.from({ length: 1 + Math.floor(u() * 30) }, () => [Math.round(u() * 50) / 2, Math.floor(u() * 4)] as [number, number]);
      const units = pairs.flatMap(([v, c]) => Array<number>(c).fill(v)).sort((a, b) => a - b);
      if (units.length === 0) continue;
      const s = sampleOf(pairs);
      expect(s.n).toBe(units.length);
      for (let r = 0; r < units.length; r++) expect(valueAtRank(s, r)).toBe(units[r]);
      for (const p of [0, 0.1, 0.5, 0.9, 0.95, 1]) expect(sampleQuantile(s, p)).toBe(quantileSorted(units, p));
    }
  });

  it('the bootstrap of pairs is the bootstrap of the units: same seed, same draws', () => {
    const u = uniforms(23);
    const units = Array.from({ length: 3000 }, () => Math.round(-30 * Math.log(u())));
    const counted = new Map<number, number>();
    for (const v of units) counted.set(v, (counted.get(v) ?? 0) + 1);
    const pairs = [...counted];
    expect(pairs.length).toBeLessThan(400);
    expect(bootstrapQuantileDraws(sampleOf(pairs), 0.9, 500, 5)).toEqual(bootstrapQuantileDraws(sampleOfValues(units), 0.9, 500, 5));
  });

  it('pools two lists of pairs as the units of both, in order', () => {
    expect(poolValueCounts([[1, 2], [3, 1], [5, 1]], [[0, 1], [3, 2], [6, 0], [7, 1]])).toEqual([[0, 1], [1, 2], [3, 3], [5, 1], [7, 1]]);
    expect(poolValueCounts([[3, 1], [1, 1]], [[2, 1]])).toEqual([[1, 1], [2, 1], [3, 1]]);
  });

  it('rejects non-finite values and counts that are not whole numbers', () => {
    expect(() => sampleOf([[Number.NaN, 1]])).toThrow(GonogoError);
    expect(() => sampleOf([[1, 0.5]])).toThrow(GonogoError);
    expect(() => sampleOf([[1, -1]])).toThrow(GonogoError);
  });
});

describe('order-statistic bootstrap', () => {
  it('draws the exact bootstrap distribution of a median — R: 1 - pbinom(10, 21, j/21)', () => {
    // P(median* ≤ x₍ⱼ₎) for n = 21 distinct values (Efron 1982, exact bootstrap of the median).
    const exact = [
      6.44862607757e-10, 8.296750581e-7, 4.41621011809e-5, 0.000629320836699, 0.00430569026696, 0.0183301935238,
      0.0557229722255, 0.131279636875, 0.252730479775, 0.412563314285, 0.587436685715, 0.747269520225, 0.868720363125,
      0.944277027774, 0.981669806476, 0.995694309733, 0.999370679163, 0.999955837899, 0.999999170325, 0.999999999355, 1,
    ];
    const sorted = Float64Array.from({ length: 21 }, (_, i) => i + 1);
    const draws = bootstrapQuantileDraws(sampleOfValues(sorted), 0.5, 20000, 11);
    let worst = 0;
    for (let j = 1; j <= 21; j++) {
      const ecdf = draws.filter((d) => d <= j).length / draws.length;
      worst = Math.max(worst, Math.abs(ecdf - exact[j - 1]));
    }
    expect(worst).toBeLessThan(0.015); // Kolmogorov 99% bound for 20,000 draws is ≈ 0.0115
  });

  it('matches naive resampling for an interpolated quantile (P90 of 20 values)', () => {
    const u = uniforms(5);
    const data = Array.from({ length: 20 }, () => Math.round(u() * 1000) / 10);
    const sorted = sortedCopy(data);
    const fast = bootstrapQuantileDraws(sampleOfValues(sorted), 0.9, 20000, 3);
    const pick = uniforms(99);
    const naive = Array.from({ length: 20000 }, () =>
      quantile(Array.from({ length: 20 }, () => data[Math.floor(pick() * 20)]), 0.9),
    );
    const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: ArrayLike<number>) => {
      const m = mean(xs);
      return Math.sqrt(mean(Array.from(xs, (x) => (x - m) ** 2)));
    };
    expect(Math.abs(mean(fast) - mean(naive))).toBeLessThan(4 * sd(naive) / Math.sqrt(10000));
    expect(sd(fast) / sd(naive)).toBeGreaterThan(0.95);
    expect(sd(fast) / sd(naive)).toBeLessThan(1.05);
  });

  it('is deterministic: same seed, same interval; another seed, another interval', () => {
    const t = sampleOfValues(exponential(500, 27, 1));
    const c = sampleOfValues(exponential(500, 30, 2));
    const a = bootstrapQuantileDiff(t, c, 0.5, { confidence: 0.9, seed: 42 });
    const b = bootstrapQuantileDiff(t, c, 0.5, { confidence: 0.9, seed: 42 });
    const other = bootstrapQuantileDiff(t, c, 0.5, { confidence: 0.9, seed: 43 });
    expect(b).toEqual(a);
    expect(other.difference.lo).not.toBe(a.difference.lo);
    expect(a.difference.method).toMatch(/2000 resamples, seed 42/);
  });

  it('contains the true median difference for a large sample', () => {
    // Exponential medians are mean·ln 2: true difference (27 − 30)·ln 2 ≈ −2.079, relative 27/30 − 1 = −0.1.
    const r = bootstrapQuantileDiff(sampleOfValues(exponential(20000, 27, 3)), sampleOfValues(exponential(20000, 30, 4)), 0.5, { confidence: 0.9 });
    expect(r.difference.lo).toBeLessThan(-3 * Math.LN2);
    expect(r.difference.hi).toBeGreaterThan(-3 * Math.LN2);
    expect(r.relative!.lo).toBeLessThan(-0.1);
    expect(r.relative!.hi).toBeGreaterThan(-0.1);
    expect(r.difference.hi - r.difference.lo).toBeLessThan(1.5);
  });

  it('covers about 90% of the time at n = 200 per arm (300 simulated pilots)', () => {
    let covered = 0;
    const trials = 300;
    for (let i = 0; i < trials; i++) {
      const r = bootstrapQuantileDiff(sampleOfValues(exponential(200, 27, 1000 + i)), sampleOfValues(exponential(200, 30, 5000 + i)), 0.5, {
        confidence: 0.9,
        resamples: 500,
        seed: 1 + i,
      });
      if (r.difference.lo <= -3 * Math.LN2 && -3 * Math.LN2 <= r.difference.hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.84);
    expect(covered / trials).toBeLessThan(0.96);
  });

  it('gives no relative interval when a resampled control quantile is ≤ 0', () => {
    const r = bootstrapQuantileDiff(sampleOfValues([1, 2, 3]), sampleOfValues([0, 0, 1]), 0.5, { confidence: 0.9, resamples: 200 });
    expect(r.relative).toBeNull();
    expect(r.difference.estimate).toBe(2);
  });
});
