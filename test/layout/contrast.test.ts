// WCAG contrast of every text colour the layout uses, against every background it can sit on.
import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { sampleDeck } from './fixtures.js';

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('text contrast', () => {
  it('keeps every text colour at ≥ 4.5:1 on white and on the card/stripe fill', () => {
    const c = defaultTheme.colors;
    const { slides } = layoutDeck(sampleDeck, defaultTheme);
    const colours = new Set<string>();
    for (const s of slides)
      for (const i of s.items) {
        if (i.type === 'title') colours.add(i.color);
        if (i.type === 'text') i.paragraphs.forEach((p) => colours.add(p.color));
        if (i.type === 'table') {
          i.rows.flat().forEach((cell) => colours.add(cell.color));
          expect(contrast(i.headerColor, i.headerFill)).toBeGreaterThanOrEqual(4.5);
        }
      }
    expect(colours.size).toBeGreaterThan(3);
    for (const col of colours) {
      expect(contrast(col, c.background), col).toBeGreaterThanOrEqual(4.5);
      expect(contrast(col, c.tableStripe), col).toBeGreaterThanOrEqual(4.5);
    }
  });
});
