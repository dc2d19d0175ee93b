// The theme's logo: top right above the title's line, or in the footer band between the footer text and the
// slide number; never on top of another box, always inside the slide, always with alt text.
import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout.js';
import { SLIDE } from '../../src/layout/grid.js';
import { defaultTheme, type Theme } from '../../src/deck/theme.js';
import type { Box } from '../../src/layout/types.js';
import { sampleDeck } from './fixtures.js';

const overlaps = (a: Box, b: Box) => a.x + a.w > b.x + 0.005 && b.x + b.w > a.x + 0.005 && a.y + a.h > b.y + 0.005 && b.y + b.h > a.y + 0.005;
const themed = (position: 'top-right' | 'footer', widthPx = 400, heightPx = 120): Theme => ({
  ...defaultTheme,
  logoImage: { data: new Uint8Array(), type: 'png', widthPx, heightPx, position, alt: 'Acme logo' },
});

describe.each(['top-right', 'footer'] as const)('a %s logo', (position) => {
  it.each([[400, 120], [120, 400], [1000, 50]])('of %i × %i px sits inside the slide, clear of every box, on every slide', (w, h) => {
    const { slides } = layoutDeck(sampleDeck, themed(position, w, h));
    for (const s of slides) {
      const logos = s.items.filter((i) => i.type === 'logo');
      expect(logos).toHaveLength(1);
      const logo = logos[0];
      expect(logo).toMatchObject({ alt: 'Acme logo' });
      expect(logo.box.x).toBeGreaterThanOrEqual(0);
      expect(logo.box.x + logo.box.w).toBeLessThanOrEqual(SLIDE.w);
      expect(logo.box.y + logo.box.h).toBeLessThanOrEqual(SLIDE.h);
      expect(logo.box.w / logo.box.h).toBeCloseTo(w / h, 3);
      for (const i of s.items) if (i !== logo && i.type !== 'shape') expect(overlaps(i.box, logo.box), `slide ${s.number} ${i.type}`).toBe(false);
    }
  });
});

it('places no logo when the theme has none', () => {
  expect(layoutDeck(sampleDeck, defaultTheme).slides.flatMap((s) => s.items).some((i) => i.type === 'logo')).toBe(false);
});
