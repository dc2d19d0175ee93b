// Text measurement with the shipped font files (fontkit), shared by layout and charts so that
// what fits on a slide and what Vega lays out agree with what readers see.
import { createHash } from 'node:crypto';
import { accessSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { droppedNote, FileStamp, readHashed, saveHashed } from '../cache-file.js';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { DEFAULT_FAMILY, INTER, SHIPPED_FAMILIES, type FontFamily, type FontWeight } from './fonts.js';
import { plainRun, type PlainRun, type ShapedFont } from './plain-shaping.js';

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

export type { FontWeight } from './fonts.js';

interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

interface FontkitFont extends ShapedFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  layout(text: string): { advanceWidth: number; glyphs: FontkitGlyph[]; positions: { xAdvance: number }[] };
  glyphForCodePoint(cp: number): FontkitGlyph;
}

// The family text is measured with unless a caller names one: the layout sets it from the deck's theme
// (setMeasureFamily) before it measures; charts name theirs from the font their spec draws with.
let active: FontFamily = DEFAULT_FAMILY;

export function setMeasureFamily(family: FontFamily): void {
  active = family;
}

export function measureFamily(): FontFamily {
  return active;
}

const fonts = new Map<string, FontkitFont>();

export function fontPath(weight: FontWeight = 'regular', family: FontFamily = active): string {
  return join(ASSETS_DIR, family.files[weight]);
}

/** Every shipped font file (each once): what resvg loads to draw charts and logos. */
export function allFontPaths(): string[] {
  return [...new Set(SHIPPED_FAMILIES.flatMap((f) => Object.values(f.files)))].sort().map((p) => join(ASSETS_DIR, p));
}

function font(weight: FontWeight, family: FontFamily): FontkitFont {
  const file = family.files[weight];
  let f = fonts.get(file);
  if (!f) {
    // Loaded on the first measurement the width cache misses. In the bundle (a CommonJS script) this is the
    // bundled fontkit, compiled with the rest through V8's code cache; run from source, Node's own.
    const fontkit = (typeof require === 'function' ? require('fontkit') : createRequire(import.meta.url)('fontkit')) as { openSync(p: string): FontkitFont };
    f = fontkit.openSync(join(ASSETS_DIR, file));
    fonts.set(file, f);
  }
  return f;
}

/**
 * Width in em of a character the family has no glyph for (✓ in Calibri): readers' software draws it from
 * another font. We take the first shipped family that has it (Inter first: it covers the marks gonogo writes
 * and is wider there than the usual fallbacks), else a full em.
 */
function fallbackEm(cp: number, weight: FontWeight, family: FontFamily): number {
  for (const other of [INTER, ...SHIPPED_FAMILIES]) {
    if (other === family) continue;
    const f = font(weight, other);
    if (f.hasGlyphForCodePoint(cp)) return f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
  }
  return 1;
}

/** Whether the family draws `ch` itself (white space counts as drawn), in the file of `weight`. */
export function hasGlyph(ch: string, family: FontFamily = active, weight: FontWeight = 'regular'): boolean {
  const cp = ch.codePointAt(0)!;
  return cp < 0x20 || /\s/.test(ch) || font(weight, family).hasGlyphForCodePoint(cp);
}

/** Shaped advance of `text` in em, with characters the family lacks measured in a fallback. */
function shapedEm(text: string, weight: FontWeight, family: FontFamily): number {
  const f = font(weight, family);
  // Most text only ligatures and pair kerning act on: fontkit's numbers without running its shaper.
  const run = plainRun(f, text) ?? fontkitRun(f, text);
  let fallback = 0;
  for (const cp of run.missing) fallback += fallbackEm(cp, weight, family);
  return run.units / f.unitsPerEm + fallback;
}

/**
 * fontkit's shaped run: the advances of the glyphs the font has, and the code points of its .notdef glyphs.
 * fontkit keeps one .notdef glyph object per font, carrying the code points of the first character it was made for
 * (every later ▲ would read as an earlier ✓, and a width would hang on what the process measured first): the
 * characters are read from the text instead, those the font lacks in order, when they are as many as the .notdefs.
 */
