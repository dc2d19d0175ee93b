// Number formatting for chart labels and alt text: percent, percentage points and unit values,
// signed with a true minus sign (U+2212). Locale-free on purpose: output never depends on the machine.

export const MINUS = '\u2212';

/** How a value is shown. percent and pp take fractions (0.12 → "12%" / "12.0pp"). */
export type ValueFormat =
  | { kind: 'percent'; digits?: number }
  | { kind: 'pp'; digits?: number }
  | { kind: 'unit'; unit: string; digits?: number };

export interface FormatOptions {
  /** Prefix + on positive values (changes); negatives always get U+2212. */
  signed?: boolean;
  /** Overrides the format's digits. */
  digits?: number;
}

/** Fixed-point text with U+2212 for negatives; −0 and values that round to zero print as "0". */
export function fixed(value: number, digits: number, signed = false): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? MINUS + '∞' : 'n/a';
  const text = Math.abs(value).toFixed(digits);
  const zero = Number(text) === 0;
  if (zero) return text;
  if (value < 0) return MINUS + text;
  return signed ? '+' + text : text;
}

/** Digits that keep about two significant figures, given the largest magnitude shown together. */
export function autoDigits(format: ValueFormat, magnitude: number): number {
  if (format.digits !== undefined) return format.digits;
  const m = Math.abs(magnitude) * (format.kind === 'unit' ? 1 : 100);
  if (format.kind === 'pp') return m >= 10 ? 0 : 1;
  if (format.kind === 'percent') return m >= 5 ? 0 : 1;
  return m >= 100 ? 0 : m >= 1 ? 1 : 2;
}

/** Unit suffix: "%" and "pp" stick to the number; words get a space ("14 min"). */
export function unitSuffix(format: ValueFormat): string {
  if (format.kind === 'percent') return '%';
  if (format.kind === 'pp') return 'pp';
  const unit = format.unit.trim();
  if (!unit) return '';
  return unit === '%' || unit.startsWith('/') ? unit : ' ' + unit;
}

export function formatValue(value: number, format: ValueFormat, opts: FormatOptions = {}): string {
  const digits = opts.digits ?? autoDigits(format, value);
  const scaled = format.kind === 'unit' ? value : value * 100;
  return fixed(scaled, digits, opts.signed) + unitSuffix(format);
}

/** "−15% to −8%": both ends with the digits of the larger end. */
export function formatInterval(lo: number, hi: number, format: ValueFormat, opts: FormatOptions = {}): string {
  let digits = opts.digits ?? autoDigits(format, Math.max(Math.abs(lo), Math.abs(hi)));
  // Two different ends never print as one number: a narrow interval gets the digits that tell them apart.
  while (lo !== hi && digits < 6 && formatValue(lo, format, { ...opts, digits }) === formatValue(hi, format, { ...opts, digits })) digits++;
  const o = { ...opts, digits };
  return `${formatValue(lo, format, o)} to ${formatValue(hi, format, o)}`;
}

/** Magnitude only, for sentences that carry the direction in a verb: "lowers … by 12%". */
export function formatMagnitude(value: number, format: ValueFormat, digits?: number): string {
  return formatValue(Math.abs(value), format, { digits });
}

/** Confidence as a label: 0.9 → "90%", 0.975 → "97.5%". */
export function formatConfidence(confidence: number): string {
  const pct = Math.round(confidence * 1000) / 10;
  return `${pct}%`;
}

/** A Vega expression that labels axis ticks (datum.value) in the format, signed, with U+2212. */
export function vegaLabelExpr(format: ValueFormat, digits: number, signed = true, withUnit = true): string {
  const scale = format.kind === 'unit' ? '' : '*100';
  const sign = signed ? '+' : '';
  // Word units ("min") are left to the axis title; % and pp stay on every tick.
  const suffix = JSON.stringify(withUnit || format.kind !== 'unit' ? unitSuffix(format) : '');
  // d3-format (inside Vega) already writes U+2212 for negatives.
  return `(abs(datum.value${scale}) < 1e-9 ? '0' : format(datum.value${scale}, '${sign}.${digits}f')) + ${suffix}`;
}

/** The text vegaLabelExpr draws for a tick value (for measuring axis labels before Vega runs). */
export function tickLabel(value: number, format: ValueFormat, digits: number, signed = true, withUnit = true): string {
  const scaled = format.kind === 'unit' ? value : value * 100;
  if (Math.abs(scaled) < 1e-9) return '0' + (withUnit || format.kind !== 'unit' ? unitSuffix(format) : '');
  return fixed(scaled, digits, signed) + (withUnit || format.kind !== 'unit' ? unitSuffix(format) : '');
}

/** First letter upper-cased (labels that start a sentence). */
export function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** A label mid-sentence: only an ordinary capitalised first word drops its capital (TTFQ, P90, US-only keep theirs). */
export { inSentence as midSentence } from '../model/words.js';
