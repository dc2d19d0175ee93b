// resvg draws a chart's PNG with only the font files fontFilesFor picks (a speed-up: it reads every file it is
// given on each render). The PNG must be the one all shipped files give, byte for byte, whatever the theme's face
// and whether a text needs the fallback family (marks and signs Carlito lacks) or a character no family has.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { defaultTheme } from '../../src/deck/theme.js';
import { finalSpec, renderSvg } from '../../src/charts/index.js';
import { fontFilesFor, splitFallbackRuns } from '../../src/charts/svg-fonts.js';
import { allFontPaths } from '../../src/layout/measure.js';
import { allCharts } from './fixtures.js';

const png = (svg: string, fontFiles: string[]) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 1 }, font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Carlito', sansSerifFamily: 'Carlito' }, shapeRendering: 2, textRendering: 1 }).render().asPng();

describe('fontFilesFor', () => {
  const cases = [
    { face: 'Calibri', extra: '', subset: true },
    { face: 'Arial', extra: ' ≥ −', subset: true },
    { face: 'Calibri', extra: ' ✓', subset: true }, // Carlito lacks it: drawn from Inter
    // resvg misreads "Arial, 'Liberation Sans', sans-serif" and draws in its default, Carlito, which lacks ▲:
    // the glyph then comes from whichever file resvg's fallback finds first, so every file is loaded
    { face: 'Arial', extra: ' ▲ best · ▼ worst', subset: false },
    { face: 'Inter', extra: '', subset: true },
    { face: 'Brandon Grotesque', extra: ' ▲', subset: true },
    { face: 'Calibri', extra: ' \u{1F600}', subset: false }, // no shipped family has it: every file is loaded
  ];
  it.each(cases)('draws the same PNG as all shipped fonts: $face, extra text "$extra"', async ({ face, extra, subset }) => {
    const theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, heading: face, body: face } };
    let subsets = 0;
    for (const chart of allCharts(theme).slice(0, 4)) {
      const spec = finalSpec(chart) as { title?: { text?: string } };
      spec.title = { ...spec.title, text: `${spec.title?.text ?? ''}${extra}` };
      const drawn = splitFallbackRuns(await renderSvg(spec as Record<string, unknown>));
      const files = fontFilesFor(drawn);
      if (files.length < allFontPaths().length) subsets++;
      expect(Buffer.compare(png(drawn, files), png(drawn, allFontPaths())), chart.id).toBe(0);
    }
    // A subset is used whenever every character is in the faces resvg may pick; otherwise every file is loaded.
    if (subset) expect(subsets).toBeGreaterThan(0);
    else expect(subsets).toBe(0);
  });
});
