// Edge cases: missing intervals, single rows, bad input, and output that does not depend on the
// machine's time zone or locale (a child process with other TZ/LANG renders the same bytes).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { compileVegaLite, finalSpec, forestChart, guardrailsChart, powerChart, renderChart, distributionChart, timeSeriesChart } from '../../src/charts/index.js';
import { distributionInput, forestInput, guardrailsInput, powerInput, timeSeriesInput } from './fixtures.js';
import { textBoxes } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');

describe('missing intervals', () => {
  const noCi = { ...forestInput, rows: [{ label: 'Overall', estimate: -0.12, lo: null, hi: null, tone: 'inconclusive' as const, mark: '○ no data' }, forestInput.rows[1]] };

  it('forest: draws the estimate, says "no interval", compiles cleanly', async () => {
    const chart = forestChart(noCi, defaultTheme);
    expect(chart.alt).toMatch(/^Treatment lowers median time to first quote by 12% \(no interval\);/);
    expect((await compileVegaLite(finalSpec(chart))).warnings).toEqual([]);
    const { boxes } = await textBoxes(finalSpec(chart));
    expect(boxes.some((b) => b.text.startsWith('\u221212% (no interval)'))).toBe(true);
    // Rows keep the input order even though the interval layer has no 'Overall' row.
    const overall = boxes.find((b) => b.text === 'Overall')!;
    const cleaning = boxes.find((b) => b.text === 'Home cleaning')!;
    expect(overall.y1).toBeLessThan(cleaning.y1);
  });

  it('guardrails: a row without an interval is placed at its estimate', () => {
    const rows = [{ ...guardrailsInput.rows[0], lo: null, hi: null }];
    const values = (guardrailsChart({ ...guardrailsInput, rows }, defaultTheme).vegaLite.data as { values: { x: number; x1: number; x2: number; zero: number; limit: number }[] }).values;
    // hire rate −0.2pp, better higher, limit 1pp → worsening of 20% of the way from no change to the limit
    const v = values[0];
    expect([v.x1, v.x2]).toEqual([v.x, v.x]);
    expect((v.x - v.zero) / (v.limit - v.zero)).toBeCloseTo(0.2, 9);
  });
});

describe('bad input', () => {
  it('throws a clear message for empty data', () => {
    expect(() => forestChart({ ...forestInput, rows: [] }, defaultTheme)).toThrow(/forestChart\(ttfq_median\): no rows/);
    expect(() => distributionChart({ ...distributionInput, values: { control: [], treatment: [[1, 1]] } }, defaultTheme)).toThrow(/no control values/);
    expect(() => powerChart({ ...powerInput, designEffect: 0.5 }, defaultTheme)).toThrow(/design effect must be ≥ 1/);
    expect(() => powerChart({ ...powerInput, curve: powerInput.curve.map(({ n, mde }) => ({ n, mde })) }, defaultTheme)).toThrow(/every point needs mdeClustered/);
    expect(() => timeSeriesChart({ ...timeSeriesInput, points: [{ date: '3/2/2026', arm: 'control', value: 1 }] }, defaultTheme)).toThrow(/not YYYY-MM-DD/);
    expect(() => guardrailsChart({ ...guardrailsInput, rows: [{ ...guardrailsInput.rows[0], limit: 0 }] }, defaultTheme)).toThrow(/limit of "7-day hire rate" must be positive/);
  });
});

describe('the same bytes on every machine', () => {
  it('PNG hash matches the golden (UPDATE=1 rewrites test/charts/golden/png-sha256.json)', async () => {
    const chart = forestChart(forestInput, defaultTheme);
    const sha = createHash('sha256').update((await renderChart(chart)).png).digest('hex');
    const path = join(import.meta.dirname, 'golden', 'png-sha256.json');
    if (process.env.UPDATE || !existsSync(path)) writeFileSync(path, JSON.stringify({ [chart.id]: sha }, null, 2) + '\n');
    expect(sha).toBe(JSON.parse(readFileSync(path, 'utf8'))[chart.id]);
  });

  it('a process with another time zone and locale renders identical SVG and PNG', async () => {
    const script = `
      const { defaultTheme } = await import('./src/deck/theme.ts');
      const c = await import('./src/charts/index.ts');
      const f = await import('./test/charts/fixtures.ts');
      const { createHash } = await import('node:crypto');
      const h = (x) => createHash('sha256').update(x).digest('hex');
      const out = [];
      for (const ch of [c.forestChart(f.forestInput, defaultTheme), c.timeSeriesChart(f.timeSeriesInput, defaultTheme)]) {
        const r = await c.renderChart(ch);
        out.push(h(r.svg), h(r.png));
      }
      console.log(JSON.stringify(out));`;
    const child = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    const h = (x: string | Uint8Array) => createHash('sha256').update(x).digest('hex');
    const here: string[] = [];
    for (const ch of [forestChart(forestInput, defaultTheme), timeSeriesChart(timeSeriesInput, defaultTheme)]) {
      const r = await renderChart(ch);
      here.push(h(r.svg), h(r.png));
    }
    expect(JSON.parse(child.trim().split('\n').pop()!)).toEqual(here);
  });
});
