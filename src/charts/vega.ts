// Loads vega and vega-lite once, on first use (they cost ~0.25 s to import), and teaches Vega
// to measure text with the shipped font files instead of its 0.8 × chars × size estimate,
// so axis labels are laid out with the widths resvg will draw.
import { fittingPrefix, textWidthPt, type FontWeight } from '../layout/measure.js';
import { DEFAULT_FAMILY, familyOfFontList, type FontFamily } from '../layout/fonts.js';

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
  /** The CSS font-family list the chart names (chartFontList): the theme's face, then its measuring family. */
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
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
  // Raw width only: Vega's own truncation (for `limit`) calls this for every candidate prefix, so
  // truncating here too would hide the overflow from it. Builders shorten labels before Vega sees
  // them (fitText), so a limit never has to cut and bounds match what is drawn.
  metrics.width = (item, line) => {
    const text = line == null ? '' : String(line).trim();
    const size = sizeOf(item);
    return !text || size <= 0 ? 0 : textWidthPt(text, size, faceOf(item), familyOfFontList(item.font));
  };
}

/** `text` shortened with an ellipsis to at most `maxPt` wide at `sizePt` (real widths in the chart's family). */
export function fitText(text: string, sizePt: number, maxPt: number, weight: FontWeight = 'regular', family: FontFamily = DEFAULT_FAMILY): string {
  const width = (s: string) => textWidthPt(s, sizePt, weight, family);
  if (width(text) <= maxPt) return text;
  const room = maxPt - width('\u2026');
  const cut = fittingPrefix(text, sizePt, room, weight, family);
  // fittingPrefix keeps at least one character; with no room for it, the ellipsis stands alone.
  const head = width(text.slice(0, cut)) <= room ? text.slice(0, cut) : '';
  return head.trimEnd() + '\u2026';
}
