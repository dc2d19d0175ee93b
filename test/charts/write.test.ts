// writeChartSpecs: one pretty, key-sorted, stable <id>.vl.json per chart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { writeChartSpecs } from '../../src/charts/index.js';
import { allCharts } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'gonogo-vl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeChartSpecs', () => {
  const charts = allCharts(defaultTheme);

  it('writes <id>.vl.json for every chart, byte-identical on a second run', async () => {
    const paths = await writeChartSpecs(charts, join(dir, 'charts'));
    expect(paths.map((p) => p.slice(dir.length + 8))).toEqual(charts.map((c) => `${c.id}.vl.json`));
    const first = paths.map((p) => readFileSync(p, 'utf8'));
    await writeChartSpecs(allCharts(defaultTheme), join(dir, 'charts'));
    expect(paths.map((p) => readFileSync(p, 'utf8'))).toEqual(first);
  });

  it('sorts keys and sets the size in points', async () => {
    const [path] = await writeChartSpecs([charts[0]], join(dir, 'one'));
    const text = readFileSync(path, 'utf8');
    const spec = JSON.parse(text);
    expect(Object.keys(spec)).toEqual([...Object.keys(spec)].sort());
    expect(spec.width).toBe(576);
    expect(text).toMatch(/^\{\n  "\$schema"/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses two charts with the same id', async () => {
    await expect(writeChartSpecs([charts[0], charts[0]], join(dir, 'dup'))).rejects.toThrow(/share the id "forest-ttfq_median"/);
  });
});
