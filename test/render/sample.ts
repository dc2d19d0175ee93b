// The sample deck (every slide kind, plus splits) laid out and rendered, shared by render tests.
import { layoutDeck } from '../../src/layout/layout.js';
import { renderPptx } from '../../src/render/pptx/render.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { sampleDeck } from '../layout/fixtures.js';
import { fakeChartImages } from './helpers.js';

export const TIMESTAMP = new Date(Date.UTC(2026, 10, 20, 9, 30, 0));

export async function buildSample(): Promise<Uint8Array> {
  const { slides } = layoutDeck(sampleDeck, defaultTheme);
  return renderPptx(slides, sampleDeck.meta, defaultTheme, fakeChartImages(sampleDeck), { timestamp: TIMESTAMP });
}

export function sampleSlides() {
  return layoutDeck(sampleDeck, defaultTheme).slides;
}
