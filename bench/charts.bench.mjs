// Charts per second, cold (first render in a fresh process: imports, font loading, no cache) and
// warm (Vega loaded, spec changed each time so the cache is missed), plus cache hits.
// Run: node --import tsx bench/charts.bench.mjs
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { defaultTheme } = await import('../src/deck/theme.ts');
const charts = await import('../src/charts/index.ts');
const { allCharts } = await import('../test/charts/fixtures.ts');
const list = allCharts(defaultTheme);

const first = performance.now();
await charts.renderChart(list[0]);
const coldMs = performance.now() - first;
const importMs = first - t0;

// Warm: every chart kind, each render with a new title so nothing comes from the cache.
const rounds = Number(process.env.ROUNDS ?? 3);
let n = 0;
let svgMs = 0;
const warmStart = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const c of list) {
    const spec = { ...c, vegaLite: { ...c.vegaLite, title: { text: `Bench ${r} ${c.id}` } } };
    const s = performance.now();
    await charts.renderSvg(charts.finalSpec(spec));
    svgMs += performance.now() - s;
    await charts.renderChart(spec);
    n++;
  }
}
const warmMs = performance.now() - warmStart - svgMs; // renderChart only: SVG + PNG

for (const c of list) await charts.renderChart(c);
const hitStart = performance.now();
for (const c of list) await charts.renderChart(structuredClone(c));
const hitMs = performance.now() - hitStart;

const fmt = (x) => x.toFixed(1);
console.log(`imports (tsx, charts kit): ${fmt(importMs)} ms`);
console.log(`cold: first chart ${fmt(coldMs)} ms (vega/vega-lite/resvg load + render) → ${fmt(1000 / coldMs)} charts/s`);
console.log(`warm: ${n} renders (SVG + PNG at scale ${charts.DEFAULT_SCALE}) in ${fmt(warmMs)} ms → ${fmt((1000 * n) / warmMs)} charts/s, ${fmt(warmMs / n)} ms each`);
console.log(`warm SVG only: ${fmt(svgMs / n)} ms each → PNG (rasterise + encode) ≈ ${fmt(warmMs / n - svgMs / n)} ms each`);
console.log(`cache hits (hash of the final spec): ${list.length} in ${fmt(hitMs)} ms → ${fmt(hitMs / list.length)} ms each`);
