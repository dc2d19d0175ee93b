// The renderer: byte-equal SVG goldens (UPDATE=1 rewrites them), deterministic PNGs, the shipped
// font actually drawn by resvg, and the content-hash cache in memory and on disk.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { defaultTheme } from '../../src/deck/theme.js';
import { clearRenderCache, DEFAULT_SCALE, renderChart, renderSvg, finalSpec } from '../../src/charts/index.js';
import { allCharts } from './fixtures.js';
import { darkPixels, decodePng } from './helpers.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const charts = allCharts(defaultTheme);
const tmp = mkdtempSync(join(tmpdir(), 'gonogo-charts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('SVG goldens', () => {
  it.each(charts.map((c) => [c.id, c] as const))('%s matches test/charts/golden/<id>.svg', async (id, chart) => {
    const svg = (await renderChart(chart)).svg;
    const path = join(GOLDEN, `${id}.svg`);
    if (process.env.UPDATE || !existsSync(path)) writeFileSync(path, svg);
    expect(svg).toBe(readFileSync(path, 'utf8'));
  });
});

describe('PNG', () => {
  const chart = charts[0];

  it('is byte-identical across two cold renders', async () => {
    clearRenderCache();
    const a = await renderChart(chart);
    clearRenderCache();
    const b = await renderChart(chart);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(a.svg).toBe(b.svg);
  });

  it('renders at scale 3 by default: 1 pt = 3 px (216 dpi at slide size)', async () => {
    const r = await renderChart(chart);
    expect(DEFAULT_SCALE).toBe(3);
    expect(r.widthPx).toBe(Math.round(chart.width * 72) * 3);
    expect(r.heightPx).toBe(Math.round(chart.height * 72) * 3);
    const img = decodePng(r.png);
    expect([img.width, img.height]).toEqual([r.widthPx, r.heightPx]);
  });

  it('draws the title with the shipped font (resvg found Carlito)', async () => {
    const r = await renderChart(chart);
    const img = decodePng(r.png);
    // The title sits in the top-left: padding 8 pt, 15 pt semibold text.
    const box = [8 * 3, 8 * 3, 300 * 3, 28 * 3] as const;
    expect(darkPixels(img, ...box)).toBeGreaterThan(2000);
    // Control: the same SVG without fonts draws no title at all, so the check above means something.
    const bare = new Resvg(r.svg, { fitTo: { mode: 'zoom', value: 3 }, font: { loadSystemFonts: false, fontFiles: [] } });
    expect(darkPixels(decodePng(new Uint8Array(bare.render().asPng())), ...box)).toBe(0);
  });

  it('changes when the spec changes, and the new spec has its own cache entry', async () => {
    const moved = { ...chart, vegaLite: { ...chart.vegaLite, title: { text: 'Another title' } } };
    const [a, b] = [await renderChart(chart), await renderChart(moved)];
    expect(a.svg).not.toBe(b.svg);
    expect(a.svg).toContain('Change vs control');
  });
});

describe('cache', () => {
  it('reuses the in-memory render for the same spec', async () => {
    const a = await renderChart(charts[1]);
    const b = await renderChart(structuredClone(charts[1]));
    expect(b).toBe(a);
  });

  it('writes <hash>.svg/.png to cacheDir and reads them back after the memory is cleared', async () => {
    const dir = join(tmp, 'cache');
    clearRenderCache();
    const a = await renderChart(charts[2], { cacheDir: dir });
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(files[1]).toMatch(/^[0-9a-f]{32}\.sha256$/);
    clearRenderCache();
    const b = await renderChart(charts[2], { cacheDir: dir });
    expect(b.svg).toBe(a.svg);
    expect(Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
    expect([b.widthPx, b.heightPx]).toEqual([a.widthPx, a.heightPx]);
  });

  it('drops an entry whose files no longer match their hash, with a note, and draws the chart again', async () => {
    const dir = join(tmp, 'corrupt');
    clearRenderCache();
    const good = await renderChart(charts[1], { cacheDir: dir });
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!;
    // One pixel's worth of bytes changed near the end of the image data: a valid-looking PNG, a different chart.
    const bytes = readFileSync(join(dir, png));
    bytes[bytes.length - 20] ^= 0xff;
    writeFileSync(join(dir, png), bytes);
    clearRenderCache();
    const notes: string[] = [];
    const again = await renderChart(charts[1], { cacheDir: dir, onNote: (d) => notes.push(`${d.code}: ${d.message}`) });
    expect(Buffer.from(again.png).equals(Buffer.from(good.png))).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/^cache\/dropped: dropped chart cache entry [0-9a-f]{32}: its files do not match their hash/)]);
    // The entry was written again, whole: the next read takes it without a note.
    clearRenderCache();
    await renderChart(charts[1], { cacheDir: dir, onNote: (d) => notes.push(d.code) });
    expect(notes).toHaveLength(1);
    expect(Buffer.from(readFileSync(join(dir, png))).equals(Buffer.from(good.png))).toBe(true);
  });

  it('keys by scale too', async () => {
    const a = await renderChart(charts[0], { scale: 2 });
    expect(a.widthPx).toBe(Math.round(charts[0].width * 72) * 2);
  });

  it('rejects a non-positive scale', async () => {
    await expect(renderChart(charts[0], { scale: 0 })).rejects.toThrow(/scale must be positive/);
  });
});

describe('renderSvg', () => {
  it('gives the same SVG whether or not other charts rendered before (clip ids reset)', async () => {
    const spec = finalSpec(charts[3]);
    const first = await renderSvg(spec);
    await renderSvg(finalSpec(charts[0]));
    expect(await renderSvg(spec)).toBe(first);
  });
});
