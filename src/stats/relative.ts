// Relative change treatment / control − 1, from two independent estimates and their standard errors.
import { zFor, pFromZ } from './dist.js';
import { checkConfidence, invalid, type Estimate } from './estimate.js';

export interface PointSe {
  estimate: number;
  se: number;
}

/** Delta method on the log ratio: exp(log(T/C) ± z·sqrt((seT/T)² + (seC/C)²)) − 1. Needs T > 0 and C > 0. */
export function deltaLogRatio(treatment: PointSe, control: PointSe, confidence: number): Estimate {
  checkConfidence(confidence);
  if (!(treatment.estimate > 0 && control.estimate > 0)) {
    throw invalid('the log-ratio delta method needs positive treatment and control estimates', 'use Fieller’s interval');
  }
  const logRatio = Math.log(treatment.estimate / control.estimate);
  const se = Math.sqrt((treatment.se / treatment.estimate) ** 2 + (control.se / control.estimate) ** 2);
  const z = zFor(confidence);
  return {
    estimate: Math.exp(logRatio) - 1,
    lo: Math.exp(logRatio - z * se) - 1,
    hi: Math.exp(logRatio + z * se) - 1,
    se,
    p: se === 0 ? (logRatio === 0 ? 1 : 0) : pFromZ(logRatio / se),
    method: 'Delta method on the log ratio',
  };
}

/**
 * Fieller's interval for T/C − 1 (independent, normal estimates): every ρ with
 * (T − ρC)² ≤ z²(seT² + ρ²seC²). Unbounded (lo = −∞, hi = +∞) when C is not distinguishable
 * from zero at this level (C² ≤ z²·seC²), which is the honest answer.
 */
export function fiellerRatio(treatment: PointSe, control: PointSe, confidence: number): Estimate & { bounded: boolean } {
  checkConfidence(confidence);
  const z = zFor(confidence);
  const { estimate: t, se: st } = treatment;
  const { estimate: c, se: sc } = control;
  if (c === 0) throw invalid('the control estimate is 0: a relative change is not defined');
  const q2 = z * z;
  const a = c * c - q2 * sc * sc;
  const disc = st * st * c * c + sc * sc * t * t - q2 * st * st * sc * sc;
  const method = 'Fieller interval for a ratio';
  if (a <= 0 || disc < 0) return { estimate: t / c - 1, lo: -Infinity, hi: Infinity, bounded: false, method };
  const r1 = (t * c - z * Math.sqrt(disc)) / a;
  const r2 = (t * c + z * Math.sqrt(disc)) / a;
  const seDiff = Math.sqrt(st * st + sc * sc);
  return {
    estimate: t / c - 1,
    lo: Math.min(r1, r2) - 1,
    hi: Math.max(r1, r2) - 1,
    bounded: true,
    p: seDiff === 0 ? (t === c ? 1 : 0) : pFromZ((t - c) / seDiff),
    method,
  };
}

/** Fieller's g = z²·seC²/C²: the share of C's own uncertainty at this level (Fieller 1954). */
export function fiellerG(control: PointSe, confidence: number): number {
  return (zFor(confidence) * control.se / control.estimate) ** 2;
}

/**
 * Chooses the method. Rule: the delta method on the log ratio when both estimates are positive and
 * Fieller's g < 0.05 (C lies more than z/√0.05 ≈ 4.5·z standard errors from zero; the two methods then
 * agree closely); otherwise Fieller, which stays correct when C is near zero or negative.
 */
export function relativeChange(treatment: PointSe, control: PointSe, confidence: number): Estimate & { bounded: boolean } {
  checkConfidence(confidence);
  if (treatment.estimate > 0 && control.estimate > 0 && fiellerG(control, confidence) < 0.05) {
    return { ...deltaLogRatio(treatment, control, confidence), bounded: true };
  }
  const f = fiellerRatio(treatment, control, confidence);
  return { ...f, method: `${f.method} (control near zero: Fieller g ≥ 0.05, or an estimate ≤ 0)` };
}
