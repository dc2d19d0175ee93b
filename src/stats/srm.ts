// Sample-ratio mismatch: chi-square goodness of fit of the two arms' assigned counts against the planned split.
import { pchisq } from './dist.js';
import { checkCount, checkProbability, invalid } from './estimate.js';
import type { SrmResult } from './results.js';

/** The p below which the split is flagged, as GrowthBook and Statsig do. */
export const SRM_THRESHOLD = 0.001;

/**
 * plannedTreatmentShare: the planned share of units in treatment (spec.arms.planned_split, 0.5 for 50/50).
 * Equals R's chisq.test(c(control, treatment), p = c(1 − share, share)).
 */
export function sampleRatioMismatch(control: number, treatment: number, plannedTreatmentShare = 0.5, labels = { control: 'control', treatment: 'treatment' }): SrmResult {
  checkCount('control count', control);
  checkCount('treatment count', treatment);
  checkProbability('planned split', plannedTreatmentShare);
  const total = control + treatment;
  if (total === 0) throw invalid('no units assigned: the sample-ratio test needs counts');
  const expT = total * plannedTreatmentShare;
  const expC = total - expT;
  const chiSquare = (treatment - expT) ** 2 / expT + (control - expC) ** 2 / expC;
  const p = 1 - pchisq(chiSquare, 1);
  return {
    counts: { [labels.control]: control, [labels.treatment]: treatment },
    expectedShare: plannedTreatmentShare,
    chiSquare,
    p,
    mismatch: p < SRM_THRESHOLD,
  };
}
