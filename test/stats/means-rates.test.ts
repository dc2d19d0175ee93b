// Reference values: R 4.x (Debian r-base-core) and Python statsmodels 0.13.5 / scipy 1.10 (Debian).
import { describe, expect, it } from 'vitest';
import { welchDiff, summaryFromSums, meanInterval, type MeanSummary } from '../../src/stats/means.js';
import { garwoodRate, rateDifference, rateRatio } from '../../src/stats/rates.js';
import { GonogoError } from '../../src/diagnostics.js';

const close = (actual: number, expected: number, digits = 8) => expect(actual).toBeCloseTo(expected, digits);

const x1 = [12.1, 14.3, 9.8, 11.5, 13.9, 15.2, 10.4, 12.8, 16.1, 11.0, 13.3, 12.6];
const x0 = [10.2, 11.8, 9.1, 10.9, 12.4, 8.7, 11.1, 10.5, 9.9, 12.0];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
function summary(xs: number[]): MeanSummary {
  const mean = sum(xs) / xs.length;
  return { n: xs.length, mean, sd: Math.sqrt(sum(xs.map((x) => (x - mean) ** 2)) / (xs.length - 1)) };
}

describe('Welch interval', () => {
  // R: t.test(x1, x0, conf.level = 0.9) → conf.int 0.920880290326 3.25911970967, df 18.8566550688, p 0.00603575847757
  it('from n, mean, sd matches R t.test on the raw data', () => {
    const r = welchDiff(summary(x1), summary(x0), 0.9);
    close(r.estimate, 2.09);
    close(r.lo, 0.920880290326);
    close(r.hi, 3.25911970967);
    close(r.df, 18.8566550688, 6);
    close(r.p!, 0.00603575847757, 10);
  });
  it('from n, sum, sum of squares gives the same', () => {
    const s1 = summaryFromSums(x1.length, sum(x1), sum(x1.map((x) => x * x)));
    const s0 = summaryFromSums(x0.length, sum(x0), sum(x0.map((x) => x * x)));
    const r = welchDiff(s1, s0, 0.9);
    close(r.lo, 0.920880290326);
    close(r.hi, 3.25911970967);
  });
  it('a variance factor (design effect) widens the half-width by its square root at large df', () => {
    const big = { n: 100000, mean: 10, sd: 2 };
    const base = welchDiff({ ...big, mean: 10.1 }, big, 0.9);
    const wide = welchDiff({ ...big, mean: 10.1 }, big, 0.9, 1.58);
    close((wide.hi - wide.estimate) / (base.hi - base.estimate), Math.sqrt(1.58), 6);
  });
  it('one-arm t interval — R: t.test(x1, conf.level = 0.95)$conf.int', () => {
    const r = meanInterval(summary(x1), 0.95);
    close(r.estimate, sum(x1) / 12);
    close(r.lo, 11.5300962171, 9);
    close(r.hi, 13.9699037829, 9);
  });
  it('rejects sum_sq below sum²/n and n < 2', () => {
    expect(() => summaryFromSums(10, 100, 500)).toThrow(GonogoError);
    expect(() => welchDiff({ n: 1, mean: 1, sd: 1 }, summary(x0), 0.9)).toThrow(GonogoError);
  });
});

describe('Poisson rates', () => {
  it('exact Garwood interval — R: poisson.test(7, 250)$conf.int', () => {
    const r = garwoodRate(7, 250, 0.95);
    close(r.lo, 0.0112574522061, 11);
    close(r.hi, 0.0576907014468, 11);
  });
  it('zero events: lo = 0 — R: poisson.test(0, 100, conf.level = 0.9)$conf.int', () => {
    const r = garwoodRate(0, 100, 0.9);
    expect(r.lo).toBe(0);
    close(r.hi, 0.0299573227355, 11);
  });
  it('per 100 scales the rate and its interval — R: poisson.test(132, 1500, conf.level = 0.9)$conf.int × 100', () => {
    const r = garwoodRate(132, 1500, 0.9, 100);
    close(r.estimate, 8.8);
    close(r.lo, 7.57916137999, 9);
    close(r.hi, 10.168043671, 8);
  });
  it('rate ratio, exact conditional — R: poisson.test(c(132, 118), c(1500, 1520), conf.level = 0.9)$conf.int', () => {
    const r = rateRatio(132, 1500, 118, 1520, 0.9);
    close(r.lo, 0.9132506056, 9);
    close(r.hi, 1.40786618684, 9);
  });
  it('rate difference, Wald — statsmodels test_poisson_2indep(132,1500,118,1520, method="wald"): z 0.98976, p 0.32229', () => {
    const r = rateDifference(132, 1500, 118, 1520, 0.9, 100);
    close(r.estimate, 1.036842105263157);
    close(r.p!, 0.322291325799696, 9);
    // CI rebuilt from statsmodels' z: d ± qnorm(0.95)·d/z
    close(r.lo, -0.6862555080713345, 8);
    close(r.hi, 2.759939718597648, 8);
  });
  it('rejects negative events and zero exposure', () => {
    expect(() => garwoodRate(-1, 10, 0.9)).toThrow(GonogoError);
    expect(() => garwoodRate(1, 0, 0.9)).toThrow(GonogoError);
  });
});
