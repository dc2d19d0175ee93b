// SRM, multiple comparisons, design effect and pilot power. References: R 4.x (Debian r-base-core), calls per case.
import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from '../../src/stats/srm.js';
import { holm, benjaminiHochberg } from '../../src/stats/multiplicity.js';
import { designEffect, widen } from '../../src/stats/designEffect.js';
import { sampleSize, minimumDetectableEffect, powerTwoProportions } from '../../src/stats/power.js';
import { GonogoError } from '../../src/diagnostics.js';

const close = (actual: number, expected: number, digits = 8) => expect(actual).toBeCloseTo(expected, digits);

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
  it('pooled formula, p0 = 0.20, δ = 0.05, power 0.8, α 0.05 → 1,004.66 per arm — R: (qnorm(.975)+qnorm(.8))^2*2*.2*.8/.05^2', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05 });
    close(r.perArm, 1004.656606, 5);
    expect(r.perArmCeil).toBe(1005);
  });
  it('power.prop.test method — R: power.prop.test(p1 = .2, p2 = .25, power = .8)$n = 1093.739', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05, method: 'power-prop-test' });
    // R's uniroot stops at tol ≈ 1.2e-4; the closed form is exact, so compare to 6 significant digits.
    expect(r.perArm).toBeCloseTo(1093.73904583, 3);
    expect(r.perArmCeil).toBe(1094);
    // R: power.prop.test(p1 = .2, p2 = .23, power = .8)$n
    expect(sampleSize({ p0: 0.2, mde: 0.03, power: 0.8, alpha: 0.05, method: 'power-prop-test' }).perArm).toBeCloseTo(2942.58673721, 2);
  });
  it('inflates by the design effect (1.58 for m = 30, ICC = 0.02)', () => {
    const r = sampleSize({ p0: 0.2, mde: 0.05, power: 0.8, alpha: 0.05, designEffect: designEffect(30, 0.02) });
    close(r.perArm, 1004.656606 * 1.58, 4);
    close(r.perArmUnclustered, 1004.656606, 5);
  });
  it('power — R: power.prop.test(n = 1000, p1 = .2, p2 = .25)$power = 0.763844', () => {
    close(powerTwoProportions(1000, 0.2, 0.25, 0.05), 0.763844185836, 9);
  });
  it('MDE is the inverse of the sample size', () => {
    const pooled = minimumDetectableEffect({ p0: 0.2, n: 1004.656606, power: 0.8, alpha: 0.05 });
    close(pooled.mde, 0.05, 8);
    // n = 1400 per arm: (qnorm(.975) + qnorm(.8)) * sqrt(2*.2*.8/1400) = 0.042355
    close(minimumDetectableEffect({ p0: 0.2, n: 1400, power: 0.8, alpha: 0.05 }).mde, 2.80158521 * Math.sqrt(0.32 / 1400), 6);
  });
  it('MDE, power.prop.test method — R: power.prop.test(n = 1400, p1 = .2, power = .8)$p2 = 0.2439875', () => {
    const r = minimumDetectableEffect({ p0: 0.2, n: 1400, power: 0.8, alpha: 0.05, method: 'power-prop-test' });
    expect(0.2 + r.mde).toBeCloseTo(0.243987510909, 5);
  });
  it('rejects impossible inputs', () => {
    expect(() => sampleSize({ p0: 0.2, mde: 0.9, power: 0.8, alpha: 0.05 })).toThrow(GonogoError);
    expect(() => sampleSize({ p0: 1.2, mde: 0.05, power: 0.8, alpha: 0.05 })).toThrow(GonogoError);
  });
});