export function fontkitRun(f: Pick<FontkitFont, 'layout' | 'hasGlyphForCodePoint'>, text: string): PlainRun {
  const run = f.layout(text);
  let units = run.advanceWidth;
  const notdef: number[] = [];
  run.glyphs.forEach((g, i) => {
    if (g.id !== 0) return;
    units -= run.positions[i].xAdvance;
    notdef.push(...g.codePoints);
  });
  const lacking = notdef.length === 0 ? [] : [...text].map((ch) => ch.codePointAt(0)!).filter((cp) => !IGNORABLE.test(String.fromCodePoint(cp)) && !f.hasGlyphForCodePoint(cp));
  return { units, missing: lacking.length === notdef.length ? lacking : notdef };
}

/** Characters fontkit draws with no width (a space glyph), never a .notdef. */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

const widthCache = new Map<string, number>();
let widthsAdded = 0;

/**
 * Past this many characters a text is wider than any box at any size gonogo uses, so its exact shaped width
 * decides nothing: it is summed from the characters' advances instead. Shaping costs time linear in the length
 * with a large constant (≈ 0.1 ms a character), and callers measure a text at several sizes.
 */
const SHAPE_LIMIT = 400;

/** Advance width of `text` at `sizePt` points, in points. */
export function textWidthPt(text: string, sizePt: number, weight: FontWeight = 'regular', family: FontFamily = active): number {
  if (text.length > SHAPE_LIMIT) return advanceEm(text, weight, family) * sizePt;
  const key = family.name + '\u0000' + weight + '\u0000' + text;
  let em = widthCache.get(key);
  if (em === undefined) {
    em = shapedEm(text, weight, family);
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, em);
    widthsAdded++;
  }
  return em * sizePt;
}

// Shaping with fontkit costs ≈ 0.5 ms a string and a deck measures thousands, so widths persist between
// runs (build keeps them in DECK/out/.cache). Values are the exact doubles measured, keyed by the font files as
// installed (path, size, modification time: hashing their bytes cost a rebuild 12 ms; a reinstall re-measures).
let fingerprint: string | undefined;

/** The font files as installed (path, size, modification time): what every measured width hangs on. */
export function fontsFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  for (const p of allFontPaths()) {
    const { size, mtimeMs } = statSync(p);
    h.update(`${p}\u0000${size}\u0000${mtimeMs}\n`);
  }
  return (fingerprint = 'widths-4:' + h.digest('hex').slice(0, 16));
}

/** The cache file as this process last read or wrote it: a rebuild in the same process (watch) skips reading it again. */
const widthsStamp = new FileStamp();
const WIDTHS = 'text-width cache';

/**
 * Adds widths saved by an earlier run. An entry altered on disk would change every layout that measures it, so a
 * file that does not match its hash is dropped and measured again, with a note (cache-file.ts). A missing or
 * stale file is ignored silently.
 */
export function loadWidthCache(file: string): Diagnostic | undefined {
  if (widthsStamp.matches(file)) return undefined;
  const body = readHashed(file, 'widths');
  if (body === undefined) return undefined; // No cache yet: widths are measured.
  if (body === null) return dropped(file, 'it does not match its hash');
  try {
    const saved = JSON.parse(body) as { fonts: string; metrics: Record<string, LineMetrics>; advances: Record<string, number>; widths: Record<string, number> };
    if (saved.fonts !== fontsFingerprint()) return undefined;
    for (const [k, m] of Object.entries(saved.metrics ?? {})) if (!savedMetrics.has(k)) savedMetrics.set(k, m);
    for (const [k, v] of Object.entries(saved.advances ?? {})) if (!advances.has(k) && Number.isFinite(v)) advances.set(k, v);
    for (const [k, v] of Object.entries(saved.widths ?? {})) if (!widthCache.has(k) && Number.isFinite(v)) widthCache.set(k, v);
    widthsStamp.mark(file);
    return undefined;
  } catch {
    return dropped(file, 'it is not the JSON gonogo writes');
  }
}

function dropped(file: string, why: string): Diagnostic {
  widthsAdded++; // write a good one at the end of this build
  return droppedNote(file, WIDTHS, why, 'widths are measured again');
}

/** Writes the widths measured so far, if any were added since the last load or save. */
export function saveWidthCache(file: string): Diagnostic | undefined {
  if (!widthsAdded) return undefined;
  const body = JSON.stringify({ fonts: fontsFingerprint(), metrics: Object.fromEntries(savedMetrics), advances: Object.fromEntries(advances), widths: Object.fromEntries(widthCache) });
  const unwritable = saveHashed(file, 'widths', body, WIDTHS, 'measures again');
  if (unwritable) return unwritable;
  widthsStamp.mark(file);
  widthsAdded = 0;
  return undefined;
}

