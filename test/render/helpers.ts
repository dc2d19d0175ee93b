// Stand-in chart pictures for render tests: a small PNG per chart at the chart's aspect (resvg).
import { Resvg } from '@resvg/resvg-js';
import type { Deck } from '../../src/deck/types.js';
import type { ChartImage } from '../../src/render/pptx/render.js';

export function fakeChartImages(deck: Deck): Map<string, ChartImage> {
  const out = new Map<string, ChartImage>();
  for (const slide of deck.slides) {
    for (const b of slide.blocks) {
      if (b.type !== 'chart') continue;
      const w = Math.round(b.chart.width * 100);
      const h = Math.round(b.chart.height * 100);
      const bars = [0.8, 0.55, 0.7, 0.35].map((v, i) => `<rect x="${60 + i * (w - 100) / 4}" y="${h - 30 - v * (h - 60)}" width="${(w - 100) / 6}" height="${v * (h - 60)}" fill="#0072B2"/>`).join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fff" stroke="#CBD2D9"/>${bars}<line x1="40" y1="${h - 30}" x2="${w - 20}" y2="${h - 30}" stroke="#52606D"/></svg>`;
      const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
      out.set(b.chart.id, { png: new Uint8Array(png), svg, widthPx: w, heightPx: h });
    }
  }
  return out;
}
