// Pilot planning for two proportions: sample size per arm and minimum detectable effect (two-sided alpha).
import { pnorm, qnorm } from './dist.js';
import { checkPositive, checkProbability, invalid } from './estimate.js';

/**
 * power-prop-test: R's stats::power.prop.test (strict = FALSE), the default everywhere in gonogo — the
 * test's variance pooled under no effect, each arm's own variance under the effect.
 * baseline-variance: the textbook shortcut n = (z₁₋α/₂ + z₁₋β)²·2p₀(1−p₀)/δ², both arms at the
 * baseline's variance (smaller n when the effect raises the variance, as it does below p = 0.5).
 */
export type PowerMethod = 'power-prop-test' | 'baseline-variance';
export const POWER_METHODS: readonly PowerMethod[] = ['power-prop-test', 'baseline-variance'];
export const DEFAULT_POWER_METHOD: PowerMethod = 'power-prop-test';

export interface PowerInput {
  /** Baseline (control) proportion. */
  p0: number;
  power: number;
  alpha: number;
  /** Design effect (1 + (m − 1)·ICC); the sample is multiplied by it. Default 1. */
  designEffect?: number;
  /** Default: power-prop-test. */
  method?: PowerMethod;
}

export interface SampleSize {
  /** Units per arm before rounding, after the design effect. */
  perArm: number;
  /** Rounded up: what to plan for. */
  perArmCeil: number;
  /** Per arm before the design effect. */
  perArmUnclustered: number;
  designEffect: number;
  method: string;
}

const POWER_METHOD_NAMES: Record<PowerMethod, string> = {
  'power-prop-test': "R's power.prop.test (normal approximation: variance pooled under no effect, per arm under the effect)",
  'baseline-variance': 'normal approximation with both arms at the baseline variance, n = (z₁₋α/₂ + z₁₋β)²·2p₀(1−p₀)/δ²',
};

/** Sample size per arm to detect p1 = p0 + mde. */
export function sampleSize(input: PowerInput & { mde: number }): SampleSize {
  const { p0, mde, power, alpha } = checkInput(input);
  const deff = input.designEffect ?? 1;
  const method = input.method ?? DEFAULT_POWER_METHOD;
  const p1 = p0 + mde;
  if (!(mde !== 0 && p1 > 0 && p1 < 1)) throw invalid(`p0 + mde must be a proportion in (0, 1) and mde ≠ 0, got ${p0} + ${mde}`);
  const za = qnorm(1 - alpha / 2);
  const zb = qnorm(power);
  const raw =
    method === 'baseline-variance'
      ? ((za + zb) ** 2 * 2 * p0 * (1 - p0)) / mde ** 2
      : // power.prop.test (strict = FALSE) solves pnorm((√n·|δ| − z_α·√(2p̄q̄)) / √(p0q0 + p1q1)) = power; closed form:
        (za * Math.sqrt(2 * ((p0 + p1) / 2) * (1 - (p0 + p1) / 2)) + zb * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1))) ** 2 / mde ** 2;
  const perArm = raw * deff;
  return { perArm, perArmCeil: Math.ceil(perArm - 1e-9), perArmUnclustered: raw, designEffect: deff, method: POWER_METHOD_NAMES[method] };
}

/** Power of the two-sided test with n per arm (power.prop.test with strict = FALSE). */
export function powerTwoProportions(n: number, p0: number, p1: number, alpha: number): number {
  checkPositive('n', n);
  checkProbability('p0', p0);
  checkProbability('p1', p1);
  checkProbability('alpha', alpha);
  const za = qnorm(1 - alpha / 2);
  const pbar = (p0 + p1) / 2;
  return pnorm((Math.sqrt(n) * Math.abs(p1 - p0) - za * Math.sqrt(2 * pbar * (1 - pbar))) / Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1)));
}

export interface Mde {
  /** Smallest upward change p1 − p0 detectable with n per arm at this power. */
  mde: number;
  /** Effective n per arm after dividing by the design effect. */
  effectiveN: number;
  method: string;
}

/** Minimum detectable (upward) effect for n units per arm: the inverse of sampleSize. */
export function minimumDetectableEffect(input: PowerInput & { n: number }): Mde {
  const { p0, power, alpha } = checkInput(input);
  checkPositive('n', input.n);
  const deff = input.designEffect ?? 1;
  const method = input.method ?? DEFAULT_POWER_METHOD;
  // Clustering: the test behaves as with n/deff independent units per arm.
  const n = input.n / deff;
  const za = qnorm(1 - alpha / 2);
  const zb = qnorm(power);
  if (method === 'baseline-variance') return { mde: (za + zb) * Math.sqrt((2 * p0 * (1 - p0)) / n), effectiveN: n, method: POWER_METHOD_NAMES[method] };
  // Power rises monotonically with p1 on (p0, 1): bisect to full double precision.
  let lo = p0;
  let hi = 1 - 1e-12;
  if (powerTwoProportions(n, p0, hi, alpha) < power) throw invalid(`no p1 < 1 reaches power ${power} with n = ${input.n} per arm`);
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (powerTwoProportions(n, p0, mid, alpha) < power) lo = mid;
    else hi = mid;
  }
  return { mde: hi - p0, effectiveN: n, method: POWER_METHOD_NAMES[method] };
}

function checkInput<T extends PowerInput>(input: T): T {
  checkProbability('p0', input.p0);
  checkProbability('power', input.power);
  checkProbability('alpha', input.alpha);
  if (input.designEffect !== undefined && !(input.designEffect >= 1)) throw invalid(`design effect must be ≥ 1, got ${input.designEffect}`);
  return input;
}
