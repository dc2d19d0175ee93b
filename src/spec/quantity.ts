// Thresholds as users write them ("-10%", "+1.0pp", "−5 %", 0.5) → numbers on the scale a rule compares.
// Relative changes and shares are fractions internally: -10% → -0.10, -1.0pp → -0.010.
// Only spec/normalize.ts calls these: every later stage reads the parsed Threshold.
import type { Scale } from '../model/metric-kinds.js';

export type QuantityUnit = 'percent' | 'pp' | 'plain';

export interface ParsedQuantity {
  value: number;
  unit: QuantityUnit;
}

const PATTERN = /^([+\-\u2212]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|pp|p\.p\.)?$/i;

/** Parses a written quantity; undefined when it is not one (never NaN or Infinity). */
export function parseQuantity(q: number | string): ParsedQuantity | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? { value: q, unit: 'plain' } : undefined;
  const m = PATTERN.exec(q.trim());
  if (!m) return undefined;
  const sign = m[1] === '-' || m[1] === '\u2212' ? '-' : '';
  // Percentages are shifted in the decimal text, not divided: "-12.3%" is exactly the double of -0.123,
  // the number a metrics file holds, so a bar written at an interval's end compares equal to it.
  const n = Number(`${sign}${m[2]}${m[3] ? 'e-2' : ''}`);
  if (!Number.isFinite(n)) return undefined;
  if (!m[3]) return { value: n, unit: 'plain' };
  return { value: n, unit: m[3] === '%' ? 'percent' : 'pp' };
}

/** The scale a written unit speaks for: % relative, pp absolute, a plain number absolute unless it is zero (zero is zero on either). */
export function scaleOfUnit(p: ParsedQuantity): Scale | undefined {
  if (p.unit === 'percent') return 'relative';
  if (p.unit === 'pp') return 'absolute';
  return p.value === 0 ? undefined : 'absolute';
}

/**
 * The number a rule compares, on its scale. Relative rules take percentages (or plain fractions);
 * absolute rules on shares take pp (or plain fractions); absolute rules on other kinds take plain
 * numbers in the metric's unit. Returns an error text when the unit does not fit the scale.
 */
export function quantityOnScale(q: number | string, scale: Scale, share: boolean, kind: string): { value: number } | { error: string; hint: string } {
  const p = parseQuantity(q);
  if (!p) return { error: `"${q}" is not a number, a percentage or a pp value`, hint: 'write e.g. -10%, +1.0pp or 0.5' };
  if (p.value === 0) return { value: 0 };
  if (scale === 'relative') {
    if (p.unit === 'pp') return { error: `"${q}" is in percentage points but the rule compares a relative change`, hint: 'write a percentage such as -10%, or set scale: absolute' };
    return { value: p.value };
  }
  if (share) {
    if (p.unit === 'percent')
      return { error: `"${q}" is a percentage but the rule compares an absolute change of a proportion`, hint: `write percentage points (${q.toString().replace('%', 'pp')}), or set scale: relative` };
    return { value: p.value };
  }
  if (p.unit !== 'plain') return { error: `"${q}" has a unit (${p.unit}) but an absolute change of a ${kind} is in the metric's own unit`, hint: 'write a plain number, or set scale: relative' };
  return { value: p.value };
}

/** A share such as "18%" or 0.18 → 0.18; undefined when it is not a share between 0 and 1. */
export function parseShare(q: number | string): number | undefined {
  const p = parseQuantity(q);
  if (!p || p.unit === 'pp') return undefined;
  if (p.unit === 'plain' && p.value > 1) return undefined;
  return p.value >= 0 && p.value <= 1 ? p.value : undefined;
}
