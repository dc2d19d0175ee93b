import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fontkitRun, fontPath, textWidthPt, wrapText, wrapWords } from '../../src/layout/measure.js';
import { plainRun } from '../../src/layout/plain-shaping.js';
import { CARLITO, INTER } from '../../src/layout/fonts.js';

const text = 'Median time to first quote fell 12% (90% CI −18% to −6%) in the pilot cohort; hire rate within 7 days held at +0.3 pp, inside the −1.0 pp guardrail. AVeryLongIdentifierWithoutSpacesThatMustBreakSomewhere.';

describe('wrapWords', () => {
  it('wraps like wrapText, and no line is wider than the box when shaped whole', () => {
    for (const weight of ['regular', 'bold'] as const)
      for (const size of [10, 12, 16, 26])
        for (const width of [120, 200, 333, 500]) {
          const fast = wrapWords(text, size, width, weight);
          expect(fast.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
          for (const line of fast) if (line.includes(' ')) expect(textWidthPt(line, size, weight)).toBeLessThanOrEqual(width + 0.5);
          expect(Math.abs(fast.length - wrapText(text, size, width, weight).length)).toBeLessThanOrEqual(1);
        }
  });

  it('keeps empty paragraphs as empty lines', () => {
    expect(wrapWords('a\n\nb', 12, 100)).toEqual(wrapText('a\n\nb', 12, 100));
  });
});

describe('line breaks after a hyphen (as LibreOffice and PowerPoint break)', () => {
  it('may break after a hyphen inside a word, never before it, and never at a minus sign', () => {
    const size = 22;
    const upToHyphen = textWidthPt('Message the change to top-', size);
    const whole = textWidthPt('Message the change to top-5', size);
    for (const wrap of [wrapText, wrapWords]) {
      expect(wrap('Message the change to top-5 category pros', size, (upToHyphen + whole) / 2)).toEqual(['Message the change to top-', '5 category pros']);
      expect(wrap('a change of −12.4% today', 12, textWidthPt('a change of −12', 12))[1]).toBe('−12.4% today');
    }
  });

  it('splits a paragraph where its lines end and keeps the author’s text (no space added inside a word)', async () => {
    const { cutAfterLines } = await import('../../src/layout/measure.js');
    expect(cutAfterLines('Message the change to top-5 category pros', ['Message the change to top-', '5 category pros'], 1)).toEqual(['Message the change to top-', '5 category pros']);
    expect(cutAfterLines('one two  three', ['one two', 'three'], 1)).toEqual(['one two', 'three']);
  });
});

// fontkit keeps one .notdef glyph per font, carrying the code points of the first character it was drawn for: a ▲
// measured after a ✓ used to take ✓'s fallback width, so a width hung on what the process happened to measure first.
describe('characters a family lacks', () => {
  const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(p: string): Parameters<typeof fontkitRun>[0] & { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } } };
  const inter = fontkit.openSync(fontPath('regular', INTER));
  const interEm = (ch: string) => inter.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / inter.unitsPerEm;

  it('are each measured in the fallback as themselves, whatever was measured before', () => {
    expect(textWidthPt('✓', 10, 'regular', CARLITO)).toBeCloseTo(interEm('✓') * 10, 9);
    expect(textWidthPt('▲', 10, 'regular', CARLITO)).toBeCloseTo(interEm('▲') * 10, 9);
    expect(interEm('▲')).not.toBeCloseTo(interEm('✓'), 3); // the two differ, so the order would show
    const word = textWidthPt('up', 10, 'regular', CARLITO);
    expect(textWidthPt('up ▼ ✗', 10, 'regular', CARLITO)).toBeCloseTo(word + textWidthPt(' ', 10, 'regular', CARLITO) * 2 + (interEm('▼') + interEm('✗')) * 10, 6);
  });

  it('are listed in text order by fontkit’s run and by the plain run, on a font that drew another first', () => {
    const carlito = fontkit.openSync(fontPath('regular', CARLITO));
    fontkitRun(carlito, '✓');
    for (const text of ['x ▲ y', 'a ▼ b ✓ c ▲', '✗✓'])
      for (const run of [fontkitRun(carlito, text), plainRun(carlito as never, text)]) expect(run?.missing).toEqual([...text].map((c) => c.codePointAt(0)).filter((cp) => ![0x20, 0x61, 0x62, 0x63, 0x78, 0x79].includes(cp!)));
  });
});
