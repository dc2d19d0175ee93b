// Cluster randomisation: the design effect inflates variances, so intervals widen by sqrt(deff).
import { invalid } from './estimate.js';

/** Kish design effect 1 + (m − 1)·ICC for clusters of average size m; 1 when either is missing. */
export function designEffect(clusterSize?: number, icc?: number): number {
  if (clusterSize === undefined || icc === undefined) return 1;
  if (!(clusterSize >= 1) || !(icc >= 0 && icc < 1)) {
    throw invalid(`design effect needs cluster_size ≥ 1 and 0 ≤ icc < 1, got ${clusterSize} and ${icc}`);
  }
  return 1 + (clusterSize - 1) * icc;
}

/** Widen an interval around its estimate by sqrt(deff): the same as multiplying the variance by deff. */
export function widen<T extends { estimate: number; lo: number; hi: number }>(e: T, deff: number): T {
  if (deff === 1) return e;
  const k = Math.sqrt(deff);
  return { ...e, lo: e.estimate - (e.estimate - e.lo) * k, hi: e.estimate + (e.hi - e.estimate) * k };
}
