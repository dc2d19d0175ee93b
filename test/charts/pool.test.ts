// Charts drawn on the worker pool are the bytes this thread draws (same code, same fonts, one chart at a time per
// worker), whichever worker draws them and in whatever order they come back.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/deck/theme.js';
import { DEFAULT_SCALE, drawHere } from '../../src/charts/render.js';
import { finalSpec } from '../../src/charts/final-spec.js';
import { ChartPool, chartPool, endChartPool, existingChartPool } from '../../src/charts/pool.js';
import { build } from '../../src/build.js';
import { tempDeck } from '../support/decks.js';
import { allCharts } from './fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('ChartPool', () => {
  it('draws every chart kind to the same SVG and PNG bytes as this thread, on two workers at once', async () => {
    const specs = allCharts(defaultTheme).map(finalSpec);
    const pool = new ChartPool(2);
    try {
      const drawn = await Promise.all(specs.map((s) => pool.draw(s, DEFAULT_SCALE)));
      for (const [i, spec] of specs.entries()) {
        const here = await drawHere(spec, DEFAULT_SCALE);
        expect(drawn[i].svg).toBe(here.svg);
        expect(Buffer.from(drawn[i].png).equals(Buffer.from(here.png))).toBe(true);
        expect([drawn[i].widthPx, drawn[i].heightPx]).toEqual([here.widthPx, here.heightPx]);
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the charts in flight with the worker’s message, and refuses work once closed', async () => {
    const pool = new ChartPool(1);
    await expect(pool.draw({ $schema: 'x', mark: 'no-such-mark' }, DEFAULT_SCALE)).rejects.toThrow(/chart drawing failed/);
    await pool.close();
    await expect(pool.draw(finalSpec(allCharts(defaultTheme)[0]), DEFAULT_SCALE)).rejects.toThrow(/closed/);
  });
});

describe('endChartPool', () => {
  it('ends the process’s pool, which refuses work from then on; the next draw starts another', async () => {
    const spec = finalSpec(allCharts(defaultTheme)[0]);
    const pool = chartPool(1);
    const first = await pool.draw(spec, DEFAULT_SCALE);
    await endChartPool();
    expect(existingChartPool()).toBeUndefined();
    await expect(pool.draw(spec, DEFAULT_SCALE)).rejects.toThrow(/closed/);
    const again = chartPool(1);
    try {
      expect(again).not.toBe(pool);
      expect(Buffer.from((await again.draw(spec, DEFAULT_SCALE)).png).equals(Buffer.from(first.png))).toBe(true);
    } finally {
      await endChartPool();
    }
  });

  it('a build that ends its drawing threads (the CLI’s) writes the deck a build drawing on this thread writes', async () => {
    const deck = tempDeck();
    try {
      const ended = await build(deck.dir, { outDir: join(deck.dir, 'ended'), endChartThreads: true });
      expect(existingChartPool()).toBeUndefined();
      const here = await build(deck.dir, { outDir: join(deck.dir, 'here'), chartThreads: 0 });
      expect(readFileSync(ended.pptxFile).equals(readFileSync(here.pptxFile))).toBe(true);
    } finally {
      deck.cleanup();
    }
  });
});
