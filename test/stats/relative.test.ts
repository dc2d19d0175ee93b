// Reference values: Python statsmodels 0.13.5 / scipy 1.10 (Debian), calls given per case.
import { describe, expect, it } from 'vitest';
import { deltaLogRatio, fiellerRatio, fiellerG, relativeChange } from '../../src/stats/relative.js';
import { zFor } from '../../src/stats/dist.js';

const close = (actual: number, expected: number, digits = 8) => expect(actual).toBeCloseTo(expected, digits);
const prop = (x: number, n: number) => ({ estimate: x / n, se: Math.sqrt((x / n) * (1 - x / n) / n) });

describe('delta method on the log ratio', () => {
  it("proportions 12.5% vs 12.0% at 90% — statsmodels confint_proportions_2indep(1250,10000,1200,10000, method='log', compare='ratio', alpha=0.10) − 1", () => {
    const r = deltaLogRatio(prop(1250, 10000), prop(1200, 10000), 0.9);
    close(r.estimate, 1250 / 1200 - 1, 12);
    close(r.lo, 0.9787772810129968 - 1, 10);
    close(r.hi, 1.108596884596095 - 1, 10);
  });
  it('means 52.3 (se 1.1) vs 48.9 (se 1.0) at 95% — scipy: exp(log(T/C) ± norm.ppf(.975)·√((sT/T)²+(sC/C)²)) − 1', () => {
    const r = deltaLogRatio({ estimate: 52.3, se: 1.1 }, { estimate: 48.9, se: 1.0 }, 0.95);
    close(r.lo, 0.009770103311761424, 10);
    close(r.hi, 0.13282585165472915, 10);
    close(r.p!, 0.021940520660969662, 10);
  });
});

describe("Fieller's interval", () => {
  // Reference: scipy.optimize.brentq on (T − ρC)² / (sT² + ρ²sC²) = z² either side of T/C (root finding, not the closed form).
  it('control well away from zero: 52.3 (1.1) / 48.9 (1.0) at 95%', () => {
    const r = fiellerRatio({ estimate: 52.3, se: 1.1 }, { estimate: 48.9, se: 1.0 }, 0.95);
    close(r.lo, 0.00968310884345569, 10);
    close(r.hi, 0.13281810610232525, 10);
    expect(r.bounded).toBe(true);
  });
  it('control near zero: 10.5 (1.2) / 2.0 (0.6) at 90% is asymmetric and wide', () => {
    const r = fiellerRatio({ estimate: 10.5, se: 1.2 }, { estimate: 2.0, se: 0.6 }, 0.9);
    close(r.lo, 2.3322471204228976, 8);
    close(r.hi, 9.547442084064196, 8);
  });
  it('each end solves the pivot equation exactly', () => {
    const T = { estimate: 10.5, se: 1.2 };
    const C = { estimate: 2.0, se: 0.6 };
    const r = fiellerRatio(T, C, 0.9);
    for (const rho of [r.lo + 1, r.hi + 1]) {
      close((T.estimate - rho * C.estimate) ** 2 / (T.se ** 2 + rho ** 2 * C.se ** 2), zFor(0.9) ** 2, 8);
    }
  });
  it('is unbounded when the control is within z standard errors of zero', () => {
    const r = fiellerRatio({ estimate: 1, se: 0.2 }, { estimate: 0.5, se: 0.4 }, 0.9);
    expect(r.bounded).toBe(false);
    expect(r.lo).toBe(-Infinity);
    expect(r.hi).toBe(Infinity);
  });
});

describe('relativeChange chooses the method', () => {
  it('delta method when Fieller g < 0.05', () => {
    const c = { estimate: 48.9, se: 1.0 };
    expect(fiellerG(c, 0.95)).toBeLessThan(0.05);
    expect(relativeChange({ estimate: 52.3, se: 1.1 }, c, 0.95).method).toMatch(/Delta method/);
  });
  it('Fieller when g ≥ 0.05 or the control is ≤ 0', () => {
    expect(relativeChange({ estimate: 10.5, se: 1.2 }, { estimate: 2.0, se: 0.6 }, 0.9).method).toMatch(/Fieller/);
    const neg = relativeChange({ estimate: -1, se: 0.1 }, { estimate: -2, se: 0.1 }, 0.9);
    expect(neg.method).toMatch(/Fieller/);
    close(neg.estimate, -0.5, 12);
  });
});
