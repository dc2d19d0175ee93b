// Loads vega and vega-lite once, on first use (they cost ~0.25 s to import), and teaches Vega
// to measure text with the shipped Inter files instead of its 0.8 × chars × size estimate,
// so axis labels are laid out with the widths resvg will draw.
import { textWidthPt, type FontWeight } from '../layout/measure.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

export interface VegaModules {
  vega: Vega;
  vegaLite: VegaLite;
}

let loading: Promise<VegaModules> | undefined;

export function loadVega(): Promise<VegaModules> {
  loading ??= (async () => {
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    installTextMetrics(vega);
    return { vega, vegaLite };
  })();
  return loading;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  limit?: number;
  dir?: string;
  ellipsis?: string;
}

/** Maps a Vega text item's weight/style to one of the shipped faces. */
export function faceOf(item: TextItem): FontWeight {
  if (item.fontStyle === 'italic' || item.fontStyle === 'oblique') return 'italic';
  const w = item.fontWeight;
  const n = w === 'bold' || w === 'bolder' ? 700 : w === 'normal' || w == null ? 400 : Number(w);
  if (n >= 700) return 'bold';
  if (n >= 550) return 'semibold';
  return 'regular';
}

function sizeOf(item: TextItem): number {
  return item.fontSize != null ? +item.fontSize || 0 : 11;
}

function installTextMetrics(vega: Vega): void {
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  const measure = (item: TextItem, text: string) => textWidthPt(text, sizeOf(item), faceOf(item));
  // Vega calls width() with the raw line; its own measurers apply `limit` (ellipsis) first, so do we.
  metrics.width = (item, line) => {
    const text = line == null ? '' : String(line).trim();
    if (!text || sizeOf(item) <= 0) return 0;
    return measure(item, truncated(item, text, measure));
  };
}

/** Vega's own truncation (vega-scenegraph util/text.js), with real widths. */
function truncated(item: TextItem, text: string, measure: (item: TextItem, t: string) => number): string {
  const limit = Number(item.limit ?? 0);
  if (!(limit > 0) || measure(item, text) < limit) return text;
  const ellipsis = item.ellipsis || '\u2026';
  const room = limit - measure(item, ellipsis);
  let lo = 0;
  let hi = text.length;
  if (item.dir === 'rtl') {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (measure(item, text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (measure(item, text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}
