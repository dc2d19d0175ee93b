// Difference of two proportions p1 − p0 (treatment − control): Newcombe's hybrid score interval
// (method 10 of Newcombe 1998, built from the two Wilson intervals) or Wald when asked; two-proportion z test.
import { zFor, pFromZ } from './dist.js';
import { checkBinomial, checkConfidence, type Estimate } from './estimate.js';
import { wilson } from './proportions.js';

export type DiffMethod = 'newcombe' | 'wald';

/** Newcombe (1998) method 10: L = d − sqrt((p1−l1)² + (u0−p0)²), U = d + sqrt((u1−p1)² + (p0−l0)²). */
export function newcombeDiff(x1: number, n1: number, x0: number, n0: number, confidence: number): Estimate {
  checkBinomial(x1, n1, 'x1', 'n1');
  checkBinomial(x0, n0, 'x0', 'n0');
  const a = wilson(x1, n1, confidence);
  const b = wilson(x0, n0, confidence);
  const d = a.estimate - b.estimate;
  const lo = d - Math.sqrt((a.estimate - a.lo) ** 2 + (b.hi - b.estimate) ** 2);
  const hi = d + Math.sqrt((a.hi - a.estimate) ** 2 + (b.estimate - b.lo) ** 2);
  return { estimate: d, lo, hi, p: twoProportionZTest(x1, n1, x0, n0), method: 'Newcombe hybrid score interval (method 10)' };
}

/** Wald: d ± z·sqrt(p1(1−p1)/n1 + p0(1−p0)/n0). */
export function waldDiff(x1: number, n1: number, x0: number, n0: number, confidence: number): Estimate {
  checkBinomial(x1, n1, 'x1', 'n1');
  checkBinomial(x0, n0, 'x0', 'n0');
  checkConfidence(confidence);
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  const z = zFor(confidence);
  const d = p1 - p0;
  return { estimate: d, lo: d - z * se, hi: d + z * se, se, p: twoProportionZTest(x1, n1, x0, n0), method: 'Wald interval for a difference' };
}

/** Two-sided p of the pooled two-proportion z test; equals R's prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$p.value. */
export function twoProportionZTest(x1: number, n1: number, x0: number, n0: number): number {
  checkBinomial(x1, n1, 'x1', 'n1');
  checkBinomial(x0, n0, 'x0', 'n0');
  const pooled = (x1 + x0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const d = x1 / n1 - x0 / n0;
  // Both arms all-success or all-failure: no evidence of a difference.
  if (se === 0) return d === 0 ? 1 : 0;
  return pFromZ(d / se);
}

export function diffProportions(
  x1: number,
  n1: number,
  x0: number,
  n0: number,
  confidence: number,
  method: DiffMethod = 'newcombe',
): Estimate {
  return method === 'wald' ? waldDiff(x1, n1, x0, n0, confidence) : newcombeDiff(x1, n1, x0, n0, confidence);
}
