// The slide grid: 16:9 at 13.333 × 7.5 in, 12 columns, a title area, a body area and a footer band.
// Every rule places boxes inside these regions, so every shape lies inside the slide.
import type { DeckMeta, Tone } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Box, Placed } from './types.js';
import { withContrast } from '../deck/contrast.js';
import { shrinkToLines, lineHeight, PT_PER_IN, wrapLines } from './textfit.js';

export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const MARGIN_X = 0.6;
export const GUTTER = 0.25;
export const CONTENT_W = SLIDE.w - 2 * MARGIN_X;
export const COLUMN_W = (CONTENT_W - 11 * GUTTER) / 12;

export const KICKER = { y: 0.4, h: 0.28, sizePt: 12 } as const;
export const TITLE = { y: 0.7, sizePt: 26, floorPt: 20, maxLines: 2 } as const;
export const FOOTER = { y: 7.0, h: 0.26, sizePt: 12 } as const;
export const BODY_BOTTOM = 6.72;
/** Space between stacked blocks. */
export const BLOCK_GAP = 0.3;

/** Nothing on a slide is set under 12 pt: body, table cells, captions and footers alike. */
export const MIN_PT = 12;
export const FLOOR = { body: MIN_PT, table: MIN_PT, footer: MIN_PT } as const;

/** x and width of columns `from`..`from+span-1` (0-based) of the 12-column grid. */
export function columns(from: number, span: number): { x: number; w: number } {
  return { x: MARGIN_X + from * (COLUMN_W + GUTTER), w: span * COLUMN_W + (span - 1) * GUTTER };
}

/** Splits a region into n equal columns with a gutter. */
export function splitColumns(region: Box, n: number, gutter = GUTTER): Box[] {
  const w = (region.w - (n - 1) * gutter) / n;
  return Array.from({ length: n }, (_, i) => ({ x: region.x + i * (w + gutter), y: region.y, w, h: region.h }));
}

export function toneColor(theme: Theme, tone: Tone | undefined): string {
  const c = theme.colors;
  switch (tone) {
    case 'pass':
      return c.pass;
    case 'fail':
      return c.fail;
    case 'inconclusive':
      return c.inconclusive;
    case 'accent':
      return c.accent;
    case 'control':
    case 'treatment':
      // The arm's chart colour, darkened along its hue where it would fall under 4.5:1 as text.
      return withContrast(withContrast(c[tone], c.background), c.tableStripe);
    default:
      return c.text;
  }
}

/** The kicker (section), the action title and the subtitle; returns the items and where the body starts. */
export function titleArea(theme: Theme, section: string, title: string, subtitle: string | undefined): { items: Placed[]; bodyTop: number } {
  const w = CONTENT_W;
  const items: Placed[] = [];
  if (section) {
    items.push({ type: 'title', role: 'kicker', text: section.toUpperCase(), sizePt: KICKER.sizePt, weight: 'semibold', color: theme.colors.accent, box: { x: MARGIN_X, y: KICKER.y, w, h: KICKER.h } });
  }
  const size = shrinkToLines(title, TITLE.sizePt, TITLE.floorPt, w, TITLE.maxLines, 'bold');
  const lines = wrapLines(title, size, w, 'bold').length;
  const titleH = (Math.max(1, lines) * lineHeight(size)) / PT_PER_IN + 0.06;
  items.push({ type: 'title', role: 'title', text: title, sizePt: size, weight: 'bold', color: theme.colors.text, box: { x: MARGIN_X, y: TITLE.y, w, h: titleH } });
  let bottom = TITLE.y + Math.max(titleH, (lineHeight(TITLE.sizePt) * 1) / PT_PER_IN);
  if (subtitle) {
    const sub = 16;
    const subLines = Math.min(2, wrapLines(subtitle, sub, w).length);
    const h = (subLines * lineHeight(sub)) / PT_PER_IN + 0.04;
    items.push({ type: 'title', role: 'subtitle', text: subtitle, sizePt: sub, weight: 'regular', color: theme.colors.muted, box: { x: MARGIN_X, y: bottom + 0.08, w, h } });
    bottom += 0.08 + h;
  }
  return { items, bodyTop: bodyTopBelow(bottom) };
}

