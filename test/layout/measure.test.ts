import { describe, expect, it } from 'vitest';
import { textWidthPt, wrapText, wrapWords } from '../../src/layout/measure.js';

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
