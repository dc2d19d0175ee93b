// WCAG 2 contrast, written out here rather than taken from src/deck/contrast.ts, so the tests check the
// product's colours against an independent implementation of the formula.
import { expect } from 'vitest';
import type { PlacedSlide } from '../../src/layout/types.js';
import type { Theme } from '../../src/deck/theme.js';

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Every text colour on the laid-out slides stays at ≥ 4.5:1 on the background and on the card/stripe fill,
 * and every table header on its fill; returns the colours seen.
 */
export function expectReadableText(slides: PlacedSlide[], colors: Theme['colors']): Set<string> {
  const seen = new Set<string>();
  for (const s of slides)
    for (const i of s.items) {
      if (i.type === 'title') seen.add(i.color);
      if (i.type === 'text') i.paragraphs.forEach((p) => seen.add(p.color));
      if (i.type === 'table') {
        i.rows.flat().forEach((cell) => seen.add(cell.color));
        expect(contrast(i.headerColor, i.headerFill)).toBeGreaterThanOrEqual(4.5);
      }
    }
  for (const c of seen) {
    expect(contrast(c, colors.background), c).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c, colors.tableStripe), c).toBeGreaterThanOrEqual(4.5);
  }
  return seen;
}
