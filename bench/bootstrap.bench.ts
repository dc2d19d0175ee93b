// Times the quantile bootstrap at 1,000,000 values per arm and 2,000 resamples (target < 2 s on 2 cores).
// Run: npx tsx bench/bootstrap.bench.ts
import { bootstrapQuantileDiff } from '../src/stats/bootstrap.js';
import { sampleOfValues } from '../src/stats/sample.js';

/** Deterministic log-normal-ish data from a small LCG (data only; the bootstrap has its own seeded PRNG). */
function makeData(n: number, seed: number, scale: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = (s + 0.5) / 4294967296;
    out[i] = scale * Math.exp(-Math.log(u) * 0.8); // heavy right tail, like time to first quote
  }
  return out;
}

const n = 1_000_000;
const treatment = makeData(n, 1, 27);
const control = makeData(n, 2, 30);
// QUANTILES=0.5 runs one quantile only (bench/run.mjs does).
const quantiles = process.env.QUANTILES ? process.env.QUANTILES.split(',').map(Number) : [0.5, 0.9];
for (const p of quantiles) {
  const start = performance.now();
  // Continuous data: every value distinct, so each sample holds 1,000,000 (value, 1) pairs (counted in the time).
  const r = bootstrapQuantileDiff(sampleOfValues(treatment), sampleOfValues(control), p, { confidence: 0.9, resamples: 2000, seed: 7 });
  const ms = performance.now() - start;
  const d = r.difference;
  console.log(
    `p=${p}: n=${n}/arm, ${r.resamples} resamples: ${ms.toFixed(0)} ms; ` +
      `diff ${d.estimate.toFixed(3)} [${d.lo.toFixed(3)}, ${d.hi.toFixed(3)}]; ` +
      `rel ${r.relative?.estimate.toFixed(4)} [${r.relative?.lo.toFixed(4)}, ${r.relative?.hi.toFixed(4)}]`,
  );
}
