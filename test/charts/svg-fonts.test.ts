// resvg draws a chart's PNG with only the font files fontFilesFor picks (a speed-up: it reads every file it is
// given on each render). The PNG must be the one all shipped files give, byte for byte, whatever the theme's face
// and whether a text needs the fallback family (marks and signs Carlito lacks) or a character no family has.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { defaultTheme } from '../../src/deck/theme.js';
import { finalSpec, renderSvg } from '../../src/charts/index.js';
import { fontFilesFor, svgForResvg } from '../../src/charts/svg-fonts.js';
import { allFontPaths } from '../../src/layout/measure.js';
import { allCharts } from './fixtures.js';

const png = (svg: string, fontFiles: string[]) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 1 }, font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Carlito', sansSerifFamily: 'Carlito' }, shapeRendering: 2, textRendering: 1 }).render().asPng();

describe('fontFilesFor', () => {
  const cases = [
    { face: 'Calibri', extra: '', subset: true },
    { face: 'Arial', extra: ' ≥ −', subset: true },
    { face: 'Calibri', extra: ' ✓', subset: true }, // Carlito lacks it: drawn from Inter
    { face: 'Arial', extra: ' ▲ best · ▼ worst', subset: true }, // Liberation Sans has ▲ and ▼
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
      const drawn = svgForResvg(await renderSvg(spec as Record<string, unknown>));
      const files = fontFilesFor(drawn);
      if (files.length < allFontPaths().length) subsets++;
      expect(Buffer.compare(png(drawn, files), png(drawn, allFontPaths())), chart.id).toBe(0);
    }
    // A subset is used whenever every character is in the faces resvg may pick; otherwise every file is loaded.
    if (subset) expect(subsets).toBeGreaterThan(0);
    else expect(subsets).toBe(0);
  });
});

// resvg reads a quoted family after an unquoted one as nothing: "Arial, 'Liberation Sans', sans-serif" drew an
// Arial chart's PNG in its default, Carlito (Calibri's widths), not in the Liberation Sans Vega measured it with.
describe('svgForResvg', () => {
  const only = (svg: string, family: string) => svg.replace(/\sfont-family="[^"]*"/g, ` font-family="${family}"`);
  it.each([
    { face: 'Arial', drawnIn: 'Liberation Sans' },
    { face: 'Helvetica', drawnIn: 'Liberation Sans' },
    { face: 'Calibri', drawnIn: 'Carlito' },
    { face: 'Inter', drawnIn: 'Inter' },
    { face: 'Segoe UI', drawnIn: 'Carlito' },
  ])('draws a $face chart in $drawnIn, the family that measured it', async ({ face, drawnIn }) => {
    const theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, heading: face, body: face } };
    const svg = await renderSvg(finalSpec(allCharts(theme)[0]) as Record<string, unknown>);
    expect(svg).toMatch(new RegExp(`font-family="'?${face}'?, `)); // PowerPoint's SVG still names the theme's face first
    // The same SVG with every text naming just one family (symbol runs then split off the same way).
    const inFamily = (family: string) => png(svgForResvg(only(svg, family)), allFontPaths());
    const drawn = png(svgForResvg(svg), allFontPaths());
    expect(Buffer.compare(drawn, inFamily(drawnIn))).toBe(0);
    for (const other of ['Carlito', 'Liberation Sans', 'Inter'].filter((f) => f !== drawnIn)) expect(Buffer.compare(drawn, inFamily(other))).not.toBe(0);
  });
});
