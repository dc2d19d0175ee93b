// The pilot deck's power curve: the line with the design effect is power.prop.test solved at the effective
// sample n/deff, not the unclustered curve scaled by √deff. Reference: R's stats::power.prop.test equation,
// solved here with @stdlib's normal functions, independently of src/stats.
import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { runUntil } from '../../src/pipeline.js';
import { PILOT } from '../support/pilot.js';

/** p2 with power.prop.test(n = n, p1 = p1, power = power, sig.level = alpha)'s equation (strict = FALSE). */
function powerPropTestP2(n: number, p1: number, power: number, alpha: number): number {
  const za = normalQuantile(1 - alpha / 2, 0, 1);
  const f = (p2: number) => normalCdf((Math.sqrt(n) * (p2 - p1) - za * Math.sqrt(((p1 + p2) * (2 - p1 - p2)) / 2)) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)), 0, 1) - power;
  let [lo, hi] = [p1, 1 - 1e-12];
  while (hi - lo > 1e-14) [lo, hi] = f((lo + hi) / 2) < 0 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
  return (lo + hi) / 2;
}

describe('pilot power curve (call-volume pilot: baseline 20%, power 0.8, α 0.05, m = 30, ICC 0.02)', () => {
  it('draws the clustered line at n/1.58 and the plain line at n', async () => {
    const run = await runUntil('compose', PILOT);
    const slide = run.compose!.slides.find((s) => s.id === 'pilot-power')!;
    const block = slide.blocks.find((b) => b.type === 'chart');
    if (block?.type !== 'chart') throw new Error('the power slide has no chart');
    const layers = block.chart.vegaLite.layer as { data: { values: { n: number; mde: number; line: string }[] } }[];
    const values = layers[0].data.values;
    const deff = 1 + 29 * 0.02;
    const plain = values.filter((v) => v.line === 'Without design effect');
    const clustered = values.filter((v) => v.line.startsWith('With design effect'));
    expect(plain.length).toBeGreaterThan(5);
    expect(clustered.map((v) => v.n)).toEqual(plain.map((v) => v.n));
    for (const [i, v] of clustered.entries()) {
      expect(plain[i].mde).toBeCloseTo(powerPropTestP2(v.n, 0.2, 0.8, 0.05) - 0.2, 5);
      expect(v.mde).toBeCloseTo(powerPropTestP2(v.n / deff, 0.2, 0.8, 0.05) - 0.2, 5);
      // Scaling by √deff would be off by 0.4–2% here: make sure the chart is not doing that.
      expect(Math.abs(v.mde / (plain[i].mde * Math.sqrt(deff)) - 1)).toBeGreaterThan(0.003);
    }
  });
});
