// Reference values: R 4.x (Debian r-base-core) and Python statsmodels 0.13.5 (Debian), calls given per case.
import { describe, expect, it } from 'vitest';
import { wilson, waldProportion, proportion } from '../../src/stats/proportions.js';
import { newcombeDiff, waldDiff, twoProportionZTest, diffProportions } from '../../src/stats/diffProportions.js';
import { GonogoError } from '../../src/diagnostics.js';

const close = (actual: number, expected: number, digits = 6) => expect(actual).toBeCloseTo(expected, digits);

describe('Wilson score interval', () => {
  it('45/300 at 95% — R: prop.test(45, 300, correct = FALSE)$conf.int', () => {
    const r = wilson(45, 300, 0.95);
    close(r.estimate, 0.15);
    close(r.lo, 0.114032468712, 9);
    close(r.hi, 0.194817611145, 9);
  });
  it('0/20 at 95% has lo = 0 — R: prop.test(0, 20, correct = FALSE)$conf.int', () => {
    const r = wilson(0, 20, 0.95);
    expect(r.lo).toBe(0);
    close(r.hi, 0.161125158053, 9);
  });
  it('1200/10000 at 90% — R: prop.test(1200, 10000, correct = FALSE, conf.level = 0.9)$conf.int', () => {
    const r = wilson(1200, 10000, 0.9);
    close(r.lo, 0.114757375899, 9);
    close(r.hi, 0.125448189787, 9);
  });
  it('x = n gives hi = 1', () => expect(wilson(20, 20, 0.95).hi).toBe(1));
});

describe('Wald interval for one proportion', () => {
  it("45/300 at 95% — statsmodels: proportion_confint(45, 300, alpha=0.05, method='normal')", () => {
    const r = waldProportion(45, 300, 0.95);
    close(r.lo, 0.10959430734667447, 9);
    close(r.hi, 0.19040569265332552, 9);
  });
  it('proportion() defaults to Wilson and gives Wald only when asked', () => {
    expect(proportion(45, 300, 0.95).method).toMatch(/Wilson/);
    expect(proportion(45, 300, 0.95, 'wald').method).toMatch(/Wald/);
  });
});

describe('Newcombe hybrid score interval (method 10)', () => {
  it('56/70 − 48/80 at 95%: Newcombe (1998) Table II (a) 0.0524 to 0.3339; statsmodels confint_proportions_2indep(56,70,48,80, method="newcomb")', () => {
    const r = newcombeDiff(56, 70, 48, 80, 0.95);
    close(r.estimate, 0.2);
    close(r.lo, 0.05243147240236498, 9);
    close(r.hi, 0.33387265403690614, 9);
    expect(r.lo.toFixed(4)).toBe('0.0524');
    expect(r.hi.toFixed(4)).toBe('0.3339');
  });
  it('5/56 − 0/29 at 95%: Newcombe (1998) Table II −0.0381 to 0.1926 (a zero cell)', () => {
    const r = newcombeDiff(5, 56, 0, 29, 0.95);
    close(r.lo, -0.038137147903536936, 9);
    close(r.hi, 0.19256001385511165, 9);
  });
  // Newcombe (1998) Table II, method 10, examples (b), (c), (e), (f); digits from statsmodels
  // confint_proportions_2indep(x1, n1, x0, n0, method='newcomb', compare='diff', alpha=0.05).
  it.each([
    [9, 10, 3, 10, 0.1705227239345029, 0.809017973535488],
    [6, 7, 2, 7, 0.05822792748231209, 0.8062496375242278],
    [0, 10, 0, 20, -0.1611251580528194, 0.27753279986288926],
    [10, 10, 0, 20, 0.6790860371419145, 1.0],
  ])('%i/%i − %i/%i at 95% → [%f, %f]', (x1, n1, x0, n0, lo, hi) => {
    const r = newcombeDiff(x1, n1, x0, n0, 0.95);
    close(r.lo, lo, 9);
    close(r.hi, hi, 9);
  });
  it('1250/10000 − 1200/10000 at 90% — statsmodels confint_proportions_2indep(..., method="newcomb", alpha=0.10)', () => {
    const r = diffProportions(1250, 10000, 1200, 10000, 0.9);
    close(r.lo, -0.0026278209208655135, 9);
    close(r.hi, 0.012628442496012447, 9);
    close(r.p!, 0.280873540811, 9);
  });
});

describe('Wald difference and the two-proportion z test', () => {
  it('seed example: 12.0% → 12.5%, n = 10,000 per arm: Δ = +0.5 pp, 90% CI ≈ [−0.26 pp, +1.26 pp]', () => {
    const r = waldDiff(1250, 10000, 1200, 10000, 0.9);
    close(r.estimate, 0.005, 12);
    close(r.se!, 0.0046365, 6);
    expect((r.lo * 100).toFixed(2)).toBe('-0.26');
    expect((r.hi * 100).toFixed(2)).toBe('1.26');
    // statsmodels: confint_proportions_2indep(1250,10000,1200,10000, method='wald', compare='diff', alpha=0.10)
    close(r.lo, -0.002626429072928963, 10);
    close(r.hi, 0.012626429072928972, 10);
  });
  it('p-values — R: prop.test(c(56, 48), c(70, 80), correct = FALSE)$p.value', () => {
    close(twoProportionZTest(56, 70, 48, 80), 0.0080450813682, 10);
    expect(twoProportionZTest(0, 10, 0, 10)).toBe(1);
  });
});

describe('bad arguments', () => {
  it.each([
    () => wilson(11, 10, 0.9),
    () => wilson(-1, 10, 0.9),
    () => wilson(1, 0, 0.9),
    () => wilson(1, 10, 1),
    () => wilson(1, 10, 0),
    () => newcombeDiff(1, 10, Number.NaN, 10, 0.9),
  ])('throws a GonogoError (%#)', (f) => {
    expect(f).toThrow(GonogoError);
  });
  it('names the field and the limit', () => expect(() => wilson(11, 10, 0.9)).toThrow(/x \(11\) must not exceed n \(10\)/));
});
