// Widths measured without running the shaper (src/layout/plain-shaping.ts) must be fontkit's own, not close: the same
// integer of font units and the same characters left to a fallback font, hence the same double and the same line
// breaks. Checked on every string the reference decks (each pilot phase, charts included) and generated decisions
// measure, on random text in every shipped font file, and for the script fontkit picks for each character.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { runUntil } from '../../src/pipeline.js';
import { layoutDeck } from '../../src/layout/layout.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { fontkitRun, fontPath, saveWidthCache, textWidthPt, type FontWeight } from '../../src/layout/measure.js';
import { SHIPPED_FAMILIES, type FontFamily } from '../../src/layout/fonts.js';
import { plainRun, plainScript, type ShapedFont } from '../../src/layout/plain-shaping.js';
import { REFERENCE } from '../support/decks.js';
import { pilotDeck } from '../support/pilot.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';

interface Font extends ShapedFont {
  unitsPerEm: number;
  characterSet: number[];
  layout(text: string): { script: string; advanceWidth: number; glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: { xAdvance: number }[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(p: string): Font };
const WEIGHTS: FontWeight[] = ['regular', 'semibold', 'bold', 'italic'];
const opened = new Map<string, Font>();
const fontOf = (family: FontFamily, weight: FontWeight): Font => {
  const path = fontPath(weight, family);
  if (!opened.has(path)) opened.set(path, fontkit.openSync(path));
  return opened.get(path)!;
};
/** Every shipped font file once, with a family and weight that measure with it. */
const FILES = [...new Map(SHIPPED_FAMILIES.flatMap((family) => WEIGHTS.map((weight) => [fontPath(weight, family), { family, weight }] as const))).values()];

/** Checks one string against fontkit's run; true when it took the plain path. */
function agrees(font: Font, text: string): boolean {
  const plain = plainRun(font, text);
  if (!plain) return false;
  const shaped = fontkitRun(font, text);
  expect(plain.units, JSON.stringify(text)).toBe(shaped.units);
  expect(plain.missing, `${JSON.stringify(text)}: characters without a glyph`).toEqual(shaped.missing);
  return true;
}

const root = mkdtempSync(join(tmpdir(), 'gonogo-plain-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every (family, weight, text) this process has measured, as the width cache saves them. */
function measuredSoFar(): { family: FontFamily; weight: FontWeight; text: string }[] {
  const file = join(root, `widths-${Math.random().toString(36).slice(2)}.json`);
  saveWidthCache(file);
  const text = readFileSync(file, 'utf8');
  const widths = (JSON.parse(text.slice(text.indexOf('\n') + 1)) as { widths: Record<string, number> }).widths;
  return Object.keys(widths).map((key) => {
    const [name, weight, ...rest] = key.split('\u0000');
    return { family: SHIPPED_FAMILIES.find((f) => f.name === name)!, weight: weight as FontWeight, text: rest.join('\u0000') };
  });
}

describe('plain runs measure what fontkit shapes', () => {
  it('on every string the reference decks and generated decisions measure', { timeout: 120_000 }, async () => {
    // Built whole, charts drawn on this thread, so Vega's labels are measured here too.
    const decks = [REFERENCE, ...(['design', 'interim', 'final'] as const).map((phase) => pilotDeck(phase).dir)];
    for (const [i, dir] of decks.entries()) await build(dir, { outDir: join(root, `deck-${i}`), chartThreads: 0 });
    for (const [i, g] of generateDecisions(40, 17).entries()) {
      const dir = mkdtempSync(join(root, `gen-${i}-`));
      writeDecision(dir, g);
      if (i < 3) await build(dir, { outDir: join(dir, 'out'), chartThreads: 0 });
      else {
        const run = await runUntil('compose', dir);
        layoutDeck(run.compose, run.theme ?? defaultTheme);
      }
    }
    const measured = measuredSoFar();
    let plain = 0;
    for (const { family, weight, text } of measured) {
      const font = fontOf(family, weight);
      if (!agrees(font, text)) continue;
      plain++;
      // The width the layout used is that run's, to the last bit.
      const shaped = fontkitRun(font, text);
      if (shaped.missing.length === 0) expect(textWidthPt(text, 1, weight, family)).toBe(shaped.units / font.unitsPerEm);
    }
    expect(measured.length).toBeGreaterThan(3000);
    // Nothing in these decks needs the shaper.
    expect(plain / measured.length).toBeGreaterThan(0.99);
  });

  const words = ['Median', 'time', 'first', 'office', 'fifty', 'Wo', 'AV', 'T.', 'pp', '−11.9%', '[−13.3%,', '12:30', '1/2', 'a-b', '(B)', 'café', 'Ærø', '“q”'];
  const numeric = fc.constantFrom(...'0123456789+−–—-%.,:;/()[]<>=≤≥✓✗→±*$€ '.split(''));
  const anything = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
    numeric,
    fc.constantFrom(' pp', 'fi', 'ffl', 'tt', ...words),
  );
  // Text with no Latin letter is shaped in another script (fontkit picks the font's DFLT tables): both are drawn.
  const text = fc.oneof(fc.array(numeric, { maxLength: 16 }), fc.array(anything, { maxLength: 24 })).map((parts) => parts.join(''));

  it.each(FILES.map(({ family, weight }) => [`${family.name} ${weight}`, family, weight] as const))('on random text in %s', (_, family, weight) => {
    const font = fontOf(family, weight);
    let plain = 0;
    let runs = 0;
    fc.assert(
      fc.property(text, (t) => {
        runs++;
        if (agrees(font, t)) plain++;
      }),
      { numRuns: 500, seed: 17 },
    );
    // Random punctuation often meets a contextual form (Inter has many): those strings are shaped by fontkit.
    expect(plain / runs).toBeGreaterThan(0.4);
  });

  // fontkit's glyph objects keep the code points they were first made for, and its layout reads some from there
  // (a default-ignorable character is drawn with no width, U+2044 starts a fraction): looking a plain character's
  // glyph up first must not change what a later run of such a character gets.
  it.each(FILES.map(({ family, weight }) => [`${family.name} ${weight}`, family, weight] as const))('shares no glyph with a character fontkit treats by its code point, in %s', (_, family, weight) => {
    const font = fontkit.openSync(fontPath(weight, family));
    const plain = font.characterSet.filter((cp) => cp <= 0xffff && plainScript(String.fromCharCode(cp)));
    const special = font.characterSet.filter((cp) => cp === 0x2044 || /^\p{Default_Ignorable_Code_Point}$/u.test(String.fromCodePoint(cp)));
    const specialGlyphs = new Set(special.map((cp) => font.glyphForCodePoint(cp).id));
    expect(plain.filter((cp) => specialGlyphs.has(font.glyphForCodePoint(cp).id)).map((cp) => cp.toString(16))).toEqual([]);
    expect(plain.length).toBeGreaterThan(200);
  });

  it('picks the script fontkit shapes each character in', () => {
    const font = fontOf(SHIPPED_FAMILIES[0], 'regular');
    for (let code = 0x20; code <= 0x2bff; code++) {
      const ch = String.fromCharCode(code);
      const script = plainScript(ch);
      if (script) expect(font.layout(ch).script, `U+${code.toString(16)}`).toBe(script);
    }
  });
});
