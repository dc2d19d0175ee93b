// Text measurement with the shipped font files (fontkit), shared by layout and charts so that
// what fits on a slide and what Vega lays out agree with what readers see.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
let widthsAdded = 0;

/** Advance width of `text` at `sizePt` points, in points. */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = 'regular'): number {
  const key = weight + '\u0000' + text;
  let em = widthCache.get(key);
  if (em === undefined) {
    const f = font(weight);
    em = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, em);
    widthsAdded++;
  }
  return em * sizePt;
}

// Shaping with fontkit costs ≈ 0.5 ms a string and a deck measures thousands, so widths persist between
// runs (build keeps them in DECK/out/.cache). Values are the exact doubles measured, keyed by the font bytes.
let fingerprint: string | undefined;

function fontsFingerprint(): string {
  const h = createHash('sha256');
  for (const p of allFontPaths()) h.update(readFileSync(p));
  return (fingerprint ??= 'widths-1:' + h.digest('hex').slice(0, 16));
}

/** Adds widths saved by an earlier run; a missing, stale or unreadable file is ignored. */
export function loadWidthCache(file: string): void {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { fonts: string; metrics: Record<string, LineMetrics>; widths: Record<string, number> };
    if (saved.fonts !== fontsFingerprint()) return;
    for (const [w, m] of Object.entries(saved.metrics ?? {})) if (!savedMetrics.has(w as FontWeight)) savedMetrics.set(w as FontWeight, m);
    for (const [k, v] of Object.entries(saved.widths)) if (!widthCache.has(k) && typeof v === 'number') widthCache.set(k, v);
  } catch {
    // No cache yet: widths are measured.
  }
}

/** Writes the widths measured so far (atomically), if any were added since the last load or save. */
export function saveWidthCache(file: string): void {
  if (!widthsAdded) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ fonts: fontsFingerprint(), metrics: Object.fromEntries(savedMetrics), widths: Object.fromEntries(widthCache) }));
  renameSync(tmp, file);
  widthsAdded = 0;
}

/** Line height PowerPoint uses for single spacing, in points (ascent + descent + gap). */
export function lineHeightPt(sizePt: number, weight: FontWeight = 'regular'): number {
  const f = lineMetrics(weight);
  return ((f.ascent - f.descent + f.lineGap) / f.unitsPerEm) * sizePt;
}

type LineMetrics = Pick<FontkitFont, 'unitsPerEm' | 'ascent' | 'descent' | 'lineGap'>;
const savedMetrics = new Map<FontWeight, LineMetrics>();

/** Vertical metrics, from the width cache when it has them (so a rebuild need not open the fonts). */
function lineMetrics(weight: FontWeight): LineMetrics {
  let m = savedMetrics.get(weight);
  if (!m) {
    const f = font(weight);
    m = { unitsPerEm: f.unitsPerEm, ascent: f.ascent, descent: f.descent, lineGap: f.lineGap };
    savedMetrics.set(weight, m);
    widthsAdded++;
  }
  return m;
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
