// Poisson rates (events per unit of exposure, shown per `per` units, e.g. per 100 requests).
import { qchisq, qbeta, zFor, pFromZ } from './dist.js';
import { checkConfidence, checkCount, checkPositive, type Estimate } from './estimate.js';

/**
 * Exact (Garwood 1936) interval for one rate: [χ²(α/2; 2x)/2, χ²(1−α/2; 2x+2)/2] / exposure × per.
 * Equals R's poisson.test(x, T, conf.level = …)$conf.int × per.
 */
export function garwoodRate(events: number, exposure: number, confidence: number, per = 1): Estimate {
  checkCount('events', events);
  checkPositive('exposure', exposure);
  checkPositive('per', per);
  checkConfidence(confidence);
  const alpha = 1 - confidence;
  const lo = events === 0 ? 0 : qchisq(alpha / 2, 2 * events) / 2;
  const hi = qchisq(1 - alpha / 2, 2 * events + 2) / 2;
  const scale = per / exposure;
  return {
    estimate: events * scale,
    lo: lo * scale,
    hi: hi * scale,
    se: Math.sqrt(events) * scale,
    method: 'Exact Poisson interval (Garwood)',
  };
}

/** Wald interval for rate1 − rate0: d ± z·sqrt(x1/T1² + x0/T0²), × per; p from the same z. */
export function rateDifference(
  events1: number,
  exposure1: number,
  events0: number,
  exposure0: number,
  confidence: number,
  per = 1,
): Estimate {
  checkRates(events1, exposure1, events0, exposure0, per);
  checkConfidence(confidence);
  const d = (events1 / exposure1 - events0 / exposure0) * per;
  const se = Math.sqrt(events1 / exposure1 ** 2 + events0 / exposure0 ** 2) * per;
  const z = zFor(confidence);
  const p = se === 0 ? 1 : pFromZ(d / se);
  return { estimate: d, lo: d - z * se, hi: d + z * se, se, p, method: 'Wald interval for a difference of Poisson rates' };
}

/**
 * Exact conditional interval for rate1 / rate0: given x1 + x0 events, x1 is binomial with
 * π = r1·T1 / (r1·T1 + r0·T0); a Clopper–Pearson interval for π maps to the ratio.
 * Equals R's poisson.test(c(x1, x0), c(T1, T0), conf.level = …)$conf.int. hi is Infinity when x0 = 0.
 */
export function rateRatio(events1: number, exposure1: number, events0: number, exposure0: number, confidence: number): Estimate {
  checkRates(events1, exposure1, events0, exposure0, 1);
  checkConfidence(confidence);
  const alpha = 1 - confidence;
  const toRatio = (pi: number): number => (pi / (1 - pi)) * (exposure0 / exposure1);
  const piLo = events1 === 0 ? 0 : qbeta(alpha / 2, events1, events0 + 1);
  const piHi = events0 === 0 ? 1 : qbeta(1 - alpha / 2, events1 + 1, events0);
  const estimate = events0 === 0 ? (events1 === 0 ? NaN : Infinity) : events1 / exposure1 / (events0 / exposure0);
  return {
    estimate,
    lo: toRatio(piLo),
    hi: piHi === 1 ? Infinity : toRatio(piHi),
    method: 'Exact conditional interval for a Poisson rate ratio (Clopper–Pearson on the binomial split)',
  };
}

function checkRates(e1: number, t1: number, e0: number, t0: number, per: number): void {
  checkCount('events1', e1);
  checkPositive('exposure1', t1);
  checkCount('events0', e0);
  checkPositive('exposure0', t0);
  checkPositive('per', per);
}
