// Shorthand in rules, resolved before anything computes.
import type { Bound, MetricRule } from './schema.js';
import { parseQuantity, type Scale } from './quantity.js';

/**
 * A rule's scale: as written, or inferred from its thresholds' units (pp or a plain number → absolute,
 * % → relative). Mixed units without an explicit scale are an error.
 */
export function inferScale(rule: Omit<MetricRule, 'segment'>): { scale: Scale; inferred: boolean } | { error: string } {
  if (rule.scale) return { scale: rule.scale, inferred: false };
  const units = new Set<string>();
  for (const b of [rule.estimate, rule.ci_lower, rule.ci_upper] as (Bound | undefined)[])
    for (const q of [b?.at_least, b?.at_most]) {
      if (q === undefined) continue;
      const p = parseQuantity(q);
      if (p) units.add(p.unit === 'percent' ? 'relative' : 'absolute');
    }
  if (units.size > 1) return { error: 'thresholds mix percentages and pp/plain numbers' };
  return { scale: units.has('relative') ? 'relative' : 'absolute', inferred: true };
}
