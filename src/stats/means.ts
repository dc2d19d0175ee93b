// Means: Welch's unequal-variance interval for treatment − control, with Welch–Satterthwaite df.
import { qt, pt } from './dist.js';
import { checkConfidence, checkCount, invalid, type Estimate } from './estimate.js';

export interface MeanSummary {
  n: number;
  mean: number;
  sd: number;
}

/** n, Σx, Σx² → n, mean, sample sd (n − 1 denominator). Cancellation loses digits when sd ≪ |mean|; prefer mean+sd. */
export function summaryFromSums(n: number, sum: number, sumSq: number): MeanSummary {
  if (!Number.isFinite(n) || n < 2) throw invalid(`n must be at least 2 to estimate a standard deviation, got ${n}`);
  if (!Number.isFinite(sum) || !Number.isFinite(sumSq)) throw invalid('sum and sum_sq must be finite numbers');
  const mean = sum / n;
  const ss = sumSq - (sum * sum) / n;
  if (ss < -1e-9 * Math.max(1, Math.abs(sumSq))) {
    throw invalid(`sum_sq (${sumSq}) is smaller than sum²/n (${(sum * sum) / n})`, 'sum_sq is the sum of squared values, Σx²');
  }
  return { n, mean, sd: Math.sqrt(Math.max(0, ss) / (n - 1)) };
}

/** One arm's mean with its t interval (n − 1 df). */
export function meanInterval(s: MeanSummary, confidence: number): Estimate {
  checkSummary(s, 'arm');
  checkConfidence(confidence);
  const se = s.sd / Math.sqrt(s.n);
  const t = qt(1 - (1 - confidence) / 2, s.n - 1);
  return { estimate: s.mean, lo: s.mean - t * se, hi: s.mean + t * se, se, method: 't interval for a mean' };
}

/**
 * Welch interval for treatment.mean − control.mean; equals R's t.test(x1, x0, conf.level = …) on raw data.
 * varianceFactor multiplies each arm's variance (the design effect; 1 when none).
 */
export function welchDiff(treatment: MeanSummary, control: MeanSummary, confidence: number, varianceFactor = 1): Estimate & { df: number } {
  checkSummary(treatment, 'treatment');
  checkSummary(control, 'control');
  checkConfidence(confidence);
  const v1 = (varianceFactor * treatment.sd ** 2) / treatment.n;
  const v0 = (varianceFactor * control.sd ** 2) / control.n;
  const se = Math.sqrt(v1 + v0);
  const df = (v1 + v0) ** 2 / (v1 ** 2 / (treatment.n - 1) + v0 ** 2 / (control.n - 1));
  const d = treatment.mean - control.mean;
  if (se === 0) return { estimate: d, lo: d, hi: d, se, df: Infinity, p: d === 0 ? 1 : 0, method: 'Welch t interval' };
  const t = qt(1 - (1 - confidence) / 2, df);
  const p = 2 * pt(-Math.abs(d / se), df);
  return { estimate: d, lo: d - t * se, hi: d + t * se, se, df, p, method: 'Welch t interval (Welch–Satterthwaite df)' };
}

function checkSummary(s: MeanSummary, arm: string): void {
  if (!Number.isFinite(s.n) || s.n < 2) throw invalid(`${arm}: n must be at least 2, got ${s.n}`);
  if (!Number.isFinite(s.mean)) throw invalid(`${arm}: mean must be a finite number, got ${s.mean}`);
  checkCount(`${arm}: sd`, s.sd);
}
