// Text measurement with the shipped font files (fontkit), shared by layout and charts so that
// what fits on a slide and what Vega lays out agree with what readers see.
import { createHash } from 'node:crypto';
import { accessSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ASSETS_DIR = findAssets();

function findAssets(): string {
  // src/layout/ in development, dist/ when bundled: walk up to the folder holding assets/.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'assets');
    try {
      accessSync(join(candidate, 'fonts'));
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
  glyphForCodePoint(cp: number): { advanceWidth: number };
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
    // Loaded on the first measurement the width cache misses. In the bundle (a CommonJS script) this is the
    // bundled fontkit, compiled with the rest through V8's code cache; run from source, Node's own.
    const fontkit = (typeof require === 'function' ? require('fontkit') : createRequire(import.meta.url)('fontkit')) as { openSync(p: string): FontkitFont };
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
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { fonts: string; metrics: Record<string, LineMetrics>; advances: Record<string, number>; widths: Record<string, number> };
    if (saved.fonts !== fontsFingerprint()) return;
    for (const [w, m] of Object.entries(saved.metrics ?? {})) if (!savedMetrics.has(w as FontWeight)) savedMetrics.set(w as FontWeight, m);
    for (const [k, v] of Object.entries(saved.advances ?? {})) if (!advances.has(k) && typeof v === 'number') advances.set(k, v);
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
  writeFileSync(tmp, JSON.stringify({ fonts: fontsFingerprint(), metrics: Object.fromEntries(savedMetrics), advances: Object.fromEntries(advances), widths: Object.fromEntries(widthCache) }));
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
  const fits = (s: string) => textWidthPt(s, sizePt, weight) <= maxWidthPt;
  for (const para of text.split('\n')) {
    const words = para.split(/\s+/).filter(Boolean);
    let line = '';
    let i = 0;
    while (i < words.length) {
      const take = longestFit(line, words, i, fits, maxWidthPt / sizePt, weight);
      if (take > 0) {
        line = joinWords(line, words, i, take);
        i += take;
        if (i === words.length) break;
      }
      // words[i] does not fit on this line: it starts the next one.
      if (line) lines.push(line);
      line = words[i++];
      while (!fits(line) && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && !fits(line.slice(0, cut))) cut--;
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

function joinWords(line: string, words: string[], from: number, count: number): string {
  const more = words.slice(from, from + count).join(' ');
  return line ? line + ' ' + more : more;
}

/**
 * How many of words[from…] the greedy wrap appends to `line`. A line only widens as words are added, so that
 * is the longest run that fits: guessed from unshaped advances (cheap), then settled with exact widths —
 * about two shaped strings a line instead of one per word.
 */
function longestFit(line: string, words: string[], from: number, fits: (s: string) => boolean, maxEm: number, weight: FontWeight): number {
  const space = advanceEm(' ', weight);
  let est = line ? advanceEm(line, weight) : -space;
  let guess = 0;
  while (from + guess < words.length && (est += space + advanceEm(words[from + guess], weight)) <= maxEm) guess++;
  let down = false;
  while (guess > 0 && !fits(joinWords(line, words, from, guess))) {
    guess--;
    down = true;
  }
  if (!down) while (from + guess < words.length && fits(joinWords(line, words, from, guess + 1))) guess++;
  return guess;
}

const advances = new Map<string, number>();

/** Sum of the characters' advance widths in em, without shaping (no kerning or substitutions): a guess only. */
function advanceEm(text: string, weight: FontWeight): number {
  let em = 0;
  for (const ch of text) {
    const key = weight + ch;
    let a = advances.get(key);
    if (a === undefined) {
      const f = font(weight);
      a = f.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / f.unitsPerEm;
      advances.set(key, a);
      widthsAdded++;
    }
    em += a;
  }
  return em;
}
