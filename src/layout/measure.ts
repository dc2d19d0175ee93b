// Text measurement with the shipped font files (fontkit), shared by layout and charts so that
// what fits on a slide and what Vega lays out agree with what readers see.
import { createHash } from 'node:crypto';
import { accessSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
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

/**
 * Past this many characters a text is wider than any box at any size gonogo uses, so its exact shaped width
 * decides nothing: it is summed from the characters' advances instead. Shaping costs time linear in the length
 * with a large constant (≈ 0.1 ms a character), and callers measure a text at several sizes.
 */
const SHAPE_LIMIT = 400;

/** Advance width of `text` at `sizePt` points, in points. */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = 'regular'): number {
  if (text.length > SHAPE_LIMIT) return advanceEm(text, weight) * sizePt;
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

/**
 * Adds widths saved by an earlier run. The file's first line holds a sha256 of the rest: an entry altered on disk
 * (by hand, a bad merge, a half-written copy) would change every layout that measures it, so a file that does not
 * match its hash is dropped and measured again, with a note. A missing or stale file is ignored silently.
 */
export function loadWidthCache(file: string): Diagnostic | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // No cache yet: widths are measured.
  }
  const nl = text.indexOf('\n');
  const head = /^gonogo-widths (sha256:[0-9a-f]{64})$/.exec(text.slice(0, Math.max(0, nl)));
  const body = text.slice(nl + 1);
  if (!head || head[1] !== sha256(body)) return dropped(file, 'it does not match its hash');
  try {
    const saved = JSON.parse(body) as { fonts: string; metrics: Record<string, LineMetrics>; advances: Record<string, number>; widths: Record<string, number> };
    if (saved.fonts !== fontsFingerprint()) return undefined;
    for (const [w, m] of Object.entries(saved.metrics ?? {})) if (!savedMetrics.has(w as FontWeight)) savedMetrics.set(w as FontWeight, m);
    for (const [k, v] of Object.entries(saved.advances ?? {})) if (!advances.has(k) && Number.isFinite(v)) advances.set(k, v);
    for (const [k, v] of Object.entries(saved.widths ?? {})) if (!widthCache.has(k) && Number.isFinite(v)) widthCache.set(k, v);
    return undefined;
  } catch {
    return dropped(file, 'it is not the JSON gonogo writes');
  }
}

function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}

function dropped(file: string, why: string): Diagnostic {
  try {
    rmSync(file, { force: true });
  } catch {
    // A read-only cache folder: the bad file stays, and is dropped again next time.
  }
  widthsAdded++; // write a good one at the end of this build
  return { code: 'cache/dropped', severity: 'info', message: `dropped the text-width cache ${file}: ${why}; widths are measured again` };
}

/**
 * Writes the widths measured so far (atomically), if any were added since the last load or save. The cache only
 * saves time: a folder that cannot take it (read-only, full) is noted, never an error.
 */
export function saveWidthCache(file: string): Diagnostic | undefined {
  if (!widthsAdded) return undefined;
  const body = JSON.stringify({ fonts: fontsFingerprint(), metrics: Object.fromEntries(savedMetrics), advances: Object.fromEntries(advances), widths: Object.fromEntries(widthCache) });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, `gonogo-widths ${sha256(body)}\n${body}`);
    renameSync(tmp, file);
    widthsAdded = 0;
    return undefined;
  } catch (err) {
    rmSync(tmp, { force: true });
    return { code: 'cache/unwritable', severity: 'info', message: `could not save the text-width cache ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the next build measures again` };
  }
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
      const pieces = breakWord(words[i++], sizePt, maxWidthPt, weight);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1];
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
      if (w <= maxWidthPt) {
        line = [word];
        width = w;
        continue;
      }
      const pieces = breakWord(word, sizePt, maxWidthPt, weight);
      lines.push(...pieces.slice(0, -1));
      const rest = pieces[pieces.length - 1];
      line = [rest];
      width = textWidthPt(rest, sizePt, weight);
    }
    lines.push(line.join(' '));
  }
  return lines;
}

/** A word wider than the line, cut into pieces that each fit (the last may be shorter), between graphemes. */
function breakWord(word: string, sizePt: number, maxWidthPt: number, weight: FontWeight): string[] {
  const pieces: string[] = [];
  let rest = word;
  for (;;) {
    const cut = fittingPrefix(rest, sizePt, maxWidthPt, weight);
    if (cut >= rest.length) break;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const SIMPLE = /^[\u0000-\u000C\u000E-\u02FF]*$/;

function* simpleSegments(text: string): Generator<{ segment: string; index: number }> {
  for (let i = 0; i < text.length; i++) yield { segment: text[i], index: i };
}

/**
 * Length (UTF-16 units, on a grapheme boundary) of the longest prefix of `text` no wider than `maxPt`; at least
 * one grapheme, so a caller cutting lines always moves on. Linear in the line, not the text: the characters'
 * advances bound the candidates (kerning moves a line by far less than a quarter), then exact widths settle it.
 */
export function fittingPrefix(text: string, sizePt: number, maxPt: number, weight: FontWeight = 'regular'): number {
  // Segment a window, not the whole text (the segmenter copies what it is given): widen it only when the
  // line's candidates run past its end, where the last grapheme may be cut.
  let ends: number[] = [];
  for (let window = 256; ; window *= 4) {
    const part = text.length <= window ? text : text.slice(0, window);
    ends = [];
    let em = 0;
    let over = false;
    // Below U+0300 (Latin and its punctuation, no combining marks) every character is its own grapheme.
    const segments = SIMPLE.test(part) ? simpleSegments(part) : graphemes.segment(part);
    for (const { segment, index } of segments) {
      em += advanceEm(segment, weight);
      if (ends.length > 0 && em * sizePt > maxPt * 1.25) {
        over = true;
        break;
      }
      ends.push(index + segment.length);
    }
    if (over || part.length === text.length) break;
  }
  if (ends[ends.length - 1] === text.length && textWidthPt(text, sizePt, weight) <= maxPt) return text.length;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidthPt(text.slice(0, ends[mid]), sizePt, weight) <= maxPt) lo = mid;
    else hi = mid - 1;
  }
  return ends[lo] ?? text.length;
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
