// The deck on a reader's machine. Both reference decks go through LibreOffice twice, each time with a private
// fontconfig that holds nothing but the fonts named:
// 1. the faces the PPTX names, through their metric-compatible files (Calibri → Carlito, Arial → Liberation
//    Sans; Inter for the few symbols Calibri lacks, as the layout measures them): every text box and title
//    breaks into exactly the lines the layout computed, and no table row grows;
// 2. a deliberately wider substitute (DejaVu Sans, about a quarter wider than Calibri) for every face: nothing
//    is clipped, pdftotext finds every word of every slide on its page.
// One LibreOffice run converts both decks per font set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { build } from '../../src/build.js';
import { runUntil } from '../../src/pipeline.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { ASSETS_DIR } from '../../src/layout/measure.js';
import { measureParagraph, wrapLines, PT_PER_IN } from '../../src/layout/textfit.js';
import type { PlacedSlide } from '../../src/layout/types.js';
import { tempDeck } from '../support/decks.js';
import { PILOT } from '../support/pilot.js';
import { envWithOnlyFonts } from '../support/fonts.js';

const SHIPPED = (f: string) => join(ASSETS_DIR, 'fonts', f);
const MEASURED = envWithOnlyFonts(
  ['Carlito-Regular.ttf', 'Carlito-Bold.ttf', 'Carlito-Italic.ttf', 'LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'Inter-Regular.ttf', 'Inter-Bold.ttf'].map(SHIPPED),
  { Calibri: 'Carlito', Arial: 'Liberation Sans' },
);
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const WIDER = envWithOnlyFonts([join(DEJAVU, 'DejaVuSans.ttf'), join(DEJAVU, 'DejaVuSans-Bold.ttf')], { Calibri: 'DejaVu Sans', Arial: 'DejaVu Sans', Carlito: 'DejaVu Sans', Inter: 'DejaVu Sans' });

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** pdftotext's words, page by page, in points. */
function pdfWords(pdf: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] })));
}

/** Lines LibreOffice drew in a box: distinct baselines among the words whose centre lies inside it. */
function linesIn(words: Word[], b: { x: number; y: number; w: number; h: number }): number {
  const [x0, x1, y0, y1] = [b.x * PT_PER_IN - 2, (b.x + b.w) * PT_PER_IN + 2, b.y * PT_PER_IN - 2, (b.y + b.h) * PT_PER_IN + 2];
  const inside = words.filter((w) => (w.x0 + w.x1) / 2 > x0 && (w.x0 + w.x1) / 2 < x1 && (w.y0 + w.y1) / 2 > y0 && (w.y0 + w.y1) / 2 < y1);
  const baselines: number[] = [];
  for (const w of inside) if (!baselines.some((y) => Math.abs(y - w.y1) < 3)) baselines.push(w.y1);
  return baselines.length;
}

/**
 * Whether `word` is on the page in pieces, in reading order: a table cell that breaks a word inside it puts the
 * rest on the cell's next line, and pdftotext reads the neighbouring cells' words in between.
 */
function inPieces(word: string, found: string[]): boolean {
  let rest = word;
  for (const w of found) {
    // The first piece holds at least half the word, so common short words cannot assemble it by chance.
    const first = rest === word;
    if (rest && w.length < rest.length && rest.startsWith(w) && (!first || w.length * 2 >= word.length)) rest = rest.slice(w.length);
    else if (rest && !first && rest === w) rest = '';
  }
  return rest === '';
}

/** Each slide's words as the PPTX writes them (every a:t run), for the clipping check. */
function slideWords(pptx: string): string[][] {
  const parts = unzipSync(readFileSync(pptx));
  const n = Object.keys(parts).filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).length;
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return Array.from({ length: n }, (_, i) =>
    [...strFromU8(parts[`ppt/slides/slide${i + 1}.xml`]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].flatMap((m) => decode(m[1]).split(/\s+/)).filter(Boolean),
  );
}

const DECKS = [
  { name: 'quoting-workflow', make: () => tempDeck() },
  { name: 'call-volume-pilot', make: () => tempDeck(undefined, PILOT) },
];

let out: string;
const built: Record<string, { pptx: string; slides: PlacedSlide[]; cleanup: () => void }> = {};