/** Where the body starts under a title area ending at `titleBottom`: a fixed line for one-line titles keeps the grid calm; longer titles push the body down. */
export function bodyTopBelow(titleBottom: number): number {
  return Math.max(1.75, titleBottom + 0.35);
}

/**
 * Footer: deck title (or the theme's footer) and confidentiality left, slide number right. On the cover
 * (no number) the title is already the slide's subject, so only the confidentiality mark shows.
 */
export function footer(theme: Theme, meta: DeckMeta, number: number | undefined): Placed[] {
  // a checkpoint build is stamped on every slide, so a printed page says which read it is
  const source = number === undefined ? [] : [theme.footer ?? meta.title, ...(meta.checkpoint ? [`Checkpoint: ${meta.checkpoint}`] : [])];
  const logo = theme.logoImage?.position === 'footer' ? logoBox(theme, 'footer') : undefined;
  const leftW = CONTENT_W - 1.2 - (logo ? logo.w + 0.3 : 0);
  const left = ellipsize([...source, meta.confidentiality ?? theme.confidentiality].filter(Boolean).join('  ·  '), FOOTER.sizePt, leftW);
  const items: Placed[] = [];
  const para = (text: string) => ({ text, bullet: 'none' as const, level: 0 as const, weight: 'regular' as const, color: theme.colors.muted, spaceBeforePt: 0 });
  const common = { type: 'text' as const, sizePt: FOOTER.sizePt, lineHeightPt: lineHeight(FOOTER.sizePt), valign: 'middle' as const, role: 'footer' as const };
  if (left) items.push({ ...common, align: 'left', paragraphs: [para(left)], box: { x: MARGIN_X, y: FOOTER.y, w: leftW, h: FOOTER.h } });
  if (number !== undefined && theme.slideNumbers) {
    items.push({ ...common, align: 'right', paragraphs: [para(String(number))], box: { x: MARGIN_X + CONTENT_W - 1, y: FOOTER.y, w: 1, h: FOOTER.h } });
  }
  if (logo) items.push({ type: 'logo', alt: theme.logoImage!.alt, box: logo });
  return items;
}

/** The logo's box: at most 1.8 × 0.42 in top right (above the kicker's line), or 1.4 × 0.3 in the footer band. */
export function logoBox(theme: Theme, position: 'top-right' | 'footer'): Box | undefined {
  const img = theme.logoImage;
  if (!img) return undefined;
  const [maxW, maxH] = position === 'footer' ? [1.4, 0.3] : [1.8, 0.42];
  const ratio = img.widthPx / img.heightPx;
  const h = Math.min(maxH, maxW / ratio);
  const w = h * ratio;
  const right = MARGIN_X + CONTENT_W - (position === 'footer' ? 1.2 : 0);
  return position === 'footer' ? { x: right - w, y: FOOTER.y + (FOOTER.h - h) / 2, w, h } : { x: right - w, y: 0.22, w, h };
}

export function bodyRegion(top: number): Box {
  return { x: MARGIN_X, y: top, w: CONTENT_W, h: BODY_BOTTOM - top };
}

/** Shortens `text` with an ellipsis to fit one line (footers must never wrap into the slide's edge). */
export function ellipsize(text: string, sizePt: number, widthIn: number): string {
  const lines = wrapLines(text, sizePt, widthIn);
  if (lines.length <= 1) return text;
  // Only the words of the first line can stay: start from them, not from the whole text.
  const words = lines[0].split(/\s+/);
  while (words.length > 1 && wrapLines(words.join(' ') + ' …', sizePt, widthIn).length > 1) words.pop();
  return words.join(' ') + ' …';
}
