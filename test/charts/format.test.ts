// Number formatting: U+2212 minus, units, digits; values checked by hand.
import { describe, expect, it } from 'vitest';
import { fixed, formatConfidence, formatInterval, formatValue, MINUS, vegaLabelExpr } from '../../src/charts/format.js';
import { groupThousands, nForMde } from '../../src/charts/power.js';

describe('formatValue', () => {
  it('writes relative changes as percent with a true minus', () => {
    expect(formatValue(-0.12, { kind: 'percent' }, { signed: true })).toBe(`${MINUS}12%`);
    expect(formatValue(0.034, { kind: 'percent' }, { signed: true })).toBe('+3.4%');
    expect(MINUS).toBe('\u2212');
  });

  it('writes absolute changes of proportions in percentage points', () => {
    expect(formatValue(-0.002, { kind: 'pp' }, { signed: true })).toBe(`${MINUS}0.2pp`);
    expect(formatValue(0.01, { kind: 'pp' }, { signed: true })).toBe('+1.0pp');
  });

  it('puts a space before word units and keeps explicit digits', () => {
    expect(formatValue(14.04, { kind: 'unit', unit: 'min' })).toBe('14.0 min');
    expect(formatValue(1234.5, { kind: 'unit', unit: 'USD', digits: 0 })).toBe('1235 USD');
  });

  it('prints values that round to zero as unsigned 0', () => {
    expect(fixed(-0.0004, 2, true)).toBe('0.00');
    expect(fixed(-0, 0, true)).toBe('0');
  });

  it('formats intervals with the digits of the larger end', () => {
    expect(formatInterval(-0.15, -0.08, { kind: 'percent' }, { signed: true })).toBe(`${MINUS}15% to ${MINUS}8%`);
  });

  it('formats confidence levels', () => {
    expect(formatConfidence(0.9)).toBe('90%');
    expect(formatConfidence(0.975)).toBe('97.5%');
  });

  it('builds Vega label expressions that scale fractions', () => {
    expect(vegaLabelExpr({ kind: 'pp' }, 1)).toContain('datum.value*100');
    expect(vegaLabelExpr({ kind: 'unit', unit: 'min' }, 0, false, false)).toContain('""');
  });
});

describe('helpers', () => {
  it('groups thousands without a locale', () => {
    expect(groupThousands(1400)).toBe('1,400');
    expect(groupThousands(1234567)).toBe('1,234,567');
    expect(groupThousands(999)).toBe('999');
  });

  it('finds n for an MDE on a 1/√n curve exactly', () => {
    const curve = [100, 400, 1600].map((n) => ({ n, mde: 1 / Math.sqrt(n) }));
    expect(nForMde(curve, 1 / Math.sqrt(900))).toBeCloseTo(900, 6);
    expect(nForMde(curve, 0.001)).toBeUndefined();
  });
});
