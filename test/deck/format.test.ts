import { describe, expect, it } from 'vitest';
import { changeColumnDecimals, fmtBracket, fmtChange, fmtInterval, fmtP, fmtThreshold, fmtValue } from '../../src/deck/format.js';

const share = { kind: 'proportion', unit: 'share' } as const;
const minutes = { kind: 'median', unit: 'minutes' } as const;

describe('numbers as a reader meets them', () => {
  it('uses a real minus sign, pp for shares and the unit otherwise', () => {
    expect(fmtChange(-0.119048, 'relative', minutes)).toBe('\u221211.9%');
    expect(fmtChange(-0.0022, 'absolute', share)).toBe('\u22120.22 pp');
    expect(fmtChange(0.013, 'absolute', share)).toBe('+1.3 pp');
    expect(fmtValue(0.121, share)).toBe('12.1%');
    expect(fmtValue(42, minutes)).toBe('42.0 min');
    expect(fmtValue(38.1, { kind: 'mean', unit: 'USD' })).toBe('$38.10');
  });

  it('writes intervals at the deck’s confidence and thresholds as the user meant them', () => {
    expect(fmtInterval({ lo: -0.1333, hi: -0.105 }, 'relative', minutes, 0.9)).toBe('(90% CI \u221213.3% to \u221210.5%)');
    expect(fmtBracket({ lo: -0.0055, hi: 0.0012 }, 'absolute', share)).toBe('[\u22120.55 pp, +0.12 pp]');
    expect(fmtThreshold(-0.1, 'relative', minutes)).toBe('\u221210%');
    expect(fmtThreshold(-0.01, 'absolute', share)).toBe('\u22121 pp');
    expect(fmtThreshold(0, 'absolute', share)).toBe('0 pp');
  });

  it('never prints the two ends of an interval alike when they differ', () => {
    // a generated decision's segment: −1.14 pp to −1.08 pp had printed "[−1.1 pp, −1.1 pp]"
    expect(fmtBracket({ lo: -0.011448, hi: -0.0108 }, 'absolute', share)).toBe('[\u22121.14 pp, \u22121.08 pp]');
    // one precision for the column: every row takes the decimal the narrow one needs
    const column = [{ estimate: -0.0111, ci: { lo: -0.011448, hi: -0.0108 } }, { estimate: 0.05, ci: { lo: 0.02, hi: 0.08 } }];
    expect(changeColumnDecimals(column, 'absolute', share)).toBe(2);
    expect(fmtBracket({ lo: -0.1001, hi: -0.10004 }, 'relative', minutes)).toBe('[\u221210.01%, \u221210.00%]');
    // an end off zero never prints as zero: "[−4.0 pp, ±0.0 pp]" beside "clearly worse" (seed 13, #71)
    expect(fmtBracket({ lo: -0.04, hi: -0.00004 }, 'absolute', share)).toBe('[\u22124.000 pp, \u22120.004 pp]');
    expect(fmtBracket({ lo: -0.04, hi: 0 }, 'absolute', share)).toBe('[\u22124.0 pp, \u00b10.0 pp]');
    // a scenario's point is one value, not an interval to tell apart
    expect(changeColumnDecimals([{ estimate: -0.011, ci: { lo: -0.011, hi: -0.011 } }], 'absolute', share)).toBe(1);
  });

  it('never prints a p-value in exponent notation', () => {
    expect(fmtP(0.97712)).toBe('p = 0.977');
    expect(fmtP(2.3e-9)).toBe('p < 0.001');
  });
});
