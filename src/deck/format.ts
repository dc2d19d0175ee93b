// Numbers as a reader meets them: a real minus sign, the unit, and the interval at the deck's confidence.
// Locale-independent by construction (no toLocaleString), so builds hash the same everywhere.
import { kindOf, type MetricKind } from '../model/metric-kinds.js';

export interface MetricLike {
  kind: MetricKind;
  unit: string;
}

/** Shares (proportions) read in % and move in pp; other kinds read in their own unit. */
function isShare(m: MetricLike): boolean {
  return kindOf(m.kind).share;
}

const MINUS = '\u2212';

/** Fixed decimals, U+2212 minus, thousands separators; never "-0.0". */
export function fmtNumber(x: number, decimals: number, signed = false): string {
  if (!Number.isFinite(x)) return 'n/a';
  let s = Math.abs(x).toFixed(decimals);
  if (Number(s) === 0) return signed ? `±${s}` : s;
  const [int, frac] = s.split('.');
  s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? '.' + frac : '');
  if (x < 0) return MINUS + s;
  return signed ? '+' + s : s;
}

/** Decimals that show about three significant digits of the largest magnitude. */
function decimalsFor(...xs: number[]): number {
  const m = Math.max(...xs.filter(Number.isFinite).map(Math.abs));
  if (m === 0 || !Number.isFinite(m)) return 1;
  return Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(m))));
}

const SHORT_UNITS: Record<string, string> = { minutes: 'min', minute: 'min', hours: 'h', hour: 'h', seconds: 's', days: 'd' };

/** A value in the metric's unit: 12.1% for proportions, $38.10, 42.0 min. */
export function fmtValue(x: number, m: MetricLike, decimals?: number): string {
  if (isShare(m)) return `${fmtNumber(x * 100, decimals ?? 1)}%`;
  const d = decimals ?? decimalsFor(x);
  if (m.unit === 'USD') return `${x < 0 ? MINUS : ''}$${fmtNumber(Math.abs(x), Math.max(2, d))}`;
  const unit = SHORT_UNITS[m.unit];
  return unit ? `${fmtNumber(x, d)} ${unit}` : fmtNumber(x, d);
}

/** A change on its scale: relative −11.9%; absolute −0.20 pp for proportions, else the unit. */
export function fmtChange(x: number, scale: 'relative' | 'absolute', m: MetricLike, decimals?: number): string {
  if (scale === 'relative') return `${fmtNumber(x * 100, decimals ?? 1, true)}%`;
  if (isShare(m)) {
    const pp = x * 100;
    return `${fmtNumber(pp, decimals ?? (Math.abs(pp) < 1 ? 2 : 1), true)} pp`;
  }
  const d = decimals ?? decimalsFor(x);
  if (m.unit === 'USD') return `${x < 0 ? MINUS : x > 0 ? '+' : '±'}$${fmtNumber(Math.abs(x), Math.max(2, d))}`;
  const unit = SHORT_UNITS[m.unit];
  return unit ? `${fmtNumber(x, d, true)} ${unit}` : fmtNumber(x, d, true);
}

/** "(90% CI −13.3% to −10.5%)", or "(no interval)". */
export function fmtInterval(ci: { lo: number; hi: number } | null | undefined, scale: 'relative' | 'absolute', m: MetricLike, confidence: number, decimals?: number): string {
  if (!ci) return '(no interval)';
  const d = decimals ?? (scale === 'relative' ? 1 : isShare(m) ? (Math.max(Math.abs(ci.lo), Math.abs(ci.hi)) * 100 < 1 ? 2 : 1) : decimalsFor(ci.lo, ci.hi));
  return `(${fmtConfidence(confidence)} CI ${fmtChange(ci.lo, scale, m, d)} to ${fmtChange(ci.hi, scale, m, d)})`;
}

/**
 * A change and its interval as one statement, at one precision: "−1.00 pp (95% CI −1.56 pp to −0.44 pp)",
 * never "−1.00 pp (95% CI −1.6 pp to −0.4 pp)".
 */
export function fmtChangeWithInterval(estimate: number, ci: { lo: number; hi: number } | null | undefined, scale: 'relative' | 'absolute', m: MetricLike, confidence: number): { change: string; interval: string; decimals: number } {
  const decimals = changeColumnDecimals([{ estimate, ci }], scale, m);
  return { change: fmtChange(estimate, scale, m, decimals), interval: fmtInterval(ci, scale, m, confidence, decimals), decimals };
}

/** "[−13.3%, −10.5%]" for tables; `decimals` sets the column's one precision (see changeColumnDecimals). */
export function fmtBracket(ci: { lo: number; hi: number } | null | undefined, scale: 'relative' | 'absolute', m: MetricLike, decimals?: number): string {
  if (!ci) return '—';
  const d = decimals ?? distinctEnds([{ ci }], scale, m, scale === 'relative' ? 1 : isShare(m) ? (Math.max(Math.abs(ci.lo), Math.abs(ci.hi)) * 100 < 1 ? 2 : 1) : decimalsFor(ci.lo, ci.hi));
  return `[${fmtChange(ci.lo, scale, m, d)}, ${fmtChange(ci.hi, scale, m, d)}]`;
}