/** Line height PowerPoint uses for single spacing, in points (ascent + descent + gap). */
export function lineHeightPt(sizePt: number, weight: FontWeight = 'regular', family: FontFamily = active): number {
  const f = lineMetrics(weight, family);
  return ((f.ascent - f.descent + f.lineGap) / f.unitsPerEm) * sizePt;
}

type LineMetrics = Pick<FontkitFont, 'unitsPerEm' | 'ascent' | 'descent' | 'lineGap'>;
/** Keyed by font file. */
const savedMetrics = new Map<string, LineMetrics>();

/** Vertical metrics, from the width cache when it has them (so a rebuild need not open the fonts). */
function lineMetrics(weight: FontWeight, family: FontFamily): LineMetrics {
  const file = family.files[weight];
  let m = savedMetrics.get(file);
  if (!m) {
    const f = font(weight, family);
    m = { unitsPerEm: f.unitsPerEm, ascent: f.ascent, descent: f.descent, lineGap: f.lineGap };
    savedMetrics.set(file, m);
    widthsAdded++;
  }
  return m;
}

/**
 * Where a line may break: at white space, and after a hyphen inside a word ("top-|5", "7-|day"), as
 * LibreOffice and PowerPoint break. Each piece carries the glue that joins it to the piece before: ' ' or ''.
 */
export function breakPieces(para: string): { pieces: string[]; glue: string[] } {
  const pieces: string[] = [];
  const glue: string[] = [];
  for (const word of para.split(/\s+/).filter(Boolean))
    word.split(/(?<=[^\s-]-)(?=[^\s-])/).forEach((piece, i) => {
      pieces.push(piece);
      glue.push(i === 0 ? ' ' : '');
    });
  return { pieces, glue };
}

