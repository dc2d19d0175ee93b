// What a metric's n counts ("requests", "quoted requests", "hires"), so no n stands without its unit: the spec's
// `counts`, else what the metric's own words say it is taken over, else "units".
import type { Metric } from '../spec/normalized.js';

export function nUnit(m: Metric): string {
  if (m.counts) return m.counts;
  // "share of requests" → requests
  const share = /^share of (.+)$/i.exec(m.unit.trim());
  if (share) return share[1];
  // "Support tickets per 100 requests", "Revenue per request", "Call attempts per rep-day" → requests, rep-days
  const per = /\bper (?:[\d,.]+ )?([\p{L}][\p{L}\d -]*)$/u.exec(m.label.trim());
  if (per) return plural(per[1].trim());
  return 'units';
}

/** A count noun in the plural: as written when it already ends in s, else with s (rep-day → rep-days). */
function plural(noun: string): string {
  return /s$/i.test(noun) ? noun : `${noun}s`;
}