/**
 * One precision for a table's change and interval columns in one unit, so "[−1.0 pp, +0.9 pp]" never stands
 * beside "[−0.89 pp, +0.80 pp]": percentage points take two decimals when any change or interval there is
 * under 1 pp (as a single value would), other units the decimals of the largest magnitude; relative changes one.
 */
export function changeColumnDecimals(changes: { estimate: number; ci?: { lo: number; hi: number } | null }[], scale: 'relative' | 'absolute', m: MetricLike): number {
  if (scale === 'relative') return distinctEnds(changes, scale, m, 1);
  if (m.kind === 'proportion') {
    const small = changes.some((c) => Math.abs(c.estimate) * 100 < 1 || (c.ci != null && Math.max(Math.abs(c.ci.lo), Math.abs(c.ci.hi)) * 100 < 1));
    return distinctEnds(changes, scale, m, small ? 2 : 1);
  }
  return distinctEnds(changes, scale, m, decimalsFor(...changes.flatMap((c) => [c.estimate, ...(c.ci ? [c.ci.lo, c.ci.hi] : [])])));
}

/**
 * `decimals`, or more where an interval's ends differ but would print alike ("[−1.1 pp, −1.1 pp]" for −1.14 to
 * −1.08), or an end off zero would print as zero ("±0.0 pp" for −0.004 pp, beside "clearly worse"): the column takes
 * a decimal more, up to three, until none does. A scenario's point (equal ends) is no such interval.
 */
function distinctEnds(changes: { ci?: { lo: number; hi: number } | null }[], scale: 'relative' | 'absolute', m: MetricLike, decimals: number): number {
  const offZero = (x: number, d: number) => x !== 0 && fmtChange(x, scale, m, d).startsWith('±');
  const alike = (d: number) => changes.some((c) => c.ci && ((c.ci.lo !== c.ci.hi && fmtChange(c.ci.lo, scale, m, d) === fmtChange(c.ci.hi, scale, m, d)) || offZero(c.ci.lo, d) || offZero(c.ci.hi, d)));
  let d = decimals;
  while (d < decimals + 3 && alike(d)) d++;
  return d;
}

/** One precision for a table column of values in one unit (proportions keep their one decimal of a percent). */
export function valueColumnDecimals(values: number[], m: MetricLike): number | undefined {
  if (m.kind === 'proportion' || values.length === 0) return undefined;
  return decimalsFor(...values);
}

export function fmtConfidence(c: number): string {
  const p = c * 100;
  return `${Number.isInteger(Math.round(p * 10) / 10) ? Math.round(p) : (Math.round(p * 10) / 10).toFixed(1)}%`;
}

export function fmtCount(n: number): string {
  return fmtNumber(n, 0);
}

export function fmtShare(x: number): string {
  const p = Math.round(x * 100 * 1e9) / 1e9; // 0.06 × 100 is 6.000000000000001 in floating point
  return `${fmtNumber(p, p !== 0 && Math.abs(p) < 10 && !Number.isInteger(p) ? 1 : 0)}%`;
}

/** A threshold as the user meant it: the fewest decimals that show it exactly (−10%, −1.0 pp → −1 pp). */
export function fmtThreshold(x: number, scale: 'relative' | 'absolute', m: MetricLike): string {
  if (x === 0) return scale === 'relative' ? '0%' : isShare(m) ? '0 pp' : '0';
  const k = scale === 'relative' || isShare(m) ? 100 : 1;
  let d = 0;
  while (d < 3 && Math.abs(Math.round(x * k * 10 ** d) - x * k * 10 ** d) > 1e-9) d++;
  return fmtChange(x, scale, m, d);
}

/** A p-value as it reads in a sentence: "p = 0.977", or "p < 0.001" (no exponent notation on a slide). */
export function fmtP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** How far a headline change moved between two reads: relative changes move in percentage points of lift (+3.9 pp), absolute ones in the metric's unit. */
export function fmtMove(delta: number, scale: 'relative' | 'absolute', m: MetricLike): string {
  return scale === 'relative' ? `${fmtNumber(delta * 100, 1, true)} pp` : fmtChange(delta, 'absolute', m);
}

/** A duration given in minutes, in the largest whole unit: "30 minutes", "4 hours", "2 days". */
export function fmtMinutes(minutes: number): string {
  const unit = (n: number, one: string) => `${fmtCount(n)} ${one}${n === 1 ? '' : 's'}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes >= 120 && minutes % 60 === 0) return unit(minutes / 60, 'hour');
  return unit(minutes, 'minute');
}