/** Greedy wrap into lines no wider than maxWidthPt, at the break opportunities above. Pieces longer than a line are broken. */
export function wrapText(text: string, sizePt: number, maxWidthPt: number, weight: FontWeight = 'regular', family: FontFamily = active): string[] {
  const lines: string[] = [];
  const fits = (s: string) => textWidthPt(s, sizePt, weight, family) <= maxWidthPt;
  for (const para of text.split('\n')) {
    const { pieces, glue } = breakPieces(para);
    let line = '';
    let i = 0;
    while (i < pieces.length) {
      const take = longestFit(line, pieces, glue, i, fits, maxWidthPt / sizePt, weight, family);
      if (take > 0) {
        line = joinPieces(line, pieces, glue, i, take);
        i += take;
        if (i === pieces.length) break;
      }
      // pieces[i] does not fit on this line: it starts the next one.
      if (line) lines.push(line);
      const cut = breakWord(pieces[i++], sizePt, maxWidthPt, weight, family);
      lines.push(...cut.slice(0, -1));
      line = cut[cut.length - 1];
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The same greedy wrap as wrapText, but each piece is measured once (cached) and a line's width is the sum
 * of its pieces and spaces. Kerning across a break is ignored (a hair, far below a line's slack in practice);
 * this keeps long paragraphs linear instead of re-shaping every candidate line.
 */
export function wrapWords(text: string, sizePt: number, maxWidthPt: number, weight: FontWeight = 'regular', family: FontFamily = active): string[] {
  const lines: string[] = [];
  const width = (s: string) => textWidthPt(s, sizePt, weight, family);
  const space = width(' ');
  for (const para of text.split('\n')) {
    const { pieces, glue } = breakPieces(para);
    let line = '';
    let lineWidth = 0;
    for (let k = 0; k < pieces.length; k++) {
      const w = width(pieces[k]);
      const sep = glue[k] === ' ' ? space : 0;
      const candidate = line ? lineWidth + sep + w : w;
      if (candidate <= maxWidthPt) {
        line = line ? line + glue[k] + pieces[k] : pieces[k];
        lineWidth = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (w <= maxWidthPt) {
        line = pieces[k];
        lineWidth = w;
        continue;
      }
      const cut = breakWord(pieces[k], sizePt, maxWidthPt, weight, family);
      lines.push(...cut.slice(0, -1));
      line = cut[cut.length - 1];
      lineWidth = width(line);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The text of `text` up to the end of its first `n` wrapped lines, and the rest (a split keeps the author's
 * spaces and hyphens: lines are not simply joined, since a line may end inside a hyphenated word).
 */
export function cutAfterLines(text: string, lines: string[], n: number): [string, string] {
  let chars = lines.slice(0, n).reduce((sum, l) => sum + l.replace(/\s+/g, '').length, 0);
  let at = 0;
  while (at < text.length && chars > 0) if (!/\s/.test(text[at++])) chars--;
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

/** A word wider than the line, cut into pieces that each fit (the last may be shorter), between graphemes. */
function breakWord(word: string, sizePt: number, maxWidthPt: number, weight: FontWeight, family: FontFamily): string[] {
  const pieces: string[] = [];
  let rest = word;
  for (;;) {
    const cut = fittingPrefix(rest, sizePt, maxWidthPt, weight, family);
    if (cut >= rest.length) break;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

// Made on first use: creating a segmenter loads ICU's break rules (≈ 16 ms), and most decks never cut a word.
let graphemes: Intl.Segmenter | undefined;
const SIMPLE = /^[\u0000-\u000C\u000E-\u02FF]*$/;

function* simpleSegments(text: string): Generator<{ segment: string; index: number }> {
  for (let i = 0; i < text.length; i++) yield { segment: text[i], index: i };
}

/**
 * Length (UTF-16 units, on a grapheme boundary) of the longest prefix of `text` no wider than `maxPt`; at least
 * one grapheme, so a caller cutting lines always moves on. Linear in the line, not the text: the characters'
 * advances bound the candidates (kerning moves a line by far less than a quarter), then exact widths settle it.
 */
export function fittingPrefix(text: string, sizePt: number, maxPt: number, weight: FontWeight = 'regular', family: FontFamily = active): number {
  // Segment a window, not the whole text (the segmenter copies what it is given): widen it only when the
  // line's candidates run past its end, where the last grapheme may be cut.
  let ends: number[] = [];
  for (let window = 256; ; window *= 4) {
    const part = text.length <= window ? text : text.slice(0, window);
    ends = [];
    let em = 0;
    let over = false;
    // Below U+0300 (Latin and its punctuation, no combining marks) every character is its own grapheme.
    const segments = SIMPLE.test(part) ? simpleSegments(part) : (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(part);
    for (const { segment, index } of segments) {
      em += advanceEm(segment, weight, family);
      if (ends.length > 0 && em * sizePt > maxPt * 1.25) {
        over = true;
        break;
      }
      ends.push(index + segment.length);
    }
    if (over || part.length === text.length) break;
  }
  if (ends[ends.length - 1] === text.length && textWidthPt(text, sizePt, weight, family) <= maxPt) return text.length;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidthPt(text.slice(0, ends[mid]), sizePt, weight, family) <= maxPt) lo = mid;
    else hi = mid - 1;
  }
  return ends[lo] ?? text.length;
}

function joinPieces(line: string, pieces: string[], glue: string[], from: number, count: number): string {
  let s = line;
  for (let k = from; k < from + count; k++) s = s ? s + glue[k] + pieces[k] : pieces[k];
  return s;
}

/**
 * How many of pieces[from…] the greedy wrap appends to `line`. A line only widens as pieces are added, so that
 * is the longest run that fits: guessed from unshaped advances (cheap), then settled with exact widths —
 * about two shaped strings a line instead of one per piece.
 */
function longestFit(line: string, pieces: string[], glue: string[], from: number, fits: (s: string) => boolean, maxEm: number, weight: FontWeight, family: FontFamily): number {
  const space = advanceEm(' ', weight, family);
  let est = line ? advanceEm(line, weight, family) : 0;
  let guess = 0;
  while (from + guess < pieces.length && (est += (line || guess > 0 ? (glue[from + guess] === ' ' ? space : 0) : 0) + advanceEm(pieces[from + guess], weight, family)) <= maxEm) guess++;
  let down = false;
  while (guess > 0 && !fits(joinPieces(line, pieces, glue, from, guess))) {
    guess--;
    down = true;
  }
  if (!down) while (from + guess < pieces.length && fits(joinPieces(line, pieces, glue, from, guess + 1))) guess++;
  return guess;
}

const advances = new Map<string, number>();

/** Sum of the characters' advance widths in em, without shaping (no kerning or substitutions): a guess only. */
function advanceEm(text: string, weight: FontWeight, family: FontFamily): number {
  let em = 0;
  for (const ch of text) {
    const key = family.name + weight + ch;
    let a = advances.get(key);
    if (a === undefined) {
      const f = font(weight, family);
      const cp = ch.codePointAt(0)!;
      a = f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm : fallbackEm(cp, weight, family);
      advances.set(key, a);
      widthsAdded++;
    }
    em += a;
  }
  return em;
}
