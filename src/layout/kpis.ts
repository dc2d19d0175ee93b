// Headline metrics as a row of cards: label, value, verdict word, detail. The tone colours the top bar and
// the verdict word, and the word itself (✓ Pass, ✗ Fail, ? Inconclusive) carries the meaning without colour.
import type { Kpi } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Paragraph, Placed } from './types.js';
import { GUTTER, TONE_MARK, TONE_WORD, toneColor } from './grid.js';
import { lineHeight, paragraphsHeightIn, shrinkToLines } from './textfit.js';

const PAD = 0.2;
const BAR = 0.06;
const SIZES = { label: 12, value: 28, valueFloor: 16, badge: 12, detail: 12 } as const;

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
}

/** A card's four slots: label, value, verdict word, detail (a slot may be empty). */
function cardParts(k: Kpi, theme: Theme, innerW: number): (Part | undefined)[] {
  const part = (role: PartRole, size: number, p: Paragraph): Part => ({ role, size, p, h: paragraphsHeightIn([p], size, innerW) });
  const valueSize = shrinkToLines(k.value, SIZES.value, SIZES.valueFloor, innerW, 1, 'bold');
  const word = TONE_WORD[k.tone];
  return [
    part('kpi-label', SIZES.label, para(k.label, theme.colors.muted, 'semibold')),
    part('kpi-value', valueSize, para(k.value, theme.colors.text, 'bold')),
    word ? part('kpi-detail', SIZES.badge, para(`${TONE_MARK[k.tone]} ${word}`, toneColor(theme, k.tone), 'semibold')) : undefined,
    k.detail ? part('kpi-detail', SIZES.detail, para(k.detail, theme.colors.text, 'regular')) : undefined,
  ];
}

/** Height of the whole block at a width (rows of cards with a gutter between rows). */
export function layoutKpis(items: Kpi[], theme: Theme, x: number, y: number, widthIn: number, perRow = kpisPerRow(items.length)): { items: Placed[]; heightIn: number } {
  const cardW = (widthIn - (perRow - 1) * GUTTER) / perRow;
  const innerW = cardW - 2 * PAD;
  const placed: Placed[] = [];
  let top = y;
  for (let r = 0; r < items.length; r += perRow) {
    const row = items.slice(r, r + perRow).map((k) => cardParts(k, theme, innerW));
    // Slots line up across the row: each slot is as tall as its tallest card's.
    const slotH = [0, 1, 2, 3].map((i) => Math.max(0, ...row.map((c) => c[i]?.h ?? 0)));
    const used = slotH.filter((h) => h > 0);
    const rowH = BAR + 2 * PAD + used.reduce((a, b) => a + b, 0) + 0.06 * (used.length - 1);
    row.forEach((card, i) => {
      const k = items[r + i];
      const cx = x + i * (cardW + GUTTER);
      placed.push({ type: 'shape', shape: 'rect', fill: theme.colors.tableStripe, box: { x: cx, y: top, w: cardW, h: rowH } });
      const barTone = TONE_WORD[k.tone] ? k.tone : 'accent';
      placed.push({ type: 'shape', shape: 'rect', fill: toneColor(theme, barTone), box: { x: cx, y: top, w: cardW, h: BAR } });
      let cy = top + BAR + PAD;
      card.forEach((part, slot) => {
        if (part) {
          placed.push({
            type: 'text', role: part.role, sizePt: part.size, lineHeightPt: lineHeight(part.size), align: 'left', valign: 'top',
            paragraphs: [part.p], box: { x: cx + PAD, y: cy, w: innerW, h: part.h },
          });
        }
        if (slotH[slot] > 0) cy += slotH[slot] + 0.06;
      });
    });
    top += rowH + GUTTER;
  }
  return { items: placed, heightIn: top - GUTTER - y };
}
