// Alt-text phrases shared by the builders: one plain sentence, numbers with units and U+2212.
import { formatConfidence, formatInterval, formatMagnitude, formatValue, type ValueFormat } from './format.js';

export type Better = 'higher' | 'lower';

/** "lowers median time to first quote by 12%" / "raises … by 0.4pp" / "leaves … unchanged". */
export function changePhrase(label: string, estimate: number, format: ValueFormat, digits?: number): string {
  if (formatValue(estimate, format, { digits }).replace(/[^0-9]/g, '').match(/^0*$/)) return `leaves ${label} unchanged`;
  const verb = estimate < 0 ? 'lowers' : 'raises';
  return `${verb} ${label} by ${formatMagnitude(estimate, format, digits)}`;
}

/** "(90% CI −15% to −8%)", or "(no interval)" when the method gave none. */
export function ciPhrase(lo: number | null, hi: number | null, format: ValueFormat, confidence: number, digits?: number): string {
  if (lo === null || hi === null) return '(no interval)';
  return `(${formatConfidence(confidence)} CI ${formatInterval(lo, hi, format, { signed: true, digits })})`;
}

/** "All ✓ met, Plumbing ✗ not met": each row's label with its mark, as the chart shows it. */
export function markList(rows: { label: string; mark?: string }[]): string {
  return rows.filter((r) => r.mark).map((r) => `${r.label} ${r.mark}`).join(', ');
}

/** Chart label for a change with its interval: "−12% [−15%, −8%]", or "−12% (no interval)". */
export function estimateNote(estimate: number, lo: number | null, hi: number | null, format: ValueFormat, digits: number): string {
  const est = formatValue(estimate, format, { signed: true, digits });
  if (lo === null || hi === null) return `${est} (no interval)`;
  return `${est} [${formatInterval(lo, hi, format, { signed: true, digits }).replace(' to ', ', ')}]`;
}

/** Largest magnitude among the numbers present (digits are chosen from it). */
export function largest(...values: (number | null)[]): number {
  return Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs));
}
