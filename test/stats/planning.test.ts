// SRM, multiple comparisons, design effect and pilot power. References: R 4.x (Debian r-base-core), calls per case.
import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from '../../src/stats/srm.js';
import { holm, benjaminiHochberg } from '../../src/stats/multiplicity.js';
import { designEffect, widen } from '../../src/stats/designEffect.js';
import { sampleSize, minimumDetectableEffect, powerTwoProportions } from '../../src/stats/power.js';
import { GonogoError } from '../../src/diagnostics.js';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

const close = (actual: number, expected: number, digits = 8) => expect(actual).toBeCloseTo(expected, digits);

/**
 * p2 solving R's power.prop.test equation (strict = FALSE) for n per group, written out here from R's source
 * (src/library/stats/R/power.R) with @stdlib's normal functions, so the check does not reuse src/stats:
 * power = pnorm((√n·|p1 − p2| − qnorm(1 − α/2)·√((p1 + p2)(q1 + q2)/2)) / √(p1q1 + p2q2)).
 */
function independentPowerPropTestP2(n: number, p1: number, power: number, alpha: number): number {
  const f = (p2: number) =>
    normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - normalQuantile(1 - alpha / 2, 0, 1) * Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2)) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)), 0, 1) - power;
  let [lo, hi] = [p1, 1 - 1e-12];
  while (hi - lo > 1e-15) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('sample-ratio mismatch', () => {
  it('5000 vs 5200 at 50/50 — R: chisq.test(c(5000, 5200), p = c(.5, .5)): X² 3.92157, p 0.0476704', () => {
    const r = sampleRatioMismatch(5000, 5200);
    close(r.chiSquare, 3.92156862745, 9);
    close(r.p, 0.0476703806562, 10);
    expect(r.mismatch).toBe(false);
    expect(r.counts).toEqual({ control: 5000, treatment: 5200 });
  });
  it('9100 vs 900 at a planned 10% treatment — R: chisq.test(c(9100, 900), p = c(.9, .1)): p 0.000858', () => {
    const r = sampleRatioMismatch(9100, 900, 0.1);
    close(r.chiSquare, 11.1111111111, 8);
    close(r.p, 0.000858120666394, 12);
    expect(r.mismatch).toBe(true);
  });
  it('rejects an empty assignment', () => expect(() => sampleRatioMismatch(0, 0)).toThrow(GonogoError));
});

describe('multiple comparisons', () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.2, Number.NaN, 0.04];
  it("Holm — R: p.adjust(c(.01,.04,.03,.005,.2,NA,.04), 'holm')", () => {
    const r = holm(p);
    [0.05, 0.12, 0.12, 0.03, 0.2, NaN, 0.12].forEach((v, i) => (Number.isNaN(v) ? expect(r[i]).toBeNaN() : close(r[i], v, 12)));
  });
  it("Benjamini–Hochberg — R: p.adjust(c(.01,.04,.03,.005,.2,NA,.04), 'BH')", () => {
    const r = benjaminiHochberg(p);
    [0.03, 0.048, 0.048, 0.03, 0.2, NaN, 0.048].forEach((v, i) => (Number.isNaN(v) ? expect(r[i]).toBeNaN() : close(r[i], v, 12)));
  });
  it('an empty family stays empty', () => expect(holm([])).toEqual([]));
});

describe('design effect', () => {
  it('m = 30, ICC = 0.02 → 1.58 (seed: "inflate by ~1.58×")', () => close(designEffect(30, 0.02), 1.58, 12));
  it('is 1 without a cluster design, and widens intervals by sqrt(deff)', () => {
    expect(designEffect()).toBe(1);
    const w = widen({ estimate: 1, lo: 0, hi: 3 }, 4);
    expect(w).toEqual({ estimate: 1, lo: -1, hi: 5 });
  });
});

