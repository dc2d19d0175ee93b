// Text measurement with the shipped font files (fontkit), shared by layout and charts so that
// what fits on a slide and what Vega lays out agree with what readers see.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const ASSETS_DIR = findAssets();

function findAssets(): string {
  // src/layout/ in development, dist/ when bundled: walk up to the folder holding assets/.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'assets');
    try {
      require('node:fs').accessSync(join(candidate, 'fonts'));
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('gonogo: cannot find the assets/ folder next to the program');
}

export type FontWeight = 'regular' | 'semibold' | 'bold' | 'italic';

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  layout(text: string): { advanceWidth: number };
}

const fonts = new Map<FontWeight, FontkitFont>();
const FILES: Record<FontWeight, string> = {
  regular: 'fonts/Inter-Regular.ttf',
  semibold: 'fonts/Inter-SemiBold.ttf',
  bold: 'fonts/Inter-Bold.ttf',
  italic: 'fonts/Inter-Italic.ttf',
};

export function fontPath(weight: FontWeight = 'regular'): string {
  return join(ASSETS_DIR, FILES[weight]);
}

export function allFontPaths(): string[] {
  return (Object.keys(FILES) as FontWeight[]).map(fontPath);
}

function font(weight: FontWeight): FontkitFont {
  let f = fonts.get(weight);
  if (!f) {
    const fontkit = require('fontkit') as { openSync(p: string): FontkitFont };
    f = fontkit.openSync(fontPath(weight));
    fonts.set(weight, f);
  }
  return f;
}

const widthCache = new Map<string, number>();

/** Advance width of `text` at `sizePt` points, in points. */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = 'regular'): number {
  const key = weight + '\u0000' + text;
  let em = widthCache.get(key);
  if (em === undefined) {
    const f = font(weight);
    em = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, em);
  }
  return em * sizePt;
}

/** Line height PowerPoint uses for single spacing, in points (ascent + descent + gap). */
export function lineHeightPt(sizePt: number, weight: FontWeight = 'regular'): number {
  const f = font(weight);
  return ((f.ascent - f.descent + f.lineGap) / f.unitsPerEm) * sizePt;
}

/** Greedy word wrap into lines no wider than maxWidthPt. Words longer than a line are broken. */
export function wrapText(text: string, sizePt: number, maxWidthPt: number, weight: FontWeight = 'regular'): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? line + ' ' + word : word;
      if (textWidthPt(candidate, sizePt, weight) <= maxWidthPt) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (textWidthPt(line, sizePt, weight) > maxWidthPt && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidthPt(line.slice(0, cut), sizePt, weight) > maxWidthPt) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The same greedy wrap as wrapText, but each word is measured once (cached) and a line's width is the sum
 * of its words and spaces. Kerning across a space is ignored (far below the layout's fallback allowance);
 * this keeps long paragraphs linear instead of re-shaping every candidate line.
 */
export function wrapWords(text: string, sizePt: number, maxWidthPt: number, weight: FontWeight = 'regular'): string[] {
  const lines: string[] = [];
  const space = textWidthPt(' ', sizePt, weight);
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let width = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = textWidthPt(word, sizePt, weight);
      const candidate = line.length ? width + space + w : w;
      if (candidate <= maxWidthPt) {
        line.push(word);
        width = candidate;
        continue;
      }
      if (line.length) lines.push(line.join(' '));
      let rest = word;
      while (textWidthPt(rest, sizePt, weight) > maxWidthPt && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidthPt(rest.slice(0, cut), sizePt, weight) > maxWidthPt) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = [rest];
      width = textWidthPt(rest, sizePt, weight);
    }
    lines.push(line.join(' '));
  }
  return lines;
}
