// The shape every interval function returns, and the argument checks they share.
import { GonogoError, errorDiag } from '../diagnostics.js';
import type { Interval } from './results.js';

/** A point estimate with its two-sided interval at the requested confidence, and the method that made it. */
export interface Estimate extends Interval {
  estimate: number;
  /** Human-readable method, e.g. 'Wilson score'. */
  method: string;
  /** Standard error on the estimate's scale, where the method has one. */
  se?: number;
  /** Two-sided p-value of no difference, where the method gives one. */
  p?: number;
}

export function invalid(message: string, hint?: string): GonogoError {
  return new GonogoError(errorDiag('stats/invalid-argument', message, hint ? { hint } : {}));
}

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw invalid(`confidence must be between 0 and 1 (exclusive), got ${confidence}`, 'write 0.90 for a 90% interval');
  }
}

/** A count: a finite number ≥ 0 (fractional counts are allowed: design-effect-scaled counts are fractional). */
export function checkCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw invalid(`${name} must be a finite number ≥ 0, got ${value}`);
}

export function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw invalid(`${name} must be a finite number > 0, got ${value}`);
}

/** successes x out of n trials: 0 ≤ x ≤ n, n > 0. */
export function checkBinomial(x: number, n: number, xName = 'x', nName = 'n'): void {
  checkCount(xName, x);
  checkPositive(nName, n);
  if (x > n) throw invalid(`${xName} (${x}) must not exceed ${nName} (${n})`, 'successes are counted among the n trials');
}

export function checkProbability(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw invalid(`${name} must be between 0 and 1 (exclusive), got ${value}`);
}
