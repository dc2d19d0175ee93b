// Distribution functions, all from @stdlib: no hand-written approximations of a cdf or quantile.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

/** Standard normal quantile. */
export const qnorm = (p: number): number => normalQuantile(p, 0, 1);
/** Standard normal cdf. */
export const pnorm = (x: number): number => normalCdf(x, 0, 1);
export const qt = (p: number, df: number): number => tQuantile(p, df);
export const pt = (x: number, df: number): number => tCdf(x, df);
export const qchisq = (p: number, df: number): number => chisqQuantile(p, df);
export const pchisq = (x: number, df: number): number => chisqCdf(x, df);
export const qbeta = (p: number, a: number, b: number): number => betaQuantile(p, a, b);

/** Two-sided critical value z_{1−α/2} for a confidence level, e.g. 0.90 → 1.6449. */
export function zFor(confidence: number): number {
  return qnorm(1 - (1 - confidence) / 2);
}

/** Two-sided p-value of a z statistic. */
export function pFromZ(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return 2 * pnorm(-Math.abs(z));
}