describe('pilot power for two proportions', () => {
  it('baseline-variance formula, p0 = 0.20, δ = 0.05, power 0.8, α 0.05 → 1,004.66 per arm — R: (qnorm(.975)+qnorm(.8))^2*2*.2*.8/.05^2', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05, method: 'baseline-variance' });
    close(r.perArm, 1004.656606, 5);
    expect(r.perArmCeil).toBe(1005);
  });
  it('power.prop.test, the default — R: power.prop.test(p1 = .2, p2 = .25, power = .8)$n = 1093.739', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05 });
    expect(r.method).toMatch(/power\.prop\.test/);
    // R's uniroot stops at tol ≈ 1.2e-4; the closed form is exact, so compare to 6 significant digits.
    expect(r.perArm).toBeCloseTo(1093.73904583, 3);
    expect(r.perArmCeil).toBe(1094);
    // R: power.prop.test(p1 = .2, p2 = .23, power = .8)$n
    expect(sampleSize({ p0: 0.2, mde: 0.03, power: 0.8, alpha: 0.05, method: 'power-prop-test' }).perArm).toBeCloseTo(2942.58673721, 2);
  });
  it('inflates by the design effect (1.58 for m = 30, ICC = 0.02)', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05, designEffect: designEffect(30, 0.02) });
    close(r.perArm, 1093.73904583 * 1.58, 3);
    close(r.perArmUnclustered, 1093.73904583, 4);
  });
  it('power — R: power.prop.test(n = 1000, p1 = .2, p2 = .25)$power = 0.763844', () => {
    close(powerTwoProportions(1000, 0.2, 0.25, 0.05), 0.763844185836, 9);
  });
  it('MDE is the inverse of the sample size', () => {
    close(minimumDetectableEffect({ p0: 0.2, n: 1093.73904583, power: 0.8, alpha: 0.05 }).mde, 0.05, 8);
    const shortcut = minimumDetectableEffect({ p0: 0.2, n: 1004.656606, power: 0.8, alpha: 0.05, method: 'baseline-variance' });
    close(shortcut.mde, 0.05, 8);
    // n = 1400 per arm: (qnorm(.975) + qnorm(.8)) * sqrt(2*.2*.8/1400) = 0.042356
    close(minimumDetectableEffect({ p0: 0.2, n: 1400, power: 0.8, alpha: 0.05, method: 'baseline-variance' }).mde, 2.80158521 * Math.sqrt(0.32 / 1400), 6);
  });
  it("MDE by default — R's stats::power.prop.test(n = 1400, p1 = .2, power = .8)$p2 = 0.2439875, i.e. +0.043988", () => {
    const r = minimumDetectableEffect({ p0: 0.2, n: 1400, power: 0.8, alpha: 0.05 });
    // R's uniroot stops at tol = .Machine$double.eps^0.25, so R agrees to about 1e-6 …
    expect(0.2 + r.mde).toBeCloseTo(0.243987510909, 5);
    expect(r.mde.toFixed(6)).toBe('0.043988');
    // … and the exact root of its equation, solved here independently, to 1e-12.
    close(r.mde, independentPowerPropTestP2(1400, 0.2, 0.8, 0.05) - 0.2, 12);
  });
  it('MDE with a design effect is the MDE at the effective n = n/deff, not the unclustered MDE × √deff', () => {
    const deff = designEffect(30, 0.02);
    for (const n of [300, 1400, 5000]) {
      const clustered = minimumDetectableEffect({ p0: 0.2, n, power: 0.8, alpha: 0.05, designEffect: deff }).mde;
      close(clustered, independentPowerPropTestP2(n / deff, 0.2, 0.8, 0.05) - 0.2, 12);
      const scaled = minimumDetectableEffect({ p0: 0.2, n, power: 0.8, alpha: 0.05 }).mde * Math.sqrt(deff);
      expect(Math.abs(clustered - scaled) / clustered).toBeGreaterThan(0.005); // the two differ by 1–2% at p0 = 0.2
    }
  });
  it('rejects impossible inputs', () => {
    expect(() => sampleSize({ p0: 0.2, mde: 0.9, power: 0.8, alpha: 0.05 })).toThrow(GonogoError);
    expect(() => sampleSize({ p0: 1.2, mde: 0.05, power: 0.8, alpha: 0.05 })).toThrow(GonogoError);
  });
});
