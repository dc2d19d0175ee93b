// Characters a chart's face lacks (✓, ▲ in Calibri/Carlito) are drawn from the shipped fallback. resvg cannot
// mix fonts inside one text element: one missing glyph sends the whole element to the first font that has
// it (a bold face here, wider than Vega measured; linebender/resvg#973). So, for the PNG only, a single-line
// text element with such characters becomes one element per run, each placed at the offset the runs before it
// measure, the symbol runs named in the fallback family. The SVG embedded for PowerPoint keeps Vega's text:
// PowerPoint substitutes glyph by glyph.
import { DEFAULT_FAMILY, familyOfFontList, INTER, SHIPPED_FAMILIES, type FontFamily, type FontWeight } from '../layout/fonts.js';
import { allFontPaths, fontPath, hasGlyph, textWidthPt } from '../layout/measure.js';

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

export function splitFallbackRuns(svg: string): string {
  return svg.replace(TEXT, (whole, attrs: string, raw: string) => {
    const family = familyOfFontList(decode(attr(attrs, 'font-family') ?? ''));
    const text = decode(raw);
    if (family === INTER || [...text].every((ch) => hasGlyph(ch, family))) return whole;
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
        const a = r.own ? base : base.replace(/\sfont-family="[^"]*"/, ` font-family="${INTER.name}"`);
        const el = `<text${a} xml:space="preserve" text-anchor="start" x="${Math.round(x * 1000) / 1000}">${esc(r.text)}</text>`;
        x += widths[i];
        return el;
      })
      .join('');
  });
}

/**
 * The shipped font files resvg needs to draw `svg` (after splitFallbackRuns) exactly as with all of them loaded.
 * resvg draws a text in a family its font-family list names or, when it reads none of the list, in its default
 * (it misreads some lists: "Arial, 'Liberation Sans', sans-serif" draws in Carlito). So every shipped family the
 * list names is loaded, and the default; that is enough when each of the text's characters is in all of those
 * faces (in the one face, for a list that is just a shipped family's name), as nothing is then drawn from a fallback. Otherwise every file: resvg's glyph fallback searches them all.
 * resvg-js reads the files it is given on every render (≈ 14 ms for all ten; a chart names one or two families).
 */
export function fontFilesFor(svg: string): string[] {
  // Only plain text elements are read here; anything else (tspans, nested markup) keeps every file.
  const texts = [...svg.matchAll(TEXT)];
  if (/<tspan\b/.test(svg) || texts.length !== (svg.match(/<text\b/g) ?? []).length) return allFontPaths();
  const needed = new Set<FontFamily>([DEFAULT_FAMILY]);
  for (const [, attrs, raw] of texts) {
    const list = decode(attr(attrs, 'font-family') ?? '').toLowerCase();
    // Another generic (serif, monospace…) has its own default face, which none of the shipped files may be.
    if (/\b(serif|monospace|cursive|fantasy|system-ui)\b/.test(list.replace(/sans-serif/g, ''))) return allFontPaths();
    // A bare shipped name alone (what splitFallbackRuns writes for a fallback run) is read as written.
    const alone = SHIPPED_FAMILIES.find((f) => f.name.toLowerCase() === list.trim());
    const candidates = alone ? [alone] : [...SHIPPED_FAMILIES.filter((f) => list.includes(f.name.toLowerCase())), DEFAULT_FAMILY];
    const text = decode(raw);
    // White space other than a plain space may be a glyph a face lacks (Carlito has no U+00A0): hasGlyph counts it drawn.
    if (/[^\S ]/.test(text) || ![...text].every((ch) => candidates.every((f) => hasGlyph(ch, f, weightOf(attrs))))) return allFontPaths();
    for (const f of candidates) needed.add(f);
  }
  const weights: FontWeight[] = ['regular', 'semibold', 'bold', 'italic'];
  return [...new Set([...needed].flatMap((f) => weights.map((w) => fontPath(w, f))))].sort();
}
