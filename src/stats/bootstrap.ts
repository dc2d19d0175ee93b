// Seeded percentile bootstrap of a quantile's difference between two arms, exact and O(resamples).
//
// Why not resample values: 1,000,000 values × 2,000 resamples is 2·10⁹ draws. Counting over distinct
// values does not help for continuous data (nearly every value is distinct). Instead we draw the
// resample's order statistics directly: a resample is x[⌈n·Uᵢ⌉] for n iid uniforms Uᵢ, a monotone map,
// so its k-th order statistic is x[⌈n·U₍ₖ₎⌉] with U₍ₖ₎ ~ Beta(k, n − k + 1), and the next one is
// U₍ₖ₊₁₎ = U₍ₖ₎ + (1 − U₍ₖ₎)·Beta(1, n − k). This has exactly the distribution of the ordinary
// bootstrap's type-7 quantile, at the cost of two beta draws per resample and arm. The data are a Sample
// (distinct values with their counts): x[r] is read by rank, so resampling the units of (value, count) pairs
// needs only the distinct values in memory and draws exactly what resampling the expanded list would.
import { createRequire } from 'node:module';
import type betaRandom from '@stdlib/random-base-beta';
import { checkConfidence, invalid, type Estimate } from './estimate.js';
import { quantileSorted } from './quantiles.js';
import { sampleQuantile, valueAtRank, type Sample } from './sample.js';
import { memoized } from './bootstrap-memo.js';

export const DEFAULT_SEED = 20240601;
export const DEFAULT_RESAMPLES = 2000;

export interface BootstrapOptions {
  confidence: number;
  /** PRNG seed (MT19937 via @stdlib, a 32-bit unsigned integer ≥ 1). Same seed, same interval. */
  seed?: number;
  resamples?: number;
}

export interface QuantileBootstrap {
  /** Type-7 quantile of each arm's data. */
  treatment: number;
  control: number;
  /** treatment − control, percentile interval. */
  difference: Estimate;
  /** treatment / control − 1, percentile interval; null when a resampled control quantile is ≤ 0. */
  relative: Estimate | null;
  resamples: number;
  seed: number;
}

type BetaDraw = (a: number, b: number) => number;

/** One bootstrap replicate of the type-7 p-quantile of the sample, drawn from its exact distribution. */
function drawQuantile(x: Sample, p: number, rbeta: BetaDraw): number {
  const n = x.n;
  if (n === 1) return x.values[0];
  const h = (n - 1) * p;
  const k = Math.floor(h); // 0-based: the (k+1)-th order statistic
  const g = h - k;
  const u = rbeta(k + 1, n - k);
  const lo = valueAtRank(x, indexOf(u, n));
  if (g === 0) return lo;
  const next = u + (1 - u) * rbeta(1, n - k - 1);
  return lo + g * (valueAtRank(x, indexOf(next, n)) - lo);
}

const indexOf = (u: number, n: number): number => Math.min(n - 1, Math.max(0, Math.ceil(n * u) - 1));

/** Bootstrap replicates of one arm's quantile (exposed for tests and for single-arm intervals). */
export function bootstrapQuantileDraws(sorted: Sample, p: number, resamples: number, seed = DEFAULT_SEED): Float64Array {
  const rbeta = makeBeta(seed);
  const out = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) out[i] = drawQuantile(sorted, p, rbeta);
  return out;
}

/** The type-7 p-quantile of one arm with its percentile-bootstrap interval. */
export function bootstrapQuantileInterval(s: Sample, p: number, confidence: number, resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED): { estimate: number; lo: number; hi: number } {
  return memoized(['interval', p, confidence, resamples, seed, s.values, s.ends], () => {
    const draws = bootstrapQuantileDraws(s, p, resamples, seed).sort();
    const alpha = 1 - confidence;
    return { estimate: sampleQuantile(s, p), lo: quantileSorted(draws, alpha / 2), hi: quantileSorted(draws, 1 - alpha / 2) };
  });
}

/** Percentile bootstrap of quantile(treatment) − quantile(control) and of their ratio − 1. */
export function bootstrapQuantileDiff(t: Sample, c: Sample, p: number, options: BootstrapOptions): QuantileBootstrap {
  const { confidence, seed = DEFAULT_SEED, resamples = DEFAULT_RESAMPLES } = options;
  return memoized(['diff', p, confidence, resamples, seed, t.values, t.ends, c.values, c.ends], () => drawDiff(t, c, p, options));
}

function drawDiff(t: Sample, c: Sample, p: number, options: BootstrapOptions): QuantileBootstrap {
  checkConfidence(options.confidence);
  if (!(p > 0 && p < 1)) throw invalid(`quantile level must be between 0 and 1, got ${p}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 100) throw invalid(`resamples must be an integer ≥ 100, got ${resamples}`);
  if (t.n === 0 || c.n === 0) throw invalid('each arm needs at least one value');
  const rbeta = makeBeta(seed);
  const diffs = new Float64Array(resamples);
  const ratios = new Float64Array(resamples);
  let ratioDefined = true;
  for (let i = 0; i < resamples; i++) {
    // Arms alternate on one stream, so the result depends only on (data, p, seed, resamples).
    const qt = drawQuantile(t, p, rbeta);
    const qc = drawQuantile(c, p, rbeta);
    diffs[i] = qt - qc;
    if (qc > 0) ratios[i] = qt / qc - 1;
    else ratioDefined = false;
  }
  const qT = sampleQuantile(t, p);
  const qC = sampleQuantile(c, p);
  const alpha = 1 - options.confidence;
  const method = `Percentile bootstrap (${resamples} resamples, seed ${seed}; quantiles R type 7)`;
  const interval = (draws: Float64Array, estimate: number): Estimate => {
    draws.sort();
    return { estimate, lo: quantileSorted(draws, alpha / 2), hi: quantileSorted(draws, 1 - alpha / 2), method };
  };
  return {
    treatment: qT,
    control: qC,
    difference: interval(diffs, qT - qC),
    relative: ratioDefined && qC > 0 ? interval(ratios, qT / qC - 1) : null,
    resamples,
    seed,
  };
}

function makeBeta(seed: number): BetaDraw {
  if (!Number.isInteger(seed) || seed < 1 || seed > 0xffffffff) throw invalid(`seed must be an integer in [1, 2³²−1], got ${seed}`);
  // Loaded on the first bootstrap the memo (bootstrap-memo.ts) misses: setting up its generators costs ≈ 14 ms, a
  // twentieth of a rebuild that draws nothing. Bundled, this require is the bundled package.
  const beta = (typeof require === 'function' ? require('@stdlib/random-base-beta') : createRequire(import.meta.url)('@stdlib/random-base-beta')) as typeof betaRandom;
  return beta.factory({ seed });
}
