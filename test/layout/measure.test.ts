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