function convert(env: NodeJS.ProcessEnv, dir: string): void {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...Object.values(built).map((b) => b.pptx)], { stdio: 'ignore', timeout: 240_000, env });
}
const pdfOf = (dir: string, name: string) => join(dir, basename(built[name].pptx).replace(/\.pptx$/, '.pdf'));

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'gonogo-reader-'));
  for (const { name, make } of DECKS) {
    const deck = make();
    const r = await build(deck.dir, { cwd: deck.dir, env: {}, outDir: join(deck.dir, 'out', name) });
    const run = await runUntil('compose', deck.dir, { cwd: deck.dir });
    built[name] = { pptx: r.pptxFile, slides: layoutDeck(run.compose!, run.theme!).slides, cleanup: deck.cleanup };
  }
  for (const [dir, env] of [[join(out, 'measured'), MEASURED], [join(out, 'wider'), WIDER]] as const) convert(env, dir);
}, 300_000);

afterAll(() => {
  for (const b of Object.values(built)) b.cleanup();
  if (!process.env.KEEP_PDF) rmSync(out, { recursive: true, force: true });
});

describe.each(DECKS.map((d) => d.name))('%s in LibreOffice', (name) => {
  it('with the faces the PPTX names (metric-compatible files): every text box has the layout’s line count', () => {
    const pdf = pdfOf(join(out, 'measured'), name);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/Carlito/);
    expect(fonts).not.toMatch(/DejaVu/);
    const pages = pdfWords(pdf);
    expect(pages).toHaveLength(built[name].slides.length);
    const differ: string[] = [];
    let boxes = 0;
    for (const s of built[name].slides) {
      const words = pages[s.number - 1];
      for (const item of s.items) {
        if (item.type !== 'text' && item.type !== 'title') continue;
        const want = item.type === 'title'
          ? wrapLines(item.text, item.sizePt, item.box.w, item.weight === 'regular' ? 'regular' : 'bold').length
          : item.paragraphs.reduce((n, p) => n + measureParagraph(p, item.sizePt, item.box.w).lines.length, 0);
        const got = linesIn(words, item.box);
        boxes++;
        if (got !== want) differ.push(`slide ${s.number} ${item.type === 'title' ? item.role : item.role}: layout ${want} lines, LibreOffice ${got}: ${item.type === 'title' ? item.text : item.paragraphs.map((p) => p.text).join(' / ')}`.slice(0, 160));
      }
    }
    expect(boxes).toBeGreaterThan(80);
    expect(differ).toEqual([]);
  });

  it('with the faces the PPTX names: every table keeps its rows (no word below the table’s box)', () => {
    const pages = pdfWords(pdfOf(join(out, 'measured'), name));
    const grown: string[] = [];
    for (const s of built[name].slides)
      for (const t of s.items) {
        if (t.type !== 'table') continue;
        const [x0, x1, top, bottom] = [t.box.x * PT_PER_IN, (t.box.x + t.box.w) * PT_PER_IN, t.box.y * PT_PER_IN, (t.box.y + t.box.h) * PT_PER_IN];
        // A word under the table that belongs to no other box on the slide (caption, footer) came out of a row.
        const others = s.items.filter((o) => o !== t).map((o) => o.box);
        const inOther = (w: Word) => others.some((b) => (w.x0 + w.x1) / 2 > b.x * PT_PER_IN - 2 && (w.x0 + w.x1) / 2 < (b.x + b.w) * PT_PER_IN + 2 && (w.y0 + w.y1) / 2 > b.y * PT_PER_IN - 2 && (w.y0 + w.y1) / 2 < (b.y + b.h) * PT_PER_IN + 2);
        const below = pages[s.number - 1].filter((w) => w.x0 >= x0 && w.x1 <= x1 && w.y0 >= top && w.y1 > bottom + 1 && !inOther(w));
        if (below.length) grown.push(`slide ${s.number}: ${below.map((w) => w.text).join(' ')}`);
      }
    expect(grown).toEqual([]);
  });

  it('with a wider substitute (DejaVu Sans): nothing is clipped, every word of every slide is on its page', () => {
    const pages = pdfWords(pdfOf(join(out, 'wider'), name));
    const expected = slideWords(built[name].pptx);
    expect(pages).toHaveLength(expected.length);
    const missing: string[] = [];
    const decode = (t: string) => t.replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expected.forEach((words, i) => {
      const found = pages[i].map((w) => decode(w.text));
      // Whitespace-blind: a substitute may break a line at a hyphen or inside a long word, which is not a clip.
      const page = found.join('');
      for (const w of words) if (!page.includes(w) && !inPieces(w, found)) missing.push(`slide ${i + 1}: ${w}`);
    });
    expect(missing).toEqual([]);
  });
});
