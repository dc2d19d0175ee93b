// One arm's proportion: Wilson score interval (default) or Wald (only when asked).
import { zFor } from './dist.js';
import { checkBinomial, checkConfidence, type Estimate } from './estimate.js';

export type ProportionMethod = 'wilson' | 'wald';

/** Wilson (1927) score interval without continuity correction; equals R's prop.test(x, n, correct = FALSE)$conf.int. */
export function wilson(x: number, n: number, confidence: number): Estimate {
  checkBinomial(x, n);
  checkConfidence(confidence);
  const z = zFor(confidence);
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 or x = n the bound is exactly 0 or 1; rounding must not push it past.
  const lo = x === 0 ? 0 : Math.max(0, centre - half);
  const hi = x === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, lo, hi, se: Math.sqrt((p * (1 - p)) / n), method: 'Wilson score interval' };
}

/** Wald interval p ± z·sqrt(p(1−p)/n), not clipped to [0, 1] so it shows its own weakness. */
export function waldProportion(x: number, n: number, confidence: number): Estimate {
  checkBinomial(x, n);
  checkConfidence(confidence);
  const p = x / n;
  const se = Math.sqrt((p * (1 - p)) / n);
  const z = zFor(confidence);
  return { estimate: p, lo: p - z * se, hi: p + z * se, se, method: 'Wald interval' };
}

export function proportion(x: number, n: number, confidence: number, method: ProportionMethod = 'wilson'): Estimate {
  return method === 'wald' ? waldProportion(x, n, confidence) : wilson(x, n, confidence);
}
