// The SVG as resvg should draw it for the PNG fallback (the SVG embedded for PowerPoint keeps Vega's text).
// - Each text names the one shipped family that measured it. resvg misreads some CSS lists: after an unquoted
//   name, a quoted one is lost ("Arial, 'Liberation Sans', sans-serif" draws in its default, Carlito), so an
//   Arial chart's PNG came out in Calibri's letters.
// - Characters a chart's face lacks (✓, ▲ in Calibri/Carlito) are drawn from the shipped fallback. resvg cannot
//   mix fonts inside one text element: one missing glyph sends the whole element to the first font that has
//   it (a bold face here, wider than Vega measured; linebender/resvg#973). So a single-line text element with
//   such characters becomes one element per run, each placed at the offset the runs before it measure, the
//   symbol runs named in the fallback family. PowerPoint substitutes glyph by glyph and needs none of this.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_FAMILY, familyOfFontList, INTER, SHIPPED_FAMILIES, type FontFamily, type FontWeight } from '../layout/fonts.js';
import { allFontPaths, ASSETS_DIR, fontPath, hasGlyph, textWidthPt } from '../layout/measure.js';

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function weightOf(attrs: string): FontWeight {
  const w = attr(attrs, 'font-weight');
  const n = w === 'bold' ? 700 : w === undefined || w === 'normal' ? 400 : Number(w);
  return attr(attrs, 'font-style') === 'italic' ? 'italic' : n >= 700 ? 'bold' : n >= 550 ? 'semibold' : 'regular';
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** `attrs` with font-family set to one bare family name (which resvg reads as written). */
function naming(attrs: string, family: FontFamily): string {
  const named = ` font-family="${family.name}"`;
  return /\sfont-family="[^"]*"/.test(attrs) ? attrs.replace(/\sfont-family="[^"]*"/, named) : attrs + named;
}

/** `svg` as resvg draws the PNG fallback: one shipped family named per text, symbol runs split off (see above). */
export function svgForResvg(svg: string): string {
  return svg.replace(TEXT, (_whole, listed: string, raw: string) => {
    const family = familyOfFontList(decode(attr(listed, 'font-family') ?? ''));
    const attrs = naming(listed, family);
    const text = decode(raw);
    if (family === INTER || [...text].every((ch) => hasGlyph(ch, family))) return `<text${attrs}>${raw}</text>`;
    // Runs of characters the family draws, and of characters it does not.
    const runs: { text: string; own: boolean }[] = [];
    for (const ch of text) {
      const own = hasGlyph(ch, family);
      if (runs.length && runs[runs.length - 1].own === own) runs[runs.length - 1].text += ch;
      else runs.push({ text: ch, own });
    }
    const size = parseFloat(attr(attrs, 'font-size') ?? '11');
    const weight = weightOf(attrs);
    const widths = runs.map((r) => textWidthPt(r.text, size, weight, r.own ? family : INTER));
    const total = widths.reduce((a, b) => a + b, 0);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    let x = anchor === 'end' ? -total : anchor === 'middle' ? -total / 2 : 0;
    const base = attrs.replace(/\stext-anchor="[^"]*"/, '');
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return runs
      .map((r, i) => {
        const a = r.own ? base : naming(base, INTER);
        const el = `<text${a} xml:space="preserve" text-anchor="start" x="${Math.round(x * 1000) / 1000}">${esc(r.text)}</text>`;
        x += widths[i];
        return el;
      })
      .join('');
  });
}

/**
 * The font files resvg needs to draw `svg` (svgForResvg's output) exactly as with all of them loaded. Each text
 * names one shipped family, which draws it alone when it has every character; otherwise resvg's glyph fallback
 * searches every file it was given, so all are loaded. resvg-js reads the files it is given each time it needs a
 * glyph, several times per character: the fewer and the smaller, the faster (a chart names one or two families),
 * so the trimmed copies stand in when they draw every character (chartFontCopies).
 */
export function fontFilesFor(svg: string): string[] {
  const files = shippedFilesFor(svg);
  const copies = chartFontCopies();
  return copies && [...textContent(svg)].every((ch) => copies.chars.has(ch)) ? files.map((f) => join(copies.dir, basename(f))) : files;
}

function shippedFilesFor(svg: string): string[] {
  // Only plain text elements are read here; anything else (tspans, nested markup) keeps every file.
  const texts = [...svg.matchAll(TEXT)];
  if (/<tspan\b/.test(svg) || texts.length !== (svg.match(/<text\b/g) ?? []).length) return allFontPaths();
  const needed = new Set<FontFamily>([DEFAULT_FAMILY]);
  for (const [, attrs, raw] of texts) {
    const family = SHIPPED_FAMILIES.find((f) => f.name === decode(attr(attrs, 'font-family') ?? ''));
    const text = decode(raw);
    // White space other than a plain space may be a glyph a face lacks (Carlito has no U+00A0): hasGlyph counts it drawn.
    if (!family || /[^\S ]/.test(text) || ![...text].every((ch) => hasGlyph(ch, family, weightOf(attrs)))) return allFontPaths();
    needed.add(family);
  }
  const weights: FontWeight[] = ['regular', 'semibold', 'bold', 'italic'];
  return [...new Set([...needed].flatMap((f) => weights.map((w) => fontPath(w, f))))].sort();
}

/** Every character between the SVG's tags but line breaks and tabs (drawn as spaces); a character reference reads as U+FFFD, in no charset. */
function textContent(svg: string): string {
  return decode(svg.replace(/<[^>]*>/g, '').replace(/&#/g, '\ufffd')).replace(/[\t\n\r]/g, ' ');
}

let copies: { dir: string; chars: Set<string> } | null | undefined;

/**
 * dist/chart-fonts/ (scripts/chart-fonts.mjs, written with the bundle): a copy of each shipped font file with only
 * the glyphs its manifest's characters reach, every other table as it was, so those characters draw to the same
 * pixels. Used only while each original has the size its copy was made from; absent (a checkout never bundled),
 * the originals are used.
 */
function chartFontCopies(): { dir: string; chars: Set<string> } | undefined {
  if (copies === undefined) {
    const dir = join(ASSETS_DIR, '..', 'dist', 'chart-fonts');
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { chars: string; sources: Record<string, number> };
      const current = allFontPaths().every((p) => manifest.sources[basename(p)] === statSync(p).size);
      copies = current ? { dir, chars: new Set(manifest.chars) } : null;
    } catch {
      copies = null;
    }
  }
  return copies ?? undefined;
}
