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

/** Whether the estimate is on the good side of a threshold. */
export function beyond(estimate: number, threshold: number, better: Better): boolean {
  return better === 'lower' ? estimate <= threshold : estimate >= threshold;
}

/** "past the −10% threshold" / "short of the −10% threshold". */
export function thresholdPhrase(estimate: number, threshold: number, better: Better, format: ValueFormat, name = 'threshold'): string {
  const where = beyond(estimate, threshold, better) ? 'past' : 'short of';
  return `${where} the ${formatValue(threshold, format, { signed: true })} ${name}`;
}

/** "3 of 5 pass, 1 fails, 1 is inconclusive" (counts that are zero are left out). */
export function statusCounts(statuses: string[], noun: string): string {
  const n = (s: string) => statuses.filter((x) => x === s).length;
  const parts = [`${n('pass')} of ${statuses.length} ${noun} pass`];
  if (n('fail')) parts.push(`${n('fail')} ${n('fail') === 1 ? 'fails' : 'fail'}`);
  if (n('inconclusive')) parts.push(`${n('inconclusive')} ${n('inconclusive') === 1 ? 'is' : 'are'} inconclusive`);
  return parts.join(', ');
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
