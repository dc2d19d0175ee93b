// Chart PNGs are drawn with trimmed copies of the font files (scripts/chart-fonts.mjs, dist/chart-fonts/): resvg reads
// a whole file each time it needs a glyph, and the copies keep only the glyphs chart text reaches. Their promise:
// every character they list draws to the pixels the original draws, with kerning and ligatures; and fontFilesFor
// gives them to resvg only for text made of those characters.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
// @ts-expect-error: plain ESM script without types
import { CHART_CHARS, trimFont } from '../../scripts/chart-fonts.mjs';
import { fontFilesFor } from '../../src/charts/svg-fonts.js';
import { SHIPPED_FAMILIES } from '../../src/layout/fonts.js';
import { allFontPaths, ASSETS_DIR } from '../../src/layout/measure.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `lines` in one family and style, a text element per line. */
function svgOf(lines: string[], family: string, style: string): string {
  const texts = lines.map((l, i) => `<text x="4" y="${20 + i * 18}" font-family="${family}" font-size="14" ${style}>${esc(l)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${30 + lines.length * 18}"><rect width="100%" height="100%" fill="#fff"/>${texts.join('')}</svg>`;
}

const pixels = (svg: string, file: string) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { fontFiles: [file], loadSystemFonts: false }, shapeRendering: 2, textRendering: 1 }).render().pixels;

const styleOf = (file: string) => (/Italic/.test(file) ? 'font-style="italic"' : /SemiBold/.test(file) ? 'font-weight="600"' : /Bold/.test(file) ? 'font-weight="bold"' : '');

const chars: string = CHART_CHARS;
// every listed character, then words that kerning and ligatures act on
const sample = [
  ...Array.from({ length: Math.ceil([...chars].length / 40) }, (_, i) => [...chars].slice(i * 40, (i + 1) * 40).join('')),
  'office affluent fjord Tavern AVATAR Wo. Yo, \u201cT\u201d L\u2019Y 7% \u2212 1.5pp (\u00b10.4) \u25b2 best \u00b7 \u25bc worst',
];

describe('trimmed chart fonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-chart-fonts-'));
  const files = allFontPaths();

  it.each(files.map((f) => ({ file: basename(f), path: f })))('$file: the listed characters draw the same pixels from the copy', ({ file, path }) => {
    const copy = join(dir, file);
    writeFileSync(copy, trimFont(readFileSync(path)));
    const family = SHIPPED_FAMILIES.find((f) => Object.values(f.files).some((p) => p.endsWith(file)))!.name;
    const svg = svgOf(sample, family, styleOf(file));
    expect(Buffer.compare(pixels(svg, copy), pixels(svg, path))).toBe(0);
    // A trim, not a copy: smaller, and a glyph outside the list (the original has it) is gone.
    expect(statSync(copy).size).toBeLessThan(statSync(path).size);
    const cyrillic = svgOf(['\u0416\u0418\u0412'], family, styleOf(file));
    expect(Buffer.compare(pixels(cyrillic, copy), pixels(cyrillic, path))).not.toBe(0);
  });

  it("fontFilesFor gives resvg the copies for listed characters, the originals for any other", () => {
    // dist/chart-fonts/ is written with the bundle, which the suite's global setup builds
    const copies = join(dirname(ASSETS_DIR), 'dist', 'chart-fonts');
    const chart = (text: string) => svgOf([text], 'Carlito', '');
    const listed = fontFilesFor(chart('Quote time \u2212 1.5 pp \u00b7 \u25b2'));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((f) => dirname(f) === copies)).toBe(true);
    const originals = (svg: string) => fontFilesFor(svg).every((f) => dirname(f) === join(ASSETS_DIR, 'fonts'));
    for (const other of ['Quote time \u0416', '\u{1F600}']) expect(originals(chart(other)), other).toBe(true);
    // a character reference is not read: it could be any character
    expect(originals(chart('Quote time').replace('time', 'time &#8734;'))).toBe(true);
  });
});
