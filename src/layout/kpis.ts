// Headline metrics as a row of cards: label, value, mark, detail. The tone colours the top bar and the
// mark, and the mark's words (composed, e.g. "✓ met") carry the meaning without colour.
// Compact cards (when the slide is tight) set the verdict word beside the value and pad less.
import type { Kpi } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Paragraph, Placed } from './types.js';
import { GUTTER, toneColor } from './grid.js';
import { lineHeight, naturalWidthIn, paragraphsHeightIn, shrinkToLines } from './textfit.js';

const BAR = 0.06;
const SLOT_GAP = 0.06;
const ROOMY = { pad: 0.2, label: 12, value: 28, valueFloor: 16, badge: 12, detail: 12 } as const;
const COMPACT = { pad: 0.12, label: 12, value: 24, valueFloor: 16, badge: 12, detail: 12 } as const;
type Sizes = typeof ROOMY | typeof COMPACT;

export function kpisPerRow(n: number): number {
  return n <= 4 ? n : n <= 6 ? 3 : 4;
}

function para(text: string, color: string, weight: Paragraph['weight']): Paragraph {
  return { text, bullet: 'none', level: 0, weight, color, spaceBeforePt: 0 };
}

type PartRole = 'kpi-label' | 'kpi-value' | 'kpi-detail';
interface Part {
  role: PartRole;
  size: number;
  p: Paragraph;
  h: number;
  /** Width when the part sits beside the value (compact badge). */
  w?: number;
}

/** A card's slots: label, value, verdict word, detail (a slot may be empty; compact cards fold the word into the value's row). */
function cardParts(k: Kpi, theme: Theme, innerW: number, z: Sizes, compact: boolean): { slots: (Part | undefined)[]; badge?: Part } {
  const part = (role: PartRole, size: number, p: Paragraph, w = innerW): Part => ({ role, size, p, h: paragraphsHeightIn([p], size, w) });
  const badgeP = k.mark ? para(k.mark, toneColor(theme, k.tone), 'semibold') : undefined;
  const badgeW = compact && badgeP ? naturalWidthIn(badgeP.text, z.badge, 'semibold') + 0.04 : 0;
  const valueW = compact ? innerW - badgeW - (badgeW ? 0.1 : 0) : innerW;
  const valueSize = shrinkToLines(k.value, z.value, z.valueFloor, valueW, 1, 'bold');
  const value = part('kpi-value', valueSize, para(k.value, theme.colors.text, 'bold'), valueW);
  const badge = compact && badgeP ? { ...part('kpi-detail', z.badge, badgeP, badgeW), w: badgeW } : undefined;
  return {
    slots: [
      part('kpi-label', z.label, para(k.label, theme.colors.muted, 'semibold')),
      value,
      !compact && badgeP ? part('kpi-detail', z.badge, badgeP) : undefined,
      k.detail ? part('kpi-detail', z.detail, para(k.detail, theme.colors.text, 'regular')) : undefined,
    ],
    badge,
  };
}

/** Rows of cards with a gutter between rows; returns the placed items and the block's height. */
export function layoutKpis(items: Kpi[], theme: Theme, x: number, y: number, widthIn: number, perRow = kpisPerRow(items.length), compact = false): { items: Placed[]; heightIn: number } {
  const z: Sizes = compact ? COMPACT : ROOMY;
  const cardW = (widthIn - (perRow - 1) * GUTTER) / perRow;
  const innerW = cardW - 2 * z.pad;
  const placed: Placed[] = [];
  let top = y;
  for (let r = 0; r < items.length; r += perRow) {
    const row = items.slice(r, r + perRow).map((k) => cardParts(k, theme, innerW, z, compact));
    // Slots line up across the row: each slot is as tall as its tallest card's.
    const slotH = [0, 1, 2, 3].map((i) => Math.max(0, ...row.map((c) => c.slots[i]?.h ?? 0)));
    const used = slotH.filter((h) => h > 0);
    const rowH = BAR + 2 * z.pad + used.reduce((a, b) => a + b, 0) + SLOT_GAP * (used.length - 1);
    row.forEach((card, i) => {
      const k = items[r + i];
      const cx = x + i * (cardW + GUTTER);
      placed.push({ type: 'shape', shape: 'rect', fill: theme.colors.tableStripe, box: { x: cx, y: top, w: cardW, h: rowH } });
      const barTone = k.mark ? k.tone : 'accent';
      placed.push({ type: 'shape', shape: 'rect', fill: toneColor(theme, barTone), box: { x: cx, y: top, w: cardW, h: BAR } });
      let cy = top + BAR + z.pad;
      card.slots.forEach((part, slot) => {
        if (part) {
          const w = slot === 1 && card.badge ? innerW - card.badge.w! - 0.1 : innerW;
          placed.push(textItem(part, { x: cx + z.pad, y: cy, w, h: part.h }, 'top'));
          // The compact verdict word sits at the right of the value's row, on its baseline side.
          if (slot === 1 && card.badge) placed.push(textItem(card.badge, { x: cx + cardW - z.pad - card.badge.w!, y: cy, w: card.badge.w!, h: slotH[1] }, 'bottom', 'right'));
        }
        if (slotH[slot] > 0) cy += slotH[slot] + SLOT_GAP;
      });
    });
    top += rowH + GUTTER;
  }
  return { items: placed, heightIn: top - GUTTER - y };
}

function textItem(part: Part, box: Placed['box'], valign: 'top' | 'bottom', align: 'left' | 'right' = 'left'): Placed {
  return { type: 'text', role: part.role, sizePt: part.size, lineHeightPt: lineHeight(part.size), align, valign, paragraphs: [part.p], box };
}
